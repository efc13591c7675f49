import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { storedBackupName } from '../../shared/backup/backupNames';
import { failingWriteFs, fsError, withFs, withTempDir } from '../test/faultyFs';
import { listBackups, readBackup, saveBackup } from './backupHandlers';
import { BACKUPS_KEPT } from '../../shared/ipc/contract';

const at = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString();
const bytesOf = (s: string) => new TextEncoder().encode(s);

test('saves into a new folder and lists newest first, ignoring other files', async () => {
  await withTempDir(async (root) => {
    const dir = join(root, 'data', 'backups');
    expect(await listBackups({ dir })).toEqual({ ok: true, value: [] });
    await saveBackup({ createdAt: at(0), reason: 'daily', bytes: bytesOf('a') }, { dir });
    await saveBackup({ createdAt: at(1), reason: 'before-protocol', bytes: bytesOf('bb') }, { dir });
    await writeFile(join(dir, 'notes.txt'), 'x');
    await writeFile(join(dir, `.${storedBackupName(at(2), 'daily')}.abc.tmp`), 'half');
    expect(await listBackups({ dir })).toEqual({
      ok: true,
      value: [
        {
          id: storedBackupName(at(1), 'before-protocol'),
          createdAt: at(1),
          reason: 'before-protocol',
          size: 2,
        },
        { id: storedBackupName(at(0), 'daily'), createdAt: at(0), reason: 'daily', size: 1 },
      ],
    });
    const read = await readBackup({ id: storedBackupName(at(1), 'before-protocol') }, { dir });
    expect(read).toEqual({ ok: true, value: bytesOf('bb') });
  });
});

test(`keeps only the newest ${BACKUPS_KEPT}`, async () => {
  await withTempDir(async (dir) => {
    for (let i = 0; i < BACKUPS_KEPT + 3; i += 1) {
      const r = await saveBackup({ createdAt: at(i), reason: 'daily', bytes: bytesOf(String(i)) }, { dir });
      expect(r.ok).toBe(true);
    }
    const names = (await readdir(dir)).sort();
    expect(names).toHaveLength(BACKUPS_KEPT);
    expect(names[0]).toBe(storedBackupName(at(3), 'daily'));
    expect(names.at(-1)).toBe(storedBackupName(at(BACKUPS_KEPT + 2), 'daily'));
  });
});

test('a write failing midway leaves the earlier backups as they were and no new file', async () => {
  await withTempDir(async (dir) => {
    for (let i = 0; i < BACKUPS_KEPT; i += 1) {
      await saveBackup({ createdAt: at(i), reason: 'daily', bytes: bytesOf(String(i)) }, { dir });
    }
    const before = (await readdir(dir)).sort();
    const r = await saveBackup(
      { createdAt: at(99), reason: 'before-import', bytes: bytesOf('new') },
      { dir, fs: failingWriteFs('ENOSPC') },
    );
    expect(r.ok).toBe(false);
    expect(r.ok || r.error[0]?.message).toMatch(/^Резервная копия не сохранена\. .*закончилось место/);
    expect((await readdir(dir)).sort()).toEqual(before);
    expect(await readFile(join(dir, before[0]!), 'utf8')).toBe('0');
  });
});

test('a folder that cannot be created gives a Russian problem', async () => {
  const r = await saveBackup(
    { createdAt: at(0), reason: 'daily', bytes: bytesOf('a') },
    { dir: '/x/backups', fs: withFs({ mkdir: async () => Promise.reject(fsError('EACCES')) }) },
  );
  expect(r.ok || r.error[0]?.code).toBe('fs_no_permission');
});

test('reading a backup that is gone says so', async () => {
  await withTempDir(async (dir) => {
    const id = storedBackupName(at(0), 'daily');
    expect(await readBackup({ id }, { dir })).toMatchObject({
      ok: false,
      error: [
        { code: 'backup_missing', message: `Резервной копии «${id}» больше нет в папке данных программы.` },
      ],
    });
  });
});
