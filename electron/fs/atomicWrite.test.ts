import { mkdirSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { failingWriteFs, fsError, withFs, withTempDir } from '../test/faultyFs';
import { atomicWrite, atomicWriteAllSync, fsyncDir, tempNameFor, writeFileDurable } from './atomicWrite';

const encode = (s: string) => new TextEncoder().encode(s);

describe('atomicWrite', () => {
  test('creates a new file and leaves no temp file', async () => {
    await withTempDir(async (dir) => {
      const target = join(dir, 'Протокол.pdf');
      const r = await atomicWrite(target, encode('новое'));
      expect(r).toEqual({ ok: true, value: { path: target } });
      expect(await readFile(target, 'utf8')).toBe('новое');
      expect(await readdir(dir)).toEqual(['Протокол.pdf']);
    });
  });

  test('replaces an existing file; a large file is written in full', async () => {
    await withTempDir(async (dir) => {
      const target = join(dir, 'big.bin');
      await writeFile(target, 'старое');
      const big = new Uint8Array(9 * 1024 * 1024 + 17).map((_, i) => i % 251);
      const r = await atomicWrite(target, big);
      expect(r.ok).toBe(true);
      expect(Buffer.compare(await readFile(target), Buffer.from(big))).toBe(0);
      expect(await readdir(dir)).toEqual(['big.bin']);
    });
  });

  test('a write failing midway leaves the previous file intact and no temp file', async () => {
    await withTempDir(async (dir) => {
      const target = join(dir, 'registry.xlsx');
      await writeFile(target, 'previous content');
      const r = await atomicWrite(target, encode('x'.repeat(10_000)), failingWriteFs('EIO'));
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error[0]?.code).toBe('fs_vanished');
      expect(r.error[0]?.message).toMatch(/недоступна — возможно, флешку извлекли/);
      expect(await readFile(target, 'utf8')).toBe('previous content');
      expect(await readdir(dir)).toEqual(['registry.xlsx']);
    });
  });

  test('a full disk midway gives the Russian "no space" message and keeps the previous file', async () => {
    await withTempDir(async (dir) => {
      const target = join(dir, 'a.txt');
      await writeFile(target, 'v1');
      const r = await atomicWrite(target, encode('v2'.repeat(100)), failingWriteFs('ENOSPC'));
      expect(r.ok || r.error[0]?.message).toMatch(/закончилось место/);
      expect(await readFile(target, 'utf8')).toBe('v1');
      expect(await readdir(dir)).toEqual(['a.txt']);
    });
  });

  test('a failing rename removes the temp file and keeps the previous target', async () => {
    await withTempDir(async (dir) => {
      const target = join(dir, 'a.txt');
      await writeFile(target, 'v1');
      const fs = withFs({
        rename: async () => {
          throw fsError('EIO');
        },
      });
      const r = await atomicWrite(target, encode('v2'), fs);
      expect(r.ok).toBe(false);
      expect(await readFile(target, 'utf8')).toBe('v1');
      expect(await readdir(dir)).toEqual(['a.txt']);
    });
  });

  test('a read-only medium gives the Russian read-only message and changes nothing', async () => {
    await withTempDir(async (dir) => {
      const target = join(dir, 'a.txt');
      await writeFile(target, 'v1');
      const fs = withFs({
        open: async () => {
          throw fsError('EROFS');
        },
      });
      const r = await atomicWrite(target, encode('v2'), fs);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error[0]).toMatchObject({ code: 'fs_read_only', file: 'a.txt', severity: 'error' });
      expect(r.error[0]?.message).toBe(
        `Носитель с папкой «${dir}» доступен только для чтения (защищён от записи). Снимите защиту или выберите другой носитель.`,
      );
      expect(await readFile(target, 'utf8')).toBe('v1');
    });
  });

  test('a folder without write rights gives the Russian permission message', async () => {
    await withTempDir(async (dir) => {
      const fs = withFs({
        open: async () => {
          throw fsError('EACCES');
        },
      });
      const r = await atomicWrite(join(dir, 'a.txt'), encode('x'), fs);
      expect(r.ok || r.error[0]?.message).toBe(`Нет прав на запись в папку «${dir}». Выберите другую папку.`);
    });
  });

  test('a vanished folder is reported as a pulled-out stick', async () => {
    await withTempDir(async (dir) => {
      const r = await atomicWrite(join(dir, 'gone', 'a.txt'), encode('x'));
      expect(r.ok || r.error[0]?.code).toBe('fs_vanished');
    });
  });
});

describe('writeFileDurable', () => {
  test('refuses to overwrite an existing file', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'a.txt');
      await writeFile(path, 'v1');
      await expect(writeFileDurable(path, encode('v2'))).rejects.toMatchObject({ code: 'EEXIST' });
      expect(await readFile(path, 'utf8')).toBe('v1');
    });
  });

  test('removes its partial file when a write fails', async () => {
    await withTempDir(async (dir) => {
      await expect(
        writeFileDurable(join(dir, 'a.txt'), encode('abcdef'), failingWriteFs('EIO')),
      ).rejects.toMatchObject({
        code: 'EIO',
      });
      expect(await readdir(dir)).toEqual([]);
    });
  });
});

describe('fsyncDir', () => {
  test('flushes a real folder, is skipped on Windows, and reports a real I/O error', async () => {
    await withTempDir(async (dir) => {
      await expect(fsyncDir(dir)).resolves.toBeUndefined();
      const broken = withFs({
        open: async () => {
          throw fsError('EIO');
        },
      });
      await expect(fsyncDir(dir, broken, 'linux')).rejects.toMatchObject({ code: 'EIO' });
      await expect(fsyncDir(dir, broken, 'win32')).resolves.toBeUndefined();
    });
  });
});

describe('atomicWriteAllSync', () => {
  test('writes text, bytes and text in pieces, replacing old files, leaving no temp file', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'a.json'), 'old');
      const piece = 'ж'.repeat(300_000); // 600,000 bytes a piece: the writer flushes by the megabyte
      atomicWriteAllSync([
        { path: join(dir, 'a.json'), data: (emit) => [1, 2, 3, 4].forEach(() => emit(piece)) },
        { path: join(dir, 'b.pdf'), data: encode('%PDF') },
        { path: join(dir, 'c.txt'), data: 'текст' },
      ]);
      expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe(piece.repeat(4));
      expect(await readFile(join(dir, 'b.pdf'), 'utf8')).toBe('%PDF');
      expect(await readFile(join(dir, 'c.txt'), 'utf8')).toBe('текст');
      expect((await readdir(dir)).sort()).toEqual(['a.json', 'b.pdf', 'c.txt']);
    });
  });

  test('when one file cannot be written, no target changes and the other temp files are removed', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'a.json'), 'old');
      // The second file's temp file cannot be created: a folder is in its place.
      mkdirSync(tempNameFor(join(dir, 'b.pdf'), String(process.pid)));
      expect(() =>
        atomicWriteAllSync([
          { path: join(dir, 'a.json'), data: 'new' },
          { path: join(dir, 'b.pdf'), data: 'new' },
        ]),
      ).toThrow(/EISDIR/);
      expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('old');
      expect((await readdir(dir)).sort()).toEqual([`.b.pdf.${process.pid}.tmp`, 'a.json']);
    });
  });
});
