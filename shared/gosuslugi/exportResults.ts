/**
 * The Gosuslugi ballots the app counted, written back in the layout of the platform's results file (title
 * rows, a header, a row per participant; `golos tally --gosuslugi` reads it). The app keeps the ballots it
 * built from the imported files, not the files themselves; this export carries what was counted: each row
 * names the voter by the registry person the row was matched to (also a row the commission matched by
 * hand or confirmed by name), so the command line finds the same person. Rows the commission marked «не
 * участник» are not counted and not written (the protocol's appendix lists them).
 */
import type { Ballot, Mark, Person } from '../domain/types';
import { dateRu } from '../meetings/dates';
import { formatSnils } from '../registry/snils';
import { BATCH_MARK_WORD } from '../vocabulary';

export const GOSUSLUGI_EXPORT_NAME = 'Госуслуги (голоса, как учтены).xlsx';

const word = (m: Mark | undefined): string => {
  const w = BATCH_MARK_WORD[m ?? 'none'];
  return w === '' ? '' : w[0]!.toUpperCase() + w.slice(1);
};

/** The rows of the file: two title rows, a blank row, the header, a row per electronic ballot. */
export function gosuslugiResultRows(
  ballots: readonly Ballot[],
  registry: readonly Person[],
  questions: readonly { number: number; text: string }[],
): string[][] {
  const byId = new Map(registry.map((p) => [p.id, p]));
  const rows: string[][] = [
    ['Протокол заочного голосования с использованием ЕПГУ'],
    ['Решения участников голосования (выгрузка Golos: голоса, как они учтены)'],
    [],
    [
      'ФИО участника',
      'СНИЛС',
      'Кадастровый номер',
      'Дата голосования',
      ...questions.map((q) => `Вопрос ${q.number}. ${q.text}`),
    ],
  ];
  for (const b of ballots) {
    if (b.channel !== 'gosuslugi') continue;
    const p = b.voter.personId ? byId.get(b.voter.personId) : undefined;
    // The matched person's own details; a row matched to no one keeps what its file said.
    const snils = p ? p.snils : b.voter.snils;
    const cadastral = p
      ? (p.holdings.find((h) => h.cadastralNumber)?.cadastralNumber ?? '')
      : (b.voter.cadastralNumber ?? '');
    rows.push([
      p?.fullName ?? b.voter.fullName ?? '',
      snils ? formatSnils(snils) : '',
      cadastral,
      dateRu(b.receivedAt.slice(0, 10)),
      ...questions.map((q) => word(b.marks[q.number])),
    ]);
  }
  return rows;
}

/** The same rows as an XLSX workbook (exceljs is loaded only now). */
export async function buildGosuslugiXlsx(
  ballots: readonly Ballot[],
  registry: readonly Person[],
  questions: readonly { number: number; text: string }[],
): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Результаты');
  for (const r of gosuslugiResultRows(ballots, registry, questions)) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
