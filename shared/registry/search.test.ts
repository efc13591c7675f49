import { makePersons } from '../../test/fixtures/persons';
import type { Person } from '../domain/types';
import { buildRegistryIndex, searchRegistry } from './search';

const p = (fullName: string, plots: string[], snils?: string): Person => ({
  id: fullName,
  fullName,
  status: 'member',
  holdings: plots.map((plotNumber) => ({ plotNumber })),
  ...(snils ? { snils } : {}),
});

const people = [
  p('Петров Иван Сергеевич', ['12'], '11223344595'),
  p('Иванова Алёна Петровна', ['120', '5'], '90000009100'),
  p('Иванов Пётр Иванович', ['3']),
  p('Семёнова Мария Ивановна', ['112', '12а']),
  p('Сидоров Олег Павлович', ['1']),
];
const index = buildRegistryIndex(people);
const names = (q: string, limit?: number): string[] =>
  searchRegistry(index, q, limit).map((h) => h.person.fullName);

describe('searchRegistry', () => {
  it('finds by the start of any name word, surname matches first, ignoring case and ё', () => {
    expect(names('иван')).toEqual([
      'Иванов Пётр Иванович',
      'Иванова Алёна Петровна',
      'Петров Иван Сергеевич',
      'Семёнова Мария Ивановна',
    ]);
    expect(names('Семен')).toEqual(['Семёнова Мария Ивановна']);
    expect(names('петр')).toEqual([
      'Петров Иван Сергеевич',
      'Иванов Пётр Иванович',
      'Иванова Алёна Петровна',
    ]);
    expect(names('ИВАН  пет')).toEqual([
      'Иванов Пётр Иванович',
      'Иванова Алёна Петровна',
      'Петров Иван Сергеевич',
    ]);
    expect(names('вано')).toEqual([]);
  });

  it('finds a plot number exactly first, then plots starting with it', () => {
    const hits = searchRegistry(index, '12');
    expect(hits.map((h) => [h.person.fullName, h.by, h.plotNumber])).toEqual([
      ['Петров Иван Сергеевич', 'plot', '12'],
      ['Иванова Алёна Петровна', 'plot', '120'],
      ['Семёнова Мария Ивановна', 'plot', '12а'],
    ]);
    expect(names('12а')).toEqual(['Семёнова Мария Ивановна']);
    expect(names('1')[0]).toBe('Сидоров Олег Павлович');
    expect(names('иванова 5')).toEqual(['Иванова Алёна Петровна']);
  });

  it('finds by СНИЛС with or without dashes', () => {
    expect(searchRegistry(index, '112-233').map((h) => [h.person.fullName, h.by])).toEqual([
      ['Петров Иван Сергеевич', 'snils'],
    ]);
    expect(names('11223344595')).toEqual(['Петров Иван Сергеевич']);
    expect(names('900 000 091')).toEqual(['Иванова Алёна Петровна']);
    expect(names('112')).toEqual(['Семёнова Мария Ивановна', 'Петров Иван Сергеевич']);
  });

  it('gives everyone in name order for an empty query, and honours the limit', () => {
    expect(names('')).toEqual([
      'Иванов Пётр Иванович',
      'Иванова Алёна Петровна',
      'Петров Иван Сергеевич',
      'Семёнова Мария Ивановна',
      'Сидоров Олег Павлович',
    ]);
    expect(names('иван', 2)).toHaveLength(2);
    expect(searchRegistry(index, 'Сидоров')[0]!.index).toBe(4);
  });

  it('answers over 5,000 persons (speed is measured by the benchmark)', () => {
    const many = makePersons(5000, 3);
    const big = buildRegistryIndex(many);
    const target = many[4321]!;
    const hits = searchRegistry(big, target.fullName);
    expect(hits.map((h) => h.index)).toContain(4321);
    expect(searchRegistry(big, target.snils!)[0]!.index).toBe(4321);
  });
});
