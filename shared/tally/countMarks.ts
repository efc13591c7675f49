/**
 * The tally's per-person hot loops, as small functions of their own: the first tally of a meeting runs
 * them in cold code, and small functions are compiled early (the whole tally loop only late).
 */
import { SLOTS } from './decide';
import { ABSTAIN, FOR } from './outcomes';

/** Code -> slot of Tallies: for 0, against 1, abstain 2, invalid 3, conflict 4. */
export const SLOT = [3, 0, 1, 2, 3, 3, 4];

/** Where the counting loops write. */
export interface CountContext {
  /** Questions on the agenda. */
  Q: number;
  /** Mark codes, Q per ballot. */
  codes: Int8Array;
  /** Persons × questions: the code counted (-1: none). */
  decision: Int8Array;
  /** Persons per question and slot (q × SLOTS + slot). */
  counts: Int32Array;
  useWeights: boolean;
  weightSums: bigint[];
  /** Valid votes (for, against, abstain) of gardeners per question. */
  gardenersVoted: Int32Array;
}

/** Whether the ballots accepted[1 ..] have the marks of accepted[0] on every question. */
export function sameMarks(codes: Int8Array, accepted: readonly number[], Q: number): boolean {
  const a0 = accepted[0]! * Q;
  for (let k = 1; k < accepted.length; k++) {
    const o = accepted[k]! * Q;
    for (let q = 0; q < Q; q++) if (codes[o + q] !== codes[a0 + q]) return false;
  }
  return true;
}

/** Counts the marks of ballot `b` as person `i`'s decisions on every question (weight × denominator `w`). */
export function countMarks(c: CountContext, b: number, i: number, member: boolean, w: bigint): void {
  const { Q, codes, decision, counts, useWeights, weightSums, gardenersVoted } = c;
  const a0 = b * Q;
  const row = i * Q;
  for (let q = 0; q < Q; q++) {
    const code = codes[a0 + q]!;
    decision[row + q] = code;
    const slot = q * SLOTS + SLOT[code]!;
    counts[slot]!++;
    if (useWeights) weightSums[slot]! += w;
    if (!member && code >= FOR && code <= ABSTAIN) gardenersVoted[q]!++;
  }
}
