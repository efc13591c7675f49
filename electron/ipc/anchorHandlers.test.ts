// The audit anchor's file in the app's data folder: atomic replacement (a write failing midway leaves
// the previous anchor), a damaged file named in Russian, and a folder of its own beside the backups.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { failingWriteFs, fsError, withFs, withTempDir } from '../test/faultyFs';
import { anchorPath, readAnchorFile, writeAnchorFile } from './anchorHandlers';

const anchor = (seq: number) => ({ seq, hash: String(seq % 10).repeat(64), at: '2026-12-02T10:00:00.000Z' });

test('writes the anchor as JSON and reads it back; none yet is null', async () => {
  await withTempDir(async (root) => {
    const dir = join(root, 'anchors');
    expect(await readAnchorFile({ store: 'golos' }, { dir })).toEqual({ ok: true, value: null });
    expect(await writeAnchorFile({ store: 'golos', anchor: anchor(3) }, { dir })).toEqual({
      ok: true,
      value: null,
    });
    expect(await writeAnchorFile({ store: 'golos', anchor: anchor(4) }, { dir })).toEqual({
      ok: true,
      value: null,
    });
    expect(JSON.parse(await readFile(join(dir, 'golos.json'), 'utf8'))).toEqual(anchor(4));
    expect(await readAnchorFile({ store: 'golos' }, { dir })).toEqual({ ok: true, value: anchor(4) });
    // No temp file left behind.
    expect(await readdir(dir)).toEqual(['golos.json']);
  });
});

test('a write failing midway (disk full) keeps the previous anchor and says so in Russian', async () => {
  await withTempDir(async (dir) => {
    await writeAnchorFile({ store: 'golos', anchor: anchor(7) }, { dir });
    const r = await writeAnchorFile(
      { store: 'golos', anchor: anchor(8) },
      { dir, fs: failingWriteFs('ENOSPC') },
    );
    expect(r.ok).toBe(false);
    expect(r.ok || r.error[0]!.message).toMatch(/^Якорь журнала не записан\. .*закончилось место/);
    expect(await readAnchorFile({ store: 'golos' }, { dir })).toEqual({ ok: true, value: anchor(7) });
    expect(await readdir(dir)).toEqual(['golos.json']);
  });
});

test('the folder is fsynced after the rename (the new name is on the device)', async () => {
  await withTempDir(async (dir) => {
    const opened: string[] = [];
    const fs = withFs({
      open: (async (path: string, flags?: string, mode?: number) => {
        opened.push(`${flags ?? 'r'} ${path}`);
        const { open } = await import('node:fs/promises');
        return open(path, flags, mode);
      }) as typeof import('node:fs/promises').open,
      rename: (async (from: string, to: string) => {
        opened.push(`rename ${to}`);
        const { rename } = await import('node:fs/promises');
        return rename(from, to);
      }) as typeof import('node:fs/promises').rename,
    });
    await writeAnchorFile({ store: 'golos', anchor: anchor(1) }, { dir, fs });
    expect(opened.map((s) => s.replace(/\.golos\.json\.[0-9a-f]+\.tmp/, 'TEMP'))).toEqual([
      `wx ${join(dir, 'TEMP')}`,
      `rename ${anchorPath(dir, 'golos')}`,
      `r ${dir}`,
    ]);
  });
});

test('a damaged anchor file is a problem naming the file, not a silent null', async () => {
  await withTempDir(async (dir) => {
    await writeFile(join(dir, 'golos.json'), '{"seq": "много"}');
    const r = await readAnchorFile({ store: 'golos' }, { dir });
    expect(r).toMatchObject({ ok: false, error: [{ code: 'anchor_damaged' }] });
    expect(r.ok || r.error[0]!.message).toMatch(/^Файл якоря журнала изменений «.*golos\.json» повреждён: /);
    const denied = await readAnchorFile(
      { store: 'golos' },
      { dir, fs: withFs({ readFile: (() => Promise.reject(fsError('EACCES'))) as never }) },
    );
    expect(denied.ok).toBe(false);
  });
});
