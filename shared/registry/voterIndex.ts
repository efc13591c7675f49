/**
 * Finding a voter in a registry snapshot by the keys a ballot or an import row gives: person id, СНИЛС,
 * cadastral number, plot number, normalised full name, tried in a given order. A key naming one person
 * matches; a key naming several is ambiguous and the next key is tried; when no key names exactly one
 * person the first ambiguous key's candidates are returned for the user to choose from.
 * Each key's index is built the first time a lookup needs it.
 */
import type { Person, VoterRef } from '../domain/types';
import { normalizeName } from '../text/normalizeName';
import { normalizeCadastral } from './cadastral';
import { parseSnilsCell, plotKey } from './fieldValues';

export type VoterKey = 'id' | 'snils' | 'cadastral' | 'plot' | 'name';

/** Persons' indices by key value, per key kind. */
export interface VoterIndex {
  persons: readonly Person[];
  maps: Partial<Record<VoterKey, Map<string, number[]>>>;
}

export type VoterLookup =
  | { status: 'matched'; index: number; by: VoterKey }
  /** No key named exactly one person and `by` named several: the candidates (registry indices). */
  | { status: 'ambiguous'; by: VoterKey; candidates: number[] }
  /** Keys were given but none names anyone. */
  | { status: 'not_found' }
  /** None of the keys tried was given. */
  | { status: 'no_details' };

/** The lookup order of the tally and of the Gosuslugi import (plot numbers are not used there). */
export const VOTER_KEYS: readonly VoterKey[] = ['id', 'snils', 'cadastral', 'plot', 'name'];

/** Normal form of a key value: СНИЛС as 11 digits, cadastral number without spaces, plot and name keys. */
export function voterKeyValue(key: VoterKey, raw: string): string {
  switch (key) {
    case 'id':
      return raw;
    case 'snils':
      return parseSnilsCell(raw) ?? raw.replace(/\D/g, '');
    case 'cadastral':
      return normalizeCadastral(raw);
    case 'plot':
      return plotKey(raw);
    case 'name':
      return normalizeName(raw);
  }
}

function personKeys(p: Person, key: VoterKey): string[] {
  switch (key) {
    case 'id':
      return [p.id];
    case 'snils':
      return p.snils ? [p.snils] : [];
    case 'cadastral':
      return p.holdings.flatMap((h) => (h.cadastralNumber ? [h.cadastralNumber] : []));
    case 'plot':
      return p.holdings.map((h) => h.plotNumber);
    case 'name':
      return [p.fullName];
  }
}

export function indexVoters(persons: readonly Person[]): VoterIndex {
  return { persons, maps: {} };
}

function mapOf(ix: VoterIndex, key: VoterKey): Map<string, number[]> {
  let map = ix.maps[key];
  if (map) return map;
  map = new Map();
  for (let i = 0; i < ix.persons.length; i++) {
    for (const raw of personKeys(ix.persons[i]!, key)) {
      const k = voterKeyValue(key, raw);
      if (k === '') continue;
      const list = map.get(k);
      if (!list) map.set(k, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  }
  ix.maps[key] = map;
  return map;
}

const NONE: readonly number[] = [];

/**
 * Registry indices of the persons a key value names (empty when none). Cadastral numbers may be listed
 * (`50:18:0080301:152; 50:18:0080301:153`): the persons holding any of them.
 */
export function lookupVoters(ix: VoterIndex, key: VoterKey, raw: string): readonly number[] {
  if (key === 'cadastral' && /[,;]/.test(raw)) {
    const all = new Set<number>();
    for (const part of raw.split(/[,;]/)) for (const i of lookupVoters(ix, key, part)) all.add(i);
    return [...all].sort((a, b) => a - b);
  }
  const k = voterKeyValue(key, raw);
  return k === '' ? NONE : (mapOf(ix, key).get(k) ?? NONE);
}

function refValue(ref: VoterRef, key: VoterKey): string | undefined {
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

export function findVoter(
  ix: VoterIndex,
  ref: VoterRef,
  order: readonly VoterKey[] = VOTER_KEYS,
): VoterLookup {
  let given = false;
  let ambiguous: { by: VoterKey; candidates: number[] } | undefined;
  for (const key of order) {
    const raw = refValue(ref, key)?.trim();
    if (!raw) continue;
    given = true;
    const found = lookupVoters(ix, key, raw);
    if (found.length === 1) return { status: 'matched', index: found[0]!, by: key };
    if (found.length > 1 && !ambiguous) ambiguous = { by: key, candidates: [...found] };
  }
  if (ambiguous) return { status: 'ambiguous', ...ambiguous };
  return { status: given ? 'not_found' : 'no_details' };
}
