import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StatsFs } from 'node:fs';
import { failingWriteFs, fsError, withFs, withTempDir } from '../test/faultyFs';
import type { WritePackageRequest } from '../../shared/ipc/contract';
import { writePackageTo } from './writePackage';

const encode = (s: string) => new TextEncoder().encode(s);

function request(): WritePackageRequest {
  return {
    folderName: 'Протокол №3 от 2025-05-01',
    files: [
      { name: 'Протокол.pdf', bytes: encode('%PDF-1.7 протокол') },
      { name: 'Итоги голосования.xlsx', bytes: new Uint8Array(300_000).map((_, i) => (i * 7) % 256) },
      { name: 'scan 001.jpg', bytes: new Uint8Array(0) },
    ],
  };
}

describe('writePackageTo', () => {
  test('writes every file and a manifest that `sha256sum -c` verifies; reports flushed', async () => {
    await withTempDir(async (parent) => {
      const req = request();
      const r = await writePackageTo(parent, req);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const folder = join(parent, req.folderName);
      expect(r.value.location).toBe(folder);
      expect(r.value.flushed).toBe(true);
      expect(await readdir(parent)).toEqual([req.folderName]);
      expect((await readdir(folder)).sort()).toEqual(
        ['Итоги голосования.xlsx', 'Протокол.pdf', 'manifest.sha256', 'scan 001.jpg'].sort(),
      );
      for (const f of req.files) {
        expect(Buffer.compare(await readFile(join(folder, f.name)), Buffer.from(f.bytes))).toBe(0);
      }
      const expectedHash = createHash('sha256').update(req.files[0]!.bytes).digest('hex');
      expect(r.value.files[0]).toEqual({
        name: 'Протокол.pdf',
        size: req.files[0]!.bytes.byteLength,
        sha256: expectedHash,
      });

      const out = execFileSync('sha256sum', ['-c', 'manifest.sha256'], { cwd: folder, encoding: 'utf8' });
      expect(out.trim().split('\n')).toEqual(req.files.map((f) => `${f.name}: OK`));
    });
  });

  test('`sha256sum -c` catches a file changed after writing', async () => {
    await withTempDir(async (parent) => {
      const r = await writePackageTo(parent, request());
      if (!r.ok) throw new Error('write failed');
      await writeFile(join(r.value.location, 'Протокол.pdf'), 'подменённый');
      expect(() =>
        execFileSync('sha256sum', ['-c', 'manifest.sha256'], { cwd: r.value.location, stdio: 'pipe' }),
      ).toThrow();
    });
  });

  test('never overwrites an earlier package: the second one gets "(2)"', async () => {
    await withTempDir(async (parent) => {
      const first = await writePackageTo(parent, request());
      const second = await writePackageTo(parent, request());
      expect(first.ok && second.ok).toBe(true);
      if (!second.ok) return;
      expect(second.value.location).toBe(join(parent, 'Протокол №3 от 2025-05-01 (2)'));
      expect((await readdir(parent)).sort()).toEqual([
        'Протокол №3 от 2025-05-01',
        'Протокол №3 от 2025-05-01 (2)',
      ]);
    });
  });

  test('a write failing midway leaves no package and no partial files; the earlier files stay', async () => {
    await withTempDir(async (parent) => {
      await writeFile(join(parent, 'старый файл.txt'), 'не трогать');
      const req = request();
      // The second file fails after half its bytes (a pulled stick).
      const fs = failingWriteFs('EIO', (path) => path.endsWith('Итоги голосования.xlsx'));
      const r = await writePackageTo(parent, req, fs);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error[0]).toMatchObject({ code: 'fs_vanished', file: 'Итоги голосования.xlsx' });
      expect(r.error[0]?.message).toMatch(/возможно, флешку извлекли.*Пакет не записан\.$/);
      expect(await readdir(parent)).toEqual(['старый файл.txt']);
      expect(await readFile(join(parent, 'старый файл.txt'), 'utf8')).toBe('не трогать');
    });
  });

  test('a failure while writing the manifest also leaves nothing', async () => {
    await withTempDir(async (parent) => {
      const fs = failingWriteFs('ENOSPC', (path) => path.endsWith('manifest.sha256'));
      const r = await writePackageTo(parent, request(), fs);
      expect(r.ok || r.error[0]).toMatchObject({ code: 'fs_no_space', file: 'manifest.sha256' });
      expect(await readdir(parent)).toEqual([]);
    });
  });

  test('a failing final flush of the drive removes the renamed package too', async () => {
    await withTempDir(async (parent) => {
      let opens = 0;
      const fs = withFs({
        open: (async (path: string, flags?: string, mode?: number) => {
          // The last open is the parent folder, for its fsync after the rename.
          if (path === parent && flags === 'r' && ++opens === 1) throw fsError('EIO');
          const { open } = await import('node:fs/promises');
          return open(path, flags, mode);
        }) as typeof import('node:fs/promises').open,
      });
      const r = await writePackageTo(parent, request(), fs, 'linux');
      expect(r.ok || r.error[0]?.code).toBe('fs_vanished');
      expect(opens).toBe(2); // the failed flush, then the flush after the clean-up
      expect(await readdir(parent)).toEqual([]);
    });
  });

  test('not enough free space: a Russian message with the sizes, and nothing written', async () => {
    await withTempDir(async (parent) => {
      const fs = withFs({
        statfs: (async () =>
          ({
            bsize: 4096,
            bavail: 10,
            blocks: 100,
            bfree: 10,
            ffree: 10,
            files: 100,
            type: 0,
          }) as StatsFs) as never,
      });
      const r = await writePackageTo(parent, request(), fs);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error[0]?.code).toBe('fs_no_space');
      expect(r.error[0]?.message).toMatch(
        /^Недостаточно места в «.+»: для пакета нужно 0,4 МБ, свободно 0,0 МБ\. Ничего не записано\.$/,
      );
      expect(await readdir(parent)).toEqual([]);
    });
  });

  test('a read-only stick: the Russian read-only message before anything is written', async () => {
    await withTempDir(async (parent) => {
      const fs = withFs({
        access: async () => {
          throw fsError('EROFS');
        },
      });
      const r = await writePackageTo(parent, request(), fs);
      expect(r.ok || r.error[0]).toMatchObject({
        code: 'fs_read_only',
        message: `Носитель с папкой «${parent}» доступен только для чтения (защищён от записи). Снимите защиту или выберите другой носитель.`,
      });
      expect(await readdir(parent)).toEqual([]);
    });
  });

  test('a vanished target folder: the pulled-stick message', async () => {
    await withTempDir(async (parent) => {
      const r = await writePackageTo(join(parent, 'нет такой'), request());
      expect(r.ok || r.error[0]?.code).toBe('fs_vanished');
    });
  });

  test('removes leftovers of an interrupted earlier write', async () => {
    await withTempDir(async (parent) => {
      await mkdir(join(parent, '.golos-partial-abc123'));
      await writeFile(join(parent, '.golos-partial-abc123', 'half.pdf'), 'половина');
      const r = await writePackageTo(parent, request());
      expect(r.ok).toBe(true);
      expect(await readdir(parent)).toEqual(['Протокол №3 от 2025-05-01']);
    });
  });
});
