import type { PartnershipKind, Person } from '../domain/types';
import { describePersonChange, personName } from './describeChange';
import { changedFields } from './diffRegistry';

/** One person of an import as its audit entry records it: id and name with plots. */
export interface AuditPerson {
  id: string;
  /** «Иванов Иван Иванович (участок 12)» */
  name: string;
}

/** Who an import added, changed (each field: before → after, in Russian) and removed. */
export interface ImportAuditPeople {
  added: AuditPerson[];
  changed: (AuditPerson & { fields: string[]; changes: string[] })[];
  removed: AuditPerson[];
}

/** The people of an import for its audit entry (as stored: added with their new ids). */
export function importAuditPeople(
  added: readonly Person[],
  changed: readonly { before: Person; after: Person }[],
  removed: readonly Person[],
  kind: PartnershipKind = 'snt',
): ImportAuditPeople {
  const who = (p: Person): AuditPerson => ({ id: p.id, name: personName(p, kind) });
  return {
    added: added.map(who),
    changed: changed.map(({ before, after }) => {
      const fields = changedFields(before, after);
      return { ...who(before), fields, changes: describePersonChange(before, after, fields, kind) };
    }),
    removed: removed.map(who),
  };
}
