import type { Person } from '../../shared/domain/types';
import { plotKey } from '../../shared/registry/fieldValues';
import { normalizeName } from '../../shared/text/normalizeName';

/** A person as stored: the domain Person plus the derived keys IndexedDB indexes. */
export interface PersonRecord extends Person {
  /** Normalised full name (case, ё, spaces), for exact-name lookups. */
  nameKey: string;
  /** Plot numbers of every holding in the registry's matching form (plotKey), multiEntry index. */
  plotNumbers: string[];
}

export function toPersonRecord(person: Person): PersonRecord {
  const { nameKey: _n, plotNumbers: _p, ...rest } = person as Person & Partial<PersonRecord>;
  return {
    ...rest,
    nameKey: normalizeName(person.fullName),
    plotNumbers: [...new Set(person.holdings.map((h) => plotKey(h.plotNumber)).filter(Boolean))],
  };
}

export function fromPersonRecord(record: PersonRecord): Person {
  const { nameKey: _n, plotNumbers: _p, ...person } = record;
  return person;
}
