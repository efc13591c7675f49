/**
 * Double entry (optional per meeting): a second commission member keys the same originals blind.
 * Entries that agree are settled at once; disagreements are listed for the two to settle together.
 * With double entry on, only settled ballots count (see countedVersion).
 */
import type { Ballot, Mark, VoidReason } from '../domain/types';
import { err, ok, problem, type Result } from '../result';
import { diffBallots, type FieldDiff } from './ballotDiff';
import {
  appendVersion,
  correctRecord,
  createRecord,
  currentVersion,
  type BallotVersion,
  type PaperBallotRecord,
  type VersionMeta,
} from './ballotRecord';

export interface EntryComparison {
  agree: boolean;
  /** Questions keyed differently. */
  questions: { number: number; first: Mark; second: Mark }[];
  /** Whole-ballot problems keyed by one operator only. */
  flags: { reason: VoidReason; first: boolean; second: boolean }[];
  /** Voter, channel, copy, date, delivery or representative keyed differently. */
  fields: FieldDiff[];
}

/** Disagreements between the two entries of one ballot, by question and whole-ballot flag. */
export function compareEntries(first: Ballot, second: Ballot, questions: readonly number[]): EntryComparison {
  const d = diffBallots(first, second, questions);
  return {
    agree: d.questions.length === 0 && d.flags.length === 0 && d.fields.length === 0,
    questions: d.questions.map((q) => ({ number: q.number, first: q.a, second: q.b })),
    flags: d.flags.map((f) => ({ reason: f.reason, first: f.a, second: f.b })),
    fields: d.fields,
  };
}

/** The blind second entry made after the record's current content, if any. */
export function pendingSecondEntry(record: PaperBallotRecord): BallotVersion | undefined {
  const cur = currentVersion(record);
  for (let i = record.versions.length - 1; i >= cur.n; i--) {
    const v = record.versions[i]!;
    if (v.kind === 'second_entry') return v;
  }
  return undefined;
}

export interface EntryOptions {
  doubleEntry?: boolean;
  /** The meeting's question numbers (what the two entries are compared on). */
  questions: readonly number[];
}

/**
 * Stores a keyed ballot: a new record, the marks of a logged arrival, or (double entry) the blind
 * second entry of a keyed one, settled at once when both agree. Anything else already keyed must be
 * changed through a correction with a reason.
 */
export function recordEntry(
  record: PaperBallotRecord | undefined,
  ballot: Ballot,
  meta: VersionMeta,
  opts: EntryOptions,
): Result<PaperBallotRecord> {
  if (!record) return createRecord(ballot, meta, true);
  const keyed = { ...ballot, id: record.id };
  const cur = currentVersion(record);
  if (cur.withdrawn) {
    return err([problem('record_withdrawn', 'Бюллетень отозван: сначала восстановите его.')]);
  }
  if (!cur.marksEntered) return correctRecord(record, keyed, meta);
  const firstBy = cur.by;
  if (!opts.doubleEntry || cur.kind === 'settled' || pendingSecondEntry(record)) {
    return err([
      problem(
        'record_already_entered',
        `Бюллетень уже введён (${firstBy}): чтобы изменить его, исправьте его с указанием причины.`,
      ),
    ]);
  }
  if (sameOperator(firstBy, meta.by)) {
    return err([
      problem('second_entry_same_operator', sameOperatorText(voterText(cur.ballot), firstBy), {
        field: 'Кто вводит',
      }),
    ]);
  }
  const withSecond = appendVersion(record, 'second_entry', keyed, meta);
  if (!compareEntries(cur.ballot, keyed, opts.questions).agree) return ok(withSecond);
  return ok(
    appendVersion(withSecond, 'settled', cur.ballot, {
      by: `${firstBy}, ${meta.by.trim()}`,
      at: meta.at,
      reason: 'оба ввода совпали',
    }),
  );
}

/** How a ballot's voter is named in the messages: «Петрова И. И., участок 12». */
function voterText(b: Ballot): string {
  const v = b.voter;
  return [v.fullName, v.plotNumber ? `участок ${v.plotNumber}` : ''].filter(Boolean).join(', ') || b.id;
}

/** The one refusal when the operator who made the first entry tries the second one too. */
export function sameOperatorText(voter: string, firstBy: string): string {
  return `Повторный ввод бюллетеня (${voter}) не принят: первый ввод сделал(а) ${firstBy.trim()}, а повторный должен делать другой член комиссии. Передайте ввод другому члену комиссии и укажите его в поле «Кто вводит».`;
}

/** The same commission member, whatever the letter case and surrounding spaces. */
export function sameOperator(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Records the version the two operators agreed on after comparing their entries with the paper.
 * `meta.by` names both of them.
 */
export function settle(
  record: PaperBallotRecord,
  agreed: Ballot,
  meta: VersionMeta,
): Result<PaperBallotRecord> {
  if (!pendingSecondEntry(record)) {
    return err([
      problem(
        'settle_nothing',
        'Сверять нечего: у бюллетеня нет повторного ввода после последнего изменения.',
      ),
    ]);
  }
  if (!meta.by.trim()) {
    return err([
      problem('operator_missing', 'Укажите членов комиссии, которые сверили бюллетень.', {
        field: 'Кто сверял',
      }),
    ]);
  }
  return ok(appendVersion(record, 'settled', { ...agreed, id: record.id }, meta));
}

/** Where a record stands under double entry. */
export type DoubleEntryState =
  | { state: 'not_keyed' }
  | { state: 'awaiting_second'; firstBy: string }
  | { state: 'disagree'; firstBy: string; secondBy: string; second: Ballot; comparison: EntryComparison }
  | { state: 'settled'; by: string }
  | { state: 'withdrawn' };

export function doubleEntryState(record: PaperBallotRecord, questions: readonly number[]): DoubleEntryState {
  const cur = currentVersion(record);
  if (cur.withdrawn) return { state: 'withdrawn' };
  if (!cur.marksEntered) return { state: 'not_keyed' };
  if (cur.kind === 'settled') return { state: 'settled', by: cur.by };
  const second = pendingSecondEntry(record);
  if (!second) return { state: 'awaiting_second', firstBy: cur.by };
  return {
    state: 'disagree',
    firstBy: cur.by,
    secondBy: second.by,
    second: second.ballot,
    comparison: compareEntries(cur.ballot, second.ballot, questions),
  };
}

export interface DoubleEntryQueue {
  awaitingSecond: PaperBallotRecord[];
  disagree: { record: PaperBallotRecord; state: Extract<DoubleEntryState, { state: 'disagree' }> }[];
  settled: number;
}

/** What is left to do under double entry: ballots keyed once, and disagreements to settle. */
export function doubleEntryQueue(
  records: readonly PaperBallotRecord[],
  questions: readonly number[],
): DoubleEntryQueue {
  const queue: DoubleEntryQueue = { awaitingSecond: [], disagree: [], settled: 0 };
  for (const record of records) {
    const s = doubleEntryState(record, questions);
    if (s.state === 'awaiting_second') queue.awaitingSecond.push(record);
    else if (s.state === 'disagree') queue.disagree.push({ record, state: s });
    else if (s.state === 'settled') queue.settled++;
  }
  return queue;
}

/**
 * The ballots `operator` may key the second time: keyed once by someone else and waiting (their own
 * first entries are left out: the second must be another member's). Oldest first, as they were keyed.
 */
export function awaitingSecondFor(
  records: readonly PaperBallotRecord[],
  questions: readonly number[],
  operator: string,
): PaperBallotRecord[] {
  return doubleEntryQueue(records, questions).awaitingSecond.filter(
    (r) => !operator.trim() || !sameOperator(currentVersion(r).by, operator),
  );
}
