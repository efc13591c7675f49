import type { PartnershipKind } from '../../../shared/domain/types';
import { parseRegistry, type RegistryImport } from '../../../shared/registry/parseRegistry';
import { REGISTRY_PROBLEM as P } from '../../../shared/registry/problemCodes';
import type { RegistryValidation } from '../../../shared/registry/registryValidation';
import type { StatusValues } from '../../../shared/registry/statusVocabulary';
import type { Table } from '../../../shared/spreadsheet/readTable';
import { normalizeName } from '../../../shared/text/normalizeName';

/** A reading of the file the preview shows: parsed once, then patched row by row by fixes in place. */
export interface Reading {
  parsed: RegistryImport;
  validation: RegistryValidation;
}

const SOMETHING = /[\p{L}\p{N}]/u;
const NUMERIC = /^[\d\s\u00a0.,]+$/;

/**
 * A fix in place of one row, read again without reading the rest of the file: the rows of the person
 * the row belongs to (or the one row without a name) are parsed alone and put in the place of what they
 * were; the person's own checks and the cross-person checks it touches run again. Returns false, having
 * changed nothing, when the fix could change how another row is read — the rows now make no single
 * person, a nameless row below would join them, another person has the same name (rows are merged by
 * name), the reading did not count its names (parseRegistry's `countNames`) — and the whole file must
 * be read again.
 */
export function refixRow(
  reading: Reading,
  table: Table,
  row: number,
  kind: PartnershipKind,
  statusValues: StatusValues | undefined,
): boolean {
  const { parsed, validation } = reading;
  const { mapping, headerRow, names } = parsed;
  if (!names || row <= headerRow || row > table.rows.length) return false;
  const owner = parsed.sourceRows.findIndex((s) => s.rows.includes(row));
  const nameless = owner < 0 && parsed.problems.some((p) => p.row === row && p.code === P.nameEmpty);
  if (owner < 0 && !nameless) return false;
  const rows = owner >= 0 ? parsed.sourceRows[owner]!.rows : [row];
  const from = rows[0]!;
  const to = rows[rows.length - 1]!;
  if (rows.length !== to - from + 1) return false;

  const cell = (r: number, c: number | undefined): string =>
    c === undefined ? '' : (table.rows[r - 1]?.[c] ?? '');
  const named = (r: number): boolean =>
    [mapping.fullName, mapping.lastName, mapping.firstName, mapping.middleName, mapping.snils].some((c) =>
      SOMETHING.test(cell(r, c)),
    );
  const blank = (r: number): boolean => (table.rows[r - 1] ?? []).every((c) => c === '');
  // A nameless row below would be read as the block's; numbers alone above wait for the next name.
  if (to < table.rows.length && !blank(to + 1) && !named(to + 1)) return false;
  const above = table.rows[from - 2]?.filter((c) => c !== '') ?? [];
  if (nameless && from - 1 > headerRow && !named(from - 1) && above.every((c) => NUMERIC.test(c)))
    return false;

  const block = parseRegistry(table, {
    kind,
    mapping,
    headerRow,
    rows: { from, to },
    ...(statusValues ? { statusValues } : {}),
  });
  const person = block.persons[0];
  const source = block.sourceRows[0];
  if (block.persons.length !== 1 || !person || !source || source.rows.length !== to - from + 1) return false;
  // Persons are merged by name: a name another person has (before or after the fix) needs the whole file.
  const key = normalizeName(person.fullName);
  const before = owner >= 0 ? normalizeName(parsed.persons[owner]!.fullName) : undefined;
  const others = (k: string) => (names.get(k) ?? 0) - (k === before ? 1 : 0);
  if (others(key) > 0 || (before !== undefined && others(before) > 0)) return false;

  const inBlock = (r: number | undefined) => r !== undefined && r >= from && r <= to;
  parsed.problems = [
    ...parsed.problems.filter((p) => !inBlock(p.row)),
    ...block.problems.filter((p) => p.row !== undefined),
  ];
  const readBefore = owner >= 0 ? rows.length : 1;
  parsed.rowsRead += block.rowsRead - readBefore;
  patchUnknown(parsed, block, inBlock);
  if (before !== undefined) names.set(before, names.get(before)! - 1);
  names.set(key, (names.get(key) ?? 0) + 1);
  if (owner >= 0) validation.put(owner, person, source);
  else {
    const at = parsed.sourceRows.findIndex((s) => s.rows[0]! > row);
    validation.put(at < 0 ? parsed.persons.length : at, person, source, true);
  }
  return true;
}

/** The block's rows taken out of the unknown status values, and its own values put in, by first row. */
function patchUnknown(parsed: RegistryImport, block: RegistryImport, inBlock: (r: number) => boolean): void {
  const byKey = new Map(
    parsed.unknownStatuses.map((u) => [u.key, { ...u, rows: u.rows.filter((r) => !inBlock(r)) }]),
  );
  for (const u of block.unknownStatuses) {
    const seen = byKey.get(u.key);
    if (seen) seen.rows = [...seen.rows, ...u.rows].sort((a, b) => a - b);
    else byKey.set(u.key, u);
  }
  parsed.unknownStatuses = [...byKey.values()]
    .filter((u) => u.rows.length > 0)
    .sort((a, b) => a.rows[0]! - b.rows[0]!);
}
