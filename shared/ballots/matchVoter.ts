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

function snilsKey(s: string): string {
  return /^\d{11}$/.test(s) ? s : s.replace(/\D/g, '');
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

export function indexRegistry(persons: readonly Person[]): RegistryIndex {
  return { persons };
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
    for (const h of p.holdings) add(plotKey(h.plotNumber));
  }));
}
function byName(ix: RegistryIndex): KeyIndex {
  return (ix.byName ??= build(ix.persons, (p, add) => add(normalizeName(p.fullName))));
}

const found = (index: number, by: MatchedBy): VoterMatch => ({ ok: true, index, by });

export function matchVoter(ix: RegistryIndex, ref: VoterRef): VoterMatch {
  let given = false;
  let ambiguous = false;
  let i: number | undefined;
  if (ref.personId) {
    given = true;
    i = byId(ix).get(ref.personId);
    if (i !== undefined && i >= 0) return found(i, 'id');
  }
  if (ref.snils) {
    given = true;
    i = bySnils(ix).get(snilsKey(ref.snils));
    if (i !== undefined && i >= 0) return found(i, 'snils');
    ambiguous ||= i === AMBIGUOUS;
  }
  if (ref.cadastralNumber) {
    given = true;
    i = byCadastral(ix).get(normalizeCadastral(ref.cadastralNumber));
    if (i !== undefined && i >= 0) return found(i, 'cadastral');
    ambiguous ||= i === AMBIGUOUS;
  }
  if (ref.plotNumber) {
    given = true;
    i = byPlot(ix).get(plotKey(ref.plotNumber));
    if (i !== undefined && i >= 0) return found(i, 'plot');
    ambiguous ||= i === AMBIGUOUS;
  }
  if (ref.fullName) {
    given = true;
    i = byName(ix).get(normalizeName(ref.fullName));
    if (i !== undefined && i >= 0) return found(i, 'name');
    ambiguous ||= i === AMBIGUOUS;
  }
  if (!given) return { ok: false, reason: 'no_details' };
  return { ok: false, reason: ambiguous ? 'ambiguous' : 'not_found' };
}
