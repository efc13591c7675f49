/**
 * Finding a voter in a registry snapshot by the keys a ballot or an import row gives: person id, СНИЛС,
 * cadastral number, plot number, normalised full name, tried in a given order. A key naming one person
 * matches; a key naming several is ambiguous and the next key is tried; when no key names exactly one
 * person, the first ambiguous key's candidates are given for the user to choose from.
 * The one matcher of the product: the tally runs it allocation-free (findVoterPacked) on every ballot,
 * the Gosuslugi import's review with candidates (findVoter). Each key's index is built the first time a
 * lookup needs it, and once per registry array.
 */
import type { Person, VoterRef } from '../domain/types';
import { normalizeName, normalizeNames } from '../text/normalizeName';
import { normalizeCadastral } from './cadastral';
import { parseSnilsCell, plotKey } from './fieldValues';
import { snilsChecksumOk } from './snils';

export type VoterKey = 'id' | 'snils' | 'cadastral' | 'plot' | 'name';

/** Every key, in the tally's order; a packed match names its key by its position here. */
export const VOTER_KEYS: readonly VoterKey[] = ['id', 'snils', 'cadastral', 'plot', 'name'];
const KEY_POSITION: Record<VoterKey, number> = { id: 0, snils: 1, cadastral: 2, plot: 3, name: 4 };

/** A key value several persons share. */
export const AMBIGUOUS = -1;
/** A key value no one has. */
export const NONE = -2;
/** A key value that is empty once normalised (spaces only): as if not given. */
export const EMPTY = -3;

/** Key value -> registry index, or AMBIGUOUS. */
type KeyMap = Map<string, number>;

export interface VoterIndex {
  persons: readonly Person[];
  /** Length of the array when indexed: a different length means the array was changed. */
  length: number;
  maps: Partial<Record<VoterKey, KeyMap>>;
  /** For each key value several persons share: their registry indices. */
  shared: Partial<Record<VoterKey, Map<string, number[]>>>;
}

export type VoterLookup =
  | { status: 'matched'; index: number; by: VoterKey }
  /** No key named exactly one person and `by` named several: the candidates (registry indices). */
  | { status: 'ambiguous'; by: VoterKey; candidates: number[] }
  /** Keys were given but none names anyone. */
  | { status: 'not_found' }
  /** None of the keys tried was given. */
  | { status: 'no_details' };

function isDigits(s: string, length?: number): boolean {
  if (length !== undefined && s.length !== length) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

/**
 * Normal form of a key value: СНИЛС as 11 digits (leading zeros Excel dropped put back), cadastral
 * number without spaces, plot key, normalised name. Bare digits, the usual case, are taken as they are.
 */
export function voterKeyValue(key: VoterKey, raw: string): string {
  switch (key) {
    case 'id':
      return raw;
    case 'snils':
      return isDigits(raw, 11) ? raw : (parseSnilsCell(raw) ?? raw.replace(/\D/g, ''));
    case 'cadastral':
      return normalizeCadastral(raw);
    case 'plot':
      return isDigits(raw) ? raw : plotKey(raw);
    case 'name':
      return normalizeName(raw);
  }
}

const cache = new WeakMap<readonly Person[], VoterIndex>();

/**
 * The index of a registry snapshot. The same array gives the same index (built once, key by key), so a
 * live tally after every saved ballot does not rebuild it: a snapshot array must not be changed in
 * place (a changed registry is a new array).
 */
export function indexVoters(persons: readonly Person[]): VoterIndex {
  const known = cache.get(persons);
  if (known && known.length === persons.length) return known;
  const ix: VoterIndex = { persons, length: persons.length, maps: {}, shared: {} };
  cache.set(persons, ix);
  return ix;
}

/** Files registry index `i` under the normal key value `k`; a value several persons share is AMBIGUOUS. */
function addKey(keys: KeyMap, shared: Map<string, number[]>, k: string, i: number): void {
  if (k === '') return;
  const had = keys.get(k);
  if (had === undefined) keys.set(k, i);
  else if (had === i) return;
  else if (had === AMBIGUOUS) {
    const list = shared.get(k)!;
    if (list[list.length - 1] !== i) list.push(i);
  } else {
    keys.set(k, AMBIGUOUS);
    shared.set(k, [had, i]);
  }
}

/**
 * One key's index, built the first time a lookup needs it: a plain loop per key (the first tally of a
 * meeting pays for it in cold code, so no per-person callback or key dispatch).
 */
function mapOf(ix: VoterIndex, key: VoterKey): KeyMap {
  const known = ix.maps[key];
  if (known) return known;
  const keys: KeyMap = new Map();
  const shared = new Map<string, number[]>();
  const persons = ix.persons;
  const n = persons.length;
  if (key === 'snils') {
    // A СНИЛС failing its checksum is kept in the registry («не проверен») but matches no ballot. One
    // passing it is 11 digits: its own normal form.
    for (let i = 0; i < n; i++) {
      const s = persons[i]!.snils;
      if (s && snilsChecksumOk(s)) addKey(keys, shared, s, i);
    }
  } else if (key === 'name') {
    const names = new Array<string>(n);
    for (let i = 0; i < n; i++) names[i] = persons[i]!.fullName;
    const normal = normalizeNames(names);
    for (let i = 0; i < n; i++) addKey(keys, shared, normal[i]!, i);
  } else if (key === 'id') {
    for (let i = 0; i < n; i++) addKey(keys, shared, persons[i]!.id, i);
  } else {
    const plot = key === 'plot';
    for (let i = 0; i < n; i++) {
      for (const h of persons[i]!.holdings) {
        const raw = plot ? h.plotNumber : h.cadastralNumber;
        if (raw) addKey(keys, shared, voterKeyValue(key, raw), i);
      }
    }
  }
  ix.maps[key] = keys;
  ix.shared[key] = shared;
  return keys;
}

/** A cell listing several cadastral numbers: `50:18:0080301:152; 50:18:0080301:153`. */
const isList = (key: VoterKey, raw: string): boolean =>
  key === 'cadastral' && (raw.includes(';') || raw.includes(','));

/** The registry index a key value names, AMBIGUOUS, NONE or EMPTY. */
export function lookupVoter(ix: VoterIndex, key: VoterKey, raw: string): number {
  if (isList(key, raw)) {
    const all = lookupVoters(ix, key, raw);
    return all.length === 0 ? NONE : all.length === 1 ? all[0]! : AMBIGUOUS;
  }
  const k = voterKeyValue(key, raw);
  if (k === '') return EMPTY;
  return mapOf(ix, key).get(k) ?? NONE;
}

/**
 * Registry indices of the persons a key value names (empty when none). A list of cadastral numbers
 * names the persons holding any of them.
 */
export function lookupVoters(ix: VoterIndex, key: VoterKey, raw: string): number[] {
  if (isList(key, raw)) {
    const all = new Set<number>();
    for (const part of raw.split(/[,;]/)) for (const i of lookupVoters(ix, key, part)) all.add(i);
    return [...all].sort((a, b) => a - b);
  }
  const i = lookupVoter(ix, key, raw);
  if (i >= 0) return [i];
  if (i !== AMBIGUOUS) return [];
  return [...ix.shared[key]!.get(voterKeyValue(key, raw))!];
}

/** The value a voter reference gives for one key. */
export function refValue(ref: VoterRef, key: VoterKey): string | undefined {
  switch (key) {
    case 'id':
      return ref.personId;
    case 'snils':
      return ref.snils;
    case 'cadastral':
      return ref.cadastralNumber;
    case 'plot':
      return ref.plotNumber;
    case 'name':
      return ref.fullName;
  }
}

/** Packed failures of findVoterPacked. */
export const NOT_FOUND = -1;
export const AMBIGUOUS_MATCH = -2;
export const NO_DETAILS = -3;

/**
 * The matcher without allocations: `index * 8 + k` (k: the key's position in VOTER_KEYS) when one
 * person matches, else NOT_FOUND, AMBIGUOUS_MATCH or NO_DETAILS.
 */
export function findVoterPacked(
  ix: VoterIndex,
  ref: VoterRef,
  order: readonly VoterKey[] = VOTER_KEYS,
): number {
  let given = false;
  let ambiguous = false;
  for (let o = 0; o < order.length; o++) {
    const key = order[o]!;
    const raw = refValue(ref, key);
    if (!raw) continue;
    const i = lookupVoter(ix, key, raw);
    if (i === EMPTY) continue;
    given = true;
    if (i >= 0) return i * 8 + KEY_POSITION[key];
    if (i === AMBIGUOUS) ambiguous = true;
  }
  return !given ? NO_DETAILS : ambiguous ? AMBIGUOUS_MATCH : NOT_FOUND;
}

/** The key a packed match was made by. */
export function packedKey(packed: number): VoterKey {
  return VOTER_KEYS[packed & 7]!;
}

/** The same match with the candidates of an ambiguous key, for the user to choose from. */
export function findVoter(
  ix: VoterIndex,
  ref: VoterRef,
  order: readonly VoterKey[] = VOTER_KEYS,
): VoterLookup {
  const m = findVoterPacked(ix, ref, order);
  if (m >= 0) return { status: 'matched', index: m >> 3, by: packedKey(m) };
  if (m === NO_DETAILS) return { status: 'no_details' };
  if (m === NOT_FOUND) return { status: 'not_found' };
  for (const key of order) {
    const raw = refValue(ref, key);
    if (raw && lookupVoter(ix, key, raw) === AMBIGUOUS) {
      return { status: 'ambiguous', by: key, candidates: lookupVoters(ix, key, raw) };
    }
  }
  return { status: 'not_found' };
}
