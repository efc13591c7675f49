/**
 * Finding a ballot's voter in the registry: by person id, then СНИЛС, then cadastral number, then plot
 * number, then a unique normalised full name. A key that several persons share is ambiguous and the
 * next key is tried. Each key's index is built the first time a ballot needs it.
 */
import type { Person, VoterRef } from '../domain/types';
import { normalizeCadastral } from '../registry/cadastral';
import { plotKey } from '../registry/fieldValues';
import { normalizeName } from '../text/normalizeName';

export type MatchedBy = 'id' | 'snils' | 'cadastral' | 'plot' | 'name';

/** Key -> registry index, or AMBIGUOUS when several persons have that key. */
type KeyIndex = Map<string, number>;
const AMBIGUOUS = -1;

export interface RegistryIndex {
  persons: readonly Person[];
  /** Length of the array when indexed: a different length means the array was changed. */
  length: number;
  byId?: KeyIndex;
  bySnils?: KeyIndex;
  byCadastral?: KeyIndex;
  byPlot?: KeyIndex;
  byName?: KeyIndex;
}

export type VoterMatch =
  | { ok: true; index: number; by: MatchedBy }
  /** not_found: no key names anyone; ambiguous: a key names several persons; no_details: nothing given. */
  | { ok: false; reason: 'not_found' | 'ambiguous' | 'no_details' };

function isDigits(s: string, length?: number): boolean {
  if (length !== undefined && s.length !== length) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

function snilsKey(s: string): string {
  return isDigits(s, 11) ? s : s.replace(/\D/g, '');
}

/** Plot numbers that are bare digits (most of them) are their own key. */
function plotKeyOf(s: string): string {
  return isDigits(s) ? s : plotKey(s);
}

function build(persons: readonly Person[], keys: (p: Person, add: (key: string) => void) => void): KeyIndex {
  const map: KeyIndex = new Map();
  for (let i = 0; i < persons.length; i++) {
    keys(persons[i]!, (key) => {
      if (key === '') return;
      const had = map.get(key);
      map.set(key, had === undefined || had === i ? i : AMBIGUOUS);
    });
  }
  return map;
}

const cache = new WeakMap<readonly Person[], RegistryIndex>();

/**
 * The index of a registry snapshot. The same array gives the same index (built once, key by key), so
 * a live tally after every saved ballot does not rebuild it: a snapshot array must not be changed in
 * place (a changed registry is a new array).
 */
export function indexRegistry(persons: readonly Person[]): RegistryIndex {
  const known = cache.get(persons);
  if (known && known.length === persons.length) return known;
  const index: RegistryIndex = { persons, length: persons.length };
  cache.set(persons, index);
  return index;
}

function byId(ix: RegistryIndex): KeyIndex {
  return (ix.byId ??= build(ix.persons, (p, add) => add(p.id)));
}
function bySnils(ix: RegistryIndex): KeyIndex {
  return (ix.bySnils ??= build(ix.persons, (p, add) => p.snils && add(snilsKey(p.snils))));
}
function byCadastral(ix: RegistryIndex): KeyIndex {
  return (ix.byCadastral ??= build(ix.persons, (p, add) => {
    for (const h of p.holdings) if (h.cadastralNumber) add(normalizeCadastral(h.cadastralNumber));
  }));
}
function byPlot(ix: RegistryIndex): KeyIndex {
  return (ix.byPlot ??= build(ix.persons, (p, add) => {
    for (const h of p.holdings) add(plotKeyOf(h.plotNumber));
  }));
}
function byName(ix: RegistryIndex): KeyIndex {
  return (ix.byName ??= build(ix.persons, (p, add) => add(normalizeName(p.fullName))));
}

const BY: readonly MatchedBy[] = ['id', 'snils', 'cadastral', 'plot', 'name'];
/** Packed failures of matchPacked. */
export const NOT_FOUND = -1;
export const AMBIGUOUS_MATCH = -2;
export const NO_DETAILS = -3;

/**
 * The allocation-free matcher of the tally: `index * 8 + key` (key: position in ['id', 'snils',
 * 'cadastral', 'plot', 'name']) when one person matches, else NOT_FOUND, AMBIGUOUS_MATCH or NO_DETAILS.
 */
export function matchPacked(ix: RegistryIndex, ref: VoterRef): number {
  let given = false;
  let ambiguous = false;
  let i: number | undefined;
  if (ref.personId) {
    given = true;
    i = byId(ix).get(ref.personId);
    if (i !== undefined && i >= 0) return i * 8;
  }
  if (ref.snils) {
    given = true;
    i = bySnils(ix).get(snilsKey(ref.snils));
    if (i !== undefined && i >= 0) return i * 8 + 1;
    ambiguous ||= i === AMBIGUOUS;
  }
  if (ref.cadastralNumber) {
    given = true;
    i = byCadastral(ix).get(normalizeCadastral(ref.cadastralNumber));
    if (i !== undefined && i >= 0) return i * 8 + 2;
    ambiguous ||= i === AMBIGUOUS;
  }
  if (ref.plotNumber) {
    given = true;
    i = byPlot(ix).get(plotKeyOf(ref.plotNumber));
    if (i !== undefined && i >= 0) return i * 8 + 3;
    ambiguous ||= i === AMBIGUOUS;
  }
  if (ref.fullName) {
    given = true;
    i = byName(ix).get(normalizeName(ref.fullName));
    if (i !== undefined && i >= 0) return i * 8 + 4;
    ambiguous ||= i === AMBIGUOUS;
  }
  return !given ? NO_DETAILS : ambiguous ? AMBIGUOUS_MATCH : NOT_FOUND;
}

export function matchedBy(packed: number): MatchedBy {
  return BY[packed & 7]!;
}

export function matchVoter(ix: RegistryIndex, ref: VoterRef): VoterMatch {
  const m = matchPacked(ix, ref);
  if (m >= 0) return { ok: true, index: m >> 3, by: BY[m & 7]! };
  return {
    ok: false,
    reason: m === NO_DETAILS ? 'no_details' : m === AMBIGUOUS_MATCH ? 'ambiguous' : 'not_found',
  };
}
