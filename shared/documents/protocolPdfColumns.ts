/**
 * How the protocol PDF lays out a table of the model: its words for decisions, cell texts, and column
 * widths that fill the line in proportion but never cut a word (decision columns folded into one when
 * there are too many questions).
 */
import { formatFigure } from './figuresRu';
import type { PdfKit } from './pdfKit';
import type { PdfTableColumn } from './pdfTable';
import { NOT_VOTING_WORD, type CellValue, type ProtocolColumn, type ProtocolTable } from './protocolModel';
import { MARK_ABBREVIATION, MARK_LABEL } from '../vocabulary';

/** Decision words as the PDF's narrow columns print them. */
const PDF_DECISION: Record<string, string> = {
  ...Object.fromEntries(
    (Object.keys(MARK_LABEL) as (keyof typeof MARK_LABEL)[]).map((k) => [
      MARK_LABEL[k],
      MARK_ABBREVIATION[k],
    ]),
  ),
  [NOT_VOTING_WORD]: '—',
};

/** How a decision word of the model is printed in the PDF's tables. */
export function pdfDecisionText(word: string): string {
  return PDF_DECISION[word] ?? word;
}

/** Narrowest column for one question's decisions, mm. */
export const DECISION_COLUMN = 13;
export const TABLE_SIZE = 7.5;

function cellText(value: CellValue, column: ProtocolColumn): string {
  if (value === null) return '';
  if (column.kind === 'decision') return pdfDecisionText(String(value));
  if (column.kind === 'count' || column.kind === 'weight') return formatFigure(value);
  return String(value);
}

/** Room around a cell's text, mm (pdfTable pads each side by 1 mm). */
const CELL_PAD = 2.4;
/** No column takes more than this share of the line for its longest word (a file path still wraps). */
const MAX_WORD_SHARE = 0.3;

/** Width each column needs so that no word of its header or cells is cut, mm. */
function wordWidths(kit: PdfKit, columns: readonly PdfTableColumn[], rows: readonly string[][]): number[] {
  return columns.map((c, i) => {
    let widest = 0;
    for (const word of c.header.split(/\s+/))
      widest = Math.max(widest, kit.measure(word, 'bold', TABLE_SIZE));
    const seen = new Set<string>();
    for (const row of rows) {
      const text = row[i] ?? '';
      if (seen.has(text)) continue;
      seen.add(text);
      for (const word of text.split(/\s+/))
        widest = Math.max(widest, kit.measure(word, 'regular', TABLE_SIZE));
    }
    return Math.min(widest + CELL_PAD, kit.contentWidth * MAX_WORD_SHARE);
  });
}

/**
 * Widths that fill the line in proportion to the columns' own, but never narrower than their longest
 * word: columns that would be are set to it and the others share what is left (fixed ones keep theirs).
 */
function fitWidths(
  kit: PdfKit,
  columns: PdfTableColumn[],
  rows: readonly string[][],
  fixed: ReadonlySet<number>,
): PdfTableColumn[] {
  const need = wordWidths(kit, columns, rows);
  const widths = columns.map((c) => c.width);
  const pinned = new Set(fixed);
  for (let round = 0; round < columns.length; round++) {
    const used = widths.reduce((s, w, i) => s + (pinned.has(i) ? w : 0), 0);
    const natural = widths.reduce((s, w, i) => s + (pinned.has(i) ? 0 : columns[i]!.width), 0);
    const scale = (kit.contentWidth - used) / Math.max(1, natural);
    let changed = false;
    columns.forEach((c, i) => {
      if (pinned.has(i)) return;
      widths[i] = c.width * scale;
      if (widths[i]! < need[i]!) {
        widths[i] = need[i]!;
        pinned.add(i);
        changed = true;
      }
    });
    if (!changed) break;
  }
  return columns.map((c, i) => ({ ...c, width: widths[i]! }));
}

/** Columns fitted to the page; decision columns folded into one text column if they do not fit. */
export function layoutColumns(
  kit: PdfKit,
  table: ProtocolTable,
): { columns: PdfTableColumn[]; rows: string[][] } {
  const decisions = table.columns.flatMap((c, i) => (c.kind === 'decision' ? [i] : []));
  const others = table.columns.flatMap((c, i) => (c.kind === 'decision' ? [] : [i]));
  const natural = others.reduce((s, i) => s + table.columns[i]!.width, 0);
  const fold = decisions.length > 0 && natural + decisions.length * DECISION_COLUMN > kit.contentWidth;
  const align = (c: ProtocolColumn): 'left' | 'right' =>
    c.kind === 'count' || c.kind === 'weight' ? 'right' : 'left';

  if (!fold) {
    const columns = table.columns.map((c): PdfTableColumn => ({
      header: c.header,
      width: c.kind === 'decision' ? DECISION_COLUMN : c.width,
      align: align(c),
    }));
    const rows = table.rows.map((r) => r.map((v, i) => cellText(v, table.columns[i]!)));
    return { columns: fitWidths(kit, columns, rows, new Set(decisions)), rows };
  }

  // Too many questions for a column each: «1: за; 2: против; …» in one wrapped column.
  const foldedWidth = Math.max(50, kit.contentWidth * 0.35);
  const columns: PdfTableColumn[] = [
    ...others.map((i) => ({
      header: table.columns[i]!.header,
      width: table.columns[i]!.width,
      align: align(table.columns[i]!),
    })),
    { header: 'Решения (вопрос: решение)', width: foldedWidth },
  ];
  const labels = decisions.map((i) => table.columns[i]!.header.replace(/^Вопрос\s*/, ''));
  const rows = table.rows.map((r) => [
    ...others.map((i) => cellText(r[i]!, table.columns[i]!)),
    decisions.map((i, n) => `${labels[n]}: ${pdfDecisionText(String(r[i] ?? ''))}`).join('; '),
  ]);
  return { columns: fitWidths(kit, columns, rows, new Set([columns.length - 1])), rows };
}
