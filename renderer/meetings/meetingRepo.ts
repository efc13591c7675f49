/**
 * Meetings in the database: the meeting records, the registry snapshots frozen for them and the files
 * kept with them. Every write runs in one read-write transaction together with its audit entry.
 */
import type { Person, RegistrySnapshot } from '../../shared/domain/types';
import { canonicalJson, sha256Hex } from '../../shared/crypto/sha256';
import { changedFields, type RegistryDiff } from '../../shared/registry/diffRegistry';
import { copyMeeting, newMeeting, type Meeting, type NewMeetingInput } from '../../shared/meetings/meeting';
import { auditedWrite, type AuditAppend } from '../db/auditedWrite';
import { getOperator } from '../app/operator';
import { newId, type GolosDb } from '../db/db';
import { listPersons } from '../db/personRepo';
import type { AttachmentRecord } from '../db/records';

/** Meetings of the partnership, newest voting first (meetings without dates last). */
export async function listMeetings(db: GolosDb): Promise<Meeting[]> {
  const all = await db.meetings.toArray();
  return all.sort((a, b) => (b.votingStart || '0').localeCompare(a.votingStart || '0'));
}

export async function getMeeting(db: GolosDb, id: string): Promise<Meeting | undefined> {
  return db.meetings.get(id);
}

/** A new meeting with an empty agenda and no dates. */
export async function createMeeting(
  db: GolosDb,
  input: Omit<NewMeetingInput, 'id' | 'now'>,
): Promise<Meeting> {
  const actor = await getOperator(db);
  const meeting = newMeeting({ ...input, id: newId(), now: new Date().toISOString() });
  await auditedWrite(db, [db.meetings], async (audit) => {
    await db.meetings.add(meeting);
    await audit({
      actor,
      action: 'meeting.create',
      entity: 'meeting',
      entityId: meeting.id,
      after: meeting,
    });
  });
  return meeting;
}

export type MeetingChange = 'meeting.update' | 'meeting.agenda';

/**
 * Stores an edited meeting (details or agenda). With the agenda, files no question refers to any more
 * are removed in the same transaction. Returns the stored meeting, or the unchanged one when nothing
 * differs (nothing is written then).
 */
export async function saveMeeting(db: GolosDb, meeting: Meeting, action: MeetingChange): Promise<Meeting> {
  const actor = await getOperator(db);
  return auditedWrite(db, [db.meetings, db.attachments], async (audit) => {
    const before = await db.meetings.get(meeting.id);
    if (!before) throw new Error(`Meeting ${meeting.id} not found`);
    if (canonicalJson({ ...before, updatedAt: '' }) === canonicalJson({ ...meeting, updatedAt: '' }))
      return before;
    const saved: Meeting = { ...meeting, updatedAt: new Date().toISOString() };
    await db.meetings.put(saved);
    await audit({ actor, action, entity: 'meeting', entityId: saved.id, before, after: saved });
    if (action === 'meeting.agenda') await removeOrphanAttachments(db, audit, saved, actor);
    return saved;
  });
}

async function removeOrphanAttachments(
  db: GolosDb,
  audit: AuditAppend,
  meeting: Meeting,
  actor: string,
): Promise<void> {
  const used = new Set(meeting.questions.flatMap((q) => q.attachmentIds));
  const stored = await db.attachments.where('meetingId').equals(meeting.id).toArray();
  for (const a of stored) {
    if (a.purpose !== 'material' || used.has(a.id)) continue;
    await db.attachments.delete(a.id);
    await audit({
      actor,
      action: 'attachment.remove',
      entity: 'attachment',
      entityId: a.id,
      before: a,
    });
  }
}

/**
 * Next year's meeting from `source` (copyMeeting: agenda kept, dates cleared), or the meeting `build`
 * makes of it (the follow-up after a failed quorum); the files of its agenda are copied with it, so the
 * two meetings never share a file.
 */
export async function copyMeetingInDb(
  db: GolosDb,
  source: Meeting,
  how: { build?: (m: Meeting, id: string, now: string) => Meeting; reason?: string } = {},
): Promise<Meeting> {
  const actor = await getOperator(db);
  return auditedWrite(db, [db.meetings, db.attachments], async (audit) => {
    const now = new Date().toISOString();
    const copy = (how.build ?? copyMeeting)(source, newId(), now);
    const files = (await db.attachments.where('meetingId').equals(source.id).toArray()).filter(
      (f) => f.purpose === 'material',
    );
    const newIds = new Map<string, string>();
    for (const f of files) {
      const record: AttachmentRecord = { ...f, id: newId(), meetingId: copy.id, addedAt: now };
      newIds.set(f.id, record.id);
      await db.attachments.add(record);
      await audit({
        actor,
        action: 'attachment.add',
        entity: 'attachment',
        entityId: record.id,
        after: record,
        reason: `Скопировано из собрания «${source.title}»`,
      });
    }
    copy.questions = copy.questions.map((q) => ({
      ...q,
      attachmentIds: q.attachmentIds.flatMap((id) => {
        const to = newIds.get(id);
        return to ? [to] : [];
      }),
    }));
    await db.meetings.add(copy);
    await audit({
      actor,
      action: 'meeting.copy',
      entity: 'meeting',
      entityId: copy.id,
      after: copy,
      reason: how.reason ?? `Копия собрания «${source.title}» (${source.id})`,
    });
    return copy;
  });
}

/** The tables whose rows belong to one meeting (indexed by `meetingId`). */
const MEETING_TABLES = [
  'paperBallots',
  'attendance',
  'gosuslugiImports',
  'resolutions',
  'snapshots',
  'attachments',
] as const;

/** What a meeting holds besides its own record: row counts by table. */
export type MeetingContents = Record<(typeof MEETING_TABLES)[number], number>;

function contents(counts: readonly number[]): MeetingContents {
  const out = {} as MeetingContents;
  MEETING_TABLES.forEach((name, i) => (out[name] = counts[i]!));
  return out;
}

export async function meetingContents(db: GolosDb, meetingId: string): Promise<MeetingContents> {
  const tables = MEETING_TABLES.map((name) => db.table(name));
  return db.transaction('r', tables, async () => {
    const counts = await Promise.all(
      MEETING_TABLES.map((name) => db.table(name).where('meetingId').equals(meetingId).count()),
    );
    return contents(counts);
  });
}

/**
 * Deletes the meeting and everything kept with it (ballots, attendance, Gosuslugi imports, the
 * commission's resolutions, registry snapshots, files) in one transaction with its audit entry, which
 * keeps the meeting record and what was deleted with it. Resolves with those counts; rejects when there
 * is no such meeting (nothing is deleted then).
 */
export async function deleteMeeting(db: GolosDb, meetingId: string): Promise<MeetingContents> {
  const actor = await getOperator(db);
  const tables = MEETING_TABLES.map((name) => db.table(name));
  return auditedWrite(db, [db.meetings, ...tables], async (audit) => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) throw new Error(`Meeting ${meetingId} not found`);
    const counts = await Promise.all(
      MEETING_TABLES.map((name) => db.table(name).where('meetingId').equals(meetingId).delete()),
    );
    const deleted = contents(counts);
    await db.meetings.delete(meetingId);
    await audit({
      actor,
      action: 'meeting.delete',
      entity: 'meeting',
      entityId: meetingId,
      before: meeting,
      reason: `Удалено вместе с собранием: ${describeContents(deleted)}`,
    });
    return deleted;
  });
}

/** `бюллетеней (бумага, очно): 12, импортов Госуслуг: 1, …`, or `ничего`. */
export function describeContents(c: MeetingContents): string {
  const parts = [
    [c.paperBallots, 'бюллетеней (бумага, очно)'],
    [c.attendance, 'отметок о регистрации на очной части'],
    [c.gosuslugiImports, 'импортов Госуслуг'],
    [c.resolutions, 'решений комиссии по расхождениям'],
    [c.snapshots, 'снимков реестра'],
    [c.attachments, 'файлов'],
  ] as const;
  const listed = parts.filter(([n]) => n > 0).map(([n, what]) => `${what}: ${n}`);
  return listed.length > 0 ? listed.join(', ') : 'ничего';
}

/** A file attached to the meeting's agenda; the agenda refers to it once it is saved. */
export async function addAttachment(
  db: GolosDb,
  meetingId: string,
  file: { name: string; bytes: Uint8Array },
): Promise<AttachmentRecord> {
  const actor = await getOperator(db);
  const record: AttachmentRecord = {
    id: newId(),
    meetingId,
    name: file.name,
    mime: mimeOf(file.name),
    size: file.bytes.byteLength,
    bytes: file.bytes,
    addedAt: new Date().toISOString(),
    purpose: 'material',
  };
  await auditedWrite(db, [db.attachments], async (audit) => {
    await db.attachments.add(record);
    await audit({
      actor,
      action: 'attachment.add',
      entity: 'attachment',
      entityId: record.id,
      after: record,
    });
  });
  return record;
}

/** Name, size and type of the meeting's files (no bytes), by id. */
export async function listAttachments(
  db: GolosDb,
  meetingId: string,
): Promise<Map<string, Omit<AttachmentRecord, 'bytes'>>> {
  const out = new Map<string, Omit<AttachmentRecord, 'bytes'>>();
  await db.attachments
    .where('meetingId')
    .equals(meetingId)
    .each(({ bytes: _bytes, ...info }) => {
      out.set(info.id, info);
    });
  return out;
}

export async function getAttachment(db: GolosDb, id: string): Promise<AttachmentRecord | undefined> {
  return db.attachments.get(id);
}

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  rtf: 'application/rtf',
  txt: 'text/plain',
  csv: 'text/csv',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** Extensions offered when attaching materials (at most 20, the platform's limit). */
export const MATERIAL_EXTENSIONS = Object.keys(MIME).map((e) => `.${e}`);

function mimeOf(name: string): string {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return MIME[ext] ?? 'application/octet-stream';
}

/** What the audit trail keeps of a snapshot: its facts and a hash of the persons, not the persons. */
function snapshotSummary(s: RegistrySnapshot) {
  return {
    id: s.id,
    meetingId: s.meetingId,
    takenAt: s.takenAt,
    reason: s.reason,
    persons: s.persons.length,
    personsSha256: sha256Hex(canonicalJson(s.persons)),
  };
}

export const FIRST_SNAPSHOT_REASON = 'Начало голосования';

/**
 * Freezes the live registry for the meeting: a dated snapshot, and the meeting counts on it from now on.
 * The first one is taken when voting starts; a later one replaces it only with a reason, and every
 * snapshot stays stored as a record of what the meeting counted on when.
 */
export async function takeSnapshot(
  db: GolosDb,
  meetingId: string,
  reason: string,
): Promise<{ meeting: Meeting; snapshot: RegistrySnapshot }> {
  const actor = await getOperator(db);
  return auditedWrite(db, [db.meetings, db.snapshots, db.persons], async (audit) => {
    const before = await db.meetings.get(meetingId);
    if (!before) throw new Error(`Meeting ${meetingId} not found`);
    const persons: Person[] = await listPersons(db);
    const snapshot: RegistrySnapshot = {
      id: newId(),
      meetingId,
      takenAt: new Date().toISOString(),
      reason: reason.trim(),
      persons,
    };
    const meeting: Meeting = { ...before, snapshotId: snapshot.id, updatedAt: snapshot.takenAt };
    await db.snapshots.add(snapshot);
    await db.meetings.put(meeting);
    await audit({
      actor,
      action: before.snapshotId ? 'snapshot.replace' : 'snapshot.create',
      entity: 'snapshot',
      entityId: snapshot.id,
      after: snapshotSummary(snapshot),
      reason: snapshot.reason,
    });
    await audit({
      actor,
      action: 'meeting.update',
      entity: 'meeting',
      entityId: meeting.id,
      before: { snapshotId: before.snapshotId ?? null },
      after: { snapshotId: meeting.snapshotId },
      reason: snapshot.reason,
    });
    return { meeting, snapshot };
  });
}

export interface SnapshotInfo {
  id: string;
  takenAt: string;
  reason: string;
  persons: number;
}

/** The meeting's snapshots, oldest first, without their persons. */
export async function listSnapshots(db: GolosDb, meetingId: string): Promise<SnapshotInfo[]> {
  const out: SnapshotInfo[] = [];
  await db.snapshots
    .where('meetingId')
    .equals(meetingId)
    .each((s) => {
      out.push({ id: s.id, takenAt: s.takenAt, reason: s.reason, persons: s.persons.length });
    });
  return out.sort((a, b) => a.takenAt.localeCompare(b.takenAt));
}

/** How the live registry differs from the meeting's snapshot: who was added, changed (fields) and removed. */
export type SnapshotDrift = RegistryDiff;

/** How the live registry differs from the meeting's snapshot, by person id. */
export async function snapshotDrift(db: GolosDb, snapshotId: string): Promise<SnapshotDrift | undefined> {
  const snapshot = await db.snapshots.get(snapshotId);
  if (!snapshot) return undefined;
  const live = await listPersons(db);
  const frozen = new Map(snapshot.persons.map((p) => [p.id, p]));
  const drift: SnapshotDrift = { added: [], changed: [], removed: [], unchanged: 0 };
  for (const p of live) {
    const was = frozen.get(p.id);
    frozen.delete(p.id);
    if (was === undefined) drift.added.push(p);
    else if (canonicalJson(was) === canonicalJson(p)) drift.unchanged++;
    else {
      const fields = changedFields(was, p);
      if (fields.length > 0) drift.changed.push({ before: was, after: p, fields });
      else drift.unchanged++;
    }
  }
  drift.removed = [...frozen.values()];
  return drift;
}
