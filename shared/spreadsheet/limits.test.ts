import { deflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  registrySheet,
  textCell,
  withDeclaredSize,
  xlsxOfSheet,
  xlsxParts,
} from '../../test/fixtures/hostileXlsx';
import { readTable } from './readTable';

async function refusal(bytes: Uint8Array): Promise<string> {
  const r = await readTable(bytes, 'реестр.xlsx');
  if (r.ok) throw new Error(`accepted: ${r.value.rows.length} rows`);
  return r.error.map((p) => p.message).join('\n');
}

describe('readXlsx: coordinates are capped at Excel limits', () => {
  it('refuses a row number past 1,048,576 at once, naming it', async () => {
    const started = Date.now();
    const msg = await refusal(
      xlsxOfSheet(`<sheetData><row r="50000000">${textCell('A50000000', 'x')}</row></sheetData>`),
    );
    expect(msg).toBe(
      'Файл «реестр.xlsx» не принят: В описании строки листа указана строка 50\u00a0000\u00a0000, а на листе Excel их не больше 1\u00a0048\u00a0576.',
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses a cell reference past column XFD (ZZZZZZ9) and one past the last row', async () => {
    expect(
      await refusal(xlsxOfSheet(`<sheetData><row>${textCell('ZZZZZZ9', 'x')}</row></sheetData>`)),
    ).toContain('В ссылке на ячейку «ZZZZZZ9» указан столбец номер 321\u00a0272\u00a0406');
    expect(
      await refusal(
        xlsxOfSheet(`<sheetData><row>${textCell('A99999999999999999999', 'x')}</row></sheetData>`),
      ),
    ).toContain(
      'В ссылке на ячейку «A9999999999999999999…» указана строка больше триллиона, а на листе Excel их не больше 1\u00a0048\u00a0576.',
    );
  });

  it('takes a cell in the last row (A1048576) and one in the last column (XFD1)', async () => {
    const r = await readTable(
      xlsxOfSheet(`<sheetData><row r="1048576">${textCell('A1048576', 'x')}</row></sheetData>`),
      'f.xlsx',
    );
    expect(r.ok && r.value.rows.length).toBe(1_048_576);
    const wide = await readTable(
      xlsxOfSheet(`<sheetData><row r="1">${textCell('XFD1', 'x')}</row></sheetData>`),
      'f.xlsx',
    );
    expect(wide.ok && wide.value.rows[0]!.length).toBe(16_384);
  });

  it('refuses a table that would pad to more than 10 million cells', async () => {
    const sheet = `<sheetData><row r="1">${textCell('XFD1', 'x')}</row><row r="1000">${textCell('A1000', 'y')}</row></sheetData>`;
    expect(await refusal(xlsxOfSheet(sheet))).toContain(
      'таблица слишком велика: больше 10\u00a0000\u00a0000 ячеек',
    );
  });

  it('fills a merge A2:XFD1048576 only within the used range', async () => {
    const r = await readTable(
      xlsxOfSheet(
        registrySheet(['Иванов Иван Иванович']) + '<mergeCells><mergeCell ref="A2:XFD1048576"/></mergeCells>',
      ),
      'f.xlsx',
    );
    expect(r.ok && r.value.rows).toEqual([
      ['ФИО', 'Участок', 'Площадь', 'Член СНТ'],
      ['Иванов Иван Иванович', 'Иванов Иван Иванович', 'Иванов Иван Иванович', 'Иванов Иван Иванович'],
    ]);
  });

  it('refuses a merge reaching past the sheet, and counts merged copies in the cell budget', async () => {
    expect(
      await refusal(
        xlsxOfSheet(registrySheet(['А']) + '<mergeCells><mergeCell ref="A1:A2000000"/></mergeCells>'),
      ),
    ).toContain('В объединении ячеек «A1:A2000000» указана строка 2\u00a0000\u00a0000');
    // 2,000 rows × 4,000 columns used, one merge over all of it repeated: 8 million cells a time.
    const used = `<row r="2000"><c r="EXV2000"/></row>`;
    const merges = '<mergeCell ref="A1:EXV2000"/>'.repeat(3);
    expect(
      await refusal(xlsxOfSheet(registrySheet(['А'], used) + `<mergeCells>${merges}</mergeCells>`)),
    ).toContain('таблица слишком велика');
  });
});

describe('readXlsx: inflated size has a ceiling', () => {
  it('refuses a part declared to inflate past 200 MB before inflating it', async () => {
    const zip = withDeclaredSize(
      xlsxOfSheet(registrySheet(['Иванов'])),
      'xl/worksheets/sheet1.xml',
      1_200_000_000,
    );
    expect(await refusal(zip)).toBe(
      'Файл «реестр.xlsx» не принят: файл слишком велик после распаковки (1145 МБ).',
    );
  });

  it('never inflates a part past its declared size (a lying size is cut, not grown)', async () => {
    const sheet = registrySheet(['Иванов Иван']) + `<!--${' '.repeat(5_000_000)}-->`;
    const zip = withDeclaredSize(xlsxOfSheet(sheet), 'xl/worksheets/sheet1.xml', 1000);
    expect(zip.length).toBeLessThan(50_000);
    // Read as its first 1,000 bytes (the table is in them), never as 50 MB.
    const r = await readTable(zip, 'f.xlsx');
    expect(r.ok && r.value.rows).toEqual([
      ['ФИО', 'Участок', 'Площадь', 'Член СНТ'],
      ['Иванов Иван', '1', '600', 'да'],
    ]);
  });

  it('refuses a package of more than 10,000 parts', async () => {
    const parts = xlsxParts(registrySheet(['Иванов']));
    for (let i = 0; i < 10_001; i++) parts[`x/${i}.xml`] = [new Uint8Array(0), { level: 0 }];
    expect(await refusal(zipSync(parts))).toContain('в архиве файла больше 10000 частей');
  });

  it('reads an ordinary package as before', async () => {
    const r = await readTable(xlsxOfSheet(registrySheet(['Иванов Иван'])), 'f.xlsx');
    expect(r.ok && r.value.rows[1]![0]).toBe('Иванов Иван');
    expect(deflateSync(strToU8('x')).length).toBeGreaterThan(0);
  });
});
