import type { Person } from '../../shared/domain/types';
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
  return db.transaction('rw', db.persons, async () => {
    const now = new Date().toISOString();
    const existing = person.id ? await db.persons.get(person.id) : undefined;
    const saved: Person = {
      ...person,
      id: person.id || newId(),
      createdAt: existing?.createdAt ?? person.createdAt ?? now,
      updatedAt: now,
    };
    await db.persons.put(toPersonRecord(saved));
    return saved;
  });
}

/** Removes a person and returns the stored record as it was, so `restorePerson` can undo exactly. */
export async function removePerson(db: GolosDb, id: string): Promise<Person | undefined> {
  return db.transaction('rw', db.persons, async () => {
    const record = await db.persons.get(id);
    if (!record) return undefined;
    await db.persons.delete(id);
    return fromPersonRecord(record);
  });
}

/** Puts back a removed person exactly as `removePerson` returned it (same id and timestamps). */
export async function restorePerson(db: GolosDb, person: Person): Promise<void> {
  await db.transaction('rw', db.persons, async () => {
    await db.persons.put(toPersonRecord(person));
  });
}

/** What an import writes: new persons, stored persons with new values (same id), persons to remove. */
export interface RegistryChanges {
  added: Person[];
  changed: { before: Person; after: Person }[];
  removed: Person[];
}

export interface AppliedChanges {
  added: number;
  changed: number;
  removed: number;
  /** The persons written (added with their new ids, changed), as stored. */
  written: Person[];
  removedIds: string[];
}

/** Applies an import in one transaction: either every change is stored or none is. */
export async function applyRegistryChanges(db: GolosDb, changes: RegistryChanges): Promise<AppliedChanges> {
  return db.transaction('rw', db.persons, async () => {
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
    await db.persons.bulkPut(written.map(toPersonRecord));
    await db.persons.bulkDelete(removedIds);
    return { added: added.length, changed: changed.length, removed: removedIds.length, written, removedIds };
  });
}
