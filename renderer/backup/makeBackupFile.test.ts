import { decodeBackup } from '../../shared/backup/backupFile';
import { GolosDb } from '../db/db';
import { dumpDatabase, isEmptyDatabase, restoreDatabase } from './backupDb';
import { makeBackupFile } from './makeBackupFile';

const NOW = new Date('2026-06-15T09:00:00.000Z');

async function appDb(): Promise<GolosDb> {
  const db = new GolosDb(`golos-backup-file-${crypto.randomUUID()}`);
  await db.persons.add({
    id: 'p1',
    fullName: 'Иванов Иван',
    status: 'member',
    holdings: [{ plotNumber: '1' }],
    nameKey: 'иванов иван',
    plotNumbers: ['1'],
  } as never);
  await db.attachments.add({
    id: 'a1',
    meetingId: 'm1',
    name: 'скан.jpg',
    mime: 'image/jpeg',
    size: 3,
    bytes: new Uint8Array([1, 2, 3]),
    addedAt: NOW.toISOString(),
    purpose: 'scan',
  });
  await db.resolutions.add({
    id: 'r1',
    meetingId: 'm1',
    personId: 'p1',
    question: 1,
    ballotId: null,
  } as never);
  return db;
}

test('the file made through a second connection holds what the app’s own connection reads, schemas included', async () => {
  const db = await appDb();
  const bytes = await makeBackupFile(db, { reason: 'before-import', now: NOW, appVersion: '1.2.3' });
  const read = decodeBackup(bytes);
  expect(read.ok).toBe(true);
  if (!read.ok) return;
  const direct = await dumpDatabase(db, { reason: 'before-import', now: NOW, appVersion: '1.2.3' });
  expect(read.value).toMatchObject({ ...direct, tables: expect.any(Object) });
  for (const [name, table] of Object.entries(direct.tables)) {
    expect(read.value.tables[name]!.schema).toBe(table.schema);
    expect(read.value.tables[name]!.rows).toEqual(table.rows);
  }
  expect(read.value.createdAt).toBe(NOW.toISOString());
  expect(db.isOpen()).toBe(true);
});

test('it restores into a fresh database as the same rows; an empty database is told apart', async () => {
  const db = await appDb();
  const read = decodeBackup(await makeBackupFile(db, { reason: 'manual', now: NOW }));
  if (!read.ok) throw new Error(read.error[0]!.message);
  const fresh = new GolosDb(`golos-backup-fresh-${crypto.randomUUID()}`);
  expect(await isEmptyDatabase(fresh)).toBe(true);
  expect(await restoreDatabase(fresh, read.value)).toMatchObject({ ok: true });
  expect(await isEmptyDatabase(fresh)).toBe(false);
  expect(await fresh.persons.toArray()).toEqual(await db.persons.toArray());
  expect(await fresh.resolutions.toArray()).toEqual(await db.resolutions.toArray());
  expect((await fresh.attachments.get('a1'))!.bytes).toEqual(new Uint8Array([1, 2, 3]));
});
