/** What every appendix table of the protocol reads, and the columns and cells lists of persons share. */
import type { Ballot, Channel, Person } from '../domain/types';
import type { ResultsJson } from '../results/buildResults';
import type { BallotOutcome, Decision, TallyResult } from '../tally/types';
import { acceptedBallotIds } from '../tally/votes';
import type {
  CellValue,
  ColumnKind,
  ExcludedRow,
  ProtocolColumn,
  ProtocolMeeting,
  ProtocolTable,
} from './protocolTypes';
import { CHANNEL_ORDER, holdingsText, NOT_VOTING_WORD, snilsText } from './protocolWords';
import { MARK_LABEL, STATUS_LABEL } from '../vocabulary';
import { dateRu } from '../meetings/dates';

export interface TableContext {
  results: ResultsJson;
  result: TallyResult;
  meeting: ProtocolMeeting;
  mkd: boolean;
  weighted: boolean;
  masked: boolean;
  personsById: Map<string, Person>;
  ballotsById: Map<string, Ballot>;
  outcomesById: Map<string, BallotOutcome>;
  namesById: Map<string, string>;
  excluded: readonly ExcludedRow[];
}

const NATURAL = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

/**
 * Indices of results.json persons in the order lists of persons print them: by the first plot (premises)
 * number in natural order (2 before 10, 10 before 10а), then by name; persons without one last.
 */
export function byPlotThenName(ctx: TableContext, indices: readonly number[]): number[] {
  const plot = (i: number): string =>
    ctx.personsById.get(ctx.results.persons[i]!.id)?.holdings[0]?.plotNumber?.trim() ?? '';
  return [...indices].sort((a, b) => {
    const pa = plot(a);
    const pb = plot(b);
    if (!pa !== !pb) return pa ? -1 : 1;
    return (
      NATURAL.compare(pa, pb) || NATURAL.compare(ctx.results.persons[a]!.name, ctx.results.persons[b]!.name)
    );
  });
}

export const col = (header: string, kind: ColumnKind, width: number): ProtocolColumn => ({
  header,
  kind,
  width,
});

/** What names an appendix table and where it goes: the PDF and the workbook unless told otherwise. */
export type TableHead = Pick<ProtocolTable, 'key' | 'title' | 'sheetName'> &
  Partial<Pick<ProtocolTable, 'note' | 'inPdf' | 'inWorkbook'>>;

/** A table whose rows are numbered 1, 2, … in a first column «№» (the rows and columns come without it). */
export function numberedTable(
  head: TableHead,
  columns: readonly ProtocolColumn[],
  rows: readonly CellValue[][],
): ProtocolTable {
  const { key, title, sheetName, note, inPdf = true, inWorkbook = true } = head;
  return {
    key,
    title,
    sheetName,
    ...(note !== undefined ? { note } : {}),
    columns: [col('№', 'count', 8), ...columns],
    rows: rows.map((cells, i) => [i + 1, ...cells]),
    inPdf,
    inWorkbook,
  };
}

/** №, ФИО, СНИЛС, участок, статус (СНТ), голосов (по весу): the columns every list of persons starts with. */
export function personColumns(ctx: TableContext, withSnils = true): ProtocolColumn[] {
  return [
    col('№', 'count', 8),
    col('ФИО', 'text', 42),
    ...(withSnils ? [col('СНИЛС', 'text', 23)] : []),
    col(ctx.mkd ? 'Помещение' : 'Участок', 'text', 13),
    ...(ctx.mkd ? [] : [col('Статус', 'text', 13)]),
    ...(ctx.weighted ? [col('Голосов', 'weight', 15)] : []),
  ];
}

export function personCells(ctx: TableContext, n: number, index: number, withSnils = true): CellValue[] {
  const json = ctx.results.persons[index]!;
  const person = ctx.personsById.get(json.id);
  return [
    n,
    json.name,
    ...(withSnils ? [snilsText(person?.snils, ctx.masked)] : []),
    holdingsText(person),
    ...(ctx.mkd ? [] : [STATUS_LABEL[ctx.result.persons[index]!.status]]),
    ...(ctx.weighted ? [json.weight] : []),
  ];
}

export function channelsOf(ctx: TableContext, index: number): Channel[] {
  const set = new Set(acceptedBallotIds(ctx.result, index).map((id) => ctx.outcomesById.get(id)!.channel));
  return CHANNEL_ORDER.filter((c) => set.has(c));
}

export function decisionWord(d: Decision | null): string {
  return d === null ? NOT_VOTING_WORD : MARK_LABEL[d];
}

export function powerOfAttorneyText(rep: NonNullable<Ballot['representative']>): string {
  const text = rep.powerOfAttorney?.trim() ?? '';
  const date = rep.powerOfAttorneyDate ? dateRu(rep.powerOfAttorneyDate) : '';
  if (!text) return date ? `от ${date}` : 'не указана';
  return date && !text.includes(date) ? `${text} от ${date}` : text;
}

export function voterName(ctx: TableContext, outcome: BallotOutcome): string {
  if (outcome.personId) return ctx.namesById.get(outcome.personId) ?? '';
  return ctx.ballotsById.get(outcome.ballotId)?.voter.fullName ?? '';
}
