import { encodeCp1251 } from '../../test/fixtures/cp1251';
import { readTable } from '../spreadsheet/readTable';
import type { Table } from '../spreadsheet/table';
import { indexVoters } from '../registry/voterIndex';
import { IDENTITY_MISMATCH, PLOT_NOT_FOUND } from '../tally/identity';
import { person } from '../tally/tally.testkit';
import { BATCH_COLUMNS, parseBallotBatch } from './parseBallotBatch';

const HEADER = [...BATCH_COLUMNS, '1', '2'];

function table(rows: string[][], fileName = 'paper.csv'): Table {
  return { fileName, rows };
}

describe('parseBallotBatch', () => {
  it('reads a ballot per row with every column of the batch file', () => {
    const r = parseBallotBatch(
      table([
        HEADER,
        [
          '641-927-525 07',
          '',
          'Николаева Марина',
          'бумага',
          'оригинал',
          '08.06.2026',
          'почта',
          '',
          '',
          '',
          'за',
          'против',
        ],
        [
          '',
          '38',
          'Кузьмина Марина',
          'бумага',
          'скан',
          '2026-06-13',
          'email',
          '',
          'Васильева Т. В.',
          'Доверенность № 54 от 20.05.2026',
          'воздержался',
          '',
        ],
        [
          '',
          '50:18:0080301:152',
          '',
          'очно',
          '',
          '14.06.2026',
          'на собрании',
          'карандаш, исправления',
          '',
          '',
          'несколько',
          'все зачеркнуты',
        ],
        ['', '', '', '', '', '', '', '', '', '', '', ''],
      ]),
      { questions: [1, 2] },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.headerRow).toBe(1);
    expect(r.value.problems).toEqual([]);
    expect(r.value.ballots).toEqual([
      {
        id: 'paper.csv:2',
        channel: 'paper',
        voter: { snils: '64192752507', fullName: 'Николаева Марина' },
        copy: 'original',
        receivedAt: '2026-06-08',
        delivery: 'mail',
        voidReasons: [],
        marks: { 1: 'for', 2: 'against' },
        source: 'paper.csv:2',
      },
      {
        id: 'paper.csv:3',
        channel: 'paper',
        voter: { plotNumber: '38', fullName: 'Кузьмина Марина' },
        copy: 'scan',
        receivedAt: '2026-06-13',
        delivery: 'email',
        voidReasons: [],
        representative: {
          fullName: 'Васильева Т. В.',
          powerOfAttorney: 'Доверенность № 54 от 20.05.2026',
          powerOfAttorneyDate: '2026-05-20',
        },
        marks: { 1: 'abstain', 2: 'none' },
        source: 'paper.csv:3',
      },
      {
        id: 'paper.csv:4',
        channel: 'in_person',
        voter: { cadastralNumber: '50:18:0080301:152' },
        copy: 'original',
        receivedAt: '2026-06-14',
        delivery: 'session',
        voidReasons: ['pencil', 'corrections'],
        marks: { 1: 'several', 2: 'all_crossed' },
        source: 'paper.csv:4',
      },
    ]);
  });

  it('with the registry, hands over each ballot’s voter as the tally matches it', () => {
    const registry = [
      person('p1', 'member', { fullName: 'Семёнова Марина Викторовна' }),
      person('p2', 'member', { fullName: 'Воробьёв Юрий Николаевич' }),
    ];
    const row = (plot: string, name: string) => [
      '',
      plot,
      name,
      'бумага',
      '',
      '05.06.2026',
      '',
      '',
      '',
      '',
      'за',
      '',
    ];
    const r = parseBallotBatch(
      table([
        HEADER,
        row('1', 'Семёнова Марина Викторовна'),
        row('2', 'ВОРОБЬЕВ  юрий николаевич'),
        row('1', 'Воробьёв Юрий Николаевич'),
        row('7', 'Семёнова Марина Викторовна'),
      ]),
      { questions: [1, 2], registry },
    );
    if (!r.ok) throw new Error(r.error.map((p) => p.message).join('\n'));
    const voters = r.value.marks!.voters!;
    expect(voters.index).toBe(indexVoters(registry));
    // Registry index × 8 + key (plot 3); a plot of one person with the name of another; a plot no one has.
    expect(Array.from(voters.match)).toEqual([0 * 8 + 3, 1 * 8 + 3, IDENTITY_MISMATCH, PLOT_NOT_FOUND]);
    // Without the registry, no voters: the tally matches them.
    const bare = parseBallotBatch(table([HEADER, row('1', 'Семёнова')]), { questions: [1, 2] });
    expect(bare.ok && bare.value.marks?.voters).toBe(undefined);
  });

  it('finds the header below title rows, in any column order, with question headers like «Вопрос 1»', () => {
    const r = parseBallotBatch(
      table([
        ['Бюллетени, поступившие по почте'],
        [''],
        ['Вопрос 2', 'Получен', 'ФИО', 'Вопрос 1', 'СНИЛС'],
        ['за', '01.06.2026', 'Иванов', 'против', '367-151-023 65'],
      ]),
    );
    expect(r.ok && r.value.ballots[0]).toMatchObject({
      id: 'paper.csv:4',
      voter: { snils: '36715102365', fullName: 'Иванов' },
      marks: { 1: 'against', 2: 'for' },
      channel: 'paper',
      copy: 'original',
    });
  });

  it('reports every bad cell with its row and field, and returns no ballots', () => {
    const r = parseBallotBatch(
      table([
        HEADER,
        ['12345', '', 'А', 'бумага', 'оригинал', '31.02.2026', 'почта', '', '', '', 'за', 'за'],
        ['', '5', 'Б', 'факс', 'копия?', '01.06.2026', 'голубь', 'порван', '', '', 'да', 'за'],
        ['', '', '', 'бумага', 'оригинал', '', '', '', '', '№ 5', 'за', 'за'],
      ]),
      { questions: [1, 2] },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((p) => [p.row, p.field, p.code])).toEqual([
      [2, 'СНИЛС', 'batch_snils'],
      [2, 'Получен', 'batch_date'],
      [3, 'Канал', 'batch_channel'],
      [3, 'Вид', 'batch_copy'],
      [3, 'Доставка', 'batch_delivery'],
      [3, 'Недействителен', 'batch_void'],
      [3, '1', 'batch_mark'],
      [4, 'СНИЛС', 'batch_voter_missing'],
      [4, 'Получен', 'batch_date'],
      [4, 'Представитель', 'batch_representative_missing'],
    ]);
    for (const p of r.error) {
      expect(p.file).toBe('paper.csv');
      expect(p.message).toMatch(new RegExp(`^Строка ${p.row}, поле «${p.field}»: `));
    }
    expect(r.error[1]!.message).toBe(
      'Строка 2, поле «Получен»: «31.02.2026» — не дата: нужно ДД.ММ.ГГГГ или ГГГГ-ММ-ДД.',
    );
  });

  it('checks the question columns against the agenda', () => {
    const r = parseBallotBatch(table([['СНИЛС', 'Получен', '1', '3', '3.']]), { questions: [1, 2] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((p) => [p.code, p.row, p.field])).toEqual([
      ['question_not_on_agenda', 1, '3'],
      ['question_not_on_agenda', 1, '3.'],
      ['question_column_missing', 1, 'Вопрос 2'],
    ]);
    const twice = parseBallotBatch(table([['СНИЛС', 'Получен', '1', 'Вопрос 1']]));
    expect(!twice.ok && twice.error[0]!.message).toBe(
      'Строка 1, поле «Вопрос 1»: вопрос 1 уже есть в столбце «1».',
    );
  });

  it('says what is missing when there is no header or no date column', () => {
    const none = parseBallotBatch(
      table([
        ['a', 'b'],
        ['1', '2'],
      ]),
    );
    expect(!none.ok && none.error[0]!.code).toBe('batch_header_not_found');
    const noDate = parseBallotBatch(table([['СНИЛС', 'ФИО', '1']]));
    expect(!noDate.ok && noDate.error.map((p) => p.field)).toEqual(['Получен']);
  });

  it('warns about a СНИЛС with a wrong check number but keeps the ballot', () => {
    const r = parseBallotBatch(
      table([
        ['СНИЛС', 'Получен', '1'],
        ['367-151-023 66', '01.06.2026', 'за'],
      ]),
    );
    expect(r.ok && r.value.problems.map((p) => [p.severity, p.row, p.field])).toEqual([
      ['warning', 2, 'СНИЛС'],
    ]);
    expect(r.ok && r.value.ballots).toHaveLength(1);
  });

  it('reads a Windows-1251 CSV with semicolons', async () => {
    const text = [
      'СНИЛС;ФИО;Получен;1',
      '367-151-023 65;Козлова Ирина Николаевна;14.06.2026;Воздержался',
    ].join('\r\n');
    const t = await readTable(encodeCp1251(text), 'бумага.csv');
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    const r = parseBallotBatch(t.value, { questions: [1] });
    expect(r.ok && r.value.ballots[0]).toMatchObject({
      id: 'бумага.csv:2',
      voter: { snils: '36715102365', fullName: 'Козлова Ирина Николаевна' },
      marks: { 1: 'abstain' },
    });
  });
});
