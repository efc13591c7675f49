/**
 * Figures as the printed documents and the screens show them (Russian style): decimal comma, digits
 * grouped by three with a non-breaking space, `%` after a non-breaking space. A whole count is grouped
 * from 10 000 up (`9999`, `12 345`); a decimal — an МКД weight or any other area in m² — from 1 000 up
 * (`2 945,85`, `1 000,00`, as `Intl.NumberFormat('ru-RU')` prints). results.json keeps figures as numbers
 * (counts) or exact decimal strings (МКД weights); these functions only change how they look, never
 * their value.
 */
import { parseDecimal, toDecimal } from '../arith/rational';
import type { Figure } from '../results/buildResults';

const NBSP = '\u00a0';

/**
 * The one figure format: `5` -> `5`, `12345` -> `12 345`, `"1234.50"` -> `1 234,50` (m²),
 * `"-0.25"` -> `-0,25`. Whole numbers group from 10 000, decimals from 1 000.
 */
export function formatFigure(figure: Figure): string {
  const text = typeof figure === 'number' ? String(figure) : figure;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return text;
  const digits = m[2]!;
  const from = m[3] === undefined ? 5 : 4;
  const grouped = digits.length < from ? digits : digits.replace(/\B(?=(\d{3})+$)/g, NBSP);
  return `${m[1]}${grouped}${m[3] !== undefined ? `,${m[3]}` : ''}`;
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
  return value ? formatFigure(toDecimal(value, 2)) : area;
}
