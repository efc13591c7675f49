// The streaming XLSX writer read back by exceljs (an independent reader): values, types, formats,
// header style, widths, frozen header and filter, text that needs escaping, and rows across blocks.
import ExcelJS from 'exceljs';
import { escapeXml, writeXlsx, type XlsxCell } from './xlsxStreamWriter';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer,
  );
  return workbook;
}

describe('xlsxStreamWriter', () => {
  it('escapes markup and drops characters XML does not allow', () => {
    expect(escapeXml('a & b < c > "d"\u0001\u000b')).toBe('a &amp; b &lt; c &gt; &quot;d&quot;');
    expect(escapeXml('строка\tс\nпереводом')).toBe('строка\tс\nпереводом');
  });

  it('writes values, formats, header and views that exceljs reads back', async () => {
    const bytes = writeXlsx([
      {
        name: 'Итоги & <всё>',
        columns: [
          { header: 'Показатель', width: 48 },
          { header: 'Значение', width: 70 },
        ],
        rows: [
          ['Кворум', { value: 0.6667, format: 'percent' }],
          ['Площадь', { value: 1234.5, format: 'weight' }],
          ['  с пробелами  ', 'ООО «Ромашка» & Ко <1>'],
          ['Пусто', null],
          ['Не число', Number.NaN],
        ],
      },
      {
        name: 'Веса',
        columns: [
          { header: '№', width: 6 },
          { header: 'Вес', width: 12, format: 'weight' },
        ],
        rows: [[1, 10.25]],
      },
    ]);
    const book = await readBack(bytes);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Итоги & <всё>', 'Веса']);
    const ws = book.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:B1');
    expect(ws.getColumn(1).width).toBe(48);
    expect(ws.getColumn(2).width).toBe(70);
    expect(ws.getCell('A1').value).toBe('Показатель');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').alignment).toMatchObject({ vertical: 'top', wrapText: true });
    expect(ws.getCell('B2').value).toBe(0.6667);
    expect(ws.getCell('B2').numFmt).toBe('0.00%');
    expect(ws.getCell('B3').value).toBe(1234.5);
    expect(ws.getCell('B3').numFmt).toBe('0.00');
    expect(ws.getCell('A4').value).toBe('  с пробелами  ');
    expect(ws.getCell('B4').value).toBe('ООО «Ромашка» & Ко <1>');
    expect(ws.getCell('B5').value).toBeNull();
    expect(ws.getCell('B6').value).toBeNull();
    const weights = book.worksheets[1]!;
    expect(weights.getCell('B2').value).toBe(10.25);
    expect(weights.getCell('B2').numFmt).toBe('0.00');
    expect(weights.getCell('A2').numFmt).toBeUndefined();
  });

  it('names columns past Z as Excel does (AA, AB, …) so wide sheets read back in place', async () => {
    const columns = Array.from({ length: 30 }, (_, i) => ({ header: `К${i + 1}`, width: 8 }));
    const bytes = writeXlsx([{ name: 'Широкий', columns, rows: [columns.map((_, i) => i + 1)] }]);
    const ws = (await readBack(bytes)).worksheets[0]!;
    expect(ws.getCell('Z2').value).toBe(26);
    expect(ws.getCell('AA2').value).toBe(27);
    expect(ws.getCell('AD2').value).toBe(30);
    expect(ws.autoFilter).toBe('A1:AD1');
  });

  it('streams many rows (across write blocks) and every one reads back in order', async () => {
    const n = 1234;
    function* rows(): Generator<XlsxCell[]> {
      for (let i = 0; i < n; i++) yield [i + 1, `Участник ${i + 1}`, i % 3 === 0 ? null : i / 4];
    }
    const bytes = writeXlsx([
      {
        name: 'Реестр',
        columns: [
          { header: '№', width: 6 },
          { header: 'ФИО', width: 30 },
          { header: 'Доля', width: 10, format: 'weight' },
        ],
        rows: rows(),
      },
    ]);
    const ws = (await readBack(bytes)).worksheets[0]!;
    expect(ws.rowCount).toBe(n + 1);
    for (let i = 0; i < n; i++) {
      const row = ws.getRow(i + 2);
      expect(row.getCell(1).value).toBe(i + 1);
      expect(row.getCell(2).value).toBe(`Участник ${i + 1}`);
      expect(row.getCell(3).value).toBe(i % 3 === 0 ? null : i / 4);
    }
  });
});
