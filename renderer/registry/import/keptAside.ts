import type { PartnershipKind, Person } from '../../../shared/domain/types';
import type { Problem } from '../../../shared/result';
import { personName } from '../../../shared/registry/describeChange';
import type { PersonSource } from '../../../shared/registry/parseRegistry';

/** Rows an import leaves out because of their errors, named for the confirmation. */
export interface KeptAside {
  /** Source rows (1-based). */
  rows: number[];
  /** «Иванов Иван Иванович (участок 12)», or «строка без ФИО». */
  who: string;
  /** Index in the parsed persons; absent for a row that is no person at all (no name). */
  person?: number;
  /** The error messages of these rows. */
  errors: string[];
}

/**
 * The persons with at least one error on any of their rows, and error rows that belong to no person,
 * in row order. Warnings never keep a row aside.
 */
export function keptAside(
  persons: readonly Person[],
  sources: readonly PersonSource[],
  problems: readonly Problem[],
  kind: PartnershipKind,
): KeptAside[] {
  const errorsByRow = new Map<number, string[]>();
  for (const p of problems) {
    if (p.severity !== 'error' || p.row === undefined) continue;
    errorsByRow.set(p.row, [...(errorsByRow.get(p.row) ?? []), p.message]);
  }
  if (errorsByRow.size === 0) return [];
  const out: KeptAside[] = [];
  // Rows of the persons with errors: an error row of a person is always one of them.
  const claimed = new Set<number>();
  sources.forEach((s, i) => {
    if (!s.rows.some((r) => errorsByRow.has(r))) return;
    const rows = s.rows.filter((r) => errorsByRow.has(r));
    for (const r of s.rows) claimed.add(r);
    out.push({
      rows: s.rows,
      who: personName(persons[i]!, kind),
      person: i,
      errors: rows.flatMap((r) => errorsByRow.get(r)!),
    });
  });
  for (const [row, errors] of errorsByRow) {
    if (!claimed.has(row)) out.push({ rows: [row], who: 'строка без ФИО', errors });
  }
  return out.sort((a, b) => a.rows[0]! - b.rows[0]!);
}
