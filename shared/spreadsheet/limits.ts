/**
 * How far a spreadsheet file is taken on trust. Coordinates beyond Excel's own sheet size, more cells
 * than a registry ever needs and parts that inflate past a ceiling make the file refused, with a
 * Russian message, before memory grows.
 */
import { formatFigure } from '../documents/figuresRu';

/** Excel's sheet size: rows 1..1,048,576, columns A..XFD. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** Cells a table may hold once padded to a rectangle (a registry of 100,000 rows × 100 columns). */
export const MAX_CELLS = 10_000_000;
/** A part of a package (worksheet, shared strings) may inflate to at most this many bytes. */
export const MAX_PART_BYTES = 200 * 1024 * 1024;
/** Parts in one package (a workbook of a few sheets has a dozen). */
export const MAX_PARTS = 10_000;

/** A file past one of the limits; its message is the user's (completed with the file name). */
export class SpreadsheetLimitError extends Error {}

export const figure = (n: number): string => (n < 1e12 ? formatFigure(n) : 'больше триллиона');

/** Megabytes for a message: `1 229` for 1.2 GB. */
export const megabytes = (bytes: number): string => formatFigure(Math.ceil(bytes / (1024 * 1024)));

export function checkRow(row: number, where: string): void {
  if (row > MAX_ROWS) {
    throw new SpreadsheetLimitError(
      `${where} указана строка ${figure(row)}, а на листе Excel их не больше ${figure(MAX_ROWS)}.`,
    );
  }
}

export function checkColumn(col: number, where: string): void {
  if (col > MAX_COLUMNS) {
    throw new SpreadsheetLimitError(
      `${where} указан столбец номер ${figure(col)}, а на листе Excel их не больше ${figure(MAX_COLUMNS)} (до XFD).`,
    );
  }
}

export function checkCells(cells: number): void {
  if (cells > MAX_CELLS) {
    throw new SpreadsheetLimitError(
      `таблица слишком велика: больше ${figure(MAX_CELLS)} ячеек. ` +
        'Оставьте в файле только лист с реестром, без лишних строк и столбцов.',
    );
  }
}

export function checkPartSize(bytes: number): void {
  if (bytes > MAX_PART_BYTES) {
    throw new SpreadsheetLimitError(`файл слишком велик после распаковки (${megabytes(bytes)} МБ).`);
  }
}
