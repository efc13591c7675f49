import { decodeBackup, type BackupSnapshot } from '../../shared/backup/backupFile';
import { encodeBackupFile } from './encodeBackupFile';

const snapshot: BackupSnapshot = {
  schemaVersion: 3,
  createdAt: '2026-06-15T09:00:00.000Z',
  reason: 'manual',
  tables: {
    persons: { schema: 'id', rows: [{ id: 'p1', fullName: 'Иванов Иван', at: new Date('2026-06-01') }] },
    attachments: { schema: 'id', rows: [{ id: 'a1', bytes: new Uint8Array([1, 2, 3]) }] },
  },
};

test('the backup file made off the main thread reads back as the same snapshot', async () => {
  const read = decodeBackup(await encodeBackupFile(snapshot));
  expect(read.ok).toBe(true);
  if (!read.ok) return;
  expect(read.value.tables).toEqual(snapshot.tables);
  expect(read.value.reason).toBe('manual');
});

test('a value no backup can hold fails with the table, row and field named', async () => {
  const bad: BackupSnapshot = {
    ...snapshot,
    tables: { persons: { schema: 'id', rows: [{ id: 'p1' }, { id: 'p2', call: () => 1 }] } },
  };
  await expect(encodeBackupFile(bad)).rejects.toThrow(/«persons», строка 2, поле «call»/);
});
