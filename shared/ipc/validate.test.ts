import { runInNewContext } from 'node:vm';
import { IPC_LIMITS } from './contract';
import {
  isUint8Array,
  validateFileName,
  validateOpenFileRequest,
  validateSaveFileRequest,
  validateWritePackageRequest,
} from './validate';
import type { Problem, Result } from '../result';

const bytes = (n = 3) => new Uint8Array(n);

function messages<T>(r: Result<T>): string[] {
  if (r.ok) throw new Error(`expected a rejection, got ${JSON.stringify(r.value)}`);
  r.error.forEach((p: Problem) => {
    expect(p.code).toBe('ipc_invalid_argument');
    expect(p.severity).toBe('error');
    expect(p.field).toBeTruthy();
  });
  return r.error.map((p) => p.message);
}

describe('validateFileName', () => {
  test.each([
    ['Протокол №3 от 01.05.2025.pdf'],
    ['registry.xlsx'],
    ['Итоги (копия для публикации).xlsx'],
    ['a'],
  ])('accepts %s', (name) => {
    expect(validateFileName(name, 'Имя файла')).toEqual({ ok: true, value: name });
  });

  test.each<[unknown, RegExp]>([
    [42, /^Имя файла: ожидалась строка, получено number\.$/],
    [null, /ожидалась строка, получено null/],
    [['a'], /ожидалась строка, получено массив/],
    ['', /имя пустое/],
    ['   ', /имя пустое/],
    ['..', /переход в другую папку/],
    ['.', /переход в другую папку/],
    ['../../etc/passwd', /переход в другую папку/],
    ['..\\..\\Windows\\win.ini', /переход в другую папку/],
    ['folder/file.pdf', /не должно содержать «\/» или «\\»/],
    ['C:\\file.pdf', /не должно содержать/],
    ['/etc/passwd', /не должно содержать/],
    ['a\u0000b.pdf', /управляющие символы/],
    ['line\nbreak.pdf', /управляющие символы/],
    ['what?.pdf', /недопустимые символы/],
    ['a:b.pdf', /недопустимые символы/],
    ['.bashrc', /не должно начинаться с точки/],
    ['report.pdf.', /оканчиваться точкой или пробелом/],
    ['report.pdf ', /оканчиваться точкой или пробелом/],
    ['CON', /зарезервировано в Windows/],
    ['nul.txt', /зарезервировано в Windows/],
    ['Я'.repeat(101), /имя слишком длинное \(202 байт, допустимо не более 200\)/],
  ])('rejects %j with a Russian message', (name, message) => {
    const all = messages(validateFileName(name, 'Имя файла'));
    expect(all).toHaveLength(1);
    expect(all[0]).toMatch(message);
    expect(all[0]).toMatch(/^Имя файла/);
  });
});

describe('validateSaveFileRequest', () => {
  const good = { suggestedName: 'Реестр.xlsx', bytes: bytes(), mime: 'application/vnd.ms-excel' };

  test('accepts a good request and a Buffer', () => {
    expect(validateSaveFileRequest(good)).toEqual({ ok: true, value: good });
    const beside = [{ name: 'meeting.json', bytes: bytes() }];
    expect(validateSaveFileRequest({ ...good, beside })).toEqual({ ok: true, value: { ...good, beside } });
    expect(validateSaveFileRequest({ ...good, bytes: Buffer.from('abc') }).ok).toBe(true);
  });

  test.each<[unknown, RegExp]>([
    [undefined, /^Запрос на сохранение файла: ожидался объект, получено undefined\.$/],
    ['x', /ожидался объект, получено string/],
    [[good], /ожидался объект, получено массив/],
    [new Date(), /ожидался объект/],
    [{ ...good, extra: 1 }, /неизвестное поле «extra»/],
    [{ ...good, suggestedName: '../x.pdf' }, /переход в другую папку/],
    [{ ...good, bytes: 'abc' }, /ожидался массив байтов \(Uint8Array\), получено string/],
    [{ ...good, bytes: [1, 2, 3] }, /ожидался массив байтов/],
    [{ ...good, bytes: new ArrayBuffer(3) }, /ожидался массив байтов/],
    [{ ...good, beside: [{ name: '../meeting.json', bytes: bytes() }] }, /переход в другую папку/],
    [{ ...good, beside: [] }, /ожидался список от 1/],
    [{ ...good, bytes: new Uint16Array(3) }, /ожидался массив байтов/],
    [{ ...good, mime: 'pdf' }, /MIME-тип вида «application\/pdf», получено «pdf»/],
    [{ ...good, mime: 'text/html; charset=utf-8' }, /MIME-тип/],
    [{ ...good, mime: undefined }, /MIME-тип.*получено undefined/],
  ])('rejects %#', (req, message) => {
    expect(messages(validateSaveFileRequest(req)).join('\n')).toMatch(message);
  });

  test('rejects a payload over the size limit, naming the file and both sizes', () => {
    // A fake Uint8Array that only reports a huge length (no memory is allocated).
    const huge = new Uint8Array(1);
    Object.defineProperty(huge, 'byteLength', { value: IPC_LIMITS.maxFileBytes + 1 });
    const all = messages(validateSaveFileRequest({ ...good, bytes: huge }));
    expect(all).toEqual(['Файл «Реестр.xlsx» слишком большой: 512,0 МБ, допустимо не более 512,0 МБ.']);
  });

  test('reports every problem at once', () => {
    expect(messages(validateSaveFileRequest({ suggestedName: 'a/b', bytes: 1, mime: 2 }))).toHaveLength(3);
  });
});

describe('validateOpenFileRequest', () => {
  test('accepts and normalises extensions', () => {
    expect(validateOpenFileRequest({ accept: ['.XLSX', '.csv'] })).toEqual({
      ok: true,
      value: { accept: ['.xlsx', '.csv'], multiple: false },
    });
    expect(validateOpenFileRequest({ accept: ['.pdf'], multiple: true }).ok).toBe(true);
    // The backup file's own extension.
    expect(validateOpenFileRequest({ accept: ['.golos-backup'] })).toEqual({
      ok: true,
      value: { accept: ['.golos-backup'], multiple: false },
    });
  });

  test.each<[unknown, RegExp]>([
    [null, /^Запрос на открытие файла: ожидался объект, получено null\.$/],
    [{}, /список от 1 до 20 расширений/],
    [{ accept: [] }, /список от 1 до 20 расширений/],
    [{ accept: '.xlsx' }, /список от 1 до 20 расширений/],
    [{ accept: Array(21).fill('.pdf') }, /список от 1 до 20 расширений/],
    [{ accept: ['xlsx'] }, /«xlsx» — не расширение вида «\.xlsx»/],
    [{ accept: ['.x/../y'] }, /не расширение/],
    [{ accept: ['.'] }, /не расширение/],
    [{ accept: ['.-backup'] }, /не расширение/],
    [{ accept: ['.golos--backup'] }, /не расширение/],
    [{ accept: ['.golos-backup-file-x'] }, /не расширение/],
    [{ accept: [7] }, /«7» — не расширение/],
    [{ accept: ['.pdf'], multiple: 'yes' }, /Несколько файлов: ожидалось true или false, получено string/],
    [{ accept: ['.pdf'], path: '/etc' }, /неизвестное поле «path»/],
  ])('rejects %j', (req, message) => {
    expect(messages(validateOpenFileRequest(req)).join('\n')).toMatch(message);
  });
});

describe('validateWritePackageRequest', () => {
  const good = {
    folderName: 'Протокол №3',
    files: [
      { name: 'Протокол.pdf', bytes: bytes() },
      { name: 'Итоги.xlsx', bytes: bytes() },
    ],
  };

  test('accepts a good package', () => {
    expect(validateWritePackageRequest(good)).toEqual({ ok: true, value: good });
  });

  test.each<[unknown, RegExp]>([
    [7, /^Запрос на запись пакета: ожидался объект, получено number\.$/],
    [{ ...good, folderName: '../Протокол' }, /^Имя папки пакета «\.\.\/Протокол»: переход в другую папку/],
    [{ ...good, folderName: 'E:' }, /Имя папки пакета «E:».*недопустимые символы/],
    [{ ...good, files: [] }, /Файлы пакета: ожидался список от 1 до 10000 файлов\./],
    [{ ...good, files: 'all' }, /ожидался список/],
    [{ ...good, files: [null] }, /Файл пакета №1: ожидался объект \{ name, bytes \}, получено null\./],
    [
      { ...good, files: [{ name: 'a/b.pdf', bytes: bytes() }] },
      /^Файл пакета №1: имя «a\/b\.pdf»: .*без папок/,
    ],
    [
      { ...good, files: [...good.files, { name: 'протокол.PDF', bytes: bytes() }] },
      /Файл пакета №3: имя «протокол\.PDF» повторяется \(регистр букв не различается\)\./,
    ],
    [{ ...good, files: [{ name: 'manifest.sha256', bytes: bytes() }] }, /«manifest\.sha256» зарезервировано/],
    [
      { ...good, files: [{ name: 'a.pdf', bytes: 'x' }] },
      /Файл пакета №1: содержимое файла «a\.pdf»: ожидался массив байтов/,
    ],
    [
      { ...good, files: [{ name: 'a.pdf', bytes: bytes(), path: '/tmp' }] },
      /Файл пакета №1: неизвестное поле «path»/,
    ],
  ])('rejects %#', (req, message) => {
    expect(messages(validateWritePackageRequest(req)).join('\n')).toMatch(message);
  });

  test('rejects a package over the total size limit', () => {
    const big = () => {
      const b = new Uint8Array(1);
      Object.defineProperty(b, 'byteLength', { value: IPC_LIMITS.maxFileBytes });
      return b;
    };
    const files = Array.from({ length: 5 }, (_, i) => ({ name: `scan${i}.pdf`, bytes: big() }));
    expect(messages(validateWritePackageRequest({ folderName: 'P', files }))).toEqual([
      'Пакет слишком большой: 2560,0 МБ, допустимо не более 2048,0 МБ.',
    ]);
  });
});

test('isUint8Array accepts arrays from another realm, not look-alikes', () => {
  const foreign: unknown = runInNewContext('new Uint8Array(2)');
  expect(foreign instanceof Uint8Array).toBe(false);
  expect(isUint8Array(foreign)).toBe(true);
  expect(isUint8Array(new Uint8Array(1))).toBe(true);
  expect(isUint8Array(Buffer.alloc(1))).toBe(true);
  expect(isUint8Array({ [Symbol.toStringTag]: 'Uint8Array', byteLength: 1 })).toBe(false);
  expect(isUint8Array(new Int8Array(1))).toBe(false);
  expect(isUint8Array('abc')).toBe(false);
});
