import type { Person } from '../domain/types';
import { findVoter, indexVoters, lookupVoters } from './voterIndex';

const person = (id: string, fullName: string, snils: string | undefined, cadastral: string[]): Person => ({
  id,
  fullName,
  ...(snils ? { snils } : {}),
  status: 'member',
  holdings: cadastral.map((c, i) => ({ plotNumber: `${id}-${i}`, cadastralNumber: c })),
});

const registry: Person[] = [
  person('a', 'Семёнова Марина Викторовна', '11223344595', ['50:18:0080301:101']),
  person('b', 'Петров Пётр Петрович', '08765432102', ['50:18:0080301:102', '50:18:0080301:103']),
  // Co-owners of one plot; two persons with one name.
  person('c', 'Орлов Олег Олегович', undefined, ['50:18:0080301:104']),
  person('d', 'Орлова Ольга Олеговна', undefined, ['50:18:0080301:104']),
  person('e', 'Орлов Олег Олегович', undefined, ['50:18:0080301:105']),
];
const ix = indexVoters(registry);
const id = (r: ReturnType<typeof findVoter>): string | undefined =>
  r.status === 'matched' ? registry[r.index]!.id : undefined;

describe('findVoter', () => {
  it('tries СНИЛС, then cadastral number, then the normalised name', () => {
    const order = ['snils', 'cadastral', 'name'] as const;
    expect(findVoter(ix, { snils: '112-233-445 95', fullName: 'Петров Пётр Петрович' }, order)).toEqual({
      status: 'matched',
      index: 0,
      by: 'snils',
    });
    expect(id(findVoter(ix, { snils: '99999999999', cadastralNumber: '50:18:0080301:103' }, order))).toBe(
      'b',
    );
    const byName = findVoter(ix, { snils: '99999999999', fullName: '  СЕМЕНОВА марина  викторовна' }, order);
    expect(byName).toEqual({ status: 'matched', index: 0, by: 'name' });
  });

  it('reads a СНИЛС that lost its leading zero in Excel', () => {
    expect(id(findVoter(ix, { snils: '8765432102' }))).toBe('b');
  });

  it('goes past an ambiguous key and reports its candidates only when nothing else names one person', () => {
    // The shared plot names c and d; the name then names d alone.
    const r = findVoter(ix, { cadastralNumber: '50:18:0080301:104', fullName: 'Орлова Ольга Олеговна' });
    expect(r).toEqual({ status: 'matched', index: 3, by: 'name' });
    expect(findVoter(ix, { cadastralNumber: '50:18:0080301:104', fullName: 'Орлов Олег Олегович' })).toEqual({
      status: 'ambiguous',
      by: 'cadastral',
      candidates: [2, 3],
    });
    expect(findVoter(ix, { fullName: 'орлов олег олегович' })).toEqual({
      status: 'ambiguous',
      by: 'name',
      candidates: [2, 4],
    });
  });

  it('tells a stranger from a row naming no one, and honours the key order given', () => {
    expect(findVoter(ix, { snils: '99999999999', fullName: 'Никто' })).toEqual({ status: 'not_found' });
    expect(findVoter(ix, { fullName: '  ' })).toEqual({ status: 'no_details' });
    expect(findVoter(ix, { plotNumber: 'a-0' })).toEqual({ status: 'matched', index: 0, by: 'plot' });
    expect(findVoter(ix, { plotNumber: 'a-0' }, ['snils', 'cadastral', 'name'])).toEqual({
      status: 'no_details',
    });
    expect(findVoter(ix, { personId: 'e', snils: '11223344595' })).toEqual({
      status: 'matched',
      index: 4,
      by: 'id',
    });
  });

  it('looks up a list of cadastral numbers as the persons holding any of them', () => {
    expect(lookupVoters(ix, 'cadastral', '50:18:0080301:105; 50 : 18:0080301:101')).toEqual([0, 4]);
    expect(lookupVoters(ix, 'cadastral', '50:18:0080301:102,50:18:0080301:103')).toEqual([1]);
    expect(lookupVoters(ix, 'snils', '')).toEqual([]);
  });

  it('indexes each key in its normal form, and no СНИЛС that fails its checksum', () => {
    const reg: Person[] = [
      // 112-233-445 96: the check number of 112-233-445 is 95, so this one is «не проверен».
      person('x', 'Ёлкин  Пётр', '11223344596', []),
      {
        ...person('y', 'Ёлкина Анна', '08765432102', []),
        holdings: [{ plotNumber: 'уч. № 12', cadastralNumber: ' 50:18:0080301:202 ' }],
      },
    ];
    const rx = indexVoters(reg);
    expect(findVoter(rx, { snils: '11223344596' })).toEqual({ status: 'not_found' });
    expect(findVoter(rx, { snils: '087-654-321 02' })).toEqual({ status: 'matched', index: 1, by: 'snils' });
    expect(findVoter(rx, { plotNumber: '12' })).toEqual({ status: 'matched', index: 1, by: 'plot' });
    expect(findVoter(rx, { cadastralNumber: '50:18:0080301:202' })).toEqual({
      status: 'matched',
      index: 1,
      by: 'cadastral',
    });
    expect(findVoter(rx, { fullName: 'елкин петр' })).toEqual({ status: 'matched', index: 0, by: 'name' });
  });
});
