/**
 * The per-participant results file of the Gosuslugi feedback platform (XLSX or CSV): title rows, then a
 * header, then a person per row with name, СНИЛС and/or cadastral number, and a column per question
 * whose header starts with its number, holding За / Против / Воздержался in any case.
 */
import type { Ballot, IsoDate, Mark, VoterRef } from '../domain/types';
import { err, hasErrors, ok, problem, type Problem, type Result } from '../result';
import { normalizeSnils } from '../registry/snils';
import { findHeader, type FieldSpec } from '../spreadsheet/header';
import type { Table } from '../spreadsheet/table';
import { parseDateCell, parseMarkCell } from './cellValues';
import type { BallotImport } from './parseBallotBatch';
import { findQuestionColumns, headerTexts, withoutQuestionHeaders } from './questionColumns';

export type GosuslugiField = 'fullName' | 'snils' | 'cadastral' | 'plot' | 'votedAt';

export const GOSUSLUGI_FIELDS: FieldSpec<GosuslugiField>[] = [
  {
    field: 'fullName',
    label: 'ФИО',
    synonyms: [
      'ФИО участника',
      'Ф.И.О.',
      'Фамилия Имя Отчество',
      'Участник',
      'Участник голосования',
      'Собственник',
    ],
  },
  { field: 'snils', label: 'СНИЛС', synonyms: ['СНИЛС участника', 'Номер СНИЛС'] },
  {
    field: 'cadastral',
    label: 'Кадастровый номер',
    synonyms: [
      'Кадастровый номер участка',
      'Кадастровый номер помещения',
      'Кадастровый номер объекта',
      'Кад. номер',
    ],
  },
  {
    field: 'plot',
    label: 'Номер участка',
    synonyms: ['Номер помещения', '№ помещения', '№ участка', 'Участок'],
  },
  {
    field: 'votedAt',
    label: 'Дата голосования',
    synonyms: ['Дата и время голосования', 'Дата голоса', 'Дата решения', 'Проголосовал'],
  },
];

const LABEL = Object.fromEntries(GOSUSLUGI_FIELDS.map((f) => [f.field, f.label])) as Record<
  GosuslugiField,
  string
>;
const TOTALS = /^(итого|всего)/i;

export interface GosuslugiOptions {
  /** Agenda question numbers: each needs a column. */
  questions?: readonly number[];
  /** Date of a ballot when the file has no date column: the platform closes on the last day of voting. */
  receivedAt: IsoDate;
}

/** Every row as an electronic ballot (voters are matched by the tally), or every problem found. */
export function parseGosuslugiResults(table: Table, opts: GosuslugiOptions): Result<BallotImport> {
  const file = table.fileName;
  const header = findHeader(withoutQuestionHeaders(table), GOSUSLUGI_FIELDS, { minMatches: 1 });
  const mapping = header?.mapping ?? {};
  if (
    !header ||
    (mapping.snils === undefined && mapping.cadastral === undefined && mapping.fullName === undefined)
  ) {
    return err([
      problem(
        'gosuslugi_header_not_found',
        `В файле «${file}» не найдена строка заголовка: нужны столбцы «ФИО», «СНИЛС» или «Кадастровый номер» и столбцы вопросов.`,
        { file, field: 'ФИО' },
      ),
    ]);
  }
  const headerRow = header.headerRow;
  const questions = findQuestionColumns(
    headerTexts(table, header.firstHeaderRow, headerRow),
    { file, row: headerRow },
    opts.questions,
  );
  const problems: Problem[] = [...questions.problems];
  if (hasErrors(problems)) return err(problems);

  const ballots: Ballot[] = [];
  for (let r = headerRow + 1; r <= table.rows.length; r++) {
    const row = table.rows[r - 1]!;
    const get = (f: GosuslugiField): string => {
      const c = mapping[f];
      return c === undefined ? '' : (row[c] ?? '').trim();
    };
    const filled = row.filter((c) => c !== '');
    if (filled.length === 0 || TOTALS.test(filled[0]!.trim())) continue;
    const bad = (field: string, text: string, code: string, severity: 'error' | 'warning' = 'error') =>
      problems.push(
        problem(code, `Строка ${r}, поле «${field}»: ${text}`, { file, row: r, field }, severity),
      );

    const voter: VoterRef = {};
    const snilsText = get('snils');
    if (snilsText !== '') {
      const snils = normalizeSnils(snilsText);
      if (snils) voter.snils = snils;
      else
        bad(
          LABEL.snils,
          `«${snilsText}» — не СНИЛС; участник ищется по другим данным.`,
          'gosuslugi_snils',
          'warning',
        );
    }
    const cadastral = get('cadastral');
    if (cadastral !== '') voter.cadastralNumber = cadastral;
    const plot = get('plot');
    if (plot !== '') voter.plotNumber = plot;
    const fullName = get('fullName').replace(/\s+/g, ' ');
    if (fullName !== '') voter.fullName = fullName;

    let receivedAt: IsoDate | null = opts.receivedAt;
    const votedText = get('votedAt');
    if (votedText !== '') {
      receivedAt = parseDateCell(votedText);
      if (!receivedAt) bad(LABEL.votedAt, `«${votedText}» — не дата: нужно ДД.ММ.ГГГГ.`, 'gosuslugi_date');
    }

    const marks: Record<number, Mark> = {};
    let ok = receivedAt !== null;
    for (const q of questions.columns) {
      const text = (row[q.col] ?? '').trim();
      const mark = parseMarkCell(text);
      if (mark === 'for' || mark === 'against' || mark === 'abstain' || mark === 'none')
        marks[q.number] = mark;
      else {
        ok = false;
        bad(
          q.header,
          `«${text}» — неизвестный ответ: нужно «За», «Против» или «Воздержался».`,
          'gosuslugi_mark',
        );
      }
    }
    if (!ok) continue;
    const id = `${file}:${r}`;
    ballots.push({
      id,
      channel: 'gosuslugi',
      voter,
      copy: 'original',
      receivedAt: receivedAt!,
      delivery: 'platform',
      voidReasons: [],
      marks,
      source: id,
    });
  }
  if (hasErrors(problems)) return err(problems);
  return ok({ fileName: file, headerRow, ballots, problems });
}
