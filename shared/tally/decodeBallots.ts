/**
 * Ballots as the tally reads them, a column per fact: each ballot's marks as codes in agenda order
 * (DECISIONS order, see votes.ts), its voter's packed match in the registry index, and the few fields the
 * counting loops compare. The loops then read typed arrays instead of ballot objects, whose shapes vary
 * with where a ballot came from.
 *
 * The live tally runs after every saved ballot over ballots that are, but for the one saved, the same
 * objects in the same places as last time. So the last decoding is kept, and a ballot found at the same
 * place as then is copied from it instead of decoded again (runs of them in one copy). This relies on
 * what TallyInput asks: a ballot is not changed in place once passed (a changed ballot is a new object).
 * The registry index and the agenda must be the same too, else everything is decoded afresh.
 */
import type { Ballot, Channel } from '../domain/types';
import type { VoterIndex } from '../registry/voterIndex';
import { markCode, type MarkCodes } from './markCodes';
import { codesColumn, datesColumn } from './sharedColumns';
import { ballotVoter } from './voterMatches';

/** Channel codes, in the order of the channels' names (the order ballots are sorted in). */
export const CHANNELS: readonly Channel[] = ['gosuslugi', 'in_person', 'paper'];
const CHANNEL_CODE: Record<Channel, number> = { gosuslugi: 0, in_person: 1, paper: 2 };

export interface DecodedBallots {
  readonly ballots: readonly Ballot[];
  /** The question numbers in agenda order, joined with commas. */
  readonly agenda: string;
  readonly index: VoterIndex;
  /** Q codes per ballot (ballot b's at b * Q): none 0, for 1, against 2, abstain 3, several 4, all_crossed 5. */
  readonly codes: Int8Array;
  /** 1 when some mark of the ballot is not a choice (none, several, all crossed out). */
  readonly badMark: Uint8Array;
  /** The voter as ballotVoter gives it: registry index × 8 + key, or a negative failure. */
  readonly match: Int32Array;
  /** The date received (YYYY-MM-DD). */
  readonly receivedAt: readonly string[];
  /** Position of the channel in CHANNELS. */
  readonly channel: Uint8Array;
  /** 1 for a scan, 0 for an original. */
  readonly scan: Uint8Array;
  /** 1 when void as a whole: a void reason, or a representative without power-of-attorney details. */
  readonly voided: Uint8Array;
}

let last: DecodedBallots | undefined;

// Columns the importer gave (bits of decodeBallot's `given`).
const CODES = 1;
const FLAGS = 2;
const VOTERS = 4;

/**
 * The ballots decoded for this agenda (question numbers in order) and registry index. With `marks`
 * (their codes, as the importer wrote them) of this agenda and length, the codes are taken from there,
 * not read from the ballot objects (nor each code looked at, with their bad-mark flags); with its voters
 * matched in this index, the matches too.
 */
export function decodeBallots(
  ballots: readonly Ballot[],
  numbers: readonly number[],
  index: VoterIndex,
  marks?: MarkCodes,
): DecodedBallots {
  const agenda = numbers.join(',');
  const prev = last?.agenda === agenda && last.index === index ? last : undefined;
  const B = ballots.length;
  if (prev && prev.ballots.length === B && samePlaces(prev.ballots, ballots, B) === B) return prev;
  const Q = numbers.length;
  const column =
    marks && marks.codes.length === B * Q && marks.agenda.join(',') === agenda ? marks.codes : undefined;
  const flagged = column && marks!.bad?.length === B ? marks!.bad : undefined;
  const voters = marks?.voters;
  const matched = voters && voters.index === index && voters.match.length === B ? voters.match : undefined;
  /** What the importer gave: the codes (CODES), their bad-mark flags (FLAGS), the voters (VOTERS). */
  const given = (column ? CODES : 0) | (flagged ? FLAGS : 0) | (matched ? VOTERS : 0);
  const receivedAt = datesColumn(prev, ballots);
  const out: DecodedBallots = {
    ballots,
    agenda,
    index,
    codes: column ?? codesColumn(prev, ballots, numbers),
    badMark: flagged ?? new Uint8Array(B),
    match: matched ?? new Int32Array(B),
    receivedAt,
    channel: new Uint8Array(B),
    scan: new Uint8Array(B),
    voided: new Uint8Array(B),
  };
  const kept = prev ? Math.min(prev.ballots.length, B) : 0;
  for (let b = 0; b < B;) {
    // A run of ballots at the same places as in the previous decoding: copied as one.
    const end = b < kept ? samePlaces(prev!.ballots, ballots, kept, b) : b;
    if (end > b) {
      if (!column && out.codes.buffer !== prev!.codes.buffer)
        out.codes.set(prev!.codes.subarray(b * Q, end * Q), b * Q);
      if (!flagged) out.badMark.set(prev!.badMark.subarray(b, end), b);
      if (!matched) out.match.set(prev!.match.subarray(b, end), b);
      out.channel.set(prev!.channel.subarray(b, end), b);
      out.scan.set(prev!.scan.subarray(b, end), b);
      out.voided.set(prev!.voided.subarray(b, end), b);
      for (let i = b; i < end; i++) receivedAt[i] = prev!.receivedAt[i]!;
      b = end;
      continue;
    }
    decodeBallot(out, receivedAt, b, ballots[b]!, numbers, index, given);
    b++;
  }
  last = out;
  return out;
}

/**
 * Decodes ballot `b` into `out`. A function of its own, small, so that the first tally's cold code
 * compiles it early (not as part of the whole loop above).
 */
function decodeBallot(
  out: DecodedBallots,
  receivedAt: string[],
  b: number,
  ballot: Ballot,
  numbers: readonly number[],
  index: VoterIndex,
  given: number,
): void {
  const Q = numbers.length;
  const codes = out.codes;
  if (!(given & CODES)) {
    const marks = ballot.marks;
    let bad = 0;
    for (let q = 0, o = b * Q; q < Q; q++) {
      const c = markCode(marks[numbers[q]!]);
      codes[o + q] = c;
      if (c < 1 || c > 3) bad = 1;
    }
    out.badMark[b] = bad;
  } else if (!(given & FLAGS)) {
    let bad = 0;
    for (let o = b * Q, end = o + Q; o < end; o++) if (codes[o]! < 1 || codes[o]! > 3) bad = 1;
    out.badMark[b] = bad;
  }
  if (!(given & VOTERS)) out.match[b] = ballotVoter(index, ballot);
  receivedAt[b] = ballot.receivedAt;
  out.channel[b] = CHANNEL_CODE[ballot.channel];
  out.scan[b] = ballot.copy === 'scan' ? 1 : 0;
  out.voided[b] =
    ballot.voidReasons.length > 0 ||
    (ballot.representative !== undefined && !ballot.representative.powerOfAttorney?.trim())
      ? 1
      : 0;
}

/** The first place from `from` (below `end`) where the two lists hold different ballots, or `end`. */
function samePlaces(a: readonly Ballot[], b: readonly Ballot[], end: number, from = 0): number {
  let i = from;
  while (i < end && a[i] === b[i]) i++;
  return i;
}
