/**
 * The header of a results file column by column: its texts from one or two header rows, which of them
 * are group titles spread over several columns (merged across), and the question number a text starts
 * with (`Вопрос 1`, `1.`, `№1`, `Вопрос №1.`).
 */
import type { Table } from '../spreadsheet/table';

export interface HeaderPart {
  text: string;
  /** The same text in a neighbouring column of an upper header row: a group title merged across columns. */
  spread: boolean;
}

export interface HeaderColumn {
  /** 0-based column. */
  col: number;
  /** Texts of the header rows top to bottom; a vertically merged cell's text once. */
  parts: HeaderPart[];
  /** Every part joined: what the user sees above the column. */
  header: string;
  /** The parts that are not group titles (all of them when every part is one): used in messages. */
  label: string;
}

export function headerColumns(table: Table, firstRow: number, lastRow: number): HeaderColumn[] {
  const width = table.rows[lastRow - 1]?.length ?? 0;
  const out: HeaderColumn[] = [];
  for (let col = 0; col < width; col++) {
    const parts: HeaderPart[] = [];
    for (let r = firstRow; r <= lastRow; r++) {
      const row = table.rows[r - 1] ?? [];
      const text = row[col] ?? '';
      if (text === '' || parts[parts.length - 1]?.text === text) continue;
      // Only a row above the last can hold group titles: equal neighbours on the last row are two columns.
      const spread = r < lastRow && (row[col - 1] === text || row[col + 1] === text);
      parts.push({ text, spread });
    }
    const own = parts.filter((p) => !p.spread);
    const header = parts.map((p) => p.text).join(' ');
    out.push({ col, parts, header, label: own.length ? own.map((p) => p.text).join(' ') : header });
  }
  return out;
}

const QUESTION_NUMBER = /^\s*(?:вопрос\s*)?(?:№\s*)?(\d{1,3})(?=[\s.):]|$)[.):]?\s*/;

/**
 * The agenda number a header text starts with and the wording after it: `Вопрос №1. Об избрании` ->
 * 1, `Об избрании`. Null when the text does not start with a number (`1.5` is not question 1).
 */
export function questionNumberOfHeader(text: string): { number: number; rest: string } | null {
  const m = QUESTION_NUMBER.exec(text.toLowerCase());
  if (!m) return null;
  const rest = text.slice(m[0].length);
  if (m[0].trimEnd().endsWith('.') && /^\d/.test(rest)) return null;
  return { number: Number(m[1]), rest: rest.trim() };
}

/**
 * The question number of a column: the lowest own part that starts with a number, else a part above it
 * (`Вопрос 1` over the wording). The wording is the rest of that part, or the part below a bare number.
 */
export function questionOfColumn(
  column: HeaderColumn,
): { number: number; wording: string; numberText: string } | null {
  const own = column.parts.filter((p) => !p.spread);
  for (let i = own.length - 1; i >= 0; i--) {
    const q = questionNumberOfHeader(own[i]!.text);
    if (!q) continue;
    const wording =
      q.rest ||
      own
        .slice(i + 1)
        .map((p) => p.text)
        .join(' ');
    return { number: q.number, wording, numberText: own[i]!.text };
  }
  return null;
}
