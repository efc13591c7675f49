import type { PersonStatus } from '../domain/types';
import { parseRegistry } from './parseRegistry';
import { parseStatusCell, STATUS_VOCABULARY, statusValueKey } from './statusVocabulary';

// What each value means, written out by hand (not read back from STATUS_VOCABULARY).
const EXPECTED: [string, PersonStatus][] = [
  ['член', 'member'],
  ['член СНТ', 'member'],
  ['член товарищества', 'member'],
  ['член ТСН', 'member'],
  ['является членом', 'member'],
  ['да', 'member'],
  ['+', 'member'],
  ['ч', 'member'],
  ['не член', 'gardener'],
  ['н/ч', 'gardener'],
  ['нет', 'gardener'],
  ['без членства', 'gardener'],
  ['садовод без членства', 'gardener'],
  ['садовод (не член)', 'gardener'],
  ['инд.', 'gardener'],
  ['индивидуал', 'gardener'],
  ['ИС', 'gardener'],
  ['индивидуальный садовод', 'gardener'],
  ['ведущий садоводство без участия в товариществе', 'gardener'],
  ['собственник', 'gardener'],
  ['правообладатель', 'gardener'],
];

describe('the built-in status vocabulary', () => {
  it.each(EXPECTED)('reads «%s» as %s', (text, status) => {
    expect(parseStatusCell(text, 'snt')).toBe(status);
  });

  it('has exactly the entries checked above', () => {
    expect(STATUS_VOCABULARY.map((e) => [e.text, e.status])).toEqual(EXPECTED);
  });

  it.each([
    ['Н/Ч', 'gardener'],
    ['  ИНД ', 'gardener'],
    ['и.с.', 'gardener'],
    ['Садовод (не член)', 'gardener'],
    ['Член', 'member'],
    ['Да', 'member'],
    ['НЕТ', 'gardener'],
  ] as const)('does not mind case, spaces and dots: «%s»', (text, status) => {
    expect(parseStatusCell(text, 'snt')).toBe(status);
  });

  it('knows nothing of values it was not told, nor of an empty cell', () => {
    expect(parseStatusCell('председатель', 'snt')).toBeNull();
    expect(parseStatusCell('арендатор', 'snt')).toBeNull();
    expect(parseStatusCell('', 'snt')).toBeNull();
  });

  it('takes the user’s mappings first, an empty cell included', () => {
    const learned = {
      [statusValueKey('Председатель')]: 'member',
      [statusValueKey('нет')]: 'member',
    } as const;
    expect(parseStatusCell('председатель', 'snt', learned)).toBe('member');
    expect(parseStatusCell('нет', 'snt', learned)).toBe('member');
    expect(parseStatusCell('', 'snt', { '': 'gardener' })).toBe('gardener');
  });

  it('makes everyone an owner in an apartment building', () => {
    expect(parseStatusCell('н/ч', 'mkd')).toBe('owner');
  });
});

describe('parseRegistry with status values', () => {
  const rows = [
    ['ФИО', 'Участок', 'Член СНТ (да/нет)'],
    ['Иванов Иван', '1', 'да'],
    ['Петров Пётр', '2', 'нет'],
    ['Сидоров Сидор', '3', 'арендатор'],
    ['Козлов Павел', '4', 'Арендатор'],
    ['Орлов Олег', '5', ''],
  ];
  const table = { fileName: 'реестр.csv', rows };

  it('maps a «Член СНТ (да/нет)» column and lists each unknown value once with its rows', () => {
    const imp = parseRegistry(table, { kind: 'snt' });
    expect(imp.mapping.status).toBe(2);
    expect(imp.persons.slice(0, 2).map((p) => p.status)).toEqual(['member', 'gardener']);
    expect(imp.unknownStatuses).toEqual([
      { text: 'арендатор', key: 'арендатор', rows: [4, 5] },
      { text: '', key: '', rows: [6] },
    ]);
    expect(imp.problems.map((p) => [p.code, p.row, p.severity])).toEqual([
      ['status_unknown', 4, 'error'],
      ['status_unknown', 5, 'error'],
      ['status_empty', 6, 'error'],
    ]);
  });

  it('reads the rows with the user’s mappings without a problem', () => {
    const imp = parseRegistry(table, { kind: 'snt', statusValues: { арендатор: 'gardener', '': 'member' } });
    expect(imp.unknownStatuses).toEqual([]);
    expect(imp.problems).toEqual([]);
    expect(imp.persons.map((p) => p.status)).toEqual([
      'member',
      'gardener',
      'gardener',
      'gardener',
      'member',
    ]);
  });
});
