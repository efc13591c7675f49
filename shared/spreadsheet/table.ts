/** A spreadsheet as the user sees it: display text of every cell, row i is spreadsheet row i + 1. */
export interface Table {
  fileName: string;
  /** Worksheet name (XLSX only). */
  sheetName?: string;
  /** Trimmed display text; blank rows kept so row numbers match; every row has the same length. */
  rows: string[][];
}

/** Drops trailing blank rows and pads every row to the width of the widest one. */
export function finishRows(rows: string[][]): string[][] {
  let last = rows.length;
  while (last > 0 && rows[last - 1]!.every((c) => c === '')) last--;
  const kept = rows.slice(0, last);
  let width = 0;
  for (const row of kept) {
    let w = row.length;
    while (w > 0 && (row[w - 1] ?? '') === '') w--;
    if (w > width) width = w;
  }
  return kept.map((row) => {
    const out = row.slice(0, width);
    for (let c = 0; c < width; c++) out[c] = out[c] ?? '';
    return out;
  });
}

/** Text of a cell, '' when the row or column is missing. */
export function cellAt(table: Table, row1: number, col0: number | undefined): string {
  if (col0 === undefined) return '';
  return table.rows[row1 - 1]?.[col0] ?? '';
}
