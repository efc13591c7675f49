import ExcelJS from 'exceljs';
import { readTable } from '../spreadsheet/readTable';
import type { Table } from '../spreadsheet/table';
import { parseGosuslugiResults } from './parseGosuslugiResults';

const opts = { questions: [1, 2, 3], receivedAt: '2026-06-14' };

function table(rows: string[][]): Table {
  return { fileName: 'gosuslugi.xlsx', rows };
}

describe('parseGosuslugiResults', () => {
  it('reads the platform protocol: title rows, header, a person per row, answers in any case', () => {
    const r = parseGosuslugiResults(
      table([
        ['Протокол заочного голосования с использованием ЕПГУ'],
        ['Решения участников голосования'],
        [''],
        [
          'ФИО участника',
          'СНИЛС',
          'Кадастровый номер',
          'Вопрос 1. Об избрании',
          'Вопрос 2. О смете',
          'Вопрос 3. О правлении',
        ],
        ['Новиков Олег Владимирович', '503-944-535 81', '50:18:0080301:131', 'ВОЗДЕРЖАЛСЯ', 'За', 'против'],
        ['Волкова Елена Юрьевна', '24492613781', '', 'за', '', 'Против'],
        ['Итого', '', '', '2', '1', '2'],
      ]),
      opts,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.headerRow).toBe(4);
    expect(r.value.ballots).toEqual([
      {
        id: 'gosuslugi.xlsx:5',
        channel: 'gosuslugi',
        voter: {
          snils: '50394453581',
          cadastralNumber: '50:18:0080301:131',
          fullName: 'Новиков Олег Владимирович',
        },
        copy: 'original',
        receivedAt: '2026-06-14',
        delivery: 'platform',
        voidReasons: [],
        marks: { 1: 'abstain', 2: 'for', 3: 'against' },
        source: 'gosuslugi.xlsx:5',
      },
      {
        id: 'gosuslugi.xlsx:6',
        channel: 'gosuslugi',
        voter: { snils: '24492613781', fullName: 'Волкова Елена Юрьевна' },
        copy: 'original',
        receivedAt: '2026-06-14',
        delivery: 'platform',
        voidReasons: [],
        marks: { 1: 'for', 2: 'none', 3: 'against' },
        source: 'gosuslugi.xlsx:6',
      },
    ]);
  });

  it('takes question headers «1.» and «№1», other column names, and a voting date column', () => {
    const r = parseGosuslugiResults(
      table([
        ['№1', 'Участник голосования', '2. Смета', 'Дата голосования', 'Кадастровый номер помещения', '№ 3'],
        ['за', 'Петров П. П.', 'против', '05.06.2026 12:30', '77:01:0001001:55', 'за'],
      ]),
      opts,
    );
    expect(r.ok && r.value.ballots[0]).toMatchObject({
      voter: { fullName: 'Петров П. П.', cadastralNumber: '77:01:0001001:55' },
      receivedAt: '2026-06-05',
      marks: { 1: 'for', 2: 'against', 3: 'for' },
    });
  });

  it('reports an unknown answer and a bad date with row and column; a bad СНИЛС is a warning', () => {
    const r = parseGosuslugiResults(
      table([
        ['ФИО', 'СНИЛС', 'Дата голосования', 'Вопрос 1', 'Вопрос 2', 'Вопрос 3'],
        ['А', '123', '01.06.2026', 'за', 'за', 'за'],
        ['Б', '', 'позавчера', 'за', 'может быть', 'за'],
      ]),
      opts,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((p) => [p.severity, p.row, p.field])).toEqual([
      ['warning', 2, 'СНИЛС'],
      ['error', 3, 'Дата голосования'],
      ['error', 3, 'Вопрос 2'],
    ]);
    expect(r.error[2]!.message).toBe(
      'Строка 3, поле «Вопрос 2»: непонятное значение «может быть». Ожидается «За», «Против» или «Воздержался».',
    );
  });

  it('needs a column for every agenda question and an identifying column', () => {
    const missing = parseGosuslugiResults(table([['ФИО', 'СНИЛС', 'Вопрос 1', 'Вопрос 2']]), opts);
    expect(!missing.ok && missing.error.map((p) => [p.code, p.field])).toEqual([
      ['question_column_missing', 'Вопрос 3'],
    ]);
    const noHeader = parseGosuslugiResults(
      table([
        ['Вопрос 1', 'Вопрос 2', 'Вопрос 3'],
        ['за', 'за', 'за'],
      ]),
      opts,
    );
    expect(!noHeader.ok && noHeader.error[0]!.code).toBe('gosuslugi_header_not_found');
  });

  it('reads a real XLSX file', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Результаты');
    ws.addRow(['Протокол']);
    ws.addRow(['ФИО участника', 'СНИЛС', 'Вопрос 1', 'Вопрос 2', 'Вопрос 3']);
    ws.addRow(['Орлова Людмила Николаевна', '878-903-117 60', 'За', 'За', 'Воздержался']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const t = await readTable(bytes, 'g.xlsx');
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    const r = parseGosuslugiResults(t.value, opts);
    expect(r.ok && r.value.ballots.map((b) => [b.source, b.voter.snils, b.marks])).toEqual([
      ['g.xlsx:3', '87890311760', { 1: 'for', 2: 'for', 3: 'abstain' }],
    ]);
  });
});
