import type { BallotStatus, Decision, DecisionBasis, TallyResult } from './types';

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
  'resolved',
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

/** Ids of the person's accepted ballots, in the order received. */
export function acceptedBallotIds(result: TallyResult, personIndex: number): string[] {
  return personBallots(result, personIndex, 'accepted');
}

/** Ids of the person's ballots that are not counted. */
export function rejectedBallotIds(result: TallyResult, personIndex: number): string[] {
  return personBallots(result, personIndex, 'rejected');
}

function personBallots(result: TallyResult, personIndex: number, status: BallotStatus): string[] {
  const p = result.persons[personIndex]!;
  const ids: string[] = [];
  for (let i = p.ballotsFrom; i < p.ballotsTo; i++) {
    if (result.ballots[i]!.status === status) ids.push(result.ballots[i]!.ballotId);
  }
  return ids;
}
