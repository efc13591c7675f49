/**
 * Storing what a read stack gives: the scan files (attachments of purpose «scan»), the ballots read
 * (paper ballot records linked to their file, the page named in the ballot's source), one audit entry
 * for the stack and one per review answer. A voter already keyed by hand is the same ballot: the scan
 * is its second entry under double entry (disagreements are listed for «Ввод бюллетеней»), otherwise
 * a scan that agrees adds nothing and one that disagrees is listed, never written over the keyed one.
 */
import type { Ballot } from '../../shared/domain/types';
import { createRecord, currentVersion, versionAuditEvent } from '../../shared/paper/ballotRecord';
import { compareEntries, recordEntry } from '../../shared/paper/doubleEntry';
import { ok, type Result } from '../../shared/result';
import { auditedWrite } from '../db/auditedWrite';
import { newId, type GolosDb } from '../db/db';
import type { PaperBallotRow } from '../db/records';
import { putRecord, rowOf, withLaptop, type BallotWriteContext } from '../ballots/ballotRepo';
import { scanAttachments, storeAttachments, type PickedFile } from '../ballots/scanFiles';
import { localTimestamp } from '../../shared/meetings/dates';

/** The files of a stack stored as the meeting's scans; their ids by file name. */
export async function storeScanFiles(
  db: GolosDb,
  ctx: BallotWriteContext,
  files: readonly PickedFile[],
): Promise<Map<string, string>> {
  const attachments = scanAttachments(ctx.meeting.id, files, ctx.at ?? localTimestamp());
  await auditedWrite(db, [db.attachments], (audit) => storeAttachments(db, audit, ctx.by, attachments));
  return new Map(attachments.map((a) => [a.name, a.id]));
}

/** A ballot read from scans, with the stored file(s) its pages are in. */
export interface ScannedBallot {
  ballot: Ballot;
  attachmentIds: string[];
}

export interface SavedScans {
  rows: PaperBallotRow[];
  /** Ballots not written, each with why (agrees with the keyed one, disagrees, refused). */
  notes: { personId: string; source: string; message: string }[];
}

/** The operator as the scan's entry names them: never the same entry as their own keying. */
export const scanOperator = (by: string) => `${by.trim()} (скан)`;

export async function saveScannedBallots(
  db: GolosDb,
  ctx: BallotWriteContext,
  ballots: readonly ScannedBallot[],
): Promise<Result<SavedScans>> {
  const c = await withLaptop(db, ctx);
  const at = c.at ?? localTimestamp();
  const questions = c.meeting.questions.map((q) => q.number);
  return auditedWrite(db, [db.paperBallots], async (audit) => {
    const rows: PaperBallotRow[] = [];
    const notes: SavedScans['notes'] = [];
    for (const { ballot, attachmentIds } of ballots) {
      const personId = ballot.voter.personId!;
      const meta = { by: scanOperator(c.by), at, attachmentIds, ...(c.laptop ? { laptop: c.laptop } : {}) };
      const stored = (await db.paperBallots.where('personId').equals(personId).toArray()).find(
        (r) => r.meetingId === c.meeting.id,
      );
      const note = (message: string) => notes.push({ personId, source: ballot.source, message });
      if (stored) {
        const entry = recordEntry(stored, ballot, meta, {
          doubleEntry: c.meeting.doubleEntry === true,
          questions,
        });
        if (!entry.ok) {
          const keyed = currentVersion(stored).ballot;
          const d = compareEntries(keyed, { ...ballot, id: keyed.id }, questions);
          if (d.agree) note('совпадает с уже введённым бюллетенем');
          else if (d.questions.length) {
            note(
              `расходится с уже введённым бюллетенем (вопросы ${d.questions.map((q) => q.number).join(', ')}): ` +
                'сверьте его с бумагой и исправьте на вкладке «Ввод бюллетеней»',
            );
          } else note(entry.error.map((p) => p.message).join(' '));
          continue;
        }
        rows.push(await putRecord(db, audit, entry.value, stored.versions.length, c));
        continue;
      }
      const made = createRecord({ ...ballot, id: newId() }, meta);
      if (!made.ok) {
        note(made.error.map((p) => p.message).join(' '));
        continue;
      }
      const row = rowOf(made.value, c.meeting.id, c.registry);
      await db.paperBallots.add(row);
      await audit(versionAuditEvent(row, 1));
      rows.push(row);
    }
    return ok({ rows, notes });
  });
}

/** One audit entry for a stack read: its files and what became of its pages. */
export async function auditScanStack(
  db: GolosDb,
  ctx: BallotWriteContext,
  summary: { files: string[]; pages: number; ballots: number; review: number; rejected: number },
): Promise<void> {
  await auditedWrite(db, [], (audit) =>
    audit({
      actor: ctx.by,
      action: 'scan.read',
      entity: 'meeting',
      entityId: ctx.meeting.id,
      after: summary,
    }),
  );
}

/** A person's answer to a review card. */
export async function auditReviewAnswer(
  db: GolosDb,
  ctx: BallotWriteContext,
  answer: { source: string; personId: string; question: number | null; reason: string; answer: string },
): Promise<void> {
  await auditedWrite(db, [], (audit) =>
    audit({
      actor: ctx.by,
      action: 'scan.review',
      entity: 'meeting',
      entityId: ctx.meeting.id,
      after: answer,
    }),
  );
}
