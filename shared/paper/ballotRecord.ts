/**
 * A stored paper (or in-person) ballot with its history. Nothing is ever deleted or overwritten: the
 * arrival, the keyed marks, every correction (who, when, why), a withdrawal, the blind second entry
 * and the agreed (settled) version are versions appended to the record. The tally counts
 * `currentBallots(records)`.
 */
import type { AuditWrite } from '../audit/auditCatalogue';
import { canonicalJson } from '../crypto/sha256';
import type { Ballot, IsoTimestamp } from '../domain/types';
import { err, ok, problem, type Problem, type Result } from '../result';

/**
 * logged: the arrival was recorded (marks not keyed yet); entered: marks keyed (the first entry);
 * corrected: content changed (a reason is required); withdrawn / restored: taken out of the count and
 * back (a reason is required); second_entry: the blind second keying under double entry (never the
 * record's content by itself); settled: the version both operators agreed on (double entry).
 */
export type VersionKind =
  'logged' | 'entered' | 'corrected' | 'withdrawn' | 'restored' | 'second_entry' | 'settled';

export interface BallotVersion {
  /** 1-based position in `versions`. */
  n: number;
  kind: VersionKind;
  /** The whole ballot as of this version; its id is the record's id. A withdrawal repeats the content. */
  ballot: Ballot;
  /** False while only the arrival is logged: such a ballot is not counted yet. */
  marksEntered: boolean;
  /** True from a withdrawal until a restore. */
  withdrawn: boolean;
  /** Operator (commission member) name; a settlement names both operators. */
  by: string;
  at: IsoTimestamp;
  /** Why: required for corrections, withdrawals and restores. */
  reason?: string;
  /** Receipt mark on an original handed in at the board office (отметка о получении). */
  receiptMark?: string;
  /** Attached files (scan image or PDF), by id of the stored file. */
  attachmentIds?: string[];
  /**
   * Id of the version, unique within its record on every laptop: `<laptop id>:<n>@<time>` where it was
   * made (the time keeps two installs restored from one backup apart; see versionId; versions made
   * before laptops were named have none and are `#<n>`).
   */
  vid?: string;
  /** The versions this one follows (one; all the branches it settles after a clash between laptops). */
  parents?: string[];
  /** The laptop the version was made on (see renderer/ballots/laptop). */
  laptop?: LaptopRef;
}

/** A laptop of the commission: an id made once per install and the name the commission gave it. */
export interface LaptopRef {
  id: string;
  name: string;
}

export interface PaperBallotRecord {
  /** The ballot's id (every version's `ballot.id`). */
  id: string;
  versions: BallotVersion[];
}

export interface VersionMeta {
  by: string;
  at: IsoTimestamp;
  reason?: string;
  receiptMark?: string;
  attachmentIds?: string[];
  /** This laptop: gives the new version its id. */
  laptop?: LaptopRef;
  /** The versions it follows (a settlement of a clash); default: the last version. */
  parents?: string[];
}

export interface CountOptions {
  /** Double entry is on for the meeting: only settled ballots count. */
  doubleEntry?: boolean;
}

const FIELD_REASON = 'Причина';

/** The record's content now: the last version that is not a blind second entry. */
export function currentVersion(record: PaperBallotRecord): BallotVersion {
  for (let i = record.versions.length - 1; i >= 0; i--) {
    const v = record.versions[i]!;
    if (v.kind !== 'second_entry') return v;
  }
  // A record always starts with a logged or entered version.
  return record.versions[0]!;
}

/**
 * The version that counts, or null: withdrawn, marks not keyed yet, or (double entry) not settled since
 * its last change.
 */
export function countedVersion(record: PaperBallotRecord, opts: CountOptions = {}): BallotVersion | null {
  const v = currentVersion(record);
  if (v.withdrawn || !v.marksEntered) return null;
  // Changed differently on two laptops: counts once the commission settles it.
  if (headVersions(record).length > 1) return null;
  if (opts.doubleEntry && v.kind !== 'settled') return null;
  return v;
}

/** The ballots the tally should count: each record's counted version. */
export function currentBallots(records: readonly PaperBallotRecord[], opts: CountOptions = {}): Ballot[] {
  const out: Ballot[] = [];
  for (const r of records) {
    const v = countedVersion(r, opts);
    if (v) out.push(v.ballot);
  }
  return out;
}

/** The version's id within its record (`#<n>` for one made before versions had ids). */
export function versionId(v: BallotVersion): string {
  return v.vid ?? `#${v.n}`;
}

/** The versions a version follows: its own list, or (made before versions had ids) the one before it. */
export function parentIds(record: PaperBallotRecord, v: BallotVersion): string[] {
  if (v.parents) return v.parents;
  const before = record.versions[v.n - 2];
  return before ? [versionId(before)] : [];
}

/**
 * The versions nothing follows. One for a record changed on one laptop at a time; more when two
 * laptops changed it differently since they last exchanged files (a clash for the commission).
 */
export function headVersions(record: PaperBallotRecord): BallotVersion[] {
  const followed = new Set<string>();
  for (const v of record.versions) for (const p of parentIds(record, v)) followed.add(p);
  return record.versions.filter((v) => !followed.has(versionId(v)));
}

function needsReason(meta: VersionMeta, what: string): Problem[] {
  if (meta.reason?.trim()) return [];
  return [problem('reason_missing', `${what}: укажите причину.`, { field: FIELD_REASON })];
}

function needsOperator(meta: VersionMeta): Problem[] {
  if (meta.by.trim()) return [];
  return [
    problem('operator_missing', 'Не указан член комиссии, который вносит изменение.', {
      field: 'Кто вносит',
    }),
  ];
}

function append(
  record: PaperBallotRecord,
  kind: VersionKind,
  ballot: Ballot,
  meta: VersionMeta,
  flags: { marksEntered: boolean; withdrawn: boolean },
): PaperBallotRecord {
  const prev = currentVersion(record);
  const n = record.versions.length + 1;
  const last = record.versions[n - 2];
  const version: BallotVersion = {
    n,
    kind,
    ballot,
    marksEntered: flags.marksEntered,
    withdrawn: flags.withdrawn,
    by: meta.by.trim(),
    at: meta.at,
    ...(meta.reason?.trim() ? { reason: meta.reason.trim() } : {}),
    ...withArrival(meta, prev),
    ...(meta.laptop
      ? {
          vid: `${meta.laptop.id}:${n}@${meta.at}`,
          parents: meta.parents ?? (last ? [versionId(last)] : []),
          laptop: { id: meta.laptop.id, name: meta.laptop.name },
        }
      : {}),
  };
  return { id: record.id, versions: [...record.versions, version] };
}

/** Receipt mark and attachments carry over from the previous version unless given. */
function withArrival(
  meta: VersionMeta,
  prev: BallotVersion | undefined,
): Pick<BallotVersion, 'receiptMark' | 'attachmentIds'> {
  const receiptMark = meta.receiptMark ?? prev?.receiptMark;
  const ids = [...(prev?.attachmentIds ?? []), ...(meta.attachmentIds ?? [])];
  const attachmentIds = [...new Set(ids)];
  return {
    ...(receiptMark ? { receiptMark } : {}),
    ...(attachmentIds.length ? { attachmentIds } : {}),
  };
}

/**
 * A new record. `marksEntered: false` logs an arrival whose marks are keyed later (the mail log);
 * otherwise the first entry of a keyed ballot.
 */
export function createRecord(
  ballot: Ballot,
  meta: VersionMeta,
  marksEntered = true,
): Result<PaperBallotRecord> {
  const problems = needsOperator(meta);
  if (problems.length) return err(problems);
  const first: PaperBallotRecord = { id: ballot.id, versions: [] };
  return ok(
    append(first, marksEntered ? 'entered' : 'logged', ballot, meta, { marksEntered, withdrawn: false }),
  );
}

function sameContent(a: BallotVersion, b: Ballot, meta: VersionMeta): boolean {
  const newFiles = (meta.attachmentIds ?? []).some((id) => !(a.attachmentIds ?? []).includes(id));
  const newMark = meta.receiptMark !== undefined && meta.receiptMark !== a.receiptMark;
  return !newFiles && !newMark && a.marksEntered && canonicalJson(a.ballot) === canonicalJson(b);
}

/**
 * Keying the marks of a logged arrival (no reason needed: nothing keyed is replaced), or a correction
 * of a keyed ballot (reason required). A withdrawn ballot must be restored first.
 */
export function correctRecord(
  record: PaperBallotRecord,
  ballot: Ballot,
  meta: VersionMeta,
): Result<PaperBallotRecord> {
  const cur = currentVersion(record);
  const keying = !cur.marksEntered;
  const problems = [...needsOperator(meta), ...(keying ? [] : needsReason(meta, 'Исправление бюллетеня'))];
  if (ballot.id !== record.id) {
    problems.push(
      problem(
        'record_mismatch',
        `Исправление относится к другому бюллетеню (${ballot.id}, а не ${record.id}).`,
      ),
    );
  }
  if (cur.withdrawn) {
    problems.push(
      problem('record_withdrawn', 'Бюллетень отозван: сначала восстановите его, затем исправляйте.'),
    );
  }
  if (problems.length === 0 && sameContent(cur, ballot, meta)) {
    problems.push(problem('record_unchanged', 'Исправление ничего не меняет в бюллетене.'));
  }
  if (problems.length) return err(problems);
  return ok(
    append(record, keying ? 'entered' : 'corrected', ballot, meta, { marksEntered: true, withdrawn: false }),
  );
}

/** Takes the ballot out of the count, keeping every version; a reason is required. */
export function withdrawRecord(record: PaperBallotRecord, meta: VersionMeta): Result<PaperBallotRecord> {
  const cur = currentVersion(record);
  const problems = [...needsOperator(meta), ...needsReason(meta, 'Отзыв бюллетеня')];
  if (cur.withdrawn) problems.push(problem('record_withdrawn', 'Бюллетень уже отозван.'));
  if (problems.length) return err(problems);
  return ok(
    append(record, 'withdrawn', cur.ballot, meta, { marksEntered: cur.marksEntered, withdrawn: true }),
  );
}

/**
 * Puts a withdrawn ballot back as it was before the withdrawal; a reason is required. Under double
 * entry a restored ballot needs settling again.
 */
export function restoreRecord(record: PaperBallotRecord, meta: VersionMeta): Result<PaperBallotRecord> {
  const cur = currentVersion(record);
  const problems = [...needsOperator(meta), ...needsReason(meta, 'Восстановление бюллетеня')];
  if (!cur.withdrawn) problems.push(problem('record_not_withdrawn', 'Бюллетень не отозван.'));
  if (problems.length) return err(problems);
  return ok(
    append(record, 'restored', cur.ballot, meta, { marksEntered: cur.marksEntered, withdrawn: false }),
  );
}

/** Appends a version built elsewhere in this folder (double entry), keeping numbering and carry-over. */
export function appendVersion(
  record: PaperBallotRecord,
  kind: VersionKind,
  ballot: Ballot,
  meta: VersionMeta,
  flags: { marksEntered: boolean; withdrawn: boolean } = { marksEntered: true, withdrawn: false },
): PaperBallotRecord {
  return append(record, kind, ballot, meta, flags);
}

/**
 * The audit trail entry of one version (append it in the same transaction as the record):
 * `ballot.<kind>`, before = the content it replaces.
 */
export function versionAuditEvent(record: PaperBallotRecord, n: number): AuditWrite {
  const v = record.versions[n - 1];
  if (!v) throw new RangeError(`Record ${record.id} has no version ${n}`);
  let before: BallotVersion | undefined;
  if (v.kind !== 'second_entry') {
    for (let i = n - 2; i >= 0; i--) {
      if (record.versions[i]!.kind !== 'second_entry') {
        before = record.versions[i];
        break;
      }
    }
  }
  return {
    actor: v.by,
    action: `ballot.${v.kind}`,
    entity: 'ballot',
    entityId: record.id,
    ...(before ? { before: before.ballot } : {}),
    after: v.ballot,
    ...(v.reason ? { reason: v.reason } : {}),
  };
}
