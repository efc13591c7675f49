/** A spreadsheet as the user sees it: display text of every cell, row i is spreadsheet row i + 1. */
export interface Table {
  fileName: string;
  /** Worksheet name (XLSX only). */
  sheetName?: string;
  /** Trimmed display text; blank rows kept so row numbers match; every row has the same length. */
  rows: string[][];
}

/**
 * Drops trailing blank rows and pads every row to the width of the widest one: missing rows and cells
 * (holes of a sparse array) become blank. Rows must be the caller's own arrays (they are padded in
 * place); the list returned is a new, dense one.
 * `checkSize` sees the count of cells of the padded table before any is added (it may throw).
 */
export function finishRows(rows: (string[] | undefined)[], checkSize?: (cells: number) => void): string[][] {
  let width = 0;
  let last = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    let w = row.length;
    while (w > 0 && !row[w - 1]) w--;
    if (w > 0) {
      last = r + 1;
      if (w > width) width = w;
    }
  }
  checkSize?.(last * width);
  const out: string[][] = [];
  for (let r = 0; r < last; r++) {
    const row = rows[r] ?? [];
    if (row.length > width) row.length = width;
    for (let c = 0; c < width; c++) if (row[c] === undefined) row[c] = '';
    out.push(row);
  }
  return out;
}

/** Text of a cell, '' when the row or column is missing. */
export function cellAt(table: Table, row1: number, col0: number | undefined): string {
  if (col0 === undefined) return '';
  return table.rows[row1 - 1]?.[col0] ?? '';
}
