/**
 * The only writer of paper and in-person ballots, their attachments and the attendance list. Every write
 * is one read-write transaction that also appends the audit entry (or entries) of the change, so a
 * ballot version without its audit entry, or the reverse, can never be stored. Rules live in shared/paper;
 * a refused change comes back as the shared core's Russian problems and writes nothing.
 */
import type { Ballot, IsoTimestamp, Person } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import {
  correctRecord,
  createRecord,
  currentVersion,
  restoreRecord,
  versionAuditEvent,
  withdrawRecord,
  type LaptopRef,
  type PaperBallotRecord,
} from '../../shared/paper/ballotRecord';
import { recordEntry, settle } from '../../shared/paper/doubleEntry';
import { logArrival, type ArrivalInput } from '../../shared/paper/mailLog';
import { registerAttendance, withdrawAttendance, type AttendanceRecord } from '../../shared/paper/attendance';
import { voterIndex } from '../../shared/paper/voterRef';
import { err, ok, problem, type Result } from '../../shared/result';
import { auditedWrite, type AuditAppend } from '../db/auditedWrite';
import { newId, type GolosDb } from '../db/db';
import type { AttachmentRecord, AttendanceRow, PaperBallotRow } from '../db/records';
import { getLaptop } from './laptop';
import { scanAttachments, storeAttachments, type AttachmentMeta, type PickedFile } from './scanFiles';
import { localTimestamp } from '../../shared/meetings/dates';

export { SCAN_EXTENSIONS, type AttachmentMeta, type PickedFile } from './scanFiles';

export interface BallotWriteContext {
  meeting: Meeting;
  /** The meeting's registry (snapshot or live), to index a record by its person. */
  registry: readonly Person[];
  /** Commission member at the keyboard (renderer/app/operator.ts). */
  by: string;
  /** Defaults to now (local time with offset). */
  at?: IsoTimestamp;
  /** This laptop (renderer/ballots/laptop); read from the settings when not given. */
  laptop?: LaptopRef;
}

/** The context with this laptop filled in: every version made here carries it. */
export async function withLaptop(db: GolosDb, ctx: BallotWriteContext): Promise<BallotWriteContext> {
  if (ctx.laptop) return ctx;
  const { id, name } = await getLaptop(db);
  return { ...ctx, laptop: { id, name } };
}

/** The stored row of a record: the meeting and the registry person its current version names. */
export function rowOf(
  record: PaperBallotRecord,
  meetingId: string,
  registry: readonly Person[],
): PaperBallotRow {
  const i = voterIndex(registry, currentVersion(record).ballot.voter);
  return { ...record, meetingId, ...(i >= 0 ? { personId: registry[i]!.id } : {}) };
}

/** Inside an audited write: stores the record and one audit entry per version added since `known`. */
export async function putRecord(
  db: GolosDb,
  audit: AuditAppend,
  record: PaperBallotRecord,
  known: number,
  ctx: BallotWriteContext,
): Promise<PaperBallotRow> {
  const row = rowOf(record, ctx.meeting.id, ctx.registry);
  await db.paperBallots.put(row);
  for (let n = known + 1; n <= record.versions.length; n++) {
    await audit(versionAuditEvent(record, n));
  }
  return row;
}

async function storedRecord(db: GolosDb, id: string, meetingId: string): Promise<PaperBallotRow | undefined> {
  const row = await db.paperBallots.get(id);
  return row && row.meetingId === meetingId ? row : undefined;
}

const notFound = (id: string) =>
  err([problem('ballot_missing', `Бюллетень ${id} не найден в этом собрании: возможно, его удалили.`)]);

/** Changes one stored record by a rule of shared/paper, in one transaction with its audit entries. */
async function change(
  db: GolosDb,
  ctx: BallotWriteContext,
  id: string,
  make: (record: PaperBallotRow, ctx: BallotWriteContext) => Result<PaperBallotRecord>,
): Promise<Result<PaperBallotRow>> {
  ctx = await withLaptop(db, ctx);
  return auditedWrite(db, [db.paperBallots], async (audit) => {
    const stored = await storedRecord(db, id, ctx.meeting.id);
    if (!stored) return notFound(id);
    const next = make(stored, ctx);
    if (!next.ok) return next;
    return ok(await putRecord(db, audit, next.value, stored.versions.length, ctx));
  });
}

const metaOf = (ctx: BallotWriteContext, reason?: string) => ({
  by: ctx.by,
  at: ctx.at ?? localTimestamp(),
  ...(ctx.laptop ? { laptop: ctx.laptop } : {}),
  ...(reason !== undefined ? { reason } : {}),
});

/** A ballot as the entry screen saves it (the entry reducer's outbox item, with the correction's reason). */
export interface KeyedBallot {
  ballot: Ballot;
  /** The record it goes into (a logged arrival, a first entry, the corrected ballot). */
  recordId?: string;
  correction: boolean;
  reason?: string;
}

/**
 * What a keyed ballot makes of the stored record: a new record, the marks of a logged arrival, (double
 * entry) the blind second entry, or with `correction` a correction (a reason is required).
 */
function keyedRecord(
  stored: PaperBallotRecord | undefined,
  keyed: KeyedBallot,
  ctx: BallotWriteContext,
): Result<PaperBallotRecord> {
  const id = keyed.recordId ?? keyed.ballot.id;
  if (keyed.correction) {
    if (!stored) return notFound(id);
    return correctRecord(stored, { ...keyed.ballot, id }, metaOf(ctx, keyed.reason ?? ''));
  }
  if (!stored && keyed.recordId !== undefined) return notFound(id);
  return recordEntry(stored, { ...keyed.ballot, id }, metaOf(ctx), {
    doubleEntry: ctx.meeting.doubleEntry === true,
    questions: ctx.meeting.questions.map((q) => q.number),
  });
}

const idTaken = (id: string) =>
  err([problem('ballot_id_taken', `Номер бюллетеня ${id} уже занят: введите бюллетень ещё раз.`)]);

/** Stores a keyed ballot (see keyedRecord) with its audit entries, in one transaction. */
export async function saveKeyedBallot(
  db: GolosDb,
  ctx: BallotWriteContext,
  keyed: KeyedBallot,
): Promise<Result<PaperBallotRow>> {
  const id = keyed.recordId ?? keyed.ballot.id;
  const c = { ...(await withLaptop(db, ctx)), at: ctx.at ?? localTimestamp() };
  try {
    return await auditedWrite(db, [db.paperBallots], async (audit) => {
      if (keyed.recordId === undefined && !keyed.correction) {
        // A new ballot under a new id: added, never put over a stored one (a taken id aborts the write).
        const next = keyedRecord(undefined, keyed, c);
        if (!next.ok) return next;
        const row = rowOf(next.value, c.meeting.id, c.registry);
        // Requests of one transaction run in order: the audit entry's read of the chain head need not wait
        // for the add to be acknowledged.
        const adding = db.paperBallots.add(row);
        for (let n = 1; n <= row.versions.length; n++) await audit(versionAuditEvent(row, n));
        await adding;
        return ok(row);
      }
      const stored = await db.paperBallots.get(id);
      if (stored && stored.meetingId !== c.meeting.id) return idTaken(id);
      const next = keyedRecord(stored, keyed, c);
      if (!next.ok) return next;
      return ok(await putRecord(db, audit, next.value, stored?.versions.length ?? 0, c));
    });
  } catch (e) {
    if (
      e instanceof Error &&
      (e.name === 'ConstraintError' || (e as { inner?: Error }).inner?.name === 'ConstraintError')
    ) {
      return idTaken(id);
    }
    throw e;
  }
}

/** Takes a ballot out of the count, keeping every version (a reason is required). */
export async function withdrawBallot(
  db: GolosDb,
  ctx: BallotWriteContext,
  id: string,
  reason: string,
): Promise<Result<PaperBallotRow>> {
  return change(db, ctx, id, (r, c) => withdrawRecord(r, metaOf(c, reason)));
}

export async function restoreBallot(
  db: GolosDb,
  ctx: BallotWriteContext,
  id: string,
  reason: string,
): Promise<Result<PaperBallotRow>> {
  return change(db, ctx, id, (r, c) => restoreRecord(r, metaOf(c, reason)));
}

/** Double entry: the version both operators agreed on (`ctx.by` names both). */
export async function settleBallot(
  db: GolosDb,
  ctx: BallotWriteContext,
  id: string,
  agreed: Ballot,
  reason: string,
): Promise<Result<PaperBallotRow>> {
  return change(db, ctx, id, (r, c) => settle(r, agreed, metaOf(c, reason)));
}

/**
 * Records a paper ballot's arrival (the mail log) with its files (a scan's image or PDF): the files, the
 * record and the audit entries in one transaction; nothing is stored when a field is wrong.
 */
export async function recordArrival(
  db: GolosDb,
  ctx: BallotWriteContext,
  arrival: Omit<ArrivalInput, 'id' | 'by' | 'at' | 'attachmentIds'>,
  files: readonly PickedFile[] = [],
): Promise<Result<{ row: PaperBallotRow; attachments: AttachmentMeta[] }>> {
  const at = ctx.at ?? localTimestamp();
  const { laptop } = await withLaptop(db, ctx);
  const attachments = scanAttachments(ctx.meeting.id, files, at);
  const made = logArrival(
    {
      ...arrival,
      id: newId(),
      by: ctx.by,
      at,
      ...(laptop ? { laptop } : {}),
      ...(attachments.length ? { attachmentIds: attachments.map((a) => a.id) } : {}),
    },
    ctx.registry,
  );
  if (!made.ok) return made;
  return auditedWrite(db, [db.paperBallots, db.attachments], async (audit) => {
    const stored = await storeAttachments(db, audit, ctx.by, attachments, made.value.id);
    const row = await putRecord(db, audit, made.value, 0, { ...ctx, at });
    return ok({ row, attachments: stored });
  });
}

/** New records for ballots read from a batch file (already merged: only the new ones), in one transaction. */
export async function addImportedBallots(
  db: GolosDb,
  ctx: BallotWriteContext,
  ballots: readonly Ballot[],
): Promise<Result<PaperBallotRow[]>> {
  const at = ctx.at ?? localTimestamp();
  const records: PaperBallotRecord[] = [];
  for (const b of ballots) {
    const r = createRecord(b, { by: ctx.by, at });
    if (!r.ok) return r;
    records.push(r.value);
  }
  return auditedWrite(db, [db.paperBallots], async (audit) => {
    for (const r of records) {
      if (await db.paperBallots.get(r.id)) {
        return err([problem('ballot_exists', `Бюллетень ${r.id} уже есть: загрузите файл заново.`)]);
      }
    }
    const rows: PaperBallotRow[] = [];
    for (const r of records) rows.push(await putRecord(db, audit, r, 0, { ...ctx, at }));
    return ok(rows);
  });
}

/** Registers an arrival at the in-person session (checked against the meeting's present list). */
export async function registerArrival(
  db: GolosDb,
  ctx: BallotWriteContext,
  arrival: Omit<AttendanceRecord, 'id' | 'by'>,
): Promise<Result<AttendanceRow>> {
  return auditedWrite(db, [db.attendance], async (audit) => {
    const list = await db.attendance.where('meetingId').equals(ctx.meeting.id).toArray();
    const record: AttendanceRecord = { ...arrival, id: newId(), by: ctx.by };
    const next = registerAttendance(list, record, ctx.registry);
    if (!next.ok) return next;
    const row: AttendanceRow = { ...record, meetingId: ctx.meeting.id };
    await db.attendance.add(row);
    await audit({
      actor: ctx.by,
      action: 'attendance.register',
      entity: 'attendance',
      entityId: row.id,
      after: row,
    });
    return ok(row);
  });
}

/** Strikes an arrival out of the present list; the entry is kept with who, when and why. */
export async function strikeArrival(
  db: GolosDb,
  ctx: BallotWriteContext,
  id: string,
  reason: string,
): Promise<Result<AttendanceRow>> {
  return auditedWrite(db, [db.attendance], async (audit) => {
    const list = await db.attendance.where('meetingId').equals(ctx.meeting.id).toArray();
    const next = withdrawAttendance(list, id, ctx.by, ctx.at ?? localTimestamp(), reason);
    if (!next.ok) return next;
    const before = list.find((a) => a.id === id)!;
    const after = next.value.find((a) => a.id === id)! as AttendanceRow;
    await db.attendance.put(after);
    await audit({
      actor: ctx.by,
      action: 'attendance.withdraw',
      entity: 'attendance',
      entityId: id,
      before,
      after,
      reason: reason.trim(),
    });
    return ok(after);
  });
}

/** The stored bytes of an attachment of the meeting. */
export async function readAttachment(
  db: GolosDb,
  meetingId: string,
  id: string,
): Promise<AttachmentRecord | undefined> {
  const a = await db.attachments.get(id);
  return a && a.meetingId === meetingId ? a : undefined;
}
