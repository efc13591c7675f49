import type { ImportAuditPeople } from '../../shared/registry/importAuditPeople';
import type { Person } from '../../shared/domain/types';
import { setOperator } from '../app/operator';
import { checkAuditChain, readChain } from '../audit/auditLog';
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

describe('personRepo: the audit trail', () => {
  it('logs each change with who, before and after, in the same transaction', async () => {
    const db = freshDb();
    await setOperator(db, 'Иванова Мария');
    const added = await savePerson(db, base);
    const edited = await savePerson(db, { ...added, fullName: 'Петров Пётр Петрович' });
    const removed = await removePerson(db, added.id);
    await restorePerson(db, removed!);
    const all = await readChain(db);
    expect(all[0]).toMatchObject({ action: 'operator.change', actor: 'Иванова Мария' });
    const chain = all.filter((e) => e.entity === 'person');
    expect(chain.map((e) => [e.action, e.entityId, e.actor])).toEqual([
      ['person.create', added.id, 'Иванова Мария'],
      ['person.update', added.id, 'Иванова Мария'],
      ['person.delete', added.id, 'Иванова Мария'],
      ['person.restore', added.id, 'Иванова Мария'],
    ]);
    expect(chain[0]!.before).toBeUndefined();
    expect(chain[1]).toMatchObject({
      before: { fullName: 'Петров Пётр' },
      after: { fullName: 'Петров Пётр Петрович', updatedAt: edited.updatedAt },
    });
    // Stored without the derived index keys: the person as the user knows it.
    expect(chain[1]!.after).not.toHaveProperty('nameKey');
    expect(chain[2]).toMatchObject({ before: { fullName: 'Петров Пётр Петрович' } });
    expect(chain[2]!.after).toBeUndefined();
    expect(await checkAuditChain(db)).toMatchObject({ intact: true, count: 5 });
  });

  it('logs an import as one entry with its counts, and nothing when the import fails', async () => {
    const db = freshDb();
    const keep = await savePerson(db, base);
    const gone = await savePerson(db, { ...base, fullName: 'Сидоров' });
    await applyRegistryChanges(db, {
      added: [1, 2, 3].map((n) => ({ ...base, fullName: `Новиков ${n}` })),
      changed: [{ before: keep, after: { ...keep, phone: '+7 900 000-00-00' } }],
      removed: [gone],
      source: 'реестр 2026.xlsx',
    });
    const chain = await readChain(db);
    expect(chain).toHaveLength(3);
    expect(chain[2]).toMatchObject({
      action: 'import.registry',
      entity: 'registry',
      entityId: 'реестр 2026.xlsx',
      before: { persons: 2 },
      after: { added: 3, changed: 1, removed: 1, persons: 4 },
    });
    // And who: the added with their new ids, the changed with each field before → after, the removed.
    const people = (chain[2]!.after as { people: ImportAuditPeople }).people;
    const stored = await listPersons(db);
    expect(people.added.map((p) => [p.name, stored.find((s) => s.id === p.id)?.fullName])).toEqual(
      [1, 2, 3].map((n) => [`Новиков ${n} (участок 1)`, `Новиков ${n}`]),
    );
    expect(people.changed).toEqual([
      {
        id: keep.id,
        name: 'Петров Пётр (участок 1)',
        fields: ['phone'],
        changes: ['Телефон: — → +7 900 000-00-00'],
      },
    ]);
    expect(people.removed).toEqual([{ id: gone.id, name: 'Сидоров (участок 1)' }]);

    const broken = { ...base, fullName: 'Broken', note: (() => 1) as unknown as string };
    await expect(applyRegistryChanges(db, { added: [broken], changed: [], removed: [] })).rejects.toThrow();
    expect(await readChain(db)).toHaveLength(3);
  });
});
