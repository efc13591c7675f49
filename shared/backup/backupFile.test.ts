import { gunzipSync, gzipSync, strToU8, zipSync } from 'fflate';
import { canonicalJson, sha256Hex } from '../crypto/sha256';
import { decodeBackup, encodeBackup, type Backup, type BackupSnapshot } from './backupFile';
import { summarizeBackup } from './backupSummary';
import { BlobBytes } from './taggedValue';

const scan = new BlobBytes(new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]), 'image/jpeg', {
  name: 'скан 7.jpg',
  lastModified: 1714557600000,
});

function snapshot(): BackupSnapshot {
  return {
    schemaVersion: 3,
    createdAt: '2025-05-01T10:00:00.000Z',
    reason: 'before-import',
    appVersion: '0.1.0',
    tables: {
      partnership: { schema: 'id', rows: [{ id: 'p1', name: 'СНТ «Берёзка»', createdAt: new Date(5) }] },
      persons: {
        schema: 'id, snils, *plotNumbers',
        rows: [
          {
            id: 'a',
            fullName: 'Иванов Иван',
            holdings: [{ plotNumber: '12а', share: '1/2' }],
            note: undefined,
          },
          { id: 'b', fullName: 'Петрова Анна', weight: 10n ** 30n, scan },
        ],
      },
      settings: { schema: '', rows: [{ value: 1 }, { value: [1, 2] }], keys: ['a', ['b', 2]] },
      audit: { schema: 'seq', rows: [] },
    },
  };
}

function decodeOk(bytes: Uint8Array): Backup {
  const r = decodeBackup(bytes, { fileName: 'копия.golos-backup' });
  if (!r.ok) throw new Error(r.error.map((p) => p.message).join('\n'));
  return r.value;
}

function messageOf(bytes: Uint8Array): string {
  const r = decodeBackup(bytes, { fileName: 'копия.golos-backup' });
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.error.map((p) => p.message).join('\n');
}

/** The JSON object inside a file, to be edited and written back (uncompressed). */
function parse(bytes: Uint8Array): Record<string, unknown> & { content: Record<string, unknown> } {
  return JSON.parse(new TextDecoder().decode(gunzipSync(bytes)));
}
const write = (file: unknown) => strToU8(JSON.stringify(file));
/** A file whose checksum matches an edited content, as a careful forger (or a bug) would produce. */
function resealed(file: { content: unknown } & Record<string, unknown>): Uint8Array {
  return write({ ...file, sha256: sha256Hex(canonicalJson(file.content)) });
}

test('a snapshot comes back exactly, compressed (default) or not', () => {
  for (const compress of [true, false]) {
    const bytes = encodeBackup(snapshot(), { compress });
    expect(bytes[0] === 0x1f && bytes[1] === 0x8b).toBe(compress);
    const back = decodeOk(bytes);
    expect(back).toEqual({ ...snapshot(), formatVersion: 1, sha256: back.sha256 });
    const persons = back.tables.persons!.rows as Record<string, unknown>[];
    expect('note' in persons[0]!).toBe(true);
    expect(persons[1]!.weight).toBe(10n ** 30n);
    expect(persons[1]!.scan).toBeInstanceOf(BlobBytes);
    expect((back.tables.partnership!.rows[0] as { createdAt: Date }).createdAt).toEqual(new Date(5));
    expect(back.tables.settings!.keys).toEqual(['a', ['b', 2]]);
  }
});

test('the checksum is the SHA-256 of the canonical content and does not depend on compression', () => {
  const packed = decodeOk(encodeBackup(snapshot()));
  const plain = decodeOk(encodeBackup(snapshot(), { compress: false }));
  expect(packed.sha256).toBe(plain.sha256);
  const file = parse(encodeBackup(snapshot()));
  expect(file.format).toBe('golos-backup');
  expect(file.formatVersion).toBe(1);
  expect(file.sha256).toBe(sha256Hex(canonicalJson(file.content)));
  expect(packed.sha256).toMatch(/^[0-9a-f]{64}$/);
});

test('the same snapshot always gives the same bytes', () => {
  expect(encodeBackup(snapshot())).toEqual(encodeBackup(snapshot()));
});

test('a value that cannot be stored names the table, row and field', () => {
  const s = snapshot();
  s.tables.persons!.rows.push({ id: 'c', callback: () => 1 });
  expect(() => encodeBackup(s)).toThrow(
    'Таблица «persons», строка 3, поле «callback»: значение типа function нельзя сохранить. Резервная копия не создана.',
  );
});

describe('files that must be refused, with what is wrong', () => {
  test('an empty file', () => {
    expect(messageOf(new Uint8Array())).toBe('Файл «копия.golos-backup» пуст — это не резервная копия.');
  });

  test('other kinds of files', () => {
    expect(messageOf(strToU8('%PDF-1.7\n...'))).toContain('не резервная копия «Голоса»: это документ PDF');
    expect(messageOf(zipSync({ 'a.txt': strToU8('x') }))).toContain('это архив ZIP');
    expect(messageOf(new Uint8Array([0, 159, 146, 150]))).toContain('в нём двоичные данные, а не текст');
    expect(messageOf(strToU8('ФИО;СНИЛС\nИванов;123'))).toContain(
      'его содержимое не в формате резервной копии',
    );
    expect(messageOf(strToU8('{"format":"golos-ballots","rows":[]}'))).toContain(
      'в нём нет отметки формата «golos-backup»',
    );
  });

  test('a cut-off file, compressed or not', () => {
    const packed = encodeBackup(snapshot());
    expect(messageOf(packed.slice(0, packed.length - 20))).toContain('сжатые данные не распаковываются');
    const plain = encodeBackup(snapshot(), { compress: false });
    expect(messageOf(plain.slice(0, plain.length - 20))).toContain('текст копии оборван или испорчен');
  });

  test('a file from a newer program', () => {
    const file = parse(encodeBackup(snapshot()));
    expect(messageOf(write({ ...file, formatVersion: 2 }))).toBe(
      'Файл «копия.golos-backup» создан более новой версией программы (формат копии 2, эта программа понимает до 1). Обновите «Голос» и повторите.',
    );
  });

  test('a file changed after it was made: one character of one row', () => {
    const file = parse(encodeBackup(snapshot()));
    const tables = file.content.tables as Record<string, { rows: { fullName?: string }[] }>;
    tables.persons!.rows[0]!.fullName = 'Иванов Пётр';
    const msg = messageOf(write(file));
    expect(msg).toContain('повреждён или изменён после создания: контрольная сумма SHA-256 не совпадает');
    expect(msg).toContain(`в файле ${String(file.sha256).slice(0, 16)}…`);
  });

  test('a well-sealed file with broken structure names the table, row and field', () => {
    const file = parse(encodeBackup(snapshot()));
    const tables = file.content.tables as Record<string, { rows: unknown[]; keys?: unknown[] }>;
    tables.persons!.rows[1] = { id: 'b', scan: { $type: 'blob', v: 'не base64', type: 'image/jpeg' } };
    expect(messageOf(resealed(file))).toBe(
      'Файл «копия.golos-backup» повреждён: таблица «persons», строка 2, поле «scan»: повреждено значение вида «blob»: двоичные данные не в кодировке Base64.',
    );
    const r = decodeBackup(resealed(file));
    expect(r.ok ? null : r.error[0]).toMatchObject({ code: 'backup_invalid', row: 2, field: 'scan' });

    const noRows = parse(encodeBackup(snapshot()));
    (noRows.content.tables as Record<string, unknown>).audit = { schema: 'seq' };
    expect(messageOf(resealed(noRows))).toContain('таблица «audit» записана не полностью');

    const badKeys = parse(encodeBackup(snapshot()));
    (badKeys.content.tables as Record<string, { keys?: unknown[] }>).settings!.keys = ['a'];
    expect(messageOf(resealed(badKeys))).toContain(
      'в таблице «settings» число ключей не совпадает с числом строк',
    );

    const badReason = parse(encodeBackup(snapshot()));
    badReason.content.reason = 'weekly';
    expect(messageOf(resealed(badReason))).toContain('неизвестная причина создания «weekly»');

    const badDate = parse(encodeBackup(snapshot()));
    badDate.content.createdAt = '01.05.2025';
    expect(messageOf(resealed(badDate))).toContain('неверная дата создания');
  });

  test('a gzip of something else is refused as foreign, not as corrupt', () => {
    expect(messageOf(gzipSync(strToU8('hello')))).toContain('не резервная копия «Голоса»');
  });
});

test('the summary lists what the backup holds', () => {
  const summary = summarizeBackup(decodeOk(encodeBackup(snapshot())));
  expect(summary).toEqual({
    createdAt: '2025-05-01T10:00:00.000Z',
    reason: 'before-import',
    reasonLabel: 'перед импортом',
    schemaVersion: 3,
    appVersion: '0.1.0',
    partnershipName: 'СНТ «Берёзка»',
    tables: [
      { name: 'partnership', rows: 1 },
      { name: 'persons', rows: 2 },
      { name: 'settings', rows: 2 },
      { name: 'audit', rows: 0 },
    ],
    totalRows: 5,
    attachments: { count: 1, bytes: 6 },
    sha256: summary.sha256,
  });
  expect(summary.sha256).toMatch(/^[0-9a-f]{64}$/);
});

test('the summary of an empty install has no partnership name', () => {
  const s = snapshot();
  s.tables = { partnership: { schema: 'id', rows: [] } };
  const summary = summarizeBackup(decodeOk(encodeBackup(s)));
  expect(summary.partnershipName).toBeUndefined();
  expect(summary.totalRows).toBe(0);
});
