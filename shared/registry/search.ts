import type { Person } from '../domain/types';
import { normalizeName } from '../text/normalizeName';
import { plotKey } from './fieldValues';

/** Search as you type over the registry: by any word of the name, plot number, СНИЛС. */

interface Entry {
  /** Index in the persons array the index was built from. */
  i: number;
  words: string[];
  plots: string[];
  plotNumbers: string[];
  snils: string;
}

export interface RegistryIndex {
  persons: readonly Person[];
  /** In name order (Russian collation). */
  entries: Entry[];
}

export interface SearchHit {
  person: Person;
  /** Index in the persons array given to buildRegistryIndex. */
  index: number;
  by: 'plot' | 'name' | 'snils';
  /** The plot that matched (by: 'plot'). */
  plotNumber?: string;
}

/** Normalised keys of every person, computed once (rebuild when the registry changes). */
export function buildRegistryIndex(persons: readonly Person[]): RegistryIndex {
  const collator = new Intl.Collator('ru');
  const names = persons.map((p) => normalizeName(p.fullName));
  const entries: Entry[] = persons.map((p, i) => ({
    i,
    words: names[i]!.split(' ').filter(Boolean),
    plots: p.holdings.map((h) => plotKey(h.plotNumber)),
    plotNumbers: p.holdings.map((h) => h.plotNumber),
    snils: p.snils ?? '',
  }));
  entries.sort((a, b) => collator.compare(names[a.i]!, names[b.i]!) || a.i - b.i);
  return { persons, entries };
}

/** Ranks: exact plot first, then a plot starting with the query, names starting with it, other name words, СНИЛС. */
const PLOT_EXACT = 0;
const PLOT_PREFIX = 1;
const NAME_FIRST = 2;
const NAME_OTHER = 3;
const SNILS = 4;

/**
 * Persons matching the query, best first, in name order within a rank. A query of digits (with dashes and
 * spaces) looks for plot numbers, then СНИЛС (from 3 digits on); a text query needs every word to start some
 * word of the name, or to be a plot number (`Иванов 12`). An empty query gives everyone in name order.
 */
export function searchRegistry(index: RegistryIndex, query: string, limit = Infinity): SearchHit[] {
  const q = normalizeName(query);
  const buckets: SearchHit[][] = [[], [], [], [], []];
  const hit = (e: Entry, rank: number, by: SearchHit['by'], plotNumber?: string): void => {
    const h: SearchHit = { person: index.persons[e.i]!, index: e.i, by };
    if (plotNumber !== undefined) h.plotNumber = plotNumber;
    buckets[rank]!.push(h);
  };
  if (q === '') {
    return index.entries
      .slice(0, limit)
      .map((e) => ({ person: index.persons[e.i]!, index: e.i, by: 'name' }));
  }
  if (/^[\d\s-]+$/.test(q)) {
    const digits = q.replace(/\D/g, '');
    const plot = plotKey(q);
    for (const e of index.entries) {
      const exact = e.plots.indexOf(plot);
      if (exact >= 0) {
        hit(e, PLOT_EXACT, 'plot', e.plotNumbers[exact]);
        continue;
      }
      const prefix = e.plots.findIndex((p) => p.startsWith(plot));
      if (prefix >= 0) hit(e, PLOT_PREFIX, 'plot', e.plotNumbers[prefix]);
      else if (digits.length >= 3 && e.snils.startsWith(digits)) hit(e, SNILS, 'snils');
    }
  } else {
    const tokens = q.split(' ');
    const plotTokens = tokens.map((t) => (/\d/.test(t) ? plotKey(t) : ''));
    for (const e of index.entries) {
      let rank = NAME_OTHER;
      let plotHit: string | undefined;
      let all = true;
      for (let t = 0; t < tokens.length && all; t++) {
        const token = tokens[t]!;
        const w = e.words.findIndex((word) => word.startsWith(token));
        if (w >= 0) {
          if (t === 0 && w === 0) rank = NAME_FIRST;
          continue;
        }
        const pt = plotTokens[t]!;
        const p = pt ? e.plots.findIndex((plot) => plot === pt) : -1;
        if (p >= 0) plotHit = e.plotNumbers[p];
        else all = false;
      }
      if (!all) continue;
      if (plotHit !== undefined) hit(e, PLOT_EXACT, 'plot', plotHit);
      else hit(e, rank, 'name');
    }
  }
  const out: SearchHit[] = [];
  for (const b of buckets) {
    for (const h of b) {
      if (out.length >= limit) return out;
      out.push(h);
    }
  }
  return out;
}
