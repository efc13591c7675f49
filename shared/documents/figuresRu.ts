/**
 * Figures as the printed documents show them (Russian style): decimal comma, digits of numbers from
 * 10 000 up grouped by three with a non-breaking space, `%` after a non-breaking space.
 * results.json keeps figures as numbers (counts) or exact decimal strings (МКД weights); these
 * functions only change how they look, never their value.
 */
import type { Figure } from '../results/buildResults';

const NBSP = '\u00a0';

function group(digits: string): string {
  return digits.length < 5 ? digits : digits.replace(/\B(?=(\d{3})+$)/g, NBSP);
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
