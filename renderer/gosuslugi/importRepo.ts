/**
 * The stored Gosuslugi imports of a meeting and the mappings remembered by layout. Every write is one
 * transaction with its audit entry, made after an automatic backup: confirming an import (or replacing
 * the active one with a corrected file), and undoing the last import or replacement.
 */
import type { Ballot, IsoTimestamp } from '../../shared/domain/types';
import type { NotCountedRow } from '../../shared/gosuslugi/buildBallots';
import { reimportProblem } from '../../shared/gosuslugi/importIdentity';
import type { GosuslugiMapping } from '../../shared/gosuslugi/mapping';
import { canonicalJson } from '../../shared/crypto/sha256';
import { err, ok, problem, type Result } from '../../shared/result';
import { getOperator } from '../app/operator';
import { auditedWrite } from '../db/auditedWrite';
import { autoBackup } from '../backup/autoBackup';
import { newId, type GolosDb } from '../db/db';
import type { GosuslugiImportRecord } from '../db/records';
import type { Platform } from '../platform/platform';

/** A meeting's imports, newest first. */
export async function listImports(db: GolosDb, meetingId: string): Promise<GosuslugiImportRecord[]> {
  const all = await db.gosuslugiImports.where('meetingId').equals(meetingId).toArray();
  return all.sort((a, b) => (a.importedAt < b.importedAt ? 1 : a.importedAt > b.importedAt ? -1 : 0));
}

export async function rememberedMappings(db: GolosDb): Promise<GosuslugiMapping[]> {
  return (await db.importMappings.toArray()).map((r) => r.mapping);
}

/** What the audit trail keeps of an import: its file and figures (the ballots are in the record). */
function summary(r: GosuslugiImportRecord) {
  return {
    fileName: r.fileName,
    contentHash: r.contentHash,
    status: r.status,
    ballots: r.ballots.length,
    notCounted: r.notCounted.length,
    layout: r.mapping.signature,
  };
}

/** What the secretary decided on a row found by the name alone, as the audit entry keeps it. */
export interface NameCheck {
  row: number;
  /** The row's name as in the file. */
  name: string;
  /** The registry person the name found. */
  personId: string;
  decision: 'confirmed' | 'rejected';
  /** Rejected: another person picked instead, or the reason it is not a participant. */
  pickedId?: string;
  reason?: string;
}

function withNameChecks<T extends object>(s: T, checks: readonly NameCheck[] | undefined) {
  return checks && checks.length > 0 ? { ...s, nameChecks: checks } : s;
}

export interface ConfirmInput {
  meetingId: string;
  fileName: string;
  contentHash: string;
  mapping: GosuslugiMapping;
  ballots: Ballot[];
  notCounted: NotCountedRow[];
  /** The secretary's confirmations and rejections of rows found by the name alone (kept in the audit entry). */
  nameChecks?: NameCheck[];
  /** The active import this file replaces (a corrected file); absent for the meeting's first import. */
  replaces?: string;
}

export interface WriteOptions {
  now?: Date;
  /** The automatic backup before the import; the platform's store by default. */
  backup?: () => Promise<Result<unknown>>;
}

/**
 * Stores a confirmed import in one transaction with its audit entry, after an automatic backup
 * (`before-import`): the file's ballots count from now on, the mapping is remembered for its layout,
 * and an import it replaces is kept as `replaced`. Refused when the same file was imported, or when the
 * active import is not the one the user saw replaced.
 */
export async function confirmImport(
  db: GolosDb,
  platform: Platform,
  input: ConfirmInput,
  opts: WriteOptions = {},
): Promise<Result<GosuslugiImportRecord>> {
  const now = opts.now ?? new Date();
  const actor = await getOperator(db);
  const backup = await (opts.backup ?? (() => autoBackup(db, platform, 'before-import', { now })))();
  if (!backup.ok) {
    return err([
      problem(
        'gosuslugi_backup_failed',
        `Импорт не выполнен: не удалось сделать резервную копию перед импортом. ${backup.error
          .map((p) => p.message)
          .join(' ')}`,
      ),
    ]);
  }
  const at: IsoTimestamp = now.toISOString();
  const record: GosuslugiImportRecord = {
    id: newId(),
    meetingId: input.meetingId,
    fileName: input.fileName,
    contentHash: input.contentHash,
    importedAt: at,
    importedBy: actor,
    status: 'active',
    mapping: input.mapping,
    ballots: input.ballots,
    notCounted: input.notCounted,
  };
  return auditedWrite(db, [db.gosuslugiImports, db.importMappings], async (audit) => {
    const existing = await db.gosuslugiImports.where('meetingId').equals(input.meetingId).toArray();
    const again = reimportProblem(input.contentHash, input.fileName, existing);
    if (again) return err([again]);
    const active = existing.find((r) => r.status === 'active');
    if ((active?.id ?? undefined) !== input.replaces) {
      return err([
        problem(
          'gosuslugi_import_changed',
          'Пока шла проверка, импорт этого собрания изменился (другое окно?). Загрузите файл заново.',
        ),
      ]);
    }
    await db.gosuslugiImports.add(record);
    if (active) {
      const replaced: GosuslugiImportRecord = { ...active, status: 'replaced', replacedBy: record.id };
      await db.gosuslugiImports.put(replaced);
      await audit(
        {
          actor,
          action: 'gosuslugi.replace',
          entity: 'gosuslugiImport',
          entityId: record.id,
          before: summary(active),
          after: withNameChecks(summary(record), input.nameChecks),
        },
        now,
      );
    } else {
      await audit(
        {
          actor,
          action: 'gosuslugi.import',
          entity: 'gosuslugiImport',
          entityId: record.id,
          after: withNameChecks(summary(record), input.nameChecks),
        },
        now,
      );
    }
    const signature = input.mapping.signature;
    const before = await db.importMappings.get(signature);
    if (!before || canonicalJson(before.mapping) !== canonicalJson(input.mapping)) {
      const after = { signature, mapping: input.mapping, savedAt: at };
      await db.importMappings.put(after);
      await audit(
        {
          actor,
          action: 'gosuslugi.mapping',
          entity: 'importMapping',
          entityId: signature,
          ...(before ? { before: before.mapping } : {}),
          after: input.mapping,
        },
        now,
      );
    }
    return ok(record);
  });
}

/**
 * Undoes the active import: when it replaced an earlier one, that one is active again («Отменить
 * замену»); otherwise the meeting has no Gosuslugi ballots again. The undone import is removed (the
 * audit trail keeps what it was), so its file can be loaded again.
 */
export async function undoImport(
  db: GolosDb,
  importId: string,
  opts: { now?: Date } = {},
): Promise<Result<GosuslugiImportRecord | null>> {
  const now = opts.now ?? new Date();
  const actor = await getOperator(db);
  return auditedWrite(db, [db.gosuslugiImports], async (audit) => {
    const current = await db.gosuslugiImports.get(importId);
    if (!current || current.status !== 'active') {
      return err([problem('gosuslugi_undo_stale', 'Этот импорт уже не действует: обновите страницу.')]);
    }
    const previous = (await db.gosuslugiImports.where('meetingId').equals(current.meetingId).toArray()).find(
      (r) => r.replacedBy === importId,
    );
    await db.gosuslugiImports.delete(importId);
    let restored: GosuslugiImportRecord | null = null;
    if (previous) {
      const { replacedBy: _replacedBy, ...rest } = previous;
      restored = { ...rest, status: 'active' };
      await db.gosuslugiImports.put(restored);
    }
    await audit(
      {
        actor,
        action: previous ? 'gosuslugi.replace.undo' : 'gosuslugi.import.undo',
        entity: 'gosuslugiImport',
        entityId: importId,
        before: summary(current),
        ...(restored ? { after: summary(restored) } : {}),
      },
      now,
    );
    return ok(restored);
  });
}
