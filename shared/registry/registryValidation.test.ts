import { describe, expect, it } from 'vitest';
import type { Person } from '../domain/types';
import type { Problem } from '../result';
import { makePersons } from '../../test/fixtures/persons';
import { makeRng } from '../../test/fixtures/random';
import type { PersonSource } from './parseRegistry';
import { RegistryValidation } from './registryValidation';
import { validateRegistry } from './validateRegistry';

const order = (list: Problem[]): Problem[] =>
  [...list].sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || a.message.localeCompare(b.message));

describe('RegistryValidation', () => {
  it('after every change of one person gives what validateRegistry gives for the whole list', () => {
    const rng = makeRng(1313);
    const pool = makePersons(60, 1313, { coOwned: 0.2, multiPlot: 0.3 });
    const persons: Person[] = pool.slice(0, 40);
    let nextRow = 2;
    const sourceOf = (p: Person): PersonSource => {
      const rows = p.holdings.map(() => nextRow++);
      return { rows: rows.length > 0 ? rows : [nextRow++], holdingRows: rows };
    };
    const sources = persons.map(sourceOf);
    const where = { file: 'реестр.xlsx', kind: 'snt' as const };
    const validation = new RegistryValidation(persons, sources, where);
    const whole = () => order(validateRegistry(persons, { ...where, sourceRows: sources }));
    expect(order(validation.problems())).toEqual(whole());

    // Changes that make and unmake every cross-person finding: a СНИЛС taken from another person, a plot
    // held by two (with and without shares, shares over 1), a plot given back, a person put in between.
    const other = () => persons[rng.int(0, persons.length - 1)]!;
    const changes: ((p: Person) => Person)[] = [
      (p) => ({ ...p, snils: other().snils! }),
      (p) => ({ ...p, snils: rng.pick(pool).snils! }),
      (p) => ({ ...p, holdings: [{ ...other().holdings[0]! }] }),
      (p) => ({
        ...p,
        holdings: [...p.holdings, { ...other().holdings[0]!, share: rng.pick(['1/2', '2/3']) }],
      }),
      (p) => ({ ...p, holdings: p.holdings.map((h) => ({ ...h, share: rng.pick(['1/2', '1/3', '1']) })) }),
      (p) => ({ ...p, holdings: [{ ...rng.pick(pool).holdings[0]! }] }),
      (p) => ({ ...p, fullName: rng.chance(0.5) ? '' : rng.pick(pool).fullName }),
    ];
    let kinds = 0;
    for (let step = 0; step < 300; step++) {
      const insert = rng.chance(0.1);
      const i = rng.int(0, insert ? persons.length : persons.length - 1);
      const person = insert ? { ...rng.pick(pool) } : rng.pick(changes)(persons[i]!);
      validation.put(i, person, sourceOf(person), insert);
      const expected = whole();
      expect(order(validation.problems())).toEqual(expected);
      kinds = Math.max(kinds, new Set(expected.map((p) => p.code)).size);
    }
    // The walk did meet duplicates and shared plots (not only the single-person checks).
    expect(kinds).toBeGreaterThanOrEqual(4);
  });
});
