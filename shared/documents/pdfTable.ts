/**
 * Tables for our PDFs (protocol appendices: thousands of rows), drawn fast: rows sit on a grid of
 * equal line slots, so each column of a page is one text run (one jsPDF call for the whole column),
 * every other row is shaded with one path per page, and only cells wider than their column are
 * wrapped. The header row repeats on every page.
 */
import type { PdfKit } from './pdfKit';

export interface PdfTableColumn {
  header: string;
  /** Width in mm. */
  width: number;
  align?: 'left' | 'right';
}

export interface PdfTableOptions {
  /** Font size of the cells, points. Default 7.5. */
  size?: number;
  /** Called after each page of rows with the number of rows drawn so far. */
  onRows?: (done: number) => void | Promise<void>;
  /** Keep a table that fits on one page together (start it on a new page rather than split it). */
  keepTogether?: boolean;
}

const MM_PER_PT = 25.4 / 72;
/** Line pitch as a share of the font size. */
const PITCH = 1.32;
const PAD_X = 1;
const SHADE = 0.94;
const HEADER_SHADE = 0.86;

interface Laid {
  /** Per row: the lines of each cell. */
  cells: string[][][];
  /** Per row: its height in line slots. */
  slots: number[];
}

/** Wraps each cell to its column (measuring first: most cells fit and are left alone). */
function layRows(
  kit: PdfKit,
  columns: readonly PdfTableColumn[],
  rows: readonly string[][],
  size: number,
): Laid {
  const limits = columns.map((c) => c.width - 2 * PAD_X);
  const cells: string[][][] = new Array(rows.length);
  const slots: number[] = new Array(rows.length);
  const fits = new Map<string, boolean>();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const out: string[][] = new Array(columns.length);
    let height = 1;
    for (let c = 0; c < columns.length; c++) {
      const text = row[c] ?? '';
      if (text === '') {
        out[c] = [''];
        continue;
      }
      // Short texts repeat a lot (decisions, channels, statuses): measure each once per column.
      const key = text.length <= 24 ? `${c}\u0000${text}` : '';
      let fit = key ? fits.get(key) : undefined;
      if (fit === undefined) {
        fit = text.indexOf('\n') < 0 && kit.measure(text, 'regular', size) <= limits[c]!;
        if (key) fits.set(key, fit);
      }
      const lines = fit ? [text] : kit.fitLines(text, limits[c]!, 'regular', size);
      out[c] = lines;
      if (lines.length > height) height = lines.length;
    }
    cells[r] = out;
    slots[r] = height;
  }
  return { cells, slots };
}

/** Draws a table at the cursor, breaking onto new pages (header repeated); moves the cursor below it. */
export async function drawTable(
  kit: PdfKit,
  columns: readonly PdfTableColumn[],
  rows: readonly string[][],
  opts: PdfTableOptions = {},
): Promise<void> {
  const size = opts.size ?? 7.5;
  const pitch = size * MM_PER_PT * PITCH;
  // Text sits in the middle of its slot.
  const inset = (pitch - size * MM_PER_PT) / 2;
  const xs: number[] = [];
  let x = kit.left;
  for (const c of columns) {
    xs.push(x);
    x += c.width;
  }
  const width = x - kit.left;

  const header = columns.map((c) => kit.wrap(c.header, c.width - 2 * PAD_X, 'bold', size));
  const headerSlots = Math.max(1, ...header.map((h) => h.length));
  const headerHeight = headerSlots * pitch + 0.6;
  const { cells, slots } = layRows(kit, columns, rows, size);

  const drawHeader = (): void => {
    kit.fillRects([[kit.left, kit.y, width, headerHeight]], HEADER_SHADE);
    columns.forEach((c, i) => {
      const right = c.align === 'right';
      kit.drawLines(header[i]!, right ? xs[i]! + c.width - PAD_X : xs[i]! + PAD_X, kit.y + inset + 0.3, {
        style: 'bold',
        size,
        leading: PITCH,
        align: right ? 'right' : 'left',
      });
    });
    kit.y += headerHeight;
  };

  const total = slots.reduce((s, n) => s + n, 0);
  const pageSlots = Math.floor((kit.bottom - kit.margins.top - headerHeight) / pitch);
  if (opts.keepTogether && total <= pageSlots && kit.y + headerHeight + total * pitch > kit.bottom) {
    kit.addPage();
  } else if (kit.y + headerHeight + Math.min(total, 3) * pitch > kit.bottom) {
    kit.addPage();
  }

  let r = 0;
  let lineInRow = 0;
  while (r < rows.length || (rows.length === 0 && r === 0)) {
    drawHeader();
    if (rows.length === 0) break;
    const free = Math.max(1, Math.floor((kit.bottom - kit.y) / pitch));
    // Rows of this page: whole rows, or part of a row taller than a page.
    const columnLines: string[][] = columns.map(() => []);
    const shades: [number, number, number, number][] = [];
    let used = 0;
    const top = kit.y;
    while (r < rows.length && used < free) {
      const height = slots[r]!;
      const rest = height - lineInRow;
      if (rest > free - used && height <= pageSlots && used > 0) break;
      const take = Math.min(rest, free - used);
      if (r % 2 === 1) shades.push([kit.left, top + used * pitch, width, take * pitch]);
      const row = cells[r]!;
      for (let c = 0; c < columns.length; c++) {
        const lines = row[c]!;
        const out = columnLines[c]!;
        for (let l = lineInRow; l < lineInRow + take; l++) out.push(lines[l] ?? '');
      }
      used += take;
      lineInRow += take;
      if (lineInRow >= height) {
        r++;
        lineInRow = 0;
      }
    }
    kit.fillRects(shades, SHADE);
    columns.forEach((c, i) => {
      const lines = columnLines[i]!;
      // Trailing empty lines need no text operators.
      let n = lines.length;
      while (n > 0 && lines[n - 1] === '') n--;
      if (n === 0) return;
      const right = c.align === 'right';
      kit.textColumn(lines.slice(0, n), right ? xs[i]! + c.width - PAD_X : xs[i]! + PAD_X, top + inset, {
        style: 'regular',
        size,
        leading: PITCH,
        align: right ? 'right' : 'left',
      });
    });
    kit.y = top + used * pitch;
    kit.strokeSegments([[kit.left, kit.y, kit.left + width, kit.y]], 0.2, 0.4);
    await opts.onRows?.(r);
    if (r < rows.length) kit.addPage();
  }
  kit.y += 1.5;
}
