/**
 * Expected failures are values, never thrown strings.
 * A Problem is a Russian, user-facing sentence plus where it happened.
 */

export type Severity = 'error' | 'warning';

export interface Problem {
  /** Russian sentence shown to the user as is; it names the row and the field. */
  message: string;
  severity: Severity;
  /** Machine-readable kind, stable across releases (e.g. `snils_checksum`). */
  code: string;
  /** File name (or other origin) the problem was found in. */
  file?: string;
  /** 1-based row number in the source file, as the user sees it in a spreadsheet. */
  row?: number;
  /** The user-facing field name (column header or field label). */
  field?: string;
}

export type Result<T, E = Problem[]> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

export function problem(
  code: string,
  message: string,
  where: Pick<Problem, 'file' | 'row' | 'field'> = {},
  severity: Severity = 'error',
): Problem {
  return { code, message, severity, ...where };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
