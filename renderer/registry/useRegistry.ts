import { useCallback, useEffect, useState } from 'react';
import type { Person } from '../../shared/domain/types';
import type { GolosDb } from '../db/db';
import {
  applyRegistryChanges,
  listPersons,
  removePerson,
  restorePerson,
  savePerson,
  type AppliedChanges,
  type RegistryChanges,
} from '../db/personRepo';

export interface Registry {
  /** null while loading from the database. */
  persons: Person[] | null;
  save(person: Person): Promise<Person>;
  remove(id: string): Promise<Person | undefined>;
  restore(person: Person): Promise<void>;
  applyImport(changes: RegistryChanges): Promise<AppliedChanges>;
}

/**
 * The registry held in memory for the screen: loaded once from IndexedDB, then kept in step with each
 * write (the write goes to the database first; memory changes only when it succeeded).
 */
export function useRegistry(db: GolosDb): Registry {
  const [persons, setPersons] = useState<Person[] | null>(null);

  useEffect(() => {
    let live = true;
    void listPersons(db).then((list) => {
      if (live) setPersons(list);
    });
    return () => {
      live = false;
    };
  }, [db]);

  const save = useCallback(
    async (person: Person) => {
      const saved = await savePerson(db, person);
      setPersons((list) => {
        const rest = (list ?? []).filter((p) => p.id !== saved.id);
        return [...rest, saved];
      });
      return saved;
    },
    [db],
  );

  const remove = useCallback(
    async (id: string) => {
      const removed = await removePerson(db, id);
      setPersons((list) => (list ?? []).filter((p) => p.id !== id));
      return removed;
    },
    [db],
  );

  const restore = useCallback(
    async (person: Person) => {
      await restorePerson(db, person);
      setPersons((list) => [...(list ?? []).filter((p) => p.id !== person.id), person]);
    },
    [db],
  );

  const applyImport = useCallback(
    async (changes: RegistryChanges) => {
      const applied = await applyRegistryChanges(db, changes);
      const replaced = new Set([...applied.removedIds, ...applied.written.map((p) => p.id)]);
      setPersons((list) => [...(list ?? []).filter((p) => !replaced.has(p.id)), ...applied.written]);
      return applied;
    },
    [db],
  );

  return { persons, save, remove, restore, applyImport };
}
