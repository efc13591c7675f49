/** Rows below the header that are not participants: blank rows and a totals row. */
import type { GosuslugiMapping } from './mapping';
import { IDENTITY_FIELDS } from './fields';

const TOTALS_LABEL = /^(итого|всего)/i;
const NUMBER = /^\d+([.,]\d+)?%?$/;

export function isBlankRow(row: readonly string[]): boolean {
  return row.every((c) => c === '');
}

/**
 * A totals row: its first filled cell starts with `Итого`/`Всего`, or (with a mapping) it names no one
 * and its question cells hold only numbers (counts per question).
 */
export function isTotalsRow(row: readonly string[], mapping?: GosuslugiMapping): boolean {
  const first = row.find((c) => c !== '');
  if (first !== undefined && TOTALS_LABEL.test(first)) return true;
  if (!mapping) return false;
  for (const f of IDENTITY_FIELDS) {
    const c = mapping.fields[f];
    if (c !== undefined && (row[c] ?? '') !== '') return false;
  }
  let numbers = 0;
  for (const c of Object.values(mapping.questions)) {
    const text = row[c] ?? '';
    if (text === '') continue;
    if (!NUMBER.test(text)) return false;
    numbers++;
  }
  return numbers > 0;
}
