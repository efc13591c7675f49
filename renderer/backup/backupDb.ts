/**
 * The whole database to a backup snapshot and back. Generic over any Dexie database (the app passes its
 * own): every table is read in one read transaction, and a restore clears and refills every table in
 * one read-write transaction, so it either completes or leaves the previous data untouched.
 *
 * A backup from an older schema version is brought up to date by the app's own migrations: it is
 * written into a temporary database at its old version, which `openMigrating` then opens with the
 * app's current schema (running every upgrade), and the result is restored. A backup from a newer
 * schema version is refused.
 */
import Dexie, { type Table } from 'dexie';
import type { Backup, BackupSnapshot, TableDump } from '../../shared/backup/backupFile';
import type { BackupReason } from '../../shared/backup/backupNames';
import { err, ok, problem, type Result } from '../../shared/result';
import { recordRestore } from '../audit/restoreEntry';
import { blobsToBytes, bytesToBlobs } from './blobValues';

/** The table's schema as written in `stores()`: primary key, then the indexes. */
function schemaOf(table: Table): string {
  return [table.schema.primKey.src, ...table.schema.indexes.map((i) => i.src)].join(', ');
}

/** Tables whose primary key is not a property of the row (declared `''` or `'++'`). */
function hasOutboundKeys(table: Table): boolean {
  return !table.schema.primKey.keyPath;
}

/** Every table, as stored (Blobs left as they are), in one read transaction. */
async function readTables(db: Dexie): Promise<Record<string, TableDump>> {
  const tables = db.tables;
  const dumps = await db.transaction('r', tables, () =>
    Promise.all(
      tables.map(async (table) => {
        const dump: TableDump = { schema: schemaOf(table), rows: await table.toArray() };
        if (hasOutboundKeys(table)) dump.keys = await table.toCollection().primaryKeys();
        return [table.name, dump] as const;
      }),
    ),
  );
  return Object.fromEntries(dumps);
}

/** Clears and refills every table of `db` in one transaction: all or nothing. */
async function refill(
  db: Dexie,
  tables: Record<string, TableDump>,
  filled?: () => Promise<void>,
): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) {
      await table.clear();
      const dump = tables[table.name];
      if (!dump || dump.rows.length === 0) continue;
      if (dump.keys) await table.bulkAdd(dump.rows, dump.keys as never);
      else await table.bulkAdd(dump.rows);
    }
    await filled?.();
  });
}

/** Where a database is and how the app declares it: enough to open it again elsewhere (a worker). */
export interface DatabaseDeclaration {
  name: string;
  version: number;
  stores: Record<string, string>;
}

export function declarationOf(db: Dexie): DatabaseDeclaration {
  return {
    name: db.name,
    version: db.verno,
    stores: Object.fromEntries(db.tables.map((t) => [t.name, schemaOf(t)])),
  };
}

/**
 * A second connection to the database as the app declares it (its current version and schema, so no
 * upgrade runs), e.g. for a worker to read every table without the page's main thread.
 */
export function openDeclared(d: DatabaseDeclaration): Dexie {
  const db = new Dexie(d.name);
  db.version(d.version).stores(d.stores);
  return db;
}

/** True when no table holds a row (counted in one read transaction; no row is read). */
export async function isEmptyDatabase(db: Dexie): Promise<boolean> {
  if (!db.isOpen()) await db.open();
  const counts = await db.transaction('r', db.tables, () => Promise.all(db.tables.map((t) => t.count())));
  return counts.every((n) => n === 0);
}

export interface DumpOptions {
  reason?: BackupReason;
  now?: Date;
  appVersion?: string;
}

/** A snapshot of every table (Blobs read into memory), ready for `encodeBackup`. */
export async function dumpDatabase(db: Dexie, options: DumpOptions = {}): Promise<BackupSnapshot> {
  if (!db.isOpen()) await db.open();
  const tables = await readTables(db);
  for (const dump of Object.values(tables)) dump.rows = (await blobsToBytes(dump.rows)) as unknown[];
  const snapshot: BackupSnapshot = {
    schemaVersion: db.verno,
    createdAt: (options.now ?? new Date()).toISOString(),
    reason: options.reason ?? 'manual',
    tables,
  };
  if (options.appVersion !== undefined) snapshot.appVersion = options.appVersion;
  return snapshot;
}

/** Total rows of a snapshot or backup. */
export function countRows(snapshot: Pick<BackupSnapshot, 'tables'>): number {
  return Object.values(snapshot.tables).reduce((sum, t) => sum + t.rows.length, 0);
}

export interface RestoreOptions {
  /**
   * Opens the app's database class under another name, e.g. `(name) => new GolosDb(name)`: needed only
   * to restore a backup made by an older schema version (its migrations bring the rows up to date).
   */
  openMigrating?: (name: string) => Dexie;
}

export type RestorePlan = 'same-version' | 'migrate';

/** Whether `backup` can be restored into `db`, and how; a Russian problem when it cannot. */
export function checkRestorable(
  db: Dexie,
  backup: Backup,
  options: RestoreOptions = {},
): Result<RestorePlan> {
  const current = db.verno;
  if (backup.schemaVersion > current) {
    return err([
      problem(
        'backup_newer_schema',
        `Копия сделана более новой версией программы (версия данных ${backup.schemaVersion}, у этой программы ${current}). Обновите «Голос», затем восстановите копию.`,
      ),
    ]);
  }
  if (backup.schemaVersion < current) {
    if (!options.openMigrating) {
      return err([
        problem(
          'backup_older_schema',
          `Копия сделана более старой версией программы (версия данных ${backup.schemaVersion}, у этой программы ${current}), а перенос старых данных здесь недоступен.`,
        ),
      ]);
    }
    return ok('migrate');
  }
  const expected = db.tables.map((t) => t.name);
  const missing = expected.filter((name) => !(name in backup.tables));
  const extra = Object.keys(backup.tables).filter((name) => !expected.includes(name));
  if (missing.length > 0 || extra.length > 0) {
    const parts = [
      missing.length > 0 ? `нет таблиц ${missing.map((n) => `«${n}»`).join(', ')}` : '',
      extra.length > 0 ? `лишние таблицы ${extra.map((n) => `«${n}»`).join(', ')}` : '',
    ].filter(Boolean);
    return err([
      problem(
        'backup_tables_mismatch',
        `Копия не подходит к этой программе при той же версии данных ${current}: ${parts.join('; ')}.`,
      ),
    ]);
  }
  return ok('same-version');
}

/** The backup's tables at the app's current schema version, through a temporary database. */
async function migrate(
  backup: Backup,
  openMigrating: (name: string) => Dexie,
): Promise<Record<string, TableDump>> {
  const name = `golos-restore-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const old = new Dexie(name);
  try {
    old
      .version(backup.schemaVersion)
      .stores(Object.fromEntries(Object.entries(backup.tables).map(([table, dump]) => [table, dump.schema])));
    await old.open();
    await refill(old, withBlobs(backup.tables));
    old.close();
    const migrated = openMigrating(name);
    try {
      await migrated.open();
      return await readTables(migrated);
    } finally {
      migrated.close();
    }
  } finally {
    old.close();
    await Dexie.delete(name);
  }
}

function withBlobs(tables: Record<string, TableDump>): Record<string, TableDump> {
  return Object.fromEntries(
    Object.entries(tables).map(([name, dump]) => [
      name,
      { ...dump, rows: bytesToBlobs(dump.rows) as unknown[] },
    ]),
  );
}

function detailOf(e: unknown): string {
  if (e instanceof Dexie.BulkError)
    return e.failures
      .map((f) => f.message)
      .slice(0, 3)
      .join('; ');
  return e instanceof Error ? e.message : String(e);
}

/**
 * Replaces everything in `db` with the backup's content, in one transaction: on any failure the
 * previous data stays as it was. Refuses a backup from a newer schema version.
 */
export async function restoreDatabase(
  db: Dexie,
  backup: Backup,
  options: RestoreOptions = {},
): Promise<Result<{ tables: number; rows: number }>> {
  if (!db.isOpen()) await db.open();
  const plan = checkRestorable(db, backup, options);
  if (!plan.ok) return plan;
  let tables: Record<string, TableDump>;
  try {
    tables =
      plan.value === 'migrate' ? await migrate(backup, options.openMigrating!) : withBlobs(backup.tables);
  } catch (e) {
    return err([
      problem(
        'backup_migration_failed',
        `Не удалось перенести данные копии (версия данных ${backup.schemaVersion}) в текущую версию программы: ${detailOf(e)}. Текущие данные не изменены.`,
      ),
    ]);
  }
  const unknown = Object.keys(tables).filter((name) => !db.tables.some((t) => t.name === name));
  if (unknown.length > 0) {
    return err([
      problem(
        'backup_tables_mismatch',
        `В копии есть таблицы, которых нет в этой программе: ${unknown.map((n) => `«${n}»`).join(', ')}. Текущие данные не изменены.`,
      ),
    ]);
  }
  try {
    // The restore is itself an audit entry, in the same transaction, naming the backup.
    await refill(db, tables, () => recordRestore(db, backup));
  } catch (e) {
    return err([
      problem(
        'backup_restore_failed',
        `Восстановление не выполнено, текущие данные остались прежними: ${detailOf(e)}.`,
      ),
    ]);
  }
  return ok({ tables: db.tables.length, rows: countRows({ tables }) });
}
