/**
 * The change journal for the commission, as a PDF (A4 landscape-wide table) and as an XLSX workbook.
 * The rows come already in Russian (renderer/audit/auditText); jsPDF and exceljs load on demand.
 */
import type { PdfFonts } from './pdfFont';
import { createPdf } from './pdfKit';
import { drawTable, type PdfTableColumn } from './pdfTable';

export interface JournalDocument {
  /** «Журнал изменений — СНТ «Ромашка»». */
  title: string;
  /** What the list holds: filters, when it was made. */
  subtitle: string;
  /** № · Когда · Кто · Действие · О ком · Изменения · Причина. */
  rows: string[][];
}

export const JOURNAL_COLUMNS = ['№', 'Когда', 'Кто', 'Действие', 'О ком / о чём', 'Изменения', 'Причина'];

const PDF_WIDTHS = [9, 24, 24, 30, 32, 45, 18];

export async function buildJournalPdf(doc: JournalDocument, fonts: PdfFonts): Promise<Uint8Array> {
  const kit = await createPdf(fonts, { title: doc.title, margins: { left: 14, right: 14 } });
  kit.paragraph(doc.title, { style: 'bold', size: 13, align: 'center', after: 1 });
  kit.paragraph(doc.subtitle, { size: 9, align: 'center', after: 4 });
  const columns: PdfTableColumn[] = JOURNAL_COLUMNS.map((header, i) => ({ header, width: PDF_WIDTHS[i]! }));
  await drawTable(kit, columns, doc.rows, { size: 7 });
  kit.numberPages();
  return kit.toBytes();
}

export async function buildJournalWorkbook(doc: JournalDocument): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Голос';
  const ws = workbook.addWorksheet('Журнал', { views: [{ state: 'frozen', ySplit: 3, xSplit: 0 }] });
  ws.addRow([doc.title]).font = { bold: true, size: 13 };
  ws.addRow([doc.subtitle]);
  const header = ws.addRow(JOURNAL_COLUMNS);
  header.font = { bold: true };
  [6, 20, 22, 34, 40, 60, 30].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const r of doc.rows) {
    const row = ws.addRow([Number(r[0]), ...r.slice(1)]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
