/**
 * The registry phase of the tally: who counts as a member, each person's weight as an integer numerator
 * over one common denominator, the weight of all members and of everyone. For an МКД meeting with the
 * building's area (Housing Code art. 48 part 3, art. 45 part 3), all votes are that area, not the
 * registry's sum, and a difference is a warning.
 */
import { lcm, ONE, parseDecimal, rational, toDecimal, type Rational } from '../arith/rational';
import { formatArea } from '../documents/figuresRu';
import type { MeetingSpec, Person } from '../domain/types';
import { problem, type Problem } from '../result';
import type { RuleProfile } from '../rules/profile';
import { personWeight } from './weights';

export interface RegistryWeights {
  /** 1 for a member (every owner in МКД). */
  isMember: Uint8Array;
  /** false: one vote each (weights are all ONE and weightN is empty). */
  useWeights: boolean;
  weights: Rational[];
  denominator: bigint;
  /** Each person's weight × denominator. */
  weightN: bigint[];
  members: number;
  /** Weight of all members, of everyone (× denominator); the building's area where it is given. */
  memberWeightN: bigint;
  allWeightN: bigint;
  /** With the building's area: the registry's own sum (× denominator). */
  registryWeightN: bigint | undefined;
  /** The quorum counts every registry person (МКД), not members only. */
  quorumOfAll: boolean;
}

export function registryWeights(
  registry: readonly Person[],
  meeting: MeetingSpec,
  profile: RuleProfile,
  problems: Problem[],
): RegistryWeights {
  const isMkd = meeting.kind === 'mkd';
  const P = registry.length;
  const isMember = new Uint8Array(P);
  const useWeights = profile.weight !== 'person';
  const weights: Rational[] = new Array(P);
  let denominator = 1n;
  for (let i = 0; i < P; i++) {
    const p = registry[i]!;
    isMember[i] = isMkd || p.status === 'member' ? 1 : 0;
    const w = useWeights ? personWeight(p, profile.weight, problems) : ONE;
    weights[i] = w;
    if (w.d !== denominator && useWeights) denominator = lcm(denominator, w.d);
  }
  const weightN: bigint[] = useWeights ? weights.map((w) => w.n * (denominator / w.d)) : [];
  const quorumOfAll = profile.quorum.counts === 'everyone';
  let members = 0;
  for (let i = 0; i < P; i++) members += isMember[i]!;
  let memberWeightN = BigInt(members);
  let allWeightN = BigInt(P);
  if (useWeights) {
    memberWeightN = 0n;
    allWeightN = 0n;
    for (let i = 0; i < P; i++) {
      allWeightN += weightN[i]!;
      if (isMember[i]) memberWeightN += weightN[i]!;
    }
  }
  // МКД: all owners' votes are the building's area when it is given, not the registry's sum.
  const area = isMkd && useWeights && meeting.buildingArea ? parseDecimal(meeting.buildingArea) : null;
  let registryWeightN: bigint | undefined;
  if (area && area.n > 0n) {
    const d = lcm(denominator, area.d);
    const scale = d / denominator;
    if (scale !== 1n) {
      for (let i = 0; i < P; i++) weightN[i] = weightN[i]! * scale;
      allWeightN *= scale;
      denominator = d;
    }
    registryWeightN = allWeightN;
    allWeightN = area.n * (denominator / area.d);
    memberWeightN = allWeightN;
    if (registryWeightN !== allWeightN) {
      problems.push(
        problem(
          'building_area_differs',
          `Сумма площадей в реестре (${formatArea(toDecimal(rational(registryWeightN, denominator), 2))} м²) ` +
            `отличается от общей площади помещений дома (${formatArea(toDecimal(area, 2))} м²): ` +
            'кворум и решения «от общего числа голосов» считаются от площади дома.',
          { field: 'Общая площадь помещений дома' },
          'warning',
        ),
      );
    }
  }
  return {
    isMember,
    useWeights,
    weights,
    denominator,
    weightN,
    members,
    memberWeightN,
    allWeightN,
    registryWeightN,
    quorumOfAll,
  };
}
