import { add, fromInt, mul, ONE, parseDecimal, parseShare, ZERO, type Rational } from '../arith/rational';
import type { Person } from '../domain/types';
import { problem, type Problem } from '../result';
import type { WeightRule } from '../rules/profile';

/** A person's vote weight under the profile's rule; a holding without a readable area or share weighs 0. */
export function personWeight(person: Person, rule: WeightRule, problems?: Problem[]): Rational {
  if (rule === 'person') return ONE;
  if (rule === 'plot') return fromInt(new Set(person.holdings.map((h) => h.plotNumber)).size);
  let total = ZERO;
  for (const h of person.holdings) {
    const area = parseDecimal(h.area ?? '');
    const share = parseShare(h.share);
    if (!area || area.n < 0n || !share) {
      problems?.push(
        problem(
          'weight_unreadable',
          `${person.fullName}, помещение ${h.plotNumber}: не указана площадь или доля — вес голоса 0.`,
          { field: area ? 'Доля' : 'Площадь' },
          'warning',
        ),
      );
      continue;
    }
    total = add(total, mul(area, share));
  }
  return total;
}
