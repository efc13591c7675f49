import type { Decision, DecisionBasis, TallyResult } from './types';

/** Decision codes of the vote matrix: marks first (their order matters to the tally), then conflict. */
export const DECISIONS: readonly Decision[] = [
  'none',
  'for',
  'against',
  'abstain',
  'several',
  'all_crossed',
  'conflict',
];
export const BASES: readonly DecisionBasis[] = [
  'single',
  'agree',
  'latest',
  'priority',
  'conflict',
  'not_electorate',
];

/** The decision counted for the person at `personIndex` (registry order) on the q-th question; null if none. */
export function personDecision(result: TallyResult, personIndex: number, q: number): Decision | null {
  const c = result.votes.decision[personIndex * result.votes.questions + q]!;
  return c < 0 ? null : DECISIONS[c]!;
}

/** Why that decision counts; null when the person took no part. */
export function personBasis(result: TallyResult, personIndex: number, q: number): DecisionBasis | null {
  const c = result.votes.basis[personIndex * result.votes.questions + q]!;
  return c < 0 ? null : BASES[c]!;
}
