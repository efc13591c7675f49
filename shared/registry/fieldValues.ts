import {
  equals,
  ONE,
  parseDecimal,
  parseShare,
  toDecimal,
  toFraction,
  type Rational,
} from '../arith/rational';
import { normalizeSnils } from './snils';

/** Parsing of single registry cell values. Each returns the value or null when it cannot be read. */

/**
 * СНИЛС from a cell. Also takes 9-10 bare digits: Excel drops the leading zeros of a СНИЛС kept
 * as a number (the checksum then still guards against typos).
 */
export function parseSnilsCell(text: string): string | null {
  const digits = normalizeSnils(text);
  if (digits) return digits;
  return /^\d{9,10}$/.test(text.trim()) ? text.trim().padStart(11, '0') : null;
}

const AREA_UNITS = /\s*(кв\.?\s*м\.?|м\.?\s*кв\.?|м2|м²|m2|sq\.?\s*m)\s*$/i;

/** Area in m² as `1200.00`; `rounded` when the cell had more than 2 decimals. Null when unreadable or negative. */
export function parseAreaCell(text: string): { area: string; rounded: boolean } | null {
  const value = parseDecimal(text.replace(AREA_UNITS, ''));
  if (!value || value.n < 0n) return null;
  const area = toDecimal(value, 2);
  const back = parseDecimal(area)!;
  return { area, rounded: !equals(back, value) };
}

/** Share as a reduced fraction (`1/2`), undefined when whole; null when unreadable, zero or over 1. */
export function parseShareCell(text: string): { share: string | undefined } | null {
  const value = parseShare(text);
  if (!value) return null;
  return { share: equals(value, ONE) ? undefined : toFraction(value) };
}

/** The value of a stored share (absent: whole); null when unreadable. */
export function shareValue(share: string | undefined): Rational | null {
  return parseShare(share);
}

/**
 * Plots are the same when their numbers differ only in case, spaces or `№`/`уч.` prefixes. The longer
 * words come first: «участок № 12» must lose «участок», not only its first two letters.
 */
export function plotKey(plotNumber: string): string {
  return plotNumber
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/^(участок|уч\.?|квартира|кв\.?|помещение|пом\.?|№)\s*/u, '')
    .replace(/[\s\u00a0№]+/g, '');
}
