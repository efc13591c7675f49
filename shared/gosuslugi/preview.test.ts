import {
  exportTable,
  gosuslugiAgenda,
  gosuslugiLayouts,
  type GosuslugiExport,
} from '../../test/fixtures/gosuslugiExports';
import type { Person } from '../domain/types';
import { indexVoters } from '../registry/voterIndex';
import type { Table } from '../spreadsheet/table';
import type { GosuslugiMapping } from './mapping';
import { previewGosuslugi, type GosuslugiPreview, type PreviewOptions } from './preview';
import { proposeGosuslugiMapping } from './propose';

const layouts = gosuslugiLayouts(1);
const layout = (prefix: string): GosuslugiExport => layouts.find((l) => l.fileName.startsWith(prefix))!;

async function previewOf(l: GosuslugiExport, opts: PreviewOptions = {}): Promise<GosuslugiPreview> {
  const table = await exportTable(l);
  const p = proposeGosuslugiMapping(table, l.agenda);
  if (!p.ok) throw new Error(p.error[0]!.message);
  return previewGosuslugi(table, p.value.mapping, l.registry, l.agenda, opts);
}

describe('previewGosuslugi on the fixture layouts', () => {
  it.each(layouts.map((l) => [l.fileName, l] as const))('%s: every row read and matched', async (_n, l) => {
    const pv = await previewOf(l);
    expect(pv.rows.map((r) => r.row)).toEqual(l.rows.map((r) => r.row));
    pv.rows.forEach((r, i) => {
      const e = l.rows[i]!;
      expect(r.marks).toEqual(e.marks);
      expect(r.hasErrors).toBe(e.badValues.length > 0);
      if (e.status === 'matched')
        expect(r.match).toEqual({ status: 'matched', personId: e.personId, by: e.by });
      else if (e.status === 'ambiguous') {
        expect(r.match).toEqual({ status: 'ambiguous', by: e.by, candidates: e.candidates });
      } else expect(r.match.status).toBe('unmatched');
    });
    expect(pv.totalsRows).toEqual(l.totalsRows);
    expect(pv.duplicates.map((d) => [d.personId, d.rows])).toEqual(l.twice);
    const bad = l.rows.filter((r) => r.badValues.length > 0).length;
    expect(pv.ready).toBe(bad === 0);
    expect(pv.counts.withErrors).toBe(bad);
    expect(pv.counts.counted).toBe(
      l.rows.filter((r) => r.status === 'matched' && r.badValues.length === 0).length,
    );
  });
});

describe('answers', () => {
  it('reports each unreadable answer by row and column, in Russian', async () => {
    const pv = await previewOf(layout('gos-07'));
    const errors = pv.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.code, p.row, p.field])).toEqual([
      ['gosuslugi_value', 4, '3. Об утверждении отчёта правления о проделанной работе за…'],
      ['gosuslugi_value', 7, '1. Об избрании председателя и секретаря общего собрания'],
      ['gosuslugi_value', 7, '2. Об избрании членов счётной комиссии'],
    ]);
    expect(errors[0]!.message).toBe(
      'Строка 4, поле «3. Об утверждении отчёта правления о проделанной работе за…»: непонятное значение «Да». ' +
        'Ожидается «За», «Против» или «Воздержался».',
    );
    expect(errors.every((p) => p.file === 'gos-07-mistakes.csv')).toBe(true);
    expect(pv.ready).toBe(false);
  });

  it('takes the user’s fix for a cell and leaves out a skipped row, then is ready', async () => {
    const l = layout('gos-07');
    const pv = await previewOf(l, { overrides: [{ row: 4, question: 3, value: 'for' }], skipRows: [7] });
    expect(pv.ready).toBe(true);
    expect(pv.rows.find((r) => r.row === 4)!.marks[3]).toBe('for');
    const skipped = pv.rows.find((r) => r.row === 7)!;
    expect(skipped.skipped).toBe(true);
    expect(skipped.hasErrors).toBe(true); // still shown, not counted
    expect(pv.counts).toMatchObject({ skipped: 1, withErrors: 0, counted: 7, ambiguous: 1, unmatched: 1 });
  });

  it('reads a message as the user wrote it: short header labels, the name of the value', () => {
    const table: Table = {
      fileName: 'a.csv',
      rows: [
        ['ФИО', 'СНИЛС', 'Вопрос 1', 'Вопрос 2', 'Дата голосования'],
        ['Иванов Иван Иванович', '12345', 'Да', 'воздерж.', '05.06.2026'],
        ['Петров Пётр', '112-233-445 96', 'ЗА', '', 'позавчера'],
      ],
    };
    const agenda = gosuslugiAgenda(2);
    const p = proposeGosuslugiMapping(table, agenda);
    const pv = previewGosuslugi(table, p.ok ? p.value.mapping : ({} as GosuslugiMapping), [], agenda);
    expect(pv.problems.map((x) => `${x.severity}: ${x.message}`)).toEqual([
      'warning: Строка 2, поле «СНИЛС»: «12345» — не СНИЛС (нужно 11 цифр); участник будет найден по другим данным.',
      'error: Строка 2, поле «Вопрос 1»: непонятное значение «Да». Ожидается «За», «Против» или «Воздержался».',
      'warning: Строка 3, поле «СНИЛС»: у СНИЛС «112-233-445 96» неверное контрольное число; проверьте найденного участника.',
      'error: Строка 3, поле «Дата голосования»: «позавчера» — не дата: нужно ДД.ММ.ГГГГ.',
    ]);
    expect(pv.rows.map((r) => [r.votedAt, r.hasErrors])).toEqual([
      ['2026-06-05', true],
      [undefined, true],
    ]);
    expect(pv.rows.map((r) => r.marks)).toEqual([{ 2: 'abstain' }, { 1: 'for', 2: 'none' }]);
    expect(pv.rows[1]!.snils).toBe('11223344596');
  });
});

describe('matching', () => {
  const people: Person[] = [
    { id: 'a', fullName: 'Анисимова Анна Андреевна', snils: '11223344595', status: 'member', holdings: [] },
    {
      id: 'b',
      fullName: 'Борисов Борис Борисович',
      status: 'member',
      holdings: [{ plotNumber: '2', cadastralNumber: '50:18:0080301:102' }],
    },
    { id: 'c', fullName: 'Васильев Василий Васильевич', status: 'gardener', holdings: [] },
  ];
  const table: Table = {
    fileName: 'm.xlsx',
    rows: [
      ['ФИО', 'СНИЛС', 'Кадастровый номер', 'Вопрос 1'],
      // СНИЛС of a, cadastral number of b, name of c: the СНИЛС decides.
      ['Васильев Василий Васильевич', '112-233-445 95', '50:18:0080301:102', 'за'],
      // No СНИЛС: the cadastral number decides over the name.
      ['Васильев Василий Васильевич', '', '50:18:0080301:102', 'за'],
      ['ВАСИЛЬЕВ  василий васильевич', '', '', 'против'],
      ['Неизвестный Н. Н.', '', '', 'за'],
    ],
  };
  const agenda = gosuslugiAgenda(1);
  const mapping = (() => {
    const p = proposeGosuslugiMapping(table, agenda);
    if (!p.ok) throw new Error('no mapping');
    return p.value.mapping;
  })();

  it('goes СНИЛС, then cadastral number, then name', () => {
    const pv = previewGosuslugi(table, mapping, people, agenda);
    expect(pv.rows.map((r) => r.match)).toEqual([
      { status: 'matched', personId: 'a', by: 'snils' },
      { status: 'matched', personId: 'b', by: 'cadastral' },
      { status: 'matched', personId: 'c', by: 'name' },
      { status: 'unmatched', reason: 'not_found' },
    ]);
    expect(pv.counts.matched).toEqual({ snils: 1, cadastral: 1, name: 1, user: 0 });
    expect(pv.duplicates).toEqual([]);
  });

  it('applies the user’s decisions: a person picked, not a participant with a reason', () => {
    const ix = indexVoters(people);
    const pv = previewGosuslugi(table, mapping, ix, agenda, {
      decisions: [
        { row: 5, kind: 'not_participant', reason: 'продал участок до начала голосования' },
        { row: 4, kind: 'person', personId: 'a' },
      ],
    });
    expect(pv.rows[2]!.match).toEqual({ status: 'matched', personId: 'a', by: 'user' });
    expect(pv.rows[3]!.match).toEqual({
      status: 'not_participant',
      reason: 'продал участок до начала голосования',
    });
    // a now has two rows.
    expect(pv.duplicates).toEqual([{ personId: 'a', rows: [2, 4] }]);
    expect(pv.problems.map((p) => p.message)).toEqual([
      'Участник «Анисимова Анна Андреевна» есть в строках 2 и 4: совпадающие ответы будут учтены один раз, ' +
        'расходящиеся — как конфликт. Лишнюю строку можно пропустить.',
    ]);
    expect(pv.counts).toMatchObject({ counted: 3, notParticipant: 1, unmatched: 0 });
    expect(pv.ready).toBe(true);
    // Skipping one of the two rows ends the report.
    const skipped = previewGosuslugi(table, mapping, ix, agenda, {
      decisions: [{ row: 4, kind: 'person', personId: 'a' }],
      skipRows: [2],
    });
    expect(skipped.duplicates).toEqual([]);
  });

  it('refuses a decision naming no registry person or giving no reason, and warns of an unknown row', () => {
    const pv = previewGosuslugi(table, mapping, people, agenda, {
      decisions: [
        { row: 5, kind: 'person', personId: 'zzz' },
        { row: 4, kind: 'not_participant', reason: '  ' },
        { row: 40, kind: 'person', personId: 'a' },
      ],
    });
    expect(pv.problems.map((p) => [p.severity, p.row, p.message])).toEqual([
      ['error', 5, 'Строка 5: выбранного участника нет в реестре собрания; выберите другого.'],
      ['error', 4, 'Строка 4: укажите причину, по которой это не участник собрания.'],
      ['warning', 40, 'Решение для строки 40 не применено: в файле нет такой строки участника.'],
    ]);
    expect(pv.rows[3]!.match.status).toBe('unmatched');
    expect(pv.ready).toBe(false);
  });

  it('resolves an ambiguous co-owner by the user’s pick', async () => {
    const l = layout('gos-06');
    const amb = l.rows.find((r) => r.status === 'ambiguous')!;
    const pv = await previewOf(l, { decisions: [{ row: amb.row, kind: 'person', personId: amb.personId! }] });
    expect(pv.rows.find((r) => r.row === amb.row)!.match).toEqual({
      status: 'matched',
      personId: amb.personId,
      by: 'user',
    });
    expect(pv.counts.ambiguous).toBe(0);
  });

  it('reports a person on two rows of one file', async () => {
    const pv = await previewOf(layout('gos-04'));
    const [personId, rows] = layout('gos-04').twice[0]!;
    const name = layout('gos-04').registry.find((p) => p.id === personId)!.fullName;
    const twice = pv.problems.filter((p) => p.code === 'gosuslugi_person_twice');
    expect(twice.map((p) => p.message)).toEqual([
      `Участник «${name}» есть в строках ${rows[0]} и ${rows[1]}: совпадающие ответы будут учтены один раз, ` +
        'расходящиеся — как конфликт. Лишнюю строку можно пропустить.',
    ]);
    expect(twice[0]!.severity).toBe('warning');
  });
});
