import { makePersons } from '../../test/fixtures/persons';
import type { Person } from '../domain/types';
import { diffRegistry } from './diffRegistry';
import { mappedPersonFields } from './registryFields';

const stored = (persons: Person[]): Person[] =>
  persons.map((p, i) => ({ ...p, id: `id${i}`, note: `заметка ${i}` }));
const incoming = (persons: Person[]): Person[] =>
  persons.map((p) => {
    const { note: _note, ...rest } = p;
    return { ...rest, id: '', holdings: p.holdings.map((h) => ({ ...h })) };
  });

describe('diffRegistry', () => {
  const base = makePersons(30, 7);

  it('finds nothing to do when the same registry comes again', () => {
    const d = diffRegistry(stored(base), incoming(base));
    expect(d).toEqual({ added: [], changed: [], removed: [], unchanged: 30 });
  });

  it('ignores the order of plots and how an area or share is written', () => {
    const two = base.find((p) => p.holdings.length === 2)!;
    const again = incoming([two]);
    again[0]!.holdings.reverse();
    again[0]!.holdings[0]!.area = again[0]!.holdings[0]!.area!.replace(/\.00$/, '');
    const d = diffRegistry(stored([two]), again);
    expect(d.unchanged).toBe(1);
    expect(
      diffRegistry(
        [{ ...two, holdings: [{ plotNumber: '1', share: '1/2' }] }],
        [{ ...two, holdings: [{ plotNumber: '1', share: '0,5' }] }],
      ).unchanged,
    ).toBe(1);
  });

  it('shows added, changed (keeping the stored id and note) and removed persons', () => {
    const old = stored(base);
    const next = incoming(base.slice(1));
    next[0]!.phone = '+7 900 000-00-00';
    next[1]!.status = next[1]!.status === 'member' ? 'gardener' : 'member';
    next[2]!.holdings = [...next[2]!.holdings, { plotNumber: '999' }];
    const extra = makePersons(1, 99)[0]!;
    next.push({ ...extra, id: '' });
    const d = diffRegistry(old, next);
    expect(d.added.map((p) => p.fullName)).toEqual([extra.fullName]);
    expect(d.removed.map((p) => p.id)).toEqual(['id0']);
    expect(d.changed.map((c) => [c.before.id, c.after.id, c.fields])).toEqual([
      ['id1', 'id1', ['phone']],
      ['id2', 'id2', ['status']],
      ['id3', 'id3', ['holdings']],
    ]);
    expect(d.changed[0]!.after.phone).toBe('+7 900 000-00-00');
    expect(d.changed[0]!.after.note).toBe('заметка 1');
    expect(d.unchanged).toBe(26);
  });

  it('matches by СНИЛС even when the name changed, and by name when the СНИЛС is new', () => {
    const old = stored(base.slice(0, 2));
    old[1]!.snils = undefined;
    const next = incoming(base.slice(0, 2));
    next[0]!.fullName = 'Новая Фамилия Отчество';
    const d = diffRegistry(old, next);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed.map((c) => [c.after.id, c.fields])).toEqual([
      ['id0', ['fullName']],
      ['id1', ['snils']],
    ]);
    expect(d.changed[1]!.after.snils).toBe(base[1]!.snils);
  });

  it('does not match two people with the same name but different СНИЛС', () => {
    const a: Person = {
      id: 'a',
      fullName: 'Иванов Иван',
      snils: '11223344595',
      status: 'member',
      holdings: [],
    };
    const b: Person = { ...a, id: '', snils: '90000009100' };
    const d = diffRegistry([a], [b]);
    expect(d.added).toHaveLength(1);
    expect(d.removed).toHaveLength(1);
  });

  it('matches by name when the stored СНИЛС failed its checksum and the file corrects it', () => {
    const a: Person = {
      id: 'a',
      fullName: 'Иванов Иван',
      snils: '11223344596',
      status: 'member',
      holdings: [],
    };
    const b: Person = { ...a, id: '', snils: '11223344595' };
    const d = diffRegistry([a], [b]);
    expect([d.added.length, d.removed.length]).toEqual([0, 0]);
    expect(d.changed.map((c) => [c.before.id, c.fields])).toEqual([['a', ['snils']]]);
  });

  it('leaves fields the file does not carry as stored', () => {
    const old = stored(base.slice(0, 1));
    const next = incoming(base.slice(0, 1));
    delete next[0]!.email;
    delete next[0]!.phone;
    const fields = mappedPersonFields({ fullName: 0, plotNumber: 1, snils: 2, status: 3, area: 4 }, 'snt');
    expect(diffRegistry(old, next, { fields }).unchanged).toBe(1);
    const all = diffRegistry(old, next);
    expect(all.changed[0]!.fields).toEqual(expect.arrayContaining(['phone']));
    expect(all.changed[0]!.after.phone).toBeUndefined();
  });
});
