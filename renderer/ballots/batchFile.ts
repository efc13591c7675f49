/**
 * The ballot batch file for moving ballots between laptops (docs/ballot-batch.md). Export: version 2,
 * every paper and in-person record with its whole history after the table `golos tally --paper`
 * counts. Import: a version 2 file is merged history by history (shared/paper/historyMerge); a
 * version 1 file (ballots only) is merged ballot by ballot as before. Loaded on demand (the
 * spreadsheet reader is heavy).
 */
import type { Ballot, IsoTimestamp } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import { MEETING_JSON_NAME, meetingJsonText } from '../../shared/meetings/meetingJsonExport';
import { parseBallotBatch } from '../../shared/paper/parseBallotBatch';
import { currentVersion, type LaptopRef, type PaperBallotRecord } from '../../shared/paper/ballotRecord';
import { mergeBallotBatch, type BatchMerge } from '../../shared/paper/ballotBatch';
import {
  ballotSetFingerprint,
  readBatchV2,
  writeBatchV2,
  type BatchOrigin,
} from '../../shared/paper/ballotBatchV2';
import { clashKey, laptopClashes, type LaptopClash } from '../../shared/paper/batchClashes';
import { mergeHistories, type HistoryMerge } from '../../shared/paper/historyMerge';
import { normalizeName } from '../../shared/text/normalizeName';
import { err, problem, type Result } from '../../shared/result';
import { readTable } from '../../shared/spreadsheet/readTable';
import type { MeetingTallyInput } from '../tally/meetingTally';
import type { PackageFile } from '../platform/platform';
import type { LaptopImport } from './batchImportRepo';

/** The meeting as a batch file names it. */
export function meetingIdentity(meeting: Meeting): BatchOrigin['meeting'] {
  return { id: meeting.id, title: meeting.title, date: meeting.sessionDate ?? meeting.votingEnd };
}

function safeName(text: string): string {
  return text
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
}

/** «Бюллетени <собрание> <ноутбук> <ГГГГ-ММ-ДД ЧЧ-ММ>.csv»: files of two laptops never overwrite. */
export function batchFileName(meeting: Meeting, laptop: LaptopRef, at: IsoTimestamp): string {
  const when = `${at.slice(0, 10)} ${at.slice(11, 13)}-${at.slice(14, 16)}`;
  return `Бюллетени ${safeName(meeting.title || 'собрания')} ${safeName(laptop.name)} ${when}.csv`;
}

/** «Бюллетени … .meeting.json»: the meeting.json saved beside the batch file `batchName`. */
export function besideMeetingJsonName(batchName: string): string {
  return `${batchName.replace(/\.csv$/i, '')}.${MEETING_JSON_NAME}`;
}

/**
 * The files saved beside a batch file: the meeting as the command line's meeting.json (with the counting
 * commission's decisions), so that `golos tally --paper <batch> --meeting <this>` with the registry and the
 * Gosuslugi files reproduces the app's figures; and, rarely, the decisions it could not carry.
 */
export function besideBatch(input: MeetingTallyInput, batchName: string): PackageFile[] {
  const json = meetingJsonText(input.meeting, input);
  const name = besideMeetingJsonName(batchName);
  const notes = json.problems.map((p) => p.message).join('\n');
  return [
    { name, bytes: new TextEncoder().encode(json.text) },
    ...(notes ? [{ name: `${name} — замечания.txt`, bytes: new TextEncoder().encode(`${notes}\n`) }] : []),
  ];
}

/** Every paper and in-person record with its history, as the batch file v2 (UTF-8 CSV). */
export function exportBatch(
  input: MeetingTallyInput,
  laptop: LaptopRef,
  at: IsoTimestamp,
): { bytes: Uint8Array; count: number; fingerprint: string } {
  const records = input.paperRecords.filter((r) => currentVersion(r).ballot.channel !== 'gosuslugi');
  const fingerprint = ballotSetFingerprint(input.paperRecords);
  const text = writeBatchV2(records, {
    origin: { meeting: meetingIdentity(input.meeting), laptop, exportedAt: at, fingerprint },
    questions: input.meeting.questions.map((q) => q.number),
    registry: input.registry,
    doubleEntry: input.meeting.doubleEntry === true,
  });
  return { bytes: new TextEncoder().encode(text), count: records.length, fingerprint };
}

export type ReadBatch =
  | { version: 1; ballots: Ballot[]; warnings: string[] }
  | { version: 2; origin: BatchOrigin; records: PaperBallotRecord[]; warnings: string[] };

/**
 * Every ballot (version 1) or record (version 2) of a batch file, or its problems (row and field
 * named). A version 2 file of another meeting is refused with that meeting's name.
 */
export async function readBatch(
  bytes: Uint8Array,
  fileName: string,
  input: MeetingTallyInput,
): Promise<Result<ReadBatch>> {
  const table = await readTable(bytes, fileName);
  if (!table.ok) return table;
  const v2 = readBatchV2(table.value);
  if (v2) {
    if (!v2.ok) return v2;
    const { origin, records } = v2.value;
    const here = meetingIdentity(input.meeting);
    const warnings: string[] = [];
    if (origin.meeting.id !== here.id) {
      const sameName =
        normalizeName(origin.meeting.title) === normalizeName(here.title) &&
        origin.meeting.date === here.date;
      if (!sameName) {
        return err([
          problem(
            'batch_other_meeting',
            `Файл «${fileName}» — из другого собрания: «${origin.meeting.title}»` +
              `${origin.meeting.date ? ` (${origin.meeting.date.split('-').reverse().join('.')})` : ''}, ` +
              `а открыто «${here.title}».`,
            { file: fileName, row: 2, field: 'Собрание' },
          ),
        ]);
      }
      warnings.push(
        `Собрание в файле создано на другом ноутбуке отдельно («${origin.meeting.title}», то же название и дата): бюллетени сопоставлены по участникам.`,
      );
    }
    return { ok: true, value: { version: 2, origin, records, warnings } };
  }
  const parsed = parseBallotBatch(table.value, { questions: input.meeting.questions.map((q) => q.number) });
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    value: {
      version: 1,
      ballots: parsed.value.ballots,
      warnings: parsed.value.problems.map((p) => p.message),
    },
  };
}

/** What importing a version 1 file would do: new ballots, ones already stored, clashes. */
export function planImport(input: MeetingTallyInput, imported: readonly Ballot[]): BatchMerge {
  // Every stored ballot, withdrawn ones too, so a withdrawn ballot is not brought back.
  const stored = input.paperRecords.map((r) => currentVersion(r).ballot);
  return mergeBallotBatch(stored, imported, {
    questions: input.meeting.questions.map((q) => q.number),
    registry: input.registry,
  });
}

export interface HistoryPlan {
  merge: HistoryMerge;
  /** Ballots new here. */
  newBallots: number;
  /** Versions arriving for ballots held here, by kind (corrected, withdrawn…). */
  changes: Record<string, number>;
  /** Clashes the import would open (they go to «Сверка»). */
  clashes: LaptopClash[];
  /** The incoming records those clashes are about (kept on «Сверка» even if the import is cancelled). */
  clashRecords: PaperBallotRecord[];
  /** The file is older than the last one imported from its laptop. */
  older?: LaptopImport;
}

/** What importing a version 2 file would do. */
export function planHistories(
  input: MeetingTallyInput,
  file: { origin: BatchOrigin; records: readonly PaperBallotRecord[] },
  last: readonly LaptopImport[],
): HistoryPlan {
  const merge = mergeHistories(input.paperRecords, file.records);
  const held = new Set(input.paperRecords.map((r) => r.id));
  const changes: Record<string, number> = {};
  let newBallots = 0;
  for (const c of merge.changed) {
    if (!held.has(c.record.id)) newBallots++;
    else for (const v of c.added) changes[v.kind] = (changes[v.kind] ?? 0) + 1;
  }
  const questions = input.meeting.questions.map((q) => q.number);
  const before = new Set(laptopClashes(input.paperRecords, input.registry, questions).map(clashKey));
  const after = new Map(input.paperRecords.map((r) => [r.id, r as PaperBallotRecord]));
  for (const c of merge.changed) after.set(c.record.id, c.record);
  const clashes = laptopClashes([...after.values()], input.registry, questions).filter(
    (c) => !before.has(clashKey(c)),
  );
  const involved = new Set(
    clashes.flatMap((c) => (c.kind === 'versions' ? [c.record.id] : c.records.map((r) => r.id))),
  );
  const prev = last.find((l) => l.laptopId === file.origin.laptop.id);
  return {
    merge,
    newBallots,
    changes,
    clashes,
    clashRecords: file.records.filter((r) => involved.has(r.id)),
    ...(prev && file.origin.exportedAt < prev.exportedAt ? { older: prev } : {}),
  };
}
