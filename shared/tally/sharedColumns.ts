/**
 * The two largest columns of the live tally's decodings (decodeBallots.ts), shared while they can be:
 * the marks (1 MB for 25,000 ballots of 40 questions) and the dates received (25,000 strings, which the
 * garbage collector must scan). After every saved ballot the live tally decodes a list that is, but for
 * that ballot, the last one, and new columns each time cost more than the rest of the decoding. So
 * successive decodings share one column, each reading its first B ballots, as long as none writes where
 * an earlier one reads a different value: a ballot added at the end writes beyond them all, a ballot
 * saved again with the same marks or date writes the same values. Any other change gets a new column.
 */
import type { Ballot } from '../domain/types';
import type { DecodedBallots } from './decodeBallots';
import { markCode } from './markCodes';

/** The buffer last handed out, and how far its views reach (codes). */
let shared: { buffer: Int8Array; reach: number } | undefined;

/**
 * The codes column for `ballots` (to be filled where they differ from `prev`'s at the same place): a
 * view of the last decoding's buffer when that changes no code an earlier view reaches, else a new one
 * with room for ballots to come.
 */
export function codesColumn(
  prev: DecodedBallots | undefined,
  ballots: readonly Ballot[],
  numbers: readonly number[],
): Int8Array {
  const Q = numbers.length;
  const need = ballots.length * Q;
  if (
    prev &&
    shared &&
    prev.codes.buffer === shared.buffer.buffer &&
    shared.buffer.length >= need &&
    sameCodesWithin(shared, prev, ballots, numbers)
  ) {
    shared.reach = Math.max(shared.reach, need);
    return shared.buffer.subarray(0, need);
  }
  const room = (ballots.length >> 4) + 64;
  shared = { buffer: new Int8Array(need + room * Q), reach: need };
  return shared.buffer.subarray(0, need);
}

/** Whether every ballot within the views' reach has the codes the buffer holds at its place. */
function sameCodesWithin(
  at: { buffer: Int8Array; reach: number },
  prev: DecodedBallots,
  ballots: readonly Ballot[],
  numbers: readonly number[],
): boolean {
  const Q = numbers.length;
  const end = Math.min(ballots.length, Math.ceil(at.reach / Q));
  const before = prev.ballots;
  for (let b = 0; b < end; b++) {
    if (b < before.length && before[b] === ballots[b]) continue;
    const marks = ballots[b]!.marks;
    for (let q = 0; q < Q; q++) {
      if (at.buffer[b * Q + q] !== markCode(marks[numbers[q]!])) return false;
    }
  }
  return true;
}

/** The dates column last handed out, and how many ballots its readers reach. */
let dates: { list: string[]; reach: number } | undefined;

/**
 * The dates received for `ballots` (to be filled where they differ from `prev`'s at the same place): the
 * last decoding's list when that changes no date an earlier reader reaches, else a new one. A shared
 * list may be longer than `ballots`: it is read by place only.
 */
export function datesColumn(prev: DecodedBallots | undefined, ballots: readonly Ballot[]): string[] {
  const B = ballots.length;
  if (prev && dates && prev.receivedAt === dates.list) {
    const { list, reach } = dates;
    let same = true;
    for (let b = 0, end = Math.min(B, reach); same && b < end; b++) {
      same =
        (b < prev.ballots.length && prev.ballots[b] === ballots[b]) || list[b] === ballots[b]!.receivedAt;
    }
    if (same) {
      dates.reach = Math.max(reach, B);
      return list;
    }
  }
  dates = { list: new Array<string>(B), reach: B };
  return dates.list;
}
