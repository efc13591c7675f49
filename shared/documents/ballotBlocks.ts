/**
 * The ballot's building blocks: rows of text, answer boxes and fill-in lines; blocks of rows drawn once
 * and stamped for every voter; placing blocks on sheets (a block too tall for a sheet splits by rows);
 * drawing rows. Positions come from ballotLayout.ts, so a scan can be read back against them.
 */
import { boxRects, fieldLines } from './ballotLayout';
import type { PdfFontStyle } from './pdfFont';
import type { PdfKit, PdfStamp } from './pdfKit';

export const MM_PER_PT = 25.4 / 72;

export type Row =
  | {
      kind: 'line';
      text: string;
      style: PdfFontStyle;
      size: number;
      indent: number;
      gray?: boolean;
      height: number;
    }
  | {
      kind: 'boxes';
      options: readonly string[];
      box: number;
      size: number;
      indent: number;
      step: number;
      height: number;
    }
  | { kind: 'fields'; segments: { label: string; width: number }[]; size: number; height: number }
  | { kind: 'space'; height: number };

/** Rows that stay on one sheet if they can; drawn once and then repeated for every voter. */
export class Block {
  readonly height: number;
  private recorded: PdfStamp | undefined;

  constructor(readonly rows: Row[]) {
    this.height = rows.reduce((sum, r) => sum + r.height, 0);
  }

  /** Draws the block with its top at `top`: from the recording after the first time. */
  draw(kit: PdfKit, top: number): void {
    this.recorded ??= kit.record(() => drawRows(kit, this.rows, 0));
    kit.stamp(this.recorded, top);
  }
}

/** What goes on a sheet: a whole block, or one row of a block too tall for a sheet. */
export type Placed = ({ block: Block } | { row: Row }) & { y: number; owner: number };

export function lh(size: number): number {
  return size * MM_PER_PT * 1.22;
}

export function lines(
  kit: PdfKit,
  text: string,
  width: number,
  style: PdfFontStyle,
  size: number,
  indent = 0,
  gray = false,
): Row[] {
  return kit.wrap(text, width - indent, style, size).map((t) => ({
    kind: 'line' as const,
    text: t,
    style,
    size,
    indent,
    gray,
    height: lh(size),
  }));
}

export function space(height: number): Row {
  return { kind: 'space', height };
}

export function rowsHeight(rows: readonly Row[]): number {
  return rows.reduce((sum, r) => sum + r.height, 0);
}

/** Places blocks top-down; a block that does not fit moves to a new sheet, or splits if taller than one. */
export function paginate(blocks: Block[], firstTop: number, nextTop: number, bottom: number): Placed[][] {
  const sheets: Placed[][] = [[]];
  let y = firstTop;
  const newSheet = (): void => {
    sheets.push([]);
    y = nextTop;
  };
  for (const [owner, block] of blocks.entries()) {
    if (y + block.height > bottom && block.height <= bottom - nextTop) newSheet();
    if (y + block.height <= bottom) {
      sheets[sheets.length - 1]!.push({ block, y, owner });
      y += block.height;
      continue;
    }
    for (const row of block.rows) {
      if (row.kind === 'space') {
        if (y !== nextTop) y += row.height;
        continue;
      }
      if (y + row.height > bottom) newSheet();
      sheets[sheets.length - 1]!.push({ row, y, owner });
      y += row.height;
    }
  }
  return sheets;
}

/** Draws rows top-down from `top`, each line of text as its own run, consecutive lines of one style in one run. */
export function drawRows(kit: PdfKit, rows: readonly Row[], top: number): void {
  const doc = kit.doc;
  let y = top;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    switch (row.kind) {
      case 'space':
        break;
      case 'line': {
        const run = [row.text];
        while (sameRun(row, rows[i + run.length])) run.push((rows[i + run.length] as typeof row).text);
        if (row.gray) doc.setTextColor(70);
        kit.drawLines(run, kit.left + row.indent, y, { style: row.style, size: row.size });
        if (row.gray) doc.setTextColor(0);
        i += run.length - 1;
        y += row.height * run.length;
        continue;
      }
      case 'boxes': {
        doc.setLineWidth(0.35);
        const textTop = y + (row.height - lh(row.size)) / 2 + 0.3;
        boxRects(row, kit.left, y).forEach((r, n) => {
          doc.rect(r.x, r.y, r.w, r.h, 'S');
          kit.drawLines([row.options[n]!], r.x + r.w + 2, textTop, { style: 'regular', size: row.size });
        });
        break;
      }
      case 'fields': {
        doc.setLineWidth(0.2);
        const width = (label: string, size: number) => kit.textWidth(label, 'regular', size);
        let x = kit.left;
        for (const [n, line] of fieldLines(row, kit.left, y, width).entries()) {
          const baseline = y + row.height - 1.5;
          kit.drawLines([line.label], x, baseline - row.size * MM_PER_PT * 0.8, {
            style: 'regular',
            size: row.size,
          });
          doc.line(line.x1, line.y, line.x2, line.y);
          x += row.segments[n]!.width;
        }
        break;
      }
    }
    y += row.height;
  }
}

function sameRun(a: Row & { kind: 'line' }, b: Row | undefined): boolean {
  return (
    b?.kind === 'line' &&
    b.style === a.style &&
    b.size === a.size &&
    b.indent === a.indent &&
    b.gray === a.gray
  );
}
