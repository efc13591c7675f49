/**
 * Comparing two ballots question by question: a scan with its original (the mail log, the entry
 * screen's highlight) and the two blind entries of one ballot (double entry).
 */
import type { Ballot, Mark, Representative, VoidReason, VoterRef } from '../domain/types';
import { normalizeName } from '../text/normalizeName';

export const VOID_REASONS: readonly VoidReason[] = [
  'no_signature',
  'no_details',
  'pencil',
  'corrections',
  'no_power_of_attorney',
];

/** A question marked differently: `a` and `b` in the order the ballots were given. */
export interface MarkDiff {
  number: number;
  a: Mark;
  b: Mark;
}

/** A whole-ballot problem present on one ballot only. */
export interface FlagDiff {
  reason: VoidReason;
  a: boolean;
  b: boolean;
}

/** Details other than marks and flags. */
export type FieldDiff = 'voter' | 'channel' | 'copy' | 'receivedAt' | 'delivery' | 'representative';

export interface BallotDiff {
  questions: MarkDiff[];
  flags: FlagDiff[];
  fields: FieldDiff[];
}

/** The mark on a question; a missing entry is `none` (nothing marked). */
export function markOf(ballot: Ballot, number: number): Mark {
  return ballot.marks[number] ?? 'none';
}

function voterKey(v: VoterRef): string {
  if (v.personId) return `id:${v.personId}`;
  return [v.snils ?? '', v.cadastralNumber ?? '', v.plotNumber ?? '', normalizeName(v.fullName ?? '')].join(
    '|',
  );
}

function representativeKey(r: Representative | undefined): string {
  if (!r) return '';
  return [normalizeName(r.fullName), (r.powerOfAttorney ?? '').trim(), r.powerOfAttorneyDate ?? ''].join('|');
}

/** Every difference between two ballots on the given questions (meeting order). */
export function diffBallots(a: Ballot, b: Ballot, questions: readonly number[]): BallotDiff {
  const marks: MarkDiff[] = [];
  for (const number of questions) {
    const ma = markOf(a, number);
    const mb = markOf(b, number);
    if (ma !== mb) marks.push({ number, a: ma, b: mb });
  }
  const flags: FlagDiff[] = [];
  for (const reason of VOID_REASONS) {
    const fa = a.voidReasons.includes(reason);
    const fb = b.voidReasons.includes(reason);
    if (fa !== fb) flags.push({ reason, a: fa, b: fb });
  }
  const fields: FieldDiff[] = [];
  if (voterKey(a.voter) !== voterKey(b.voter)) fields.push('voter');
  if (a.channel !== b.channel) fields.push('channel');
  if (a.copy !== b.copy) fields.push('copy');
  if (a.receivedAt !== b.receivedAt) fields.push('receivedAt');
  if ((a.delivery ?? '') !== (b.delivery ?? '')) fields.push('delivery');
  if (representativeKey(a.representative) !== representativeKey(b.representative)) {
    fields.push('representative');
  }
  return { questions: marks, flags, fields };
}

export interface ScanComparison {
  /** Question numbers marked differently on the scan and on the original. */
  differs: number[];
  questions: { number: number; scan: Mark; original: Mark }[];
  /** Whole-ballot problems seen on one of them only (e.g. the original is in pencil). */
  flags: { reason: VoidReason; scan: boolean; original: boolean }[];
}

/** What the original says differently from its scan (arrival details are expected to differ). */
export function compareScanOriginal(
  scan: Ballot,
  original: Ballot,
  questions: readonly number[],
): ScanComparison {
  const d = diffBallots(scan, original, questions);
  return {
    differs: d.questions.map((q) => q.number),
    questions: d.questions.map((q) => ({ number: q.number, scan: q.a, original: q.b })),
    flags: d.flags.map((f) => ({ reason: f.reason, scan: f.a, original: f.b })),
  };
}
