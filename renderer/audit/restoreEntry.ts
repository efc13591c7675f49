/**
 * A restore from a backup is itself an audit entry: appended after the restored log, in the restore's
 * transaction, naming the backup (its date, why it was made, its checksum). The restored records are
 * vouched for by the restored log, so the writes of the restore are not noted as this entry's state.
 */
import Dexie from 'dexie';
import type { Backup } from '../../shared/backup/backupFile';
import { getOperator } from '../app/operator';
import type { GolosDb } from '../db/db';
import { auditedWrite } from '../db/auditedWrite';
import { AUDIT_TABLE } from './auditLog';
import { discardState } from './recordState';

export const BACKUP_RESTORE = 'backup.restore';

export async function recordRestore(
  db: Dexie,
  backup: Pick<Backup, 'createdAt' | 'reason' | 'sha256' | 'schemaVersion'>,
): Promise<void> {
  if (!db.tables.some((t) => t.name === AUDIT_TABLE)) return;
  discardState(Dexie.currentTransaction?.idbtrans);
  const actor = db.tables.some((t) => t.name === 'settings') ? await getOperator(db as GolosDb) : 'программа';
  await auditedWrite(db, [], (audit) =>
    audit({
      actor,
      action: BACKUP_RESTORE,
      entity: 'backup',
      entityId: backup.sha256,
      after: {
        createdAt: backup.createdAt,
        reason: backup.reason,
        sha256: backup.sha256,
        schemaVersion: backup.schemaVersion,
      },
    }),
  );
}
