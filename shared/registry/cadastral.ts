/**
 * Cadastral number of a plot or premises: district `AA`, area `BB`, quarter of 6-7 digits, item number:
 * `50:18:0080301:152`.
 */

const CADASTRAL = /^\d{2}:\d{2}:\d{6,7}:\d+$/;

/** Drops spaces (also around the colons): ` 50 : 18:0080301:152` -> `50:18:0080301:152`. */
export function normalizeCadastral(raw: string): string {
  return raw.replace(/[\s\u00a0]+/g, '');
}

export function cadastralOk(value: string): boolean {
  return CADASTRAL.test(normalizeCadastral(value));
}
