/** Appendix tables listing persons: participants and their decisions, attendance, registry, decisions. */
import type { Ballot } from '../domain/types';
import { acceptedBallotIds } from '../tally/votes';
import type { CellValue, ProtocolTable } from './protocolTypes';
import {
  byPlotThenName,
  channelsOf,
  col,
  decisionWord,
  personCells,
  personColumns,
  powerOfAttorneyText,
  type TableContext,
} from './protocolTableKit';
import { NOT_VOTING_WORD } from './protocolWords';
import { CHANNEL_LABEL } from '../vocabulary';

export function participantsTable(ctx: TableContext): ProtocolTable {
  const questions = ctx.results.questions;
  const rows: CellValue[][] = [];
  const participants = ctx.results.persons.flatMap((json, i) => (json.participated ? [i] : []));
  for (const i of byPlotThenName(ctx, participants)) {
    const json = ctx.results.persons[i]!;
    rows.push([
      ...personCells(ctx, rows.length + 1, i),
      channelsOf(ctx, i)
        .map((c) => CHANNEL_LABEL[c])
        .join(', '),
      ...questions.map((q) => decisionWord(json.decisions[String(q.number)] ?? null)),
    ]);
  }
  return {
    key: 'participants',
    title: 'Список принявших участие в голосовании и их решения',
    sheetName: 'Участники',
    note:
      'Способ: каналы, по которым от участника принят бюллетень; решение по вопросу учтено один раз. ' +
      `«${NOT_VOTING_WORD}»: участник не голосует по этому вопросу.`,
    columns: [
      ...personColumns(ctx),
      col('Способ', 'text', 20),
      ...questions.map((q) => col(`Вопрос ${q.number}`, 'decision', 14)),
    ],
    rows,
    inPdf: true,
    inWorkbook: true,
  };
}

export function attendanceTable(ctx: TableContext): ProtocolTable {
  const rows: CellValue[][] = [];
  const present = new Map<number, Ballot[]>();
  ctx.result.persons.forEach((_person, i) => {
    const inPerson = acceptedBallotIds(ctx.result, i)
      .map((id) => ctx.ballotsById.get(id))
      .filter((b): b is Ballot => b?.channel === 'in_person');
    if (inPerson.length > 0) present.set(i, inPerson);
  });
  for (const i of byPlotThenName(ctx, [...present.keys()])) {
    const rep = present.get(i)!.find((b) => b.representative)?.representative;
    rows.push([
      ...personCells(ctx, rows.length + 1, i, false),
      rep?.fullName ?? '',
      rep ? powerOfAttorneyText(rep) : '',
      '',
    ]);
  }
  return {
    key: 'attendance',
    title: ctx.mkd
      ? 'Список собственников помещений (представителей), присутствовавших на очной части собрания'
      : 'Лист регистрации участников очной части собрания',
    sheetName: 'Регистрация',
    note: 'Участники, голосовавшие очно (лично или через представителя).',
    columns: [
      ...personColumns(ctx, false),
      col('Представитель', 'text', 36),
      col('Доверенность', 'text', 30),
      col('Подпись', 'text', 24),
    ],
    rows,
    inPdf: true,
    inWorkbook: true,
  };
}

/** Every registry person with their votes: an appendix when votes are weighted (МКД: реестр собственников). */
export function registryTable(ctx: TableContext): ProtocolTable {
  const rows = ctx.results.persons.map((json, i): CellValue[] => [
    ...personCells(ctx, i + 1, i),
    json.participated ? 'да' : 'нет',
  ]);
  return {
    key: 'registry',
    title: ctx.mkd ? 'Реестр собственников помещений и их голоса' : 'Реестр и число голосов',
    sheetName: 'Реестр',
    columns: [...personColumns(ctx), col('Принял участие', 'text', 18)],
    rows,
    inPdf: ctx.weighted,
    inWorkbook: false,
  };
}

/** The per-person decisions matrix: every registry person, every question. */
export function decisionsTable(ctx: TableContext): ProtocolTable {
  const questions = ctx.results.questions;
  const rows = ctx.results.persons.map((json, i): CellValue[] => [
    ...personCells(ctx, i + 1, i),
    json.participated ? 'да' : 'нет',
    channelsOf(ctx, i)
      .map((c) => CHANNEL_LABEL[c])
      .join(', '),
    ...questions.map((q) => {
      const d = json.decisions[String(q.number)] ?? null;
      return json.participated ? decisionWord(d) : null;
    }),
  ]);
  return {
    key: 'decisions',
    title: 'Решения каждого участника реестра по вопросам',
    sheetName: 'Решения',
    columns: [
      ...personColumns(ctx),
      col('Принял участие', 'text', 14),
      col('Способ', 'text', 20),
      ...questions.map((q) => col(`Вопрос ${q.number}`, 'decision', 14)),
    ],
    rows,
    inPdf: false,
    inWorkbook: true,
  };
}
