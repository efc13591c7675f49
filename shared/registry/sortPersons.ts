import type { Person } from '../domain/types';
import { STATUS_LABEL } from '../vocabulary';

export type SortKey = 'fullName' | 'plot' | 'status' | 'snils';
export interface SortState {
  key: SortKey;
  dir: 'asc' | 'desc';
}

const collator = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

/** Natural Russian order: `2` before `10`, `12а` after `12`, case ignored. */
export const compareNatural = (a: string, b: string): number => collator.compare(a, b);

function sortText(p: Person, key: SortKey): string {
  switch (key) {
    case 'fullName':
      return p.fullName;
    case 'plot':
      return p.holdings[0]?.plotNumber ?? '';
    case 'status':
      return STATUS_LABEL[p.status];
    case 'snils':
      return p.snils ?? '';
  }
}

/**
 * A sorted copy. Plot numbers compare naturally (`2` before `10`, `12а` after `12`); empty values go
 * last in either direction; ties keep the name order.
 */
export function sortPersons(persons: readonly Person[], sort: SortState): Person[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const keyed = persons.map((p) => ({ p, k: sortText(p, sort.key) }));
  keyed.sort((a, b) => {
    if (!a.k !== !b.k) return a.k ? -1 : 1;
    return sign * collator.compare(a.k, b.k) || collator.compare(a.p.fullName, b.p.fullName);
  });
  return keyed.map((x) => x.p);
}

export type BallotOrder = 'plot' | 'name';

/** Ballots in print order: by plot (premises) number in natural order (2 before 10), or by name. */
export function ballotOrder(persons: readonly Person[], order: BallotOrder): Person[] {
  return sortPersons(persons, { key: order === 'plot' ? 'plot' : 'fullName', dir: 'asc' });
}
