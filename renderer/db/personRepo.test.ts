import type { Person } from '../../shared/domain/types';
import { GolosDb } from './db';
import {
  applyRegistryChanges,
  countPersons,
  listPersons,
  removePerson,
  restorePerson,
  savePerson,
} from './personRepo';

function freshDb(): GolosDb {
  return new GolosDb(`golos-test-${crypto.randomUUID()}`);
}

const base: Person = { id: '', fullName: 'Петров Пётр', status: 'member', holdings: [{ plotNumber: '1' }] };

describe('personRepo', () => {
  it('adds with a new id, edits in place, and keeps the creation time', async () => {
    const db = freshDb();
    const added = await savePerson(db, base);
    expect(added.id).toMatch(/^[0-9a-f-]{36}$/);
    const edited = await savePerson(db, { ...added, fullName: 'Петров Пётр Петрович' });
    expect(edited.createdAt).toBe(added.createdAt);
    const all = await listPersons(db);
    expect(all).toHaveLength(1);
    expect(all[0]?.fullName).toBe('Петров Пётр Петрович');
  });

  it('restores a removed person exactly as it was', async () => {
    const db = freshDb();
    const added = await savePerson(db, { ...base, snils: '11223344595', email: 'p@example.ru' });
    const removed = await removePerson(db, added.id);
    expect(await countPersons(db)).toBe(0);
    await restorePerson(db, removed!);
    expect(await listPersons(db)).toEqual([added]);
  });

  it('applies an import in one transaction and stores nothing when a write fails', async () => {
    const db = freshDb();
    const keep = await savePerson(db, base);
    const gone = await savePerson(db, { ...base, fullName: 'Сидоров' });
    const result = await applyRegistryChanges(db, {
      added: [{ ...base, fullName: 'Новиков' }],
      changed: [{ before: keep, after: { ...keep, id: '', phone: '+7 900 000-00-00' } }],
      removed: [gone],
    });
    expect(result).toMatchObject({ added: 1, changed: 1, removed: 1, removedIds: [gone.id] });
    const names = (await listPersons(db)).map((p) => p.fullName).sort();
    expect(names).toEqual(['Новиков', 'Петров Пётр']);
    expect((await db.persons.get(keep.id))?.phone).toBe('+7 900 000-00-00');

    // A record IndexedDB cannot store (a function is not cloneable) aborts the whole import.
    const broken = { ...base, fullName: 'Broken', note: (() => 1) as unknown as string };
    await expect(
      applyRegistryChanges(db, {
        added: [{ ...base, fullName: 'Ещё один' }, broken],
        changed: [],
        removed: [keep],
      }),
    ).rejects.toThrow();
    expect((await listPersons(db)).map((p) => p.fullName).sort()).toEqual(['Новиков', 'Петров Пётр']);
  });
});
