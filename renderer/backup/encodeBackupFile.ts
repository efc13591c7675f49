/**
 * A backup file's bytes, made in a documents worker of its own (ended when done): checksumming and
 * compressing a meeting's database takes seconds, and the automatic backups run right before imports
 * and while the secretary works, so the window must not freeze for them. Where there are no workers
 * (tests), on the main thread. An Error says in Russian what could not be stored.
 */
import type { BackupSnapshot } from '../../shared/backup/backupFile';

export async function encodeBackupFile(snapshot: BackupSnapshot): Promise<Uint8Array> {
  const { createDocumentRunner } = await import('../documents/documentRunner');
  const runner = createDocumentRunner();
  try {
    return await runner.run({ type: 'backup', snapshot });
  } finally {
    runner.dispose();
  }
}
