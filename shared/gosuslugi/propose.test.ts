import { exportTable, gosuslugiAgenda, gosuslugiLayouts } from '../../test/fixtures/gosuslugiExports';
import type { Table } from '../spreadsheet/table';
import { layoutSignature, markQuestionAbsent, roleOfColumn, setColumnRole } from './mapping';
import { proposeGosuslugiMapping, type GosuslugiProposal } from './propose';
import { checkMapping, columnLetter } from './checkMapping';
import { headerColumns } from './headerColumns';

const layouts = gosuslugiLayouts(1);

function propose(table: Table, agenda = gosuslugiAgenda(5), opts = {}): GosuslugiProposal {
  const r = proposeGosuslugiMapping(table, agenda, opts);
  if (!r.ok) throw new Error(r.error[0]!.message);
  return r.value;
}
const codes = (p: GosuslugiProposal) => p.problems.map((x) => `${x.severity}:${x.code}`);

describe('proposeGosuslugiMapping on the fixture layouts', () => {
  it.each(layouts.map((l) => [l.fileName, l] as const))('%s: header rows and every column', async (_n, l) => {
    const table = await exportTable(l);
    const p = propose(table, l.agenda);
    expect([p.mapping.firstHeaderRow, p.mapping.headerRow]).toEqual([l.firstHeaderRow, l.headerRow]);
    expect(p.columns.map((c) => c.role)).toEqual(
      l.columns.map((c) => (c.kind === 'question' ? { kind: 'question', number: c.number } : c)),
    );
    l.columns.forEach((c, i) => {
      if (c.kind !== 'question') return;
      const col = p.columns[i]!;
      if (c.by === 'number') {
        expect(col.confidence).toBe(1);
        expect(col.reason).toMatch(/^номер в начале заголовка/);
      } else {
        expect(col.confidence).toBeGreaterThanOrEqual(0.6);
        expect(col.reason).toMatch(/^формулировка похожа на вопрос \d+ на \d+%$/);
      }
      expect(col.looksLikeVotes).toBe(true);
    });
    expect(p.problems).toEqual([]);
    expect(p.remembered).toBe(false);
    expect(p.sampleRows[0]).toBe(l.headerRow + 1);
  });

  it('tells how sure it is of a field: exact name, or a name inside a longer header', async () => {
    const p = propose(await exportTable(layouts[0]!), layouts[0]!.agenda);
    expect(p.columns[1]).toMatchObject({ header: 'ФИО участника', confidence: 1 });
    const t: Table = { fileName: 't.csv', rows: [['Фамилия, имя, отчество голосовавшего', 'Вопрос 1']] };
    const col = propose(t, gosuslugiAgenda(1)).columns[0]!;
    expect(col.role).toEqual({ kind: 'field', field: 'fullName' });
    expect(col.confidence).toBeCloseTo(0.8, 10); // 3 of the header's 4 words
    expect(col.reason).toBe('в названии столбца есть слова, означающие «ФИО»');
  });
});

describe('questions: number first, then wording', () => {
  it('finds all 30 questions of an agenda by wording alone, in any column order', () => {
    const agenda = gosuslugiAgenda(30);
    const order = [...agenda].reverse();
    order.push(order.splice(7, 1)[0]!); // not simply reversed
    const t: Table = {
      fileName: 'w.xlsx',
      rows: [
        ['ФИО', ...order.map((q) => q.text)],
        ['Иванов', ...order.map(() => 'за')],
      ],
    };
    const p = propose(t, agenda);
    order.forEach((q, i) => expect(p.mapping.questions[q.number]).toBe(i + 1));
    expect(p.problems).toEqual([]);
  });

  it('takes the number over the wording, and warns when the wording names another question', () => {
    const agenda = gosuslugiAgenda(3);
    const t: Table = {
      fileName: 'n.xlsx',
      rows: [
        ['ФИО', `1. ${agenda[0]!.text}`, `3. ${agenda[1]!.text}`, agenda[2]!.text],
        ['Иванов', 'за', 'за', 'против'],
      ],
    };
    const p = propose(t, agenda);
    expect(p.mapping.questions).toEqual({ 1: 1, 3: 2 });
    expect(p.columns[2]!.confidence).toBe(0.5);
    expect(p.columns[2]!.reason).toBe(
      'номер в начале заголовка: «3. Об избрании членов счётной комиссии», но формулировка похожа на вопрос 2',
    );
    // The last column reads like question 3, which the number gave away: question 2 stays without a
    // column until the user decides.
    expect(p.columns[3]).toMatchObject({ role: { kind: 'extra' }, looksLikeVotes: true });
    expect(codes(p)).toEqual(['warning:gosuslugi_number_wording_differ', 'error:question_column_missing']);
    expect(p.problems[0]!.message).toBe(
      'Столбец «3. Об избрании членов счётной комиссии»: номер вопроса 3, а формулировка похожа на вопрос 2 (100%). Проверьте сопоставление.',
    );
  });

  it('leaves a number not on the agenda and a second column of one question unused, with warnings', () => {
    const t: Table = {
      fileName: 'x.xlsx',
      rows: [
        ['ФИО', 'Вопрос 1', 'Вопрос 2', 'Вопрос 2', 'Вопрос 9'],
        ['Иванов', 'за', 'за', 'за', 'за'],
      ],
    };
    const p = propose(t, gosuslugiAgenda(2));
    expect(p.mapping.questions).toEqual({ 1: 1, 2: 2 });
    expect(p.columns.map((c) => c.role.kind)).toEqual(['field', 'question', 'question', 'extra', 'extra']);
    expect(p.problems.map((x) => x.message)).toEqual([
      'Столбец D «Вопрос 2»: вопрос 2 уже сопоставлен со столбцом C «Вопрос 2»; этот столбец не используется.',
      'Столбец «Вопрос 9»: в повестке нет вопроса 9.',
    ]);
    expect(p.problems.every((x) => x.severity === 'warning' && x.row === 1)).toBe(true);
    expect(p.columns[4]).toMatchObject({
      looksLikeVotes: true,
      confidence: 0,
      reason: 'похоже на ответы, но вопрос не определён: укажите его',
    });
  });
});

describe('correcting a mapping', () => {
  const t: Table = {
    fileName: 'c.csv',
    rows: [
      ['Протокол голосования', '', '', ''],
      ['ФИО', 'СНИЛС', 'Решение по первому вопросу', 'Вопрос 2'],
      ['Иванов Иван', '112-233-445 95', 'За', 'Против'],
    ],
  };
  const agenda = gosuslugiAgenda(3);

  it('reports what the mapping lacks, and is ready once the user maps the column and marks a question absent', () => {
    const p = propose(t, agenda);
    expect(codes(p)).toEqual(['error:question_column_missing', 'error:question_column_missing']);
    expect(p.problems[0]!.message).toBe(
      'Нет столбца вопроса 1 «Об избрании председателя и секретаря общего собрания»: укажите его столбец или отметьте, что этого вопроса в файле нет.',
    );
    let m = setColumnRole(p.mapping, 2, { kind: 'question', number: 1 });
    m = markQuestionAbsent(m, 3);
    expect(m.questions).toEqual({ 1: 2, 2: 3 });
    expect(m.absentQuestions).toEqual([3]);
    expect(checkMapping(m, agenda, headerColumns(t, 2, 2), 'c.csv')).toEqual([]);
    // Giving question 1 another column frees the old one; giving a column a field takes it from a question.
    const moved = setColumnRole(m, 3, { kind: 'question', number: 1 });
    expect(moved.questions).toEqual({ 1: 3 });
    expect(roleOfColumn(moved, 2)).toEqual({ kind: 'extra' });
    const asName = setColumnRole(moved, 3, { kind: 'field', field: 'fullName' });
    expect(asName.fields).toEqual({ fullName: 3, snils: 1 });
    expect(asName.questions).toEqual({});
    expect(setColumnRole(m, 1, { kind: 'extra' }).fields).toEqual({ fullName: 0 });
    expect(
      checkMapping(
        setColumnRole(setColumnRole(m, 0, { kind: 'extra' }), 1, { kind: 'extra' }),
        agenda,
        headerColumns(t, 2, 2),
        'c.csv',
      ).map((x) => x.code),
    ).toEqual(['gosuslugi_identity_missing']);
  });

  it('proposes a remembered mapping again for a file of the same layout, wherever its header is', () => {
    const p = propose(t, agenda);
    const confirmed = markQuestionAbsent(setColumnRole(p.mapping, 2, { kind: 'question', number: 1 }), 3);
    const next: Table = {
      fileName: 'c2.csv',
      rows: [['Протокол'], ['от 15.06.2026'], ...t.rows.slice(1)].map((r) => [...r, '', '', ''].slice(0, 4)),
    };
    const again = propose(next, agenda, { remembered: [confirmed] });
    expect(again.remembered).toBe(true);
    expect(again.mapping).toEqual({ ...confirmed, firstHeaderRow: 3, headerRow: 3 });
    expect(again.problems).toEqual([]);
    expect(again.columns[2]).toMatchObject({
      role: { kind: 'question', number: 1 },
      confidence: 1,
      reason: 'как в прошлый раз для файла такого же вида',
    });
    const other: Table = { fileName: 'd.csv', rows: [['ФИО', 'СНИЛС', 'Вопрос 1', 'Вопрос 2']] };
    expect(propose(other, agenda, { remembered: [confirmed] }).remembered).toBe(false);
  });

  it('takes header rows the user points at', () => {
    const p = propose(t, agenda, { headerRows: { first: 2, last: 2 } });
    expect(p.mapping.fields).toEqual({ fullName: 0, snils: 1 });
    const bad = proposeGosuslugiMapping(t, agenda, { headerRows: { first: 3, last: 2 } });
    expect(bad.ok).toBe(false);
  });
});

describe('layoutSignature', () => {
  it('is the same for files of one layout and differs when a column differs', async () => {
    const [a1, b1] = [layouts[0]!, layouts[3]!];
    const a2 = gosuslugiLayouts(2)[0]!;
    const sig = async (l: typeof a1) => propose(await exportTable(l), l.agenda).mapping.signature;
    expect(await sig(a1)).toBe(await sig(a2));
    expect(await sig(a1)).not.toBe(await sig(b1));
    expect(layoutSignature(['ФИО', 'Вопрос 1'])).toBe(layoutSignature(['Ф.И.О.', 'вопрос  1']));
    expect(layoutSignature(['ФИО', 'Вопрос 1'])).toMatch(/^[0-9a-f]{64}$/);
    expect(layoutSignature(['ФИО', 'Вопрос 1'])).not.toBe(layoutSignature(['Вопрос 1', 'ФИО']));
  });
});

describe('columnLetter', () => {
  it('names columns as a spreadsheet does', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});

describe('no header', () => {
  it('is an error naming the file', () => {
    const r = proposeGosuslugiMapping(
      {
        fileName: 'пусто.xlsx',
        rows: [
          ['Иванов', 'за'],
          ['Петров', 'против'],
        ],
      },
      gosuslugiAgenda(1),
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error[0]).toMatchObject({
      code: 'gosuslugi_header_not_found',
      file: 'пусто.xlsx',
      message:
        'В файле «пусто.xlsx» не найдена строка заголовка: нужен столбец «ФИО», «СНИЛС» или «Кадастровый номер». Укажите строку заголовка вручную.',
    });
  });
});
