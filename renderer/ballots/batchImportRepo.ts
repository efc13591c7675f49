/**
 * Storing what a batch file v2 brings (docs/ballot-batch.md): the records merged with the stored ones
 * (shared/paper/historyMerge) in one transaction, an audit entry per version that arrived naming the
 * file, the laptop and who made it there, and per laptop what was last imported from it.
 */
import type { BatchOrigin } from '../../shared/paper/ballotBatchV2';
import { versionAuditEvent, type PaperBallotRecord } from '../../shared/paper/ballotRecord';
import { settleVersions } from '../../shared/paper/batchClashes';
import { mergeRecord } from '../../shared/paper/historyMerge';
import { err, ok, problem, type Result } from '../../shared/result';
import { auditedWrite } from '../db/auditedWrite';
import type { GolosDb } from '../db/db';
import type { PaperBallotRow } from '../db/records';
import { rowOf, withLaptop, type BallotWriteContext } from './ballotRepo';
import { localTimestamp } from '../../shared/meetings/dates';

/** What was last imported from one laptop into a meeting. */
export interface LaptopImport {
  laptopId: string;
  laptopName: string;
  fileName: string;
  exportedAt: string;
  importedAt: string;
  by: string;
  fingerprint: string;
}

const key = (meetingId: string) => `batchImports:${meetingId}`;

/** Per laptop, the last file imported from it into the meeting (newest first). */
export async function lastImports(db: GolosDb, meetingId: string): Promise<LaptopImport[]> {
  const row = await db.settings.get(key(meetingId));
  const all = (row?.value ?? {}) as Record<string, LaptopImport>;
  return Object.values(all).sort((a, b) => (a.importedAt < b.importedAt ? 1 : -1));
}

export interface ImportedRecords {
  rows: PaperBallotRow[];
  /** Versions stored (those already here are skipped). */
  versions: number;
}

/**
 * Merges the file's records (or, with `clashesOnly`, the ones the preview found clashing: the import
 * was cancelled, the clash is kept for «Сверка») into the stored ones. Importing again adds nothing.
 */
export async function importHistories(
  db: GolosDb,
  ctx: BallotWriteContext,
  file: { name: string; origin: BatchOrigin; records: readonly PaperBallotRecord[] },
  clashesOnly = false,
): Promise<Result<ImportedRecords>> {
  const at = ctx.at ?? localTimestamp();
  const from = `из файла «${file.name}» ноутбука «${file.origin.laptop.name}»`;
  return auditedWrite(db, [db.paperBallots, db.settings], async (audit) => {
    const rows: PaperBallotRow[] = [];
    let versions = 0;
    for (const incoming of file.records) {
      const stored = await db.paperBallots.get(incoming.id);
      if (stored && stored.meetingId !== ctx.meeting.id) continue;
      const m = mergeRecord(stored, incoming);
      if (m.added.length === 0) continue;
      const row = rowOf(m.record, ctx.meeting.id, ctx.registry);
      await db.paperBallots.put(row);
      for (const v of m.added) {
        const event = versionAuditEvent(m.record, v.n);
        const made = `${from}; внёс(ла) ${v.by} ${v.at}${v.laptop ? ` на ноутбуке «${v.laptop.name}»` : ''}`;
        await audit({
          ...event,
          actor: ctx.by,
          reason: event.reason ? `${event.reason} (${made})` : `Загружено ${made}`,
        });
      }
      versions += m.added.length;
      rows.push(row);
    }
    if (!clashesOnly) {
      const setting = await db.settings.get(key(ctx.meeting.id));
      const all = { ...((setting?.value ?? {}) as Record<string, LaptopImport>) };
      all[file.origin.laptop.id] = {
        laptopId: file.origin.laptop.id,
        laptopName: file.origin.laptop.name,
        fileName: file.name,
        exportedAt: file.origin.exportedAt,
        importedAt: at,
        by: ctx.by,
        fingerprint: file.origin.fingerprint,
      };
      await db.settings.put({ key: key(ctx.meeting.id), value: all });
      await audit({
        actor: ctx.by,
        action: 'ballot.batch_import',
        entity: 'meeting',
        entityId: ctx.meeting.id,
        after: { file: file.name, laptop: file.origin.laptop, exportedAt: file.origin.exportedAt, versions },
      });
    }
    return ok({ rows, versions });
  });
}

/**
 * Settles a ballot changed differently on two laptops: the chosen version (one of the heads) becomes
 * its content, following both; audited with the reason.
 */
export async function settleLaptopClash(
  db: GolosDb,
  ctx: BallotWriteContext,
  recordId: string,
  chosenVid: string,
  reason: string,
): Promise<Result<PaperBallotRow>> {
  const c = await withLaptop(db, ctx);
  return auditedWrite(db, [db.paperBallots], async (audit) => {
    const stored = await db.paperBallots.get(recordId);
    if (!stored || stored.meetingId !== c.meeting.id) {
      return err([problem('ballot_missing', `Бюллетень ${recordId} не найден в этом собрании.`)]);
    }
    const next = settleVersions(stored, chosenVid, {
      by: c.by,
      at: c.at ?? localTimestamp(),
      reason,
      ...(c.laptop ? { laptop: c.laptop } : {}),
    });
    if (!next.ok) return next;
    const row = rowOf(next.value, c.meeting.id, c.registry);
    await db.paperBallots.put(row);
    await audit(versionAuditEvent(next.value, next.value.versions.length));
    return ok(row);
  });
}
