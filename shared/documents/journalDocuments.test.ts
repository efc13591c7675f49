import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { pdfPageTexts } from '../../test/fixtures/pdfText';
import {
  buildJournalPdf,
  buildJournalWorkbook,
  JOURNAL_COLUMNS,
  type JournalDocument,
} from './journalDocuments';
import { PT_SANS_FILES, type PdfFonts } from './pdfFont';

const require = createRequire(import.meta.url);
const fonts: PdfFonts = {
  regular: new Uint8Array(readFileSync(require.resolve(PT_SANS_FILES.regular))),
  bold: new Uint8Array(readFileSync(require.resolve(PT_SANS_FILES.bold))),
};

const doc: JournalDocument = {
  title: 'Журнал изменений',
  subtitle: 'кто: Секретарь; записей: 2',
  rows: [
    [
      '2',
      '2 декабря 2026, 16:19',
      'Секретарь',
      'Импортирован реестр',
      'Файл «реестр.xlsx»',
      'Добавлено: 300',
      '',
    ],
    [
      '1',
      '2 декабря 2026, 16:05',
      'Секретарь',
      'Изменены данные участника',
      'Иванов Иван (участок 12)',
      'Статус: член → садовод без членства',
      'опечатка',
    ],
  ],
};

describe('the journal for the commission', () => {
  it('as a workbook: title, filters, the header and every row as shown', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildJournalWorkbook(doc)).buffer as ArrayBuffer);
    const ws = wb.getWorksheet('Журнал')!;
    expect(ws.getRow(1).getCell(1).value).toBe('Журнал изменений');
    expect(ws.getRow(3).values).toEqual([undefined, ...JOURNAL_COLUMNS]);
    expect(ws.getRow(4).getCell(1).value).toBe(2);
    expect(ws.getRow(5).getCell(6).value).toBe('Статус: член → садовод без членства');
  });

  it('as a PDF that reads the same text', async () => {
    const text = pdfPageTexts(await buildJournalPdf(doc, fonts)).join('\n');
    for (const t of ['Журнал изменений', 'Импортирован реестр', 'Иванов Иван (участок 12)', 'Стр. 1 из 1']) {
      expect(text.replace(/\s+/g, ' ')).toContain(t);
    }
  });
});
