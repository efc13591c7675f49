import { err, ok, problem, type Result } from '../result';
import { applyDigitMask, dateText, numberText } from './cellText';
import { finishRows, type Table } from './table';

type CellLike = { value: unknown; numFmt?: string };
type RowLike = { eachCell(opts: { includeEmpty: boolean }, cb: (cell: CellLike, col: number) => void): void };
type SheetLike = {
  name: string;
  state?: string;
  eachRow(opts: { includeEmpty: boolean }, cb: (row: RowLike, n: number) => void): void;
};

/** Display text of an exceljs cell value (rich text, formula results and hyperlinks flattened). */
export function valueText(value: unknown, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return applyDigitMask(value, numFmt) ?? numberText(value);
  if (typeof value === 'boolean') return value ? 'ИСТИНА' : 'ЛОЖЬ';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return (v.richText as { text?: unknown }[])
        .map((r) => (typeof r.text === 'string' ? r.text : ''))
        .join('');
    }
    if ('formula' in v || 'sharedFormula' in v || 'result' in v) return valueText(v.result, numFmt);
    if ('text' in v) return valueText(v.text, numFmt);
    if (typeof v.error === 'string') return v.error;
  }
  return '';
}

function sheetRows(ws: SheetLike): string[][] {
  // Only rows that exist are visited: a sheet formatted down to row 1,048,576 costs nothing extra.
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // A merged cell reads its master's value, so a merged title or header shows in every cell of the range.
      cells[col - 1] = valueText(cell.value, cell.numFmt).replace(/\s+/g, ' ').trim();
    });
    rows[r - 1] = cells;
  });
  for (let r = 0; r < rows.length; r++) {
    const cells = (rows[r] ??= []);
    for (let c = 0; c < cells.length; c++) cells[c] = cells[c] ?? '';
  }
  return finishRows(rows);
}

/** Reads the first non-empty (preferably visible) worksheet of an XLSX file. */
export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<Result<Table>> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs' typings ask for a Node Buffer; it accepts any ArrayBuffer view (browser included).
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return err([
      problem(
        'file_unreadable',
        `Файл «${fileName}» не удалось прочитать: файл Excel повреждён или сохранён не полностью.`,
        { file: fileName },
      ),
    ]);
  }
  const sheets = workbook.worksheets as unknown as SheetLike[];
  const ordered = [
    ...sheets.filter((s) => !s.state || s.state === 'visible'),
    ...sheets.filter((s) => s.state && s.state !== 'visible'),
  ];
  for (const ws of ordered) {
    const rows = sheetRows(ws);
    if (rows.length > 0) return ok({ fileName, sheetName: ws.name, rows });
  }
  return err([
    problem('file_empty', `В файле «${fileName}» нет ни одного заполненного листа.`, { file: fileName }),
  ]);
}
