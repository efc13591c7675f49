/**
 * A backup file of the whole database, made in a documents worker of its own (ended when done): the
 * worker opens a second connection to the database as the app declares it, reads every table in one
 * transaction, then checksums and compresses (seconds for a meeting's database). The page's main thread
 * only sends the database's name and schema, so the window does not freeze for the automatic backups
 * made while the secretary works. Where there are no workers (tests), the same runs on the main thread.
 * Rejects with an Error saying in Russian what could not be stored.
 */
import type Dexie from 'dexie';
import type { BackupReason } from '../../shared/backup/backupNames';
import { declarationOf } from './backupDb';

export interface BackupFileOptions {
  reason: BackupReason;
  /** The backup's time (its name and `createdAt`). */
  now?: Date;
  appVersion?: string;
}

export async function makeBackupFile(db: Dexie, options: BackupFileOptions): Promise<Uint8Array> {
  if (!db.isOpen()) await db.open();
  const { createDocumentRunner } = await import('../documents/documentRunner');
  const runner = createDocumentRunner();
  try {
    return await runner.run({
      type: 'backup',
      database: declarationOf(db),
      reason: options.reason,
      createdAt: (options.now ?? new Date()).toISOString(),
      ...(options.appVersion !== undefined ? { appVersion: options.appVersion } : {}),
    });
  } finally {
    runner.dispose();
  }
}
