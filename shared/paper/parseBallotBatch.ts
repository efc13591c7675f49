/**
 * The ballot batch file (CSV or XLSX, a ballot per row) that the app exports and imports: paper and
 * in-person ballots with how and when each arrived. Columns: СНИЛС and/or Участок, ФИО, Канал, Вид,
 * Получен, Доставка, Недействителен, Представитель, Доверенность, and one column per question.
 */
import { cleanName, MAX_NAME_LENGTH, NAME_CLEANED_TEXT, nameTooLongText } from '../text/cleanName';
import type { Ballot, Mark, Person, Representative, VoterRef } from '../domain/types';
import { hasErrors, err, ok, problem, type Problem, type Result } from '../result';
import { normalizeSnils, snilsChecksumOk } from '../registry/snils';
import { indexVoters } from '../registry/voterIndex';
import { findHeader, type FieldSpec } from '../spreadsheet/header';
import type { Table } from '../spreadsheet/table';
import { MarkCodesWriter, type MarkCodes } from '../tally/markCodes';
import { matchVoters } from '../tally/voterMatches';
import {
  parseChannelCell,
  parseCopyCell,
  parseDateCell,
  parseDeliveryCell,
  parseMarkCell,
  parseVoidCell,
  powerOfAttorneyDate,
} from '../ballots/cellValues';
import { findQuestionColumns, headerTexts, withoutQuestionHeaders } from '../ballots/questionColumns';

export type BatchField =
  | 'snils'
  | 'plot'
  | 'fullName'
  | 'channel'
  | 'copy'
  | 'receivedAt'
  | 'delivery'
  | 'void'
  | 'representative'
  | 'powerOfAttorney'
  | 'state';

export const BATCH_FIELDS: FieldSpec<BatchField>[] = [
  { field: 'snils', label: 'СНИЛС', synonyms: ['Номер СНИЛС', '№ СНИЛС'] },
  {
    field: 'plot',
    label: 'Участок',
    synonyms: ['№ участка', 'Номер участка', 'Помещение', '№ помещения', 'Кадастровый номер'],
  },
  { field: 'fullName', label: 'ФИО', synonyms: ['Ф.И.О.', 'Фамилия Имя Отчество', 'Участник', 'Голосующий'] },
  { field: 'channel', label: 'Канал', synonyms: ['Способ голосования', 'Способ'] },
  { field: 'copy', label: 'Вид', synonyms: ['Экземпляр', 'Оригинал или скан'] },
  { field: 'receivedAt', label: 'Получен', synonyms: ['Дата получения', 'Получено', 'Дата поступления'] },
  { field: 'delivery', label: 'Доставка', synonyms: ['Способ доставки', 'Как получен'] },
  { field: 'void', label: 'Недействителен', synonyms: ['Причина недействительности', 'Недействительность'] },
  { field: 'representative', label: 'Представитель', synonyms: ['ФИО представителя'] },
  { field: 'powerOfAttorney', label: 'Доверенность', synonyms: ['Реквизиты доверенности'] },
  // Version 2 (docs/ballot-batch.md): whether the row counts; rows that do not are history only.
  { field: 'state', label: 'Учёт', synonyms: [] },
];

/** The batch file's columns before the question columns, in the order the app writes them. */
export const BATCH_COLUMNS: readonly string[] = BATCH_FIELDS.filter((f) => f.field !== 'state').map(
  (f) => f.label,
);

/** «Учёт» of a row that counts (any other non-empty value: withdrawn, not keyed, not settled). */
export const COUNTED_STATE = 'учитывается';

export interface BallotImport {
  fileName: string;
  /** 1-based header row. */
  headerRow: number;
  ballots: Ballot[];
  /** Warnings (the import went through). */
  problems: Problem[];
  /** The ballots' marks as codes of the agenda given (markCodes.ts), when one was given. */
  marks?: MarkCodes;
}

const LABEL = Object.fromEntries(BATCH_FIELDS.map((f) => [f.field, f.label])) as Record<BatchField, string>;

/**
 * Every ballot of the file, or every problem (file, row and field named) when any row is wrong. With the
 * agenda (`questions`) the marks come as codes too; with the registry as well, each ballot's voter as
 * the tally matches it (tally/voterMatches.ts).
 */
export function parseBallotBatch(
  table: Table,
  opts: { questions?: readonly number[]; registry?: readonly Person[] } = {},
): Result<BallotImport> {
  const file = table.fileName;
  const header = findHeader(withoutQuestionHeaders(table), BATCH_FIELDS);
  if (!header || (header.mapping.snils === undefined && header.mapping.plot === undefined)) {
    return err([
      problem(
        'batch_header_not_found',
        `В файле «${file}» не найдена строка заголовка: нужны столбцы «СНИЛС» или «Участок», «Получен» и столбцы вопросов.`,
        { file, field: 'СНИЛС' },
      ),
    ]);
  }
  const headerRow = header.headerRow;
  const mapping = header.mapping;
  const problems: Problem[] = [];
  if (mapping.receivedAt === undefined) {
    problems.push(
      problem(
        'batch_column_missing',
        `Строка ${headerRow}: нет столбца «Получен» (дата получения бюллетеня).`,
        {
          file,
          row: headerRow,
          field: LABEL.receivedAt,
        },
      ),
    );
  }
  const columns = headerTexts(table, header.firstHeaderRow, headerRow);
  const questions = findQuestionColumns(columns, { file, row: headerRow }, opts.questions);
  problems.push(...questions.problems);
  // The marks as codes of the agenda, written as each cell is read (the tally's input, markCodes.ts).
  const codes = opts.questions ? new MarkCodesWriter(opts.questions) : undefined;
  if (hasErrors(problems)) return err(problems);

  const ballots: Ballot[] = [];
  for (let r = headerRow + 1; r <= table.rows.length; r++) {
    const row = table.rows[r - 1]!;
    if (row.every((c) => c === '')) continue;
    const get = (f: BatchField): string => {
      const c = mapping[f];
      return c === undefined ? '' : (row[c] ?? '').trim();
    };
    const state = get('state');
    if (state !== '' && state.toLowerCase() !== COUNTED_STATE) continue;
    const bad = (
      f: BatchField | string,
      text: string,
      code: string,
      severity: 'error' | 'warning' = 'error',
    ) => {
      const field = (LABEL as Record<string, string>)[f] ?? f;
      problems.push(
        problem(code, `Строка ${r}, поле «${field}»: ${text}`, { file, row: r, field }, severity),
      );
    };

    /** A name cleaned as the registry's are (warning), cut and refused when it is no name at all. */
    const checkedName = (f: BatchField, raw: string): string => {
      const name = cleanName(raw);
      if (name.tooLong) bad(f, nameTooLongText(name.name), 'batch_name_too_long');
      else if (name.cleaned) bad(f, NAME_CLEANED_TEXT, 'batch_name_cleaned', 'warning');
      return name.name.slice(0, MAX_NAME_LENGTH);
    };
    const voter: VoterRef = {};
    const snilsText = get('snils');
    if (snilsText !== '') {
      const snils = normalizeSnils(snilsText);
      if (!snils) bad('snils', `«${snilsText}» — не СНИЛС: нужно 11 цифр (123-456-789 01).`, 'batch_snils');
      else {
        voter.snils = snils;
        if (!snilsChecksumOk(snils)) {
          bad(
            'snils',
            `у СНИЛС «${snilsText}» неверное контрольное число: проверьте цифры.`,
            'batch_snils_checksum',
            'warning',
          );
        }
      }
    }
    const plot = get('plot');
    if (plot !== '') {
      if (plot.includes(':')) voter.cadastralNumber = plot;
      else voter.plotNumber = plot;
    }
    const fullName = checkedName('fullName', get('fullName'));
    if (fullName !== '') voter.fullName = fullName;
    if (snilsText === '' && plot === '' && fullName === '') {
      bad('snils', 'не указан участник: нужен СНИЛС, участок или ФИО.', 'batch_voter_missing');
    }

    const channel = parseChannelCell(get('channel'));
    if (!channel || channel === 'gosuslugi') {
      bad('channel', `«${get('channel')}» — неизвестный канал: нужно «бумага» или «очно».`, 'batch_channel');
    }
    const copy = parseCopyCell(get('copy'));
    if (!copy) bad('copy', `«${get('copy')}» — неизвестный вид: нужно «оригинал» или «скан».`, 'batch_copy');
    const receivedText = get('receivedAt');
    const receivedAt = parseDateCell(receivedText);
    if (!receivedAt) {
      bad(
        'receivedAt',
        receivedText === ''
          ? 'не указана дата получения бюллетеня.'
          : `«${receivedText}» — не дата: нужно ДД.ММ.ГГГГ или ГГГГ-ММ-ДД.`,
        'batch_date',
      );
    }
    const delivery = parseDeliveryCell(get('delivery'));
    if (delivery === null) {
      bad(
        'delivery',
        `«${get('delivery')}» — неизвестный способ доставки: нужно «почта», «лично», «email» или «на собрании».`,
        'batch_delivery',
      );
    }
    const voidReasons = parseVoidCell(get('void'));
    if (!voidReasons) {
      bad(
        'void',
        `«${get('void')}» — неизвестная причина: нужно «нет подписи», «нет реквизитов», «карандаш» или «исправления».`,
        'batch_void',
      );
    }
    let representative: Representative | undefined;
    const repName = checkedName('representative', get('representative'));
    const poa = get('powerOfAttorney');
    if (repName !== '') {
      const date = powerOfAttorneyDate(poa);
      representative = {
        fullName: repName,
        ...(poa !== '' ? { powerOfAttorney: poa } : {}),
        ...(date ? { powerOfAttorneyDate: date } : {}),
      };
    } else if (poa !== '') {
      bad(
        'representative',
        'указана доверенность, но не указан представитель.',
        'batch_representative_missing',
      );
    }

    const marks: Record<number, Mark> = {};
    codes?.begin();
    for (const q of questions.columns) {
      const text = (row[q.col] ?? '').trim();
      const mark = parseMarkCell(text);
      if (!mark) {
        bad(
          q.header,
          `«${text}» — неизвестная отметка: нужно «за», «против», «воздержался», «несколько», «все зачеркнуты» или пусто.`,
          'batch_mark',
        );
      } else {
        marks[q.number] = mark;
        codes?.mark(q.number, mark);
      }
    }

    if (!channel || channel === 'gosuslugi' || !copy || !receivedAt || delivery === null || !voidReasons)
      continue;
    const id = `${file}:${r}`;
    codes?.commit();
    ballots.push({
      id,
      channel,
      voter,
      copy,
      receivedAt,
      ...(delivery ? { delivery } : {}),
      voidReasons,
      ...(representative ? { representative } : {}),
      marks,
      source: id,
    });
  }
  if (hasErrors(problems)) return err(problems);
  if (!codes) return ok({ fileName: file, headerRow, ballots, problems });
  const voters = opts.registry ? { voters: matchVoters(indexVoters(opts.registry), ballots) } : {};
  return ok({ fileName: file, headerRow, ballots, problems, marks: { ...codes.done(), ...voters } });
}
