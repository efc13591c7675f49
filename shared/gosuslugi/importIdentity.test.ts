import type { Ballot, Mark, Person } from '../domain/types';
import { contentHash, describeGosuslugiDiff, diffGosuslugiImports, reimportProblem } from './importIdentity';

const ballot = (personId: string, row: number, marks: Record<number, Mark>, file = 'g.xlsx'): Ballot => ({
  id: `${file}:${row}`,
  channel: 'gosuslugi',
  voter: { personId },
  copy: 'original',
  receivedAt: '2026-06-14',
  delivery: 'platform',
  voidReasons: [],
  marks,
  source: `${file}:${row}`,
});
const persons: Person[] = ['a', 'b', 'c', 'd'].map((id) => ({
  id,
  fullName: `Участник ${id.toUpperCase()}`,
  status: 'member',
  holdings: [],
}));

describe('contentHash and re-import', () => {
  it('is the SHA-256 of the bytes', () => {
    expect(contentHash(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(contentHash(new Uint8Array([1, 2, 3]))).not.toBe(contentHash(new Uint8Array([1, 2, 4])));
  });

  it('politely refuses the same content again, whatever the file is called', () => {
    const bytes = new TextEncoder().encode('ФИО;Вопрос 1\r\nИванов;за\r\n');
    const hash = contentHash(bytes);
    const previous = [{ contentHash: hash, fileName: 'итоги.csv', importedAt: '2026-06-15T10:00:00Z' }];
    expect(reimportProblem(hash, 'итоги (1).csv', previous)).toEqual({
      code: 'gosuslugi_already_imported',
      severity: 'error',
      file: 'итоги (1).csv',
      message:
        'Файл «итоги (1).csv» уже импортирован 15 июня 2026 г. под именем «итоги.csv»: тот же файл второй раз не загружается. ' +
        'Если платформа прислала исправленный файл, загрузите его — он заменит прежний импорт.',
    });
    expect(
      reimportProblem(hash, 'итоги.csv', [{ contentHash: hash, fileName: 'итоги.csv' }])?.message,
    ).toMatch(/^Файл «итоги\.csv» уже импортирован: /);
    expect(reimportProblem(contentHash(new Uint8Array([0])), 'x.csv', previous)).toBeNull();
  });
});

describe('diffGosuslugiImports', () => {
  const before = [
    ballot('a', 2, { 1: 'for', 2: 'for' }),
    ballot('b', 3, { 1: 'against', 2: 'none' }),
    ballot('c', 4, { 1: 'for', 2: 'abstain' }),
  ];

  it('lists added and removed persons and changed answers per question', () => {
    const after = [
      ballot('a', 2, { 1: 'for', 2: 'for' }, 'g2.xlsx'),
      ballot('c', 3, { 1: 'against', 2: 'abstain' }, 'g2.xlsx'),
      ballot('d', 4, { 1: 'for', 2: 'for' }, 'g2.xlsx'),
    ];
    const diff = diffGosuslugiImports(before, after);
    expect(diff.added.map((b) => b.voter.personId)).toEqual(['d']);
    expect(diff.removed.map((b) => b.voter.personId)).toEqual(['b']);
    expect(diff.changed.map((c) => [c.personId, c.marks])).toEqual([
      ['c', [{ question: 1, before: 'for', after: 'against' }]],
    ]);
    expect(diff.unchanged).toBe(1);
    expect(diff.same).toBe(false);
    expect(describeGosuslugiDiff(diff, persons)).toEqual([
      'Добавится 1 бюллетень, уберётся 1 бюллетень, изменится 1 бюллетень, без изменений 1 бюллетень.',
      'Добавится: Участник D (g2.xlsx:4).',
      'Уберётся: Участник B (g.xlsx:3).',
      'Изменится: Участник C (g2.xlsx:3) — вопрос 1: «За» → «Против».',
    ]);
  });

  it('is empty for the same ballots in another order, and pairs a person’s two rows in file order', () => {
    const same = diffGosuslugiImports(before, [...before].reverse());
    expect(same).toMatchObject({ same: true, unchanged: 3 });
    expect(describeGosuslugiDiff(same)).toEqual(['Исправленный файл ничего не меняет.']);
    const twice = [...before, ballot('a', 9, { 1: 'against', 2: 'for' })];
    const fewer = diffGosuslugiImports(twice, before);
    expect(fewer.removed.map((b) => b.source)).toEqual(['g.xlsx:9']);
    expect(fewer.unchanged).toBe(3);
    const back = diffGosuslugiImports(before, twice);
    expect(back.added.map((b) => b.source)).toEqual(['g.xlsx:9']);
  });

  it('treats a missing answer as none and notices a changed date', () => {
    const diff = diffGosuslugiImports(
      [ballot('a', 2, { 1: 'for' })],
      [{ ...ballot('a', 2, { 1: 'for', 2: 'none' }), receivedAt: '2026-06-13' }],
    );
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]!.marks).toEqual([]);
    expect(describeGosuslugiDiff(diff, persons)[1]).toBe(
      'Изменится: Участник A (g.xlsx:2) — дата: 14 июня 2026 г. → 13 июня 2026 г.',
    );
  });
});
