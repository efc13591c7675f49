import { err, ok, problem, type Result } from '../result';
import { SpreadsheetLimitError } from './limits';
import type { Table } from './table';
import { openXlsx, type XlsxPackage } from './xlsxPackage';
import { readSheetRows, type SheetContext } from './xlsxSheet';
import { readSharedStrings } from './xlsxStrings';
import { readCellFormats } from './xlsxStyles';

/** The first non-empty worksheet (visible ones first, in workbook order), or null. */
function firstFilledSheet(pkg: XlsxPackage): { name: string; rows: string[][] } | null {
  const ordered = [...pkg.sheets.filter((s) => s.visible), ...pkg.sheets.filter((s) => !s.visible)];
  let ctx: SheetContext | undefined;
  for (const sheet of ordered) {
    const xml = pkg.text(sheet.path);
    if (!xml) continue;
    ctx ??= {
      strings: readSharedStrings(pkg.text(pkg.sharedStringsPath) ?? ''),
      formats: readCellFormats(pkg.text(pkg.stylesPath)),
      date1904: pkg.date1904,
    };
    const rows = readSheetRows(xml, ctx);
    if (rows.length > 0) return { name: sheet.name, rows };
  }
  return null;
}

/** Reads the first non-empty (preferably visible) worksheet of an XLSX file. */
export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<Result<Table>> {
  let sheet: ReturnType<typeof firstFilledSheet>;
  try {
    sheet = firstFilledSheet(openXlsx(bytes));
  } catch (e) {
    if (e instanceof SpreadsheetLimitError) {
      return err([
        problem('file_too_large', `Файл «${fileName}» не принят: ${e.message}`, { file: fileName }),
      ]);
    }
    return err([
      problem(
        'file_unreadable',
        `Файл «${fileName}» не удалось прочитать: файл Excel повреждён или сохранён не полностью.`,
        { file: fileName },
      ),
    ]);
  }
  if (!sheet) {
    return err([
      problem('file_empty', `В файле «${fileName}» нет ни одного заполненного листа.`, { file: fileName }),
    ]);
  }
  return ok({ fileName, sheetName: sheet.name, rows: sheet.rows });
}
