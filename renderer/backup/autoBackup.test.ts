import Dexie from 'dexie';
import { decodeBackup } from '../../shared/backup/backupFile';
import { err, ok, problem } from '../../shared/result';
import type { BackupInfo, Platform, PlatformBackups } from '../platform/platform';
import { autoBackup, startDailyBackups } from './autoBackup';
import { backupStoreFor, createBrowserBackupStore } from './backupStore';

let counter = 0;
function appDb(): Dexie {
  const db = new Dexie(`auto-backup-test-${++counter}`);
  db.version(1).stores({ persons: 'id', audit: 'seq' });
  return db;
}

const browserPlatform = { kind: 'browser' } as Platform;
const at = (day: number, hour: number) => new Date(2025, 4, day, hour, 0, 0);

/** An in-memory stand-in for the Electron data folder. */
function folderBackups(): PlatformBackups & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  const infos: BackupInfo[] = [];
  return {
    files,
    async save({ createdAt, reason, bytes }) {
      const info = { id: `${createdAt}-${reason}`, createdAt, reason, size: bytes.length };
      files.set(info.id, bytes);
      infos.unshift(info);
      return ok(info);
    },
    async list() {
      return ok([...infos]);
    },
    async read(id) {
      const bytes = files.get(id);
      return bytes ? ok(bytes) : err([problem('backup_missing', 'нет')]);
    },
  };
}

test('daily: once per calendar day, whatever the hour; before an import or export: every time', async () => {
  const db = appDb();
  await db.table('persons').add({ id: 'a', fullName: 'Иванов' });
  const store = createBrowserBackupStore(`golos-backups-test-${++counter}`);
  const run = (reason: 'daily' | 'before-import' | 'before-protocol', now: Date) =>
    autoBackup(db, browserPlatform, reason, { now, store });

  const first = await run('daily', at(1, 9));
  expect(first).toMatchObject({ ok: true, value: { reason: 'daily', createdAt: at(1, 9).toISOString() } });
  expect(await run('daily', at(1, 23))).toEqual({ ok: true, value: null });
  expect(await run('before-import', at(1, 23))).toMatchObject({
    ok: true,
    value: { reason: 'before-import' },
  });
  expect(await run('before-protocol', at(1, 23))).toMatchObject({
    ok: true,
    value: { reason: 'before-protocol' },
  });
  expect(await run('daily', at(2, 0))).toMatchObject({ ok: true, value: { reason: 'daily' } });

  const listed = await store.list();
  expect(listed.ok && listed.value.map((b) => b.reason)).toEqual([
    'daily',
    'before-protocol',
    'before-import',
    'daily',
  ]);

  // What was saved is a complete backup of the database at that moment.
  const bytes = await store.read(listed.ok ? listed.value[0]!.id : '');
  const backup = bytes.ok ? decodeBackup(bytes.value) : bytes;
  expect(backup.ok && backup.value.tables.persons!.rows).toEqual([{ id: 'a', fullName: 'Иванов' }]);
  expect(backup.ok && backup.value.reason).toBe('daily');
});

test('an empty database is not backed up', async () => {
  const store = createBrowserBackupStore(`golos-backups-test-${++counter}`);
  expect(await autoBackup(appDb(), browserPlatform, 'before-import', { store })).toEqual({
    ok: true,
    value: null,
  });
  expect(await store.list()).toEqual({ ok: true, value: [] });
});

test('the browser store keeps the newest few and says when one is gone', async () => {
  const store = createBrowserBackupStore(`golos-backups-test-${++counter}`, 3);
  const ids: string[] = [];
  for (let day = 1; day <= 5; day += 1) {
    const r = await store.save({
      createdAt: at(day, 12).toISOString(),
      reason: 'daily',
      bytes: new Uint8Array([day]),
    });
    if (r.ok) ids.push(r.value.id);
  }
  const listed = await store.list();
  expect(listed.ok && listed.value.map((b) => b.createdAt)).toEqual(
    [5, 4, 3].map((d) => at(d, 12).toISOString()),
  );
  expect(await store.read(ids[4]!)).toEqual({ ok: true, value: new Uint8Array([5]) });
  expect(await store.read(ids[0]!)).toMatchObject({
    ok: false,
    error: [{ code: 'backup_missing', message: 'Этой резервной копии больше нет в хранилище браузера.' }],
  });
});

test('in Electron the backups go to the platform (the data folder), not to the browser storage', async () => {
  const db = appDb();
  await db.table('persons').add({ id: 'a' });
  const backups = folderBackups();
  const platform = { kind: 'electron', backups } as unknown as Platform;
  expect(backupStoreFor(platform).where).toBe('в папке данных программы (последние 30)');
  const r = await autoBackup(db, platform, 'before-protocol', { now: at(3, 10) });
  expect(r).toMatchObject({ ok: true, value: { reason: 'before-protocol' } });
  expect(backups.files.size).toBe(1);
  expect(backupStoreFor(browserPlatform).where).toBe('в хранилище этого браузера (последние 7)');
});

test('the daily check reports a failing store instead of throwing', async () => {
  const db = appDb();
  const backups = folderBackups();
  backups.list = async () => err([problem('fs_no_permission', 'Нет прав на чтение папки.')]);
  const platform = { kind: 'electron', backups } as unknown as Platform;
  const problems: string[] = [];
  const stop = startDailyBackups(db, platform, { onProblem: (m) => problems.push(m), intervalMs: 20 });
  await vi.waitFor(() => expect(problems.length).toBeGreaterThanOrEqual(2));
  stop();
  expect(problems[0]).toBe('Нет прав на чтение папки.');
});
