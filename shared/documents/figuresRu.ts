/**
 * Figures as the printed documents show them (Russian style): decimal comma, digits of numbers from
 * 10 000 up grouped by three with a non-breaking space, `%` after a non-breaking space; areas always
 * with two decimals and grouped from 1 000 up (`1 000,00`, as `Intl.NumberFormat('ru-RU')` prints).
 * results.json keeps figures as numbers (counts) or exact decimal strings (МКД weights); these
 * functions only change how they look, never their value.
 */
import { parseDecimal, toDecimal } from '../arith/rational';
import type { Figure } from '../results/buildResults';

const NBSP = '\u00a0';

/** Counts are grouped from 10 000 up (`9999`, `12 345`); areas from 1 000 up, as `Intl` ru-RU does. */
function group(digits: string, from = 5): string {
  return digits.length < from ? digits : digits.replace(/\B(?=(\d{3})+$)/g, NBSP);
}

/** `5` -> `5`, `12345` -> `12 345`, `"1234.50"` -> `1234,50`, `"-0.25"` -> `-0,25`. */
export function formatFigure(figure: Figure): string {
  const text = typeof figure === 'number' ? String(figure) : figure;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return text;
  return `${m[1]}${group(m[2]!)}${m[3] !== undefined ? `,${m[3]}` : ''}`;
}

/** A percentage given as a decimal string (`"63.33"`) -> `63,33 %`. */
export function formatPercent(percent: string): string {
  return `${formatFigure(percent)}${NBSP}%`;
}

/**
 * An area in m² (stored as an exact decimal string, `1000.00`) as every screen and paper shows it:
 * two decimals, digits grouped by three from 1 000 up: `1000` -> `1 000,00`, `615.5` -> `615,50`.
 * Unreadable text is returned as it is.
 */
export function formatArea(area: string): string {
  const value = parseDecimal(area);
  if (!value) return area;
  const m = /^(-?)(\d+)\.(\d+)$/.exec(toDecimal(value, 2))!;
  return `${m[1]}${group(m[2]!, 4)},${m[3]}`;
}
