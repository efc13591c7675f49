import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dialogs } from '../ipc/dialogs';
import { IPC_LIMITS } from '../../shared/ipc/contract';
import { openFile } from '../ipc/openFileHandler';
import { validateFileName } from '../../shared/ipc/validate';
import { withTempDir } from '../test/faultyFs';

const reasonOf = (name: string): string => {
  const r = validateFileName(name, 'Имя файла');
  return r.ok ? 'принято' : r.error[0]!.message;
};

describe('validateFileName refuses names that hide what they are', () => {
  test.each([
    ['Протокол\u202Efdp.exe', /знаки направления текста/],
    ['Реестр\u200B.xlsx', /невидимые символы/],
    ['a\u2066b.csv', /невидимые символы/],
    ['a\u0085b.csv', /невидимые символы/],
  ])('bidi and zero-width: %j', (name, reason) => expect(reasonOf(name)).toMatch(reason));

  test.each([
    'CON.txt',
    'con.tar.gz',
    'COM1',
    'com9.csv',
    'LPT1.pdf',
    'NUL .txt',
    'aux.',
    'PRN.x.y',
    'COM¹.txt',
    'CONOUT$',
    'conin$.csv',
  ])('reserved device name with any suffix: %s', (name) =>
    expect(reasonOf(name)).toMatch(/зарезервировано в Windows/),
  );

  test.each(['Протокол／..／evil.pdf', 'a：b.csv', 'файл．pdf', 'ｒｅｅｓｔｒ.xlsx', 'a∕b.csv', 'a⁄b.csv'])(
    'full-width and slash look-alikes: %s',
    (name) => expect(reasonOf(name)).toMatch(/полноширинные или похожие/),
  );

  test.each([
    'Реестр СНТ «Ромашка» 2026.xlsx',
    'console.log',
    'COM10.txt',
    'CONTRACT.pdf',
    'Протокол № 3.pdf',
    'nullable.csv',
  ])('ordinary names are accepted: %s', (name) => expect(reasonOf(name)).toBe('принято'));
});

describe('opening files has a total size cap', () => {
  const dialogsFor = (paths: string[]): Dialogs => ({
    chooseSavePath: async () => null,
    chooseOpenPaths: async () => paths,
    chooseFolder: async () => null,
  });

  test('files each under the per-file limit but together over the total are refused before reading', async () => {
    await withTempDir(async (dir) => {
      const { writeFile, stat: realStat } = await import('node:fs/promises');
      const paths = ['a.csv', 'b.csv', 'c.csv'].map((n) => join(dir, n));
      for (const p of paths) await writeFile(p, 'x');
      const each = IPC_LIMITS.maxFileBytes; // at the per-file limit, not over it
      const fs = {
        stat: (async (p: string) => Object.assign(await realStat(p), { size: each })) as typeof realStat,
        readFile: (async () => {
          throw new Error('must not read');
        }) as never,
      };
      const r = await openFile({ accept: ['.csv'], multiple: true }, { dialogs: dialogsFor(paths), fs });
      expect(r.ok || r.error.map((p) => p.message)).toEqual([
        'Выбранные файлы вместе слишком велики: 1536,0 МБ, допустимо не более 1024,0 МБ. Откройте их по частям.',
      ]);
    });
  });
});

describe('packaged builds are fused (electron-builder electronFuses)', () => {
  test('RunAsNode, NODE_OPTIONS and inspect off; cookie encryption, ASAR integrity and ASAR-only on', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
    expect(pkg.build.asar).toBe(true);
    expect(pkg.build.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
