/**
 * CSV as Golos writes it: `;`-separated, UTF-8 with BOM, CRLF (what a Russian Excel opens as a table).
 * A cell that Excel would take for a formula (starting with `=`, `+`, `-`, `@`, tab or CR) is written
 * with an apostrophe in front, so opening the file never runs anything; `parseCsv` reads such a cell
 * back without the apostrophe (a text that itself starts with apostrophes before such a character
 * gets one more, so it too reads back as it was).
 */

/** Formula-like, or written as one neutralised (`'=…`, so that such a text also reads back as it was). */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** One cell: neutralised when formula-like, quoted when it holds `"`, `;`, a line break or edge spaces. */
export function csvCell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[";\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole file: BOM, rows of cells, CRLF after each row. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

/** A cell as written by `csvCell` back to its text: `'=1+1` -> `=1+1`; any other cell as it is. */
export function unneutralise(cell: string): string {
  return cell.charCodeAt(0) === 39 /* ' */ && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}
