/**
 * СНИЛС (insurance number of an individual account): 9 digits and a 2-digit check number,
 * written `123-456-789 01`. Stored as 11 bare digits.
 */

/** 11 digits from `123-456-789 01`, `12345678901` or with stray spaces and dashes; null otherwise. */
export function normalizeSnils(raw: string): string | null {
  const compact = raw.trim().replace(/[\s\u00a0\-‐‑–—]+/g, '');
  return /^\d{11}$/.test(compact) ? compact : null;
}

/** Numbers up to 001-001-998 were issued before the check number existed and are not checked. */
const UNCHECKED_UP_TO = 1001998;

/** The check number (0..99) the first 9 digits call for, by the Pension Fund's algorithm. */
export function snilsCheckNumber(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nineDigits[i]) * (9 - i);
  if (sum < 100) return sum;
  if (sum === 100 || sum === 101) return 0;
  const rest = sum % 101;
  return rest === 100 ? 0 : rest;
}

/** True when 11 digits carry a correct check number (or predate the check number). */
export function snilsChecksumOk(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  const number = digits.slice(0, 9);
  if (Number(number) <= UNCHECKED_UP_TO) return true;
  return snilsCheckNumber(number) === Number(digits.slice(9));
}

/** `12345678901` -> `123-456-789 01`; anything that is not 11 digits is returned as is. */
export function formatSnils(digits: string): string {
  if (!/^\d{11}$/.test(digits)) return digits;
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)} ${digits.slice(9)}`;
}
