import { headerColumns, questionNumberOfHeader, questionOfColumn } from './headerColumns';

describe('questionNumberOfHeader', () => {
  it('reads the number at the start: Вопрос 1, 1., №1, Вопрос №1., 1) and a bare number', () => {
    const cases: [string, number, string][] = [
      ['Вопрос 1', 1, ''],
      ['1.', 1, ''],
      ['№1', 1, ''],
      ['Вопрос №1.', 1, ''],
      ['вопрос № 12: Об избрании', 12, 'Об избрании'],
      ['3) О смете', 3, 'О смете'],
      ['7', 7, ''],
      ['2. Об утверждении сметы', 2, 'Об утверждении сметы'],
    ];
    for (const [text, number, rest] of cases) expect(questionNumberOfHeader(text)).toEqual({ number, rest });
  });

  it('does not take sub-items, years or words', () => {
    for (const text of ['1.5', '2026 год', 'СНИЛС', 'Об избрании 1 члена', '1-й вопрос', 'Вопросы']) {
      expect(questionNumberOfHeader(text)).toBeNull();
    }
  });
});

describe('headerColumns', () => {
  const table = {
    fileName: 'x.xlsx',
    rows: [
      ['Участник', 'Участник', 'Результаты', 'Результаты', 'Дата'],
      ['ФИО', 'СНИЛС', 'Вопрос 1', '2. О смете', 'Дата'],
      ['ФИО', 'СНИЛС', 'Об избрании', '', 'Дата'],
    ],
  };

  it('joins the header rows, keeps a vertical merge once and marks group titles spread across', () => {
    const cols = headerColumns(table, 1, 3);
    expect(cols.map((c) => c.header)).toEqual([
      'Участник ФИО',
      'Участник СНИЛС',
      'Результаты Вопрос 1 Об избрании',
      'Результаты 2. О смете',
      'Дата',
    ]);
    expect(cols.map((c) => c.label)).toEqual(['ФИО', 'СНИЛС', 'Вопрос 1 Об избрании', '2. О смете', 'Дата']);
  });

  it('takes the question number from an own part and the wording after it or below it', () => {
    const cols = headerColumns(table, 1, 3);
    expect(questionOfColumn(cols[2]!)).toEqual({ number: 1, wording: 'Об избрании', numberText: 'Вопрос 1' });
    expect(questionOfColumn(cols[3]!)).toEqual({ number: 2, wording: 'О смете', numberText: '2. О смете' });
    expect(questionOfColumn(cols[0]!)).toBeNull();
  });
});
