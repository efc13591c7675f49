import { applyDigitMask, collapseSpaces, dateText, numberText, serialDateText } from './cellText';
import { checkCells, checkColumn, checkRow, MAX_CELLS, MAX_COLUMNS, MAX_ROWS } from './limits';
import { finishRows } from './table';
import type { CellFormats } from './xlsxStyles';
import { stringItemText } from './xlsxStrings';
import { decodeXml, eachTag, elementContent, isNameEnd, rootPrefix, tagEnd } from './xml';

/** What a worksheet's cells refer to: the shared strings (display text) and the styles' number formats. */
export interface SheetContext {
  strings: readonly string[];
  formats: CellFormats;
  date1904: boolean;
}

// Cell types (`<c t="…">`).
const NUMBER = 0;
const SHARED = 1;
const FORMULA_STRING = 2;
const INLINE = 3;
const BOOLEAN = 4;
const ERROR = 5;
const ISO_DATE = 6;

function cellType(xml: string, start: number, end: number): number {
  const len = end - start;
  switch (xml.charCodeAt(start)) {
    case 115 /* s */:
      return len === 1 ? SHARED : FORMULA_STRING; // s, str
    case 105 /* i */:
      return INLINE; // inlineStr
    case 98 /* b */:
      return BOOLEAN;
    case 101 /* e */:
      return ERROR;
    case 100 /* d */:
      return ISO_DATE;
    default:
      return NUMBER;
  }
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** A non-negative decimal integer written in xml[start, end), or -1. */
function intAt(xml: string, start: number, end: number): number {
  if (start >= end) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** An integer as `numberText` would write it (no leading zeros, at most 15 digits): the text itself. */
function isPlainInteger(s: string): boolean {
  const first = s.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const len = s.length - first;
  if (len < 1 || len > 15 || (s.charCodeAt(first) === 48 && len > 1)) return false;
  for (let i = first; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
  }
  return !(first === 1 && s === '-0');
}

function numberCell(raw: string, style: number, ctx: SheetContext): string {
  if (raw === '') return '';
  if (ctx.formats.date[style] === 1) return serialDateText(parseFloat(raw), ctx.date1904);
  const mask = ctx.formats.mask[style];
  if (mask === undefined && isPlainInteger(raw)) return raw;
  const n = parseFloat(raw);
  if (Number.isNaN(n)) return collapseSpaces(decodeXml(raw));
  return (mask !== undefined ? applyDigitMask(n, mask) : null) ?? numberText(n);
}

/** A `t="d"` cell: an ISO 8601 date, time zone-less as spreadsheet dates are. */
function isoDateCell(raw: string): string {
  const s = raw.trim();
  if (s === '') return '';
  const zoned = /(?:Z|[+-]\d\d:?\d\d)$/.test(s) || !s.includes('T');
  return dateText(new Date(zoned ? s : s + 'Z'));
}

/** Column number (1-based) of a cell reference such as `AB12` at xml[start, end), or 0. */
function columnOf(xml: string, start: number, end: number): number {
  let col = 0;
  for (let i = start; i < end; i++) {
    const c = xml.charCodeAt(i) | 32; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return col;
}

/** Row number of a cell reference (`AB12` -> 12) at xml[start, end), or 0. */
function rowOf(xml: string, start: number, end: number): number {
  let i = start;
  while (i < end && (xml.charCodeAt(i) | 32) >= 97 && (xml.charCodeAt(i) | 32) <= 122) i++;
  return Math.max(0, intAt(xml, i, end));
}

/** A reference as a message quotes it: a hostile one may be megabytes long. */
const quoteRef = (ref: string): string => `«${ref.length > 20 ? ref.slice(0, 20) + '…' : ref}»`;

/** Where a cell is, for a message: its reference, or its row when it has none. */
function cellWhere(xml: string, refStart: number, refEnd: number, row: number): string {
  return refStart >= 0 ? `В ссылке на ячейку ${quoteRef(xml.slice(refStart, refEnd))}` : `В строке ${row}`;
}

/**
 * `A1:C2` -> [top, left, bottom, right], 1-based; a single cell is a range of one. A range past
 * Excel's sheet size is refused (SpreadsheetLimitError).
 */
function rangeOf(ref: string): [number, number, number, number] | null {
  const colon = ref.indexOf(':');
  const a = colon < 0 ? ref : ref.slice(0, colon);
  const b = colon < 0 ? ref : ref.slice(colon + 1);
  const t = rowOf(a, 0, a.length);
  const l = columnOf(a, 0, a.length);
  const bottom = rowOf(b, 0, b.length);
  const r = columnOf(b, 0, b.length);
  if (!t || !l || !bottom || !r) return null;
  const where = `В объединении ячеек ${quoteRef(ref)}`;
  checkRow(Math.max(t, bottom), where);
  checkColumn(Math.max(l, r), where);
  return [Math.min(t, bottom), Math.min(l, r), Math.max(t, bottom), Math.max(l, r)];
}

/**
 * Display text of every cell of a worksheet part, rows as in the sheet (blank rows kept, so row i is
 * sheet row i + 1; cells or rows without `r` follow the previous one); a merged range shows its
 * first cell's text in every cell. Coordinates past Excel's sheet size and tables of more than MAX_CELLS
 * cells (merged copies and padding included) are refused with a SpreadsheetLimitError.
 */
export function readSheetRows(xml: string, ctx: SheetContext): string[][] {
  const p = rootPrefix(xml);
  const rows: string[][] = [];
  const data = elementContent(xml, p + 'sheetData', true);
  const extent = { rows: 0, cols: 0, cells: 0 };
  if (data) readSheetData(xml, data.start, data.end, p, ctx, rows, extent);

  // Merged ranges fill only the sheet's used range (cells `<c>`, empty or not): a whole row merged
  // into a title does not make the table 16,384 columns wide, nor a merge to row 1,048,576 that long.
  eachTag(xml, p + 'mergeCell', data ? data.after : 0, xml.length, (a) => {
    const range = rangeOf(a.ref ?? '');
    if (!range) return;
    const [t, l, b, r] = range;
    const text = rows[t - 1]?.[l - 1] ?? '';
    const bottom = Math.min(b, extent.rows);
    const right = Math.min(r, extent.cols);
    if (t > bottom || l > right) return;
    extent.cells += (bottom - t + 1) * (right - l + 1);
    checkCells(extent.cells);
    for (let row = t; row <= bottom; row++) {
      const cells = text === '' ? rows[row - 1] : (rows[row - 1] ??= []);
      if (!cells) continue;
      for (let col = l; col <= right; col++) cells[col - 1] = text;
    }
  });

  return finishRows(rows, checkCells);
}

/**
 * Fills `rows` with the non-empty cells of `<sheetData>` at xml[start, end), and `extent` with the
 * last row and column holding a cell element, and the count of cells kept.
 */
function readSheetData(
  xml: string,
  start: number,
  end: number,
  p: string,
  ctx: SheetContext,
  rows: string[][],
  extent: { rows: number; cols: number; cells: number },
): void {
  const rowOpen = '<' + p + 'row';
  const cOpen = '<' + p + 'c';
  const vOpen = '<' + p + 'v';
  const vTag = vOpen + '>';
  const vcClose = '</' + p + 'v></' + p + 'c>';
  const fOpen = '<' + p + 'f';
  const fClose = '</' + p + 'f>';
  const isOpen = '<' + p + 'is';
  const isClose = '</' + p + 'is>';
  const { strings } = ctx;
  let rowNum = 0;
  let i = xml.indexOf(rowOpen, start);
  while (i >= 0 && i < end) {
    if (!isNameEnd(xml.charCodeAt(i + rowOpen.length))) {
      i = xml.indexOf(rowOpen, i + 1);
      continue;
    }
    const rowTagEnd = tagEnd(xml, i);
    if (rowTagEnd < 0) throw new SyntaxError('worksheet: unclosed row');
    const r = rowAttribute(xml, i + rowOpen.length, rowTagEnd);
    const numbered = r > 0;
    rowNum = numbered ? r : rowNum + 1;
    checkRow(rowNum, 'В описании строки листа');
    if (xml.charCodeAt(rowTagEnd - 2) === 47 /* <row/> */) {
      i = xml.indexOf(rowOpen, rowTagEnd);
      continue;
    }
    let cells: string[] | undefined;
    let col = 0;
    let firstCell = true;
    let k = rowTagEnd;
    for (;;) {
      const j = xml.indexOf('<', k);
      if (j < 0 || j >= end) {
        k = end;
        break;
      }
      if (xml.charCodeAt(j + 1) === 47 /* </row> */) {
        k = after(xml, '>', j);
        break;
      }
      if (!xml.startsWith(cOpen, j) || !isNameEnd(xml.charCodeAt(j + cOpen.length))) {
        k = skipElement(xml, j); // anything else in a row (extLst)
        continue;
      }
      // Attributes: r (reference), s (style), t (type).
      k = j + cOpen.length;
      let refStart = -1;
      let refEnd = -1;
      let style = 0;
      let type = NUMBER;
      let selfClosing = false;
      for (;;) {
        let c = xml.charCodeAt(k);
        while (isSpace(c)) c = xml.charCodeAt(++k);
        if (c === 62 /* > */) {
          k++;
          break;
        }
        if (c === 47 /* / */ || Number.isNaN(c)) {
          selfClosing = true;
          k += 2;
          break;
        }
        const nameStart = k;
        while (c !== 61 /* = */ && !isSpace(c) && !Number.isNaN(c)) c = xml.charCodeAt(++k);
        const oneLetter = k - nameStart === 1 ? xml.charCodeAt(nameStart) : 0;
        while (c !== 34 && c !== 39 && !Number.isNaN(c)) c = xml.charCodeAt(++k); // to the opening quote
        const valueStart = k + 1;
        const valueEnd = xml.indexOf(c === 34 ? '"' : "'", valueStart);
        if (valueEnd < 0) throw new SyntaxError('worksheet: unclosed attribute');
        if (oneLetter === 114 /* r */) {
          refStart = valueStart;
          refEnd = valueEnd;
        } else if (oneLetter === 115 /* s */) style = Math.max(0, intAt(xml, valueStart, valueEnd));
        else if (oneLetter === 116 /* t */) type = cellType(xml, valueStart, valueEnd);
        k = valueEnd + 1;
      }
      const refCol = refStart >= 0 ? columnOf(xml, refStart, refEnd) : 0;
      col = refCol > 0 ? refCol : col + 1;
      if (col > MAX_COLUMNS) checkColumn(col, cellWhere(xml, refStart, refEnd, rowNum));
      if (firstCell && !numbered && refStart >= 0) {
        const fromRef = rowOf(xml, refStart, refEnd);
        if (fromRef > 0) rowNum = fromRef;
        if (rowNum > MAX_ROWS) checkRow(rowNum, cellWhere(xml, refStart, refEnd, rowNum));
      }
      firstCell = false;
      if (col > extent.cols) extent.cols = col;
      if (rowNum > extent.rows) extent.rows = rowNum;
      if (selfClosing) continue;

      // Content: <f> (skipped: its cached value is in <v>), <v>, <is>, up to </c>.
      let vStart = -1;
      let vEnd = -1;
      let inline: string | undefined;
      let open = true;
      // The usual cell is `<c …><v>…</v></c>`: read it without the general loop.
      if (xml.startsWith(vTag, k)) {
        vStart = k + vTag.length;
        vEnd = after(xml, '<', vStart) - 1;
        open = !xml.startsWith(vcClose, vEnd);
        k = open ? after(xml, '>', vEnd) : vEnd + vcClose.length;
      }
      while (open) {
        const lt = xml.indexOf('<', k);
        if (lt < 0) throw new SyntaxError('worksheet: unclosed cell');
        if (xml.charCodeAt(lt + 1) === 47 /* </c> */) {
          k = after(xml, '>', lt);
          break;
        }
        const te = tagEnd(xml, lt);
        if (te < 0) throw new SyntaxError('worksheet: unclosed tag');
        const empty = xml.charCodeAt(te - 2) === 47;
        if (xml.startsWith(vOpen, lt) && isNameEnd(xml.charCodeAt(lt + vOpen.length))) {
          if (empty) k = te;
          else {
            vStart = te;
            vEnd = after(xml, '<', te) - 1;
            k = after(xml, '>', vEnd);
          }
        } else if (xml.startsWith(fOpen, lt) && isNameEnd(xml.charCodeAt(lt + fOpen.length))) {
          k = empty ? te : after(xml, fClose, te);
        } else if (xml.startsWith(isOpen, lt) && isNameEnd(xml.charCodeAt(lt + isOpen.length))) {
          inline = empty ? '' : stringItemText(xml, te, after(xml, isClose, te) - isClose.length, p);
          k = empty ? te : after(xml, isClose, te);
        } else k = skipElement(xml, lt); // anything else (extLst)
      }

      let text = '';
      if (type === INLINE)
        text = collapseSpaces(inline ?? (vStart >= 0 ? decodeXml(xml.slice(vStart, vEnd)) : ''));
      else if (vStart >= 0 && vEnd > vStart) {
        if (type === SHARED) text = strings[intAt(xml, vStart, vEnd)] ?? '';
        else if (type === NUMBER) text = numberCell(xml.slice(vStart, vEnd), style, ctx);
        else if (type === BOOLEAN) text = xml.slice(vStart, vEnd).trim() === '0' ? 'ЛОЖЬ' : 'ИСТИНА';
        else if (type === ISO_DATE) text = isoDateCell(xml.slice(vStart, vEnd));
        else text = collapseSpaces(decodeXml(xml.slice(vStart, vEnd))); // str, e
      }
      if (text !== '') {
        if (++extent.cells > MAX_CELLS) checkCells(extent.cells);
        cells ??= rows[rowNum - 1] ??= [];
        cells[col - 1] = text;
      }
    }
    i = xml.indexOf(rowOpen, k);
  }
}

/** Index just past the element starting at `start`, self-closed or up to its closing tag. */
function skipElement(xml: string, start: number): number {
  const te = tagEnd(xml, start);
  if (te < 0) throw new SyntaxError('worksheet: unclosed tag');
  if (xml.charCodeAt(te - 2) === 47) return te;
  let n = start + 1;
  while (!isNameEnd(xml.charCodeAt(n))) n++;
  return after(xml, '</' + xml.slice(start + 1, n) + '>', te);
}

/** Index just past the next `s` at or after `from`; a part that ends before it is broken. */
function after(xml: string, s: string, from: number): number {
  const i = xml.indexOf(s, from);
  if (i < 0) throw new SyntaxError(`worksheet: ${s} missing`);
  return i + s.length;
}

/** The `r` attribute of a row tag whose attributes are at xml[start, end), or 0. */
function rowAttribute(xml: string, start: number, end: number): number {
  let k = xml.indexOf('r=', start);
  while (k >= 0 && k < end) {
    if (isSpace(xml.charCodeAt(k - 1))) {
      const q = xml.charCodeAt(k + 2);
      const close = xml.indexOf(q === 39 ? "'" : '"', k + 3);
      return Math.max(0, intAt(xml, k + 3, close));
    }
    k = xml.indexOf('r=', k + 2);
  }
  return 0;
}
