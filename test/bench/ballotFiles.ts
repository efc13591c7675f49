/**
 * Writes generated ballots as the files `golos tally` reads: the Gosuslugi per-participant results
 * (XLSX with title rows) and the ballot batch file (CSV or XLSX), plus the meeting JSON.
 */
import ExcelJS from 'exceljs';
import { BATCH_COLUMNS } from '../../shared/paper/parseBallotBatch';
import type { Ballot, Mark, MeetingSpec, Person } from '../../shared/domain/types';
import { formatSnils } from '../../shared/registry/snils';
import { BATCH_MARK_WORD, BATCH_VOID_WORD } from '../../shared/vocabulary';
import { largeRegistrySheet } from '../fixtures/registryLayouts';
import { writeRegistryXlsx } from '../fixtures/registryWriters';
import { MEETING_FILE_NAMES, type MeetingFileRole } from './meetingFileNames';

const DELIVERY_WORDS = { mail: 'почта', hand: 'лично', email: 'email', session: 'на собрании', platform: '' };

const ddmmyyyy = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

function personOf(registry: readonly Person[]): (b: Ballot) => Person | undefined {
  const byId = new Map(registry.map((p) => [p.id, p]));
  const bySnils = new Map(registry.map((p) => [p.snils, p]));
  const byPlot = new Map(registry.flatMap((p) => p.holdings.map((h) => [h.plotNumber, p] as const)));
  return (b) =>
    (b.voter.personId && byId.get(b.voter.personId)) ||
    (b.voter.snils && bySnils.get(b.voter.snils)) ||
    (b.voter.plotNumber && byPlot.get(b.voter.plotNumber)) ||
    undefined;
}

async function xlsx(rows: (string | null)[][], sheetName: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function csv(rows: string[][]): Uint8Array {
  const text = rows
    .map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
    .join('\r\n');
  return new TextEncoder().encode(`${text}\r\n`);
}

/** Gosuslugi results: two title rows, a blank row, the header, a row per electronic ballot. */
export function gosuslugiRows(
  ballots: readonly Ballot[],
  registry: readonly Person[],
  meeting: MeetingSpec,
): string[][] {
  const who = personOf(registry);
  const rows: string[][] = [
    ['Протокол заочного голосования с использованием ЕПГУ'],
    ['Решения участников голосования'],
    [],
    [
      'ФИО участника',
      'СНИЛС',
      'Кадастровый номер',
      'Дата голосования',
      ...meeting.questions.map((q) => `Вопрос ${q.number}. ${q.text}`),
    ],
  ];
  for (const b of ballots) {
    if (b.channel !== 'gosuslugi') continue;
    const p = who(b);
    const word = (m: Mark | undefined) => {
      const w = BATCH_MARK_WORD[m ?? 'none'];
      return w === '' ? '' : w[0]!.toUpperCase() + w.slice(1);
    };
    rows.push([
      b.voter.fullName ?? p?.fullName ?? '',
      formatSnils(b.voter.snils ?? p?.snils ?? ''),
      b.voter.cadastralNumber ?? p?.holdings[0]?.cadastralNumber ?? '',
      ddmmyyyy(b.receivedAt),
      ...meeting.questions.map((q) => word(b.marks[q.number])),
    ]);
  }
  return rows;
}

export function writeGosuslugiXlsx(
  ballots: readonly Ballot[],
  registry: readonly Person[],
  meeting: MeetingSpec,
) {
  return xlsx(gosuslugiRows(ballots, registry, meeting), 'Результаты');
}

/** The ballot batch: a paper or in-person ballot per row. */
export function batchRows(
  ballots: readonly Ballot[],
  registry: readonly Person[],
  meeting: MeetingSpec,
): string[][] {
  const who = personOf(registry);
  const rows: string[][] = [[...BATCH_COLUMNS, ...meeting.questions.map((q) => String(q.number))]];
  for (const b of ballots) {
    if (b.channel === 'gosuslugi') continue;
    const p = who(b);
    rows.push([
      b.voter.snils ? formatSnils(b.voter.snils) : '',
      b.voter.plotNumber ?? '',
      b.voter.fullName ?? p?.fullName ?? '',
      b.channel === 'paper' ? 'бумага' : 'очно',
      b.copy === 'scan' ? 'скан' : 'оригинал',
      ddmmyyyy(b.receivedAt),
      b.delivery
        ? DELIVERY_WORDS[b.delivery]
        : b.copy === 'scan'
          ? 'email'
          : b.channel === 'in_person'
            ? 'на собрании'
            : 'почта',
      b.voidReasons.map((r) => BATCH_VOID_WORD[r]).join(', '),
      b.representative?.fullName ?? '',
      b.representative?.powerOfAttorney ?? '',
      ...meeting.questions.map((q) => BATCH_MARK_WORD[b.marks[q.number] ?? 'none']),
    ]);
  }
  return rows;
}

export function writeBatchCsv(
  ballots: readonly Ballot[],
  registry: readonly Person[],
  meeting: MeetingSpec,
): Uint8Array {
  return csv(batchRows(ballots, registry, meeting));
}

export function writeBatchXlsx(
  ballots: readonly Ballot[],
  registry: readonly Person[],
  meeting: MeetingSpec,
) {
  return xlsx(batchRows(ballots, registry, meeting), 'Бюллетени');
}

export function meetingJson(meeting: MeetingSpec): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(meeting, null, 2));
}

/** A meeting's files as a user hands them to `golos tally`: registry, meeting, Gosuslugi and paper. */
export async function meetingFiles(data: {
  registry: Person[];
  meeting: MeetingSpec;
  ballots: Ballot[];
}): Promise<Record<MeetingFileRole, { name: string; bytes: Uint8Array }>> {
  const { registry, meeting, ballots } = data;
  const names = MEETING_FILE_NAMES;
  return {
    registry: { name: names.registry, bytes: await writeRegistryXlsx(largeRegistrySheet(registry)) },
    meeting: { name: names.meeting, bytes: meetingJson(meeting) },
    gosuslugi: { name: names.gosuslugi, bytes: await writeGosuslugiXlsx(ballots, registry, meeting) },
    paper: { name: names.paper, bytes: await writeBatchXlsx(ballots, registry, meeting) },
  };
}
