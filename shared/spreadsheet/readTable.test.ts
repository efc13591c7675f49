import ExcelJS from 'exceljs';
import { readTable } from './readTable';
import { detectDelimiter, parseCsv } from './readCsv';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

async function xlsxBytes(fill: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('Реестр'), wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function rowsOf(bytes: Uint8Array, name = 'f.csv'): Promise<string[][]> {
  const r = await readTable(bytes, name);
  if (!r.ok) throw new Error(r.error.map((p) => p.message).join('; '));
  return r.value.rows;
}

describe('readTable: XLSX', () => {
  it('gives display text: numbers as written, dates, formulas, rich text, digit masks', async () => {
    const bytes = await xlsxBytes((ws) => {
      ws.getCell('A1').value = 1200;
      ws.getCell('B1').value = 54.3;
      ws.getCell('C1').value = 0.1 + 0.2;
      ws.getCell('D1').value = new Date(Date.UTC(2026, 5, 1));
      ws.getCell('E1').value = { formula: 'A1*2', result: 2400 };
      ws.getCell('F1').value = { richText: [{ text: 'Иванов ' }, { font: { bold: true }, text: 'Иван' }] };
      ws.getCell('G1').value = 2516083925;
      ws.getCell('G1').numFmt = '000-000-000 00';
      ws.getCell('H1').value = '  с пробелами  ';
      ws.getCell('I1').value = { text: 'почта', hyperlink: 'mailto:a@b.ru' };
    });
    const rows = await rowsOf(bytes, 'a.xlsx');
    expect(rows[0]).toEqual([
      '1200',
      '54.3',
      '0.3',
      '01.06.2026',
      '2400',
      'Иванов Иван',
      '025-160-839 25',
      'с пробелами',
      'почта',
    ]);
  });

  it('keeps blank rows so row numbers match, copies merged values into every cell', async () => {
    const bytes = await xlsxBytes((ws) => {
      ws.getCell('A1').value = 'Реестр членов СНТ «Берёзка»';
      ws.mergeCells('A1:C1');
      ws.getCell('A3').value = 'ФИО';
      ws.getCell('B3').value = 'Участок';
      ws.getCell('A4').value = 'Иванов Иван Иванович';
      ws.mergeCells('A4:A5');
      ws.getCell('B4').value = '12';
      ws.getCell('B5').value = '13';
    });
    const r = await readTable(bytes, 'реестр.xlsx');
    expect(r.ok && r.value.sheetName).toBe('Реестр');
    const rows = await rowsOf(bytes, 'реестр.xlsx');
    expect(rows).toEqual([
      ['Реестр членов СНТ «Берёзка»', 'Реестр членов СНТ «Берёзка»', 'Реестр членов СНТ «Берёзка»'],
      ['', '', ''],
      ['ФИО', 'Участок', ''],
      ['Иванов Иван Иванович', '12', ''],
      ['Иванов Иван Иванович', '13', ''],
    ]);
  });

  it('takes the first non-empty worksheet', async () => {
    const bytes = await xlsxBytes((_ws, wb) => {
      wb.addWorksheet('Данные').getCell('B2').value = 'есть';
    });
    const r = await readTable(bytes, 'x.xlsx');
    expect(r.ok && r.value.sheetName).toBe('Данные');
    expect(r.ok && r.value.rows).toEqual([
      ['', ''],
      ['', 'есть'],
    ]);
  });

  it('reports a truncated XLSX, an empty workbook, an old XLS and an empty file by file name', async () => {
    const good = await xlsxBytes((ws) => {
      ws.getCell('A1').value = 'x';
    });
    const cut = await readTable(good.subarray(0, Math.floor(good.length / 2)), 'реестр.xlsx');
    expect(cut.ok).toBe(false);
    expect(!cut.ok && cut.error[0]!.message).toBe(
      'Файл «реестр.xlsx» не удалось прочитать: файл Excel повреждён или сохранён не полностью.',
    );
    const blank = await readTable(await xlsxBytes(() => {}), 'пустой.xlsx');
    expect(!blank.ok && blank.error[0]!.message).toBe(
      'В файле «пустой.xlsx» нет ни одного заполненного листа.',
    );
    const xls = await readTable(
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'a.xls',
    );
    expect(!xls.ok && xls.error[0]!.code).toBe('file_old_xls');
    const empty = await readTable(new Uint8Array(0), 'a.csv');
    expect(!empty.ok && empty.error[0]!.message).toBe('Файл «a.csv» пуст.');
    const onlyBlank = await readTable(utf8('\r\n ; ;\r\n'), 'b.csv');
    expect(!onlyBlank.ok && onlyBlank.error[0]!.code).toBe('file_empty');
  });

  it('rejects binary garbage with a message naming the file', async () => {
    const bytes = new Uint8Array(2000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37 + 11) % 256;
    const r = await readTable(bytes, 'photo.jpg');
    expect(!r.ok && r.error[0]!.message).toBe(
      'Файл «photo.jpg» не удалось прочитать: это не таблица Excel (XLSX) и не CSV.',
    );
    expect(!r.ok && r.error[0]!.file).toBe('photo.jpg');
  });
});

describe('readTable: CSV', () => {
  it('reads UTF-8 with BOM, comma, quotes with commas, doubled quotes and line breaks', async () => {
    const text =
      '\ufeffФИО,Адрес,Участок\r\n"Иванов Иван","г. Москва, ул. ""Лесная"", д. 1",12\r\n\r\n"Петров\nПётр",,13а\r\n';
    expect(await rowsOf(utf8(text))).toEqual([
      ['ФИО', 'Адрес', 'Участок'],
      ['Иванов Иван', 'г. Москва, ул. "Лесная", д. 1', '12'],
      ['', '', ''],
      ['Петров Пётр', '', '13а'],
    ]);
  });

  it('reads Windows-1251 with semicolons and a title line', async () => {
    // "Реестр\r\nФИО;Площадь\r\nЁлкин;1 200,5\r\n" in cp1251
    const cp1251 = new Uint8Array([
      0xd0, 0xe5, 0xe5, 0xf1, 0xf2, 0xf0, 0x0d, 0x0a, 0xd4, 0xc8, 0xce, 0x3b, 0xcf, 0xeb, 0xee, 0xf9, 0xe0,
      0xe4, 0xfc, 0x0d, 0x0a, 0xa8, 0xeb, 0xea, 0xe8, 0xed, 0x3b, 0x31, 0x20, 0x32, 0x30, 0x30, 0x2c, 0x35,
      0x0d, 0x0a,
    ]);
    expect(await rowsOf(cp1251)).toEqual([
      ['Реестр', ''],
      ['ФИО', 'Площадь'],
      ['Ёлкин', '1 200,5'],
    ]);
  });

  it('reads UTF-8 without BOM, tab separated', async () => {
    expect(await rowsOf(utf8('ФИО\tУчасток\nСемёнова\t7\n'))).toEqual([
      ['ФИО', 'Участок'],
      ['Семёнова', '7'],
    ]);
  });

  it('detects the delimiter from most lines, ignoring quoted ones and commas in decimals', () => {
    expect(
      detectDelimiter(
        'Реестр СНТ, 2026\nФИО;Адрес;Площадь\nА;г. Тверь, д. 1;1200,5\nБ;г. Тверь, д. 2;600,25\n',
      ),
    ).toBe(';');
    expect(detectDelimiter('ФИО,Адрес\n"А; Б","x; y"\n"В; Г","z"\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
  });

  it('keeps an unterminated last line and a quoted delimiter', () => {
    expect(parseCsv('a;"b;c"\n1;2', ';')).toEqual([
      ['a', 'b;c'],
      ['1', '2'],
    ]);
  });
});
