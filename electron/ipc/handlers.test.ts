import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { failingWriteFs, fsError, withFs, withTempDir } from '../test/faultyFs';
import type { Dialogs } from './dialogs';
import { openFile } from './openFileHandler';
import { filtersFor, saveFile } from './saveFileHandler';
import { writePackage } from './writePackageHandler';
import { IPC_LIMITS } from '../../shared/ipc/contract';

const encode = (s: string) => new TextEncoder().encode(s);

/** Fake dialogs answering with prepared choices and recording what they were asked. */
function fakeDialogs(answers: { save?: string | null; open?: string[]; folder?: string | null }) {
  const asked: { kind: string; opts: unknown }[] = [];
  const dialogs: Dialogs = {
    async chooseSavePath(opts) {
      asked.push({ kind: 'save', opts });
      return answers.save ?? null;
    },
    async chooseOpenPaths(opts) {
      asked.push({ kind: 'open', opts });
      return answers.open ?? [];
    },
    async chooseFolder(opts) {
      asked.push({ kind: 'folder', opts });
      return answers.folder ?? null;
    },
  };
  return { dialogs, asked };
}

describe('saveFile', () => {
  test('writes to the chosen path atomically and offers the suggested name with its type filter', async () => {
    await withTempDir(async (dir) => {
      const target = join(dir, 'Реестр.xlsx');
      await writeFile(target, 'старый');
      const { dialogs, asked } = fakeDialogs({ save: target });
      const r = await saveFile(
        { suggestedName: 'Реестр.xlsx', bytes: encode('новый'), mime: 'x/y' },
        { dialogs },
      );
      expect(r).toEqual({ ok: true, value: { savedAs: target } });
      expect(await readFile(target, 'utf8')).toBe('новый');
      expect(await readdir(dir)).toEqual(['Реестр.xlsx']);
      expect(asked).toEqual([
        {
          kind: 'save',
          opts: {
            title: 'Сохранить файл',
            defaultName: 'Реестр.xlsx',
            filters: [{ name: 'Файлы XLSX', extensions: ['xlsx'] }],
          },
        },
      ]);
    });
  });

  test('writes the files beside the chosen one into the same folder (a batch and its meeting.json)', async () => {
    await withTempDir(async (dir) => {
      const target = join(dir, 'Бюллетени ноутбук 1.csv');
      const { dialogs, asked } = fakeDialogs({ save: target });
      const r = await saveFile(
        {
          suggestedName: 'Бюллетени.csv',
          bytes: encode('csv'),
          mime: 'text/csv',
          beside: [{ name: 'Бюллетени ноутбук 1.meeting.json', bytes: encode('{}') }],
        },
        { dialogs },
      );
      expect(r).toEqual({ ok: true, value: { savedAs: target } });
      expect(asked).toHaveLength(1);
      expect((await readdir(dir)).sort()).toEqual([
        'Бюллетени ноутбук 1.csv',
        'Бюллетени ноутбук 1.meeting.json',
      ]);
      expect(await readFile(join(dir, 'Бюллетени ноутбук 1.meeting.json'), 'utf8')).toBe('{}');
    });
  });

  test('cancel: null and nothing written', async () => {
    const { dialogs } = fakeDialogs({ save: null });
    const fs = withFs({
      open: async () => {
        throw new Error('must not write');
      },
    });
    expect(
      await saveFile({ suggestedName: 'a.pdf', bytes: encode('x'), mime: 'a/b' }, { dialogs, fs }),
    ).toEqual({
      ok: true,
      value: null,
    });
  });

  test('a failed write returns the Russian problem and keeps the previous file', async () => {
    await withTempDir(async (dir) => {
      const target = join(dir, 'a.pdf');
      await writeFile(target, 'v1');
      const { dialogs } = fakeDialogs({ save: target });
      const r = await saveFile(
        { suggestedName: 'a.pdf', bytes: encode('v2'.repeat(50)), mime: 'a/b' },
        { dialogs, fs: failingWriteFs('ENOSPC') },
      );
      expect(r.ok || r.error[0]?.code).toBe('fs_no_space');
      expect(await readFile(target, 'utf8')).toBe('v1');
    });
  });

  test('filtersFor: no filter for a name without extension', () => {
    expect(filtersFor('README')).toEqual([]);
    expect(filtersFor('a.b.PDF')).toEqual([{ name: 'Файлы PDF', extensions: ['pdf'] }]);
  });
});

describe('openFile', () => {
  test('reads the chosen files as plain Uint8Arrays', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'Реестр.XLSX'), 'xlsx-bytes');
      await writeFile(join(dir, 'b.csv'), 'ФИО;Участок');
      const { dialogs, asked } = fakeDialogs({ open: [join(dir, 'Реестр.XLSX'), join(dir, 'b.csv')] });
      const r = await openFile({ accept: ['.xlsx', '.csv'], multiple: true }, { dialogs });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.map((f) => f.name)).toEqual(['Реестр.XLSX', 'b.csv']);
      expect(new TextDecoder().decode(r.value[1]!.bytes)).toBe('ФИО;Участок');
      expect(Buffer.isBuffer(r.value[0]!.bytes)).toBe(false);
      expect(asked[0]).toEqual({
        kind: 'open',
        opts: {
          title: 'Открыть файлы',
          filters: [{ name: 'Файлы .xlsx, .csv', extensions: ['xlsx', 'csv'] }],
          multiple: true,
        },
      });
    });
  });

  test('cancel: an empty list', async () => {
    const { dialogs } = fakeDialogs({ open: [] });
    expect(await openFile({ accept: ['.pdf'] }, { dialogs })).toEqual({ ok: true, value: [] });
  });

  test('a file of another type is refused by name', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'evil.exe'), 'MZ');
      const { dialogs } = fakeDialogs({ open: [join(dir, 'evil.exe')] });
      const r = await openFile({ accept: ['.xlsx'] }, { dialogs });
      expect(r.ok || r.error[0]).toMatchObject({
        code: 'open_wrong_type',
        file: 'evil.exe',
        message: 'Файл «evil.exe» не подходит: ожидались файлы .xlsx.',
      });
    });
  });

  test('a file over the size limit is refused before it is read', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'scan.pdf');
      await writeFile(path, 'x');
      const { dialogs } = fakeDialogs({ open: [path] });
      const real = await import('node:fs/promises');
      const fs = {
        stat: (async (p: string) => {
          const s = await real.stat(p);
          return Object.assign(s, { size: IPC_LIMITS.maxFileBytes + 1 });
        }) as typeof real.stat,
        readFile: (async () => {
          throw new Error('must not read');
        }) as typeof real.readFile,
      };
      const r = await openFile({ accept: ['.pdf'] }, { dialogs, fs });
      expect(r.ok || r.error[0]?.message).toBe(
        'Файл «scan.pdf» слишком большой: 512,0 МБ, допустимо не более 512,0 МБ.',
      );
    });
  });

  test('a folder, a vanished file, and two files when one was asked for are refused', async () => {
    await withTempDir(async (dir) => {
      const folder = fakeDialogs({ open: [join(dir, 'x.csv')] });
      const r1 = await openFile({ accept: ['.csv'] }, folder);
      expect(r1.ok || r1.error[0]).toMatchObject({ code: 'fs_vanished' });
      expect(r1.ok || r1.error[0]?.message).toMatch(/^Файл «.*x\.csv» недоступен/);

      const two = fakeDialogs({ open: [join(dir, 'a.csv'), join(dir, 'b.csv')] });
      const r2 = await openFile({ accept: ['.csv'] }, two);
      expect(r2.ok || r2.error[0]?.message).toBe('Выберите один файл.');

      const { mkdir } = await import('node:fs/promises');
      await mkdir(join(dir, 'folder.csv'));
      const r3 = await openFile({ accept: ['.csv'] }, fakeDialogs({ open: [join(dir, 'folder.csv')] }));
      expect(r3.ok || r3.error[0]?.message).toBe('«folder.csv» — не файл.');
    });
  });

  test('a file without read rights gives the Russian message', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'a.csv');
      await writeFile(path, 'x');
      const real = await import('node:fs/promises');
      const fs = {
        stat: real.stat,
        readFile: (async () => {
          throw fsError('EACCES');
        }) as typeof real.readFile,
      };
      const r = await openFile({ accept: ['.csv'] }, { ...fakeDialogs({ open: [path] }), fs });
      expect(r.ok || r.error[0]?.message).toBe(`Нет прав на чтение файла «${path}».`);
    });
  });
});

describe('writePackage', () => {
  const req = { folderName: 'Пакет', files: [{ name: 'Протокол.pdf', bytes: encode('pdf') }] };

  test('writes into the chosen folder', async () => {
    await withTempDir(async (dir) => {
      const { dialogs, asked } = fakeDialogs({ folder: dir });
      const r = await writePackage(req, { dialogs });
      expect(r.ok && r.value?.location).toBe(join(dir, 'Пакет'));
      expect((await readdir(join(dir, 'Пакет'))).sort()).toEqual(['manifest.sha256', 'Протокол.pdf']);
      expect(asked).toEqual([
        { kind: 'folder', opts: { title: 'Куда записать пакет протокола (флешка или папка)' } },
      ]);
    });
  });

  test('cancel: null and nothing written', async () => {
    const { dialogs } = fakeDialogs({ folder: null });
    expect(await writePackage(req, { dialogs })).toEqual({ ok: true, value: null });
  });

  test('a read-only stick: Russian message, nothing written', async () => {
    await withTempDir(async (dir) => {
      const fs = withFs({
        access: async () => {
          throw fsError('EROFS');
        },
      });
      const r = await writePackage(req, { ...fakeDialogs({ folder: dir }), fs });
      expect(r.ok || r.error[0]?.code).toBe('fs_read_only');
      expect(await readdir(dir)).toEqual([]);
    });
  });
});
