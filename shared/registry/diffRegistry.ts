import { equals, parseDecimal, parseShare } from '../arith/rational';
import type { Holding, Person } from '../domain/types';
import { normalizeName } from '../text/normalizeName';
import { plotKey } from './fieldValues';
import { snilsChecksumOk } from './snils';

/** Person fields an import can change. */
export type PersonField =
  'fullName' | 'snils' | 'status' | 'residentialAddress' | 'postalAddress' | 'email' | 'phone' | 'holdings';

export const PERSON_FIELDS: readonly PersonField[] = [
  'fullName',
  'snils',
  'status',
  'residentialAddress',
  'postalAddress',
  'email',
  'phone',
  'holdings',
];

export interface PersonChange {
  before: Person;
  /** The incoming person with the existing id (and note, creation time, fields the file does not have). */
  after: Person;
  fields: PersonField[];
}

export interface RegistryDiff {
  added: Person[];
  changed: PersonChange[];
  removed: Person[];
  unchanged: number;
}

export interface DiffOptions {
  /** Fields the incoming file carries (mappedPersonFields); others are kept as stored. Default: all. */
  fields?: readonly PersonField[];
  /**
   * Comparisons of earlier calls, by incoming person, reused while the person and its match are the same
   * objects (a fix in place changes one person of thousands). Keep one per `fields`.
   */
  memo?: DiffMemo;
}

/** An incoming person's comparison with the stored person it matched: its change, or null for none. */
export type DiffMemo = WeakMap<Person, { before: Person; change: PersonChange | null }>;

const text = (s: string | undefined): string => (s ?? '').trim();

const nameKeys = new WeakMap<Person, { fullName: string; key: string }>();
/**
 * normalizeName of a person's full name, kept with the person (a fix in place compares thousands of the
 * same persons again). Read again when the name is not the one it was made from.
 */
export function personNameKey(p: Person): string {
  const known = nameKeys.get(p);
  if (known?.fullName === p.fullName) return known.key;
  const key = normalizeName(p.fullName);
  nameKeys.set(p, { fullName: p.fullName, key });
  return key;
}
const verified = (snils: string | undefined): boolean => !!snils && snilsChecksumOk(snils);

function sameDecimal(a: string | undefined, b: string | undefined): boolean {
  if (text(a) === text(b)) return true;
  const x = parseDecimal(text(a));
  const y = parseDecimal(text(b));
  return !!x && !!y && equals(x, y);
}

function sameShare(a: string | undefined, b: string | undefined): boolean {
  if (text(a) === text(b)) return true;
  const x = parseShare(a);
  const y = parseShare(b);
  return !!x && !!y && equals(x, y);
}

const holdingOrder = (a: Holding, b: Holding): number => {
  const x = plotKey(a.plotNumber);
  const y = plotKey(b.plotNumber);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Same plots with the same cadastral numbers, areas and shares, in any order. */
export function sameHoldings(a: readonly Holding[], b: readonly Holding[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort(holdingOrder);
  const y = [...b].sort(holdingOrder);
  return x.every((h, i) => {
    const g = y[i]!;
    return (
      plotKey(h.plotNumber) === plotKey(g.plotNumber) &&
      text(h.cadastralNumber) === text(g.cadastralNumber) &&
      sameDecimal(h.area, g.area) &&
      sameShare(h.share, g.share)
    );
  });
}

function sameField(f: PersonField, a: Person, b: Person): boolean {
  if (f === 'holdings') return sameHoldings(a.holdings, b.holdings);
  if (f === 'fullName')
    return normalizeName(a.fullName) === normalizeName(b.fullName) && text(a.fullName) === text(b.fullName);
  return text(a[f]) === text(b[f]);
}

/** The fields (of `fields`) whose values differ between the two, as an import compares them. */
export function changedFields(
  before: Person,
  after: Person,
  fields: readonly PersonField[] = PERSON_FIELDS,
): PersonField[] {
  return fields.filter((f) => !sameField(f, before, after));
}

function compareWith(before: Person, p: Person, fields: readonly PersonField[]): PersonChange | null {
  const changed = changedFields(before, p, fields);
  if (changed.length === 0) return null;
  const after: Person = { ...before };
  for (const f of fields) {
    if (f === 'holdings') after.holdings = p.holdings.map((h) => ({ ...h }));
    else if (f === 'fullName' || f === 'status') (after as unknown as Record<string, string>)[f] = p[f];
    else if (p[f] !== undefined && p[f] !== '') after[f] = p[f];
    else delete after[f];
  }
  return { before, after, fields: changed };
}

/**
 * What importing `incoming` over `existing` would do. A person is the same by СНИЛС, else by normalised
 * full name (when one of the two has no СНИЛС, or one that fails its checksum). Re-importing the same file gives no changes.
 */
export function diffRegistry(
  existing: readonly Person[],
  incoming: readonly Person[],
  opts: DiffOptions = {},
): RegistryDiff {
  const fields = opts.fields ?? PERSON_FIELDS;
  const match = new Map<number, number>(); // incoming index -> existing index
  const taken = new Set<number>();
  const bySnils = new Map<string, number>();
  existing.forEach((p, i) => {
    if (p.snils && !bySnils.has(p.snils)) bySnils.set(p.snils, i);
  });
  incoming.forEach((p, j) => {
    const i = p.snils ? bySnils.get(p.snils) : undefined;
    if (i !== undefined && !taken.has(i)) {
      match.set(j, i);
      taken.add(i);
    }
  });
  const byName = new Map<string, number[]>();
  existing.forEach((p, i) => {
    if (taken.has(i)) return;
    const k = personNameKey(p);
    const list = byName.get(k);
    if (list) list.push(i);
    else byName.set(k, [i]);
  });
  incoming.forEach((p, j) => {
    if (match.has(j) || byName.size === 0) return;
    const candidates = byName.get(personNameKey(p)) ?? [];
    // Two different valid СНИЛС are two people; a СНИЛС failing its checksum («не проверен») does not
    // stand in the way of a match by name (the corrected file fixes it).
    const i = candidates.find((c) => !taken.has(c) && (!verified(p.snils) || !verified(existing[c]!.snils)));
    if (i !== undefined) {
      match.set(j, i);
      taken.add(i);
    }
  });

  const diff: RegistryDiff = { added: [], changed: [], removed: [], unchanged: 0 };
  incoming.forEach((p, j) => {
    const i = match.get(j);
    if (i === undefined) {
      diff.added.push(p);
      return;
    }
    const before = existing[i]!;
    const known = opts.memo?.get(p);
    let change: PersonChange | null;
    if (known?.before === before) change = known.change;
    else {
      change = compareWith(before, p, fields);
      opts.memo?.set(p, { before, change });
    }
    if (change) diff.changed.push(change);
    else diff.unchanged++;
  });
  existing.forEach((p, i) => {
    if (!taken.has(i)) diff.removed.push(p);
  });
  return diff;
}
