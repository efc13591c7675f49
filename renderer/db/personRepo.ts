/**
 * The registry's writes. Each runs in one read-write transaction together with its audit entry
 * (renderer/audit/auditLog): a change is never stored without the record of who made it, and the reverse.
 * An import is logged as one `import.registry` entry with its counts and the people it added, changed
 * (fields before → after) and removed, not one entry per row.
 */
import type { PartnershipKind, Person } from '../../shared/domain/types';
import { importAuditPeople } from '../../shared/registry/importAuditPeople';
import { auditedWrite } from './auditedWrite';
import { getOperator } from '../app/operator';
import { newId, type GolosDb } from './db';
import { fromPersonRecord, toPersonRecord } from './personRecord';

export async function listPersons(db: GolosDb): Promise<Person[]> {
  const records = await db.persons.toArray();
  return records.map(fromPersonRecord);
}

export async function countPersons(db: GolosDb): Promise<number> {
  return db.persons.count();
}

/** Adds a person (empty id) or replaces the stored one with the same id. */
export async function savePerson(db: GolosDb, person: Person): Promise<Person> {
  const actor = await getOperator(db);
  return auditedWrite(db, [db.persons], async (audit) => {
    const now = new Date().toISOString();
    const existing = person.id ? await db.persons.get(person.id) : undefined;
    const saved: Person = {
      ...person,
      id: person.id || newId(),
      createdAt: existing?.createdAt ?? person.createdAt ?? now,
      updatedAt: now,
    };
    await db.persons.put(toPersonRecord(saved));
    await audit({
      actor,
      action: existing ? 'person.update' : 'person.create',
      entity: 'person',
      entityId: saved.id,
      ...(existing ? { before: fromPersonRecord(existing) } : {}),
      after: saved,
    });
    return saved;
  });
}

/** Removes a person and returns the stored record as it was, so `restorePerson` can undo exactly. */
export async function removePerson(db: GolosDb, id: string): Promise<Person | undefined> {
  const actor = await getOperator(db);
  return auditedWrite(db, [db.persons], async (audit) => {
    const record = await db.persons.get(id);
    if (!record) return undefined;
    const removed = fromPersonRecord(record);
    await db.persons.delete(id);
    await audit({
      actor,
      action: 'person.delete',
      entity: 'person',
      entityId: id,
      before: removed,
    });
    return removed;
  });
}

/** Puts back a removed person exactly as `removePerson` returned it (same id and timestamps). */
export async function restorePerson(db: GolosDb, person: Person): Promise<void> {
  const actor = await getOperator(db);
  await auditedWrite(db, [db.persons], async (audit) => {
    const existing = await db.persons.get(person.id);
    await db.persons.put(toPersonRecord(person));
    await audit({
      actor,
      action: 'person.restore',
      entity: 'person',
      entityId: person.id,
      ...(existing ? { before: fromPersonRecord(existing) } : {}),
      after: person,
    });
  });
}

/** What an import writes: new persons, stored persons with new values (same id), persons to remove. */
export interface RegistryChanges {
  added: Person[];
  changed: { before: Person; after: Person }[];
  removed: Person[];
  /** Name of the imported file, for the audit trail. */
  source?: string;
  /** Says «участок» or «помещение» in the audit trail (default СНТ). */
  kind?: PartnershipKind;
}

export interface AppliedChanges {
  added: number;
  changed: number;
  removed: number;
  /** The persons written (added with their new ids, changed), as stored. */
  written: Person[];
  removedIds: string[];
}

/** Applies an import in one transaction: either every change (and its audit entry) is stored or none is. */
export async function applyRegistryChanges(db: GolosDb, changes: RegistryChanges): Promise<AppliedChanges> {
  const actor = await getOperator(db);
  return auditedWrite(db, [db.persons], async (audit) => {
    const now = new Date().toISOString();
    const added = changes.added.map((p): Person => ({ ...p, id: newId(), createdAt: now, updatedAt: now }));
    const changed = changes.changed.map(({ before, after }): Person => ({
      ...after,
      id: before.id,
      createdAt: before.createdAt ?? now,
      updatedAt: now,
    }));
    const written = [...added, ...changed];
    const removedIds = changes.removed.map((p) => p.id);
    const personsBefore = await db.persons.count();
    await db.persons.bulkPut(written.map(toPersonRecord));
    await db.persons.bulkDelete(removedIds);
    const counts = { added: added.length, changed: changed.length, removed: removedIds.length };
    await audit({
      actor,
      action: 'import.registry',
      entity: 'registry',
      entityId: changes.source ?? '',
      before: { persons: personsBefore },
      after: {
        ...counts,
        persons: await db.persons.count(),
        people: importAuditPeople(added, changes.changed, changes.removed, changes.kind),
      },
    });
    return { ...counts, written, removedIds };
  });
}
