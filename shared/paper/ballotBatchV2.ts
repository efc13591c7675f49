/**
 * The ballot batch file, version 2 (docs/ballot-batch.md): the version 1 table (what `golos tally
 * --paper` counts) preceded by the meeting, the laptop and the time of export, with every paper and
 * in-person record as a row: «Учёт» says whether it counts, «Бюллетень» is the record's id and
 * «История» its whole version history as JSON (what another laptop merges, see historyMerge).
 */
import { parseDateCell } from '../ballots/cellValues';
import { BATCH_COLUMNS, COUNTED_STATE } from './parseBallotBatch';
import { sha256 } from '../crypto/sha256';
import type { Ballot, IsoDate, IsoTimestamp, Person } from '../domain/types';
import { err, ok, problem, type Problem, type Result } from '../result';
import type { Table } from '../spreadsheet/table';
import { writeCsv } from '../spreadsheet/writeCsv';
import { ballotCells, portableVoter } from './ballotBatch';
import {
  countedVersion,
  currentVersion,
  headVersions,
  versionId,
  type BallotVersion,
  type LaptopRef,
  type PaperBallotRecord,
  type VersionKind,
} from './ballotRecord';
import { pendingSecondEntry } from './doubleEntry';
import { dateRu } from '../meetings/dates';

export const BATCH_MARKER = 'Файл бюллетеней Golos';
export const BATCH_VERSION = '2';

/** Where a file comes from: the meeting, the laptop, when it was written and its ballot set. */
export interface BatchOrigin {
  meeting: { id: string; title: string; date: IsoDate };
  laptop: LaptopRef;
  exportedAt: IsoTimestamp;
  /** ballotSetFingerprint of the laptop's records when the file was written. */
  fingerprint: string;
}

const KINDS: readonly VersionKind[] = [
  'logged',
  'entered',
  'corrected',
  'withdrawn',
  'restored',
  'second_entry',
  'settled',
];

/** «Учёт» of a record: counts, or why not. */
export function recordState(record: PaperBallotRecord, doubleEntry: boolean): string {
  if (headVersions(record).length > 1) return 'расхождение между ноутбуками';
  const cur = currentVersion(record);
  if (cur.withdrawn) return 'отозван';
  if (!cur.marksEntered) return 'не введён';
  if (countedVersion(record, { doubleEntry })) return COUNTED_STATE;
  return pendingSecondEntry(record) ? 'ждёт сверки' : 'ждёт повторного ввода';
}

// Digits and Cyrillic letters that are not easily misheard: four of them are read aloud.
const ALPHABET = '23456789АБВГДЕЖИКЛМНПРСТУФХЦЧШЭЮЯ';

/**
 * Four characters that are the same on two laptops exactly when they hold the same ballots with the
 * same histories (every record's id and the versions it ends with).
 */
export function ballotSetFingerprint(records: readonly PaperBallotRecord[]): string {
  const lines = records.map((r) => [r.id, ...headVersions(r).map(versionId).sort()].join(' ')).sort();
  const h = sha256(lines.join('\n'));
  let n = ((h[0]! << 24) | (h[1]! << 16) | (h[2]! << 8) | h[3]!) >>> 0;
  let out = '';
  for (let i = 0; i < 4; i++) {
    out += ALPHABET[n % ALPHABET.length];
    n = Math.floor(n / ALPHABET.length);
  }
  return out;
}

/** A version as the file carries it: explicit id and parents, a voter another laptop can match. */
function portableVersion(
  record: PaperBallotRecord,
  v: BallotVersion,
  byId: ReadonlyMap<string, Person>,
): BallotVersion {
  const { attachmentIds: _files, ...rest } = v;
  const before = record.versions[v.n - 2];
  return {
    ...rest,
    vid: versionId(v),
    parents: v.parents ?? (before ? [versionId(before)] : []),
    ballot: { ...v.ballot, voter: portableVoter(v.ballot, byId) },
  };
}

export interface BatchWriteOptions {
  origin: BatchOrigin;
  questions: readonly number[];
  registry: readonly Person[];
  doubleEntry: boolean;
}

/** The file: the origin rows, a blank row, then the table of every paper and in-person record. */
export function writeBatchV2(records: readonly PaperBallotRecord[], opts: BatchWriteOptions): string {
  const { origin } = opts;
  const byId = new Map(opts.registry.map((p) => [p.id, p]));
  const lines: string[][] = [
    [BATCH_MARKER, BATCH_VERSION],
    ['Собрание', origin.meeting.title, dateRu(origin.meeting.date), origin.meeting.id],
    ['Ноутбук', origin.laptop.name, origin.laptop.id],
    ['Выгружен', origin.exportedAt, 'Отпечаток', origin.fingerprint],
    [],
    [...BATCH_COLUMNS, ...opts.questions.map(String), 'Учёт', 'Бюллетень', 'История'],
  ];
  for (const r of records) {
    const cur = currentVersion(r).ballot;
    if (cur.channel === 'gosuslugi') continue;
    lines.push([
      ...ballotCells(cur, opts.questions, byId),
      recordState(r, opts.doubleEntry),
      r.id,
      JSON.stringify(r.versions.map((v) => portableVersion(r, v, byId))),
    ]);
  }
  return writeCsv(lines);
}

export interface BatchV2 {
  origin: BatchOrigin;
  records: PaperBallotRecord[];
}

function isBallot(b: unknown, id: string): b is Ballot {
  const x = b as Ballot;
  return (
    typeof x === 'object' &&
    x !== null &&
    x.id === id &&
    (x.channel === 'paper' || x.channel === 'in_person') &&
    typeof x.voter === 'object' &&
    x.voter !== null &&
    typeof x.marks === 'object' &&
    x.marks !== null &&
    Array.isArray(x.voidReasons) &&
    typeof x.receivedAt === 'string'
  );
}

function isVersion(v: unknown, id: string): v is BallotVersion {
  const x = v as BallotVersion;
  return (
    typeof x === 'object' &&
    x !== null &&
    KINDS.includes(x.kind) &&
    typeof x.vid === 'string' &&
    Array.isArray(x.parents) &&
    x.parents.every((p) => typeof p === 'string') &&
    typeof x.by === 'string' &&
    typeof x.at === 'string' &&
    typeof x.marksEntered === 'boolean' &&
    typeof x.withdrawn === 'boolean' &&
    isBallot(x.ballot, id)
  );
}

/**
 * The origin and every record of a version 2 file; null when the table is not one (a version 1
 * file: read it with parseBallotBatch). Problems name the row and the field.
 */
export function readBatchV2(table: Table): Result<BatchV2> | null {
  const rows = table.rows;
  if ((rows[0]?.[0] ?? '').trim() !== BATCH_MARKER) return null;
  const file = table.fileName;
  const problems: Problem[] = [];
  const cell = (r: number, c: number) => (rows[r - 1]?.[c] ?? '').trim();
  const bad = (row: number, field: string, text: string) =>
    problems.push(problem('batch_v2', `Строка ${row}, поле «${field}»: ${text}`, { file, row, field }));
  if (cell(1, 1) !== BATCH_VERSION) {
    bad(1, BATCH_MARKER, `версия файла «${cell(1, 1)}» этой программе не известна: обновите программу.`);
  }
  const at = (label: string) => rows.findIndex((r) => (r[0] ?? '').trim() === label) + 1;
  const m = at('Собрание');
  const l = at('Ноутбук');
  const e = at('Выгружен');
  const header = rows.findIndex((r) => r.some((c) => c.trim() === 'История')) + 1;
  if (!m || !cell(m, 3)) bad(m || 2, 'Собрание', 'не указано собрание (название, дата, номер).');
  if (!l || !cell(l, 2)) bad(l || 3, 'Ноутбук', 'не указан ноутбук, с которого выгружен файл.');
  if (!e || !cell(e, 1)) bad(e || 4, 'Выгружен', 'не указано время выгрузки.');
  if (!header) bad(6, 'История', 'нет столбца «История» с историей бюллетеней.');
  if (problems.length) return err(problems);
  const col = (name: string) => rows[header - 1]!.findIndex((c) => c.trim() === name);
  const idCol = col('Бюллетень');
  const historyCol = col('История');
  const records: PaperBallotRecord[] = [];
  const seen = new Set<string>();
  for (let r = header + 1; r <= rows.length; r++) {
    const row = rows[r - 1]!;
    if (row.every((c) => c.trim() === '')) continue;
    const id = (row[idCol] ?? '').trim();
    if (!id) {
      bad(r, 'Бюллетень', 'не указан номер бюллетеня.');
      continue;
    }
    if (seen.has(id)) {
      bad(r, 'Бюллетень', `бюллетень ${id} уже был в файле выше.`);
      continue;
    }
    seen.add(id);
    let versions: unknown;
    try {
      versions = JSON.parse(row[historyCol] ?? '');
    } catch {
      versions = null;
    }
    if (!Array.isArray(versions) || versions.length === 0 || !versions.every((v) => isVersion(v, id))) {
      bad(r, 'История', 'история бюллетеня повреждена (файл правили вручную?): выгрузите файл заново.');
      continue;
    }
    const vs = versions as BallotVersion[];
    records.push({ id, versions: vs.map((v, i) => ({ ...v, n: i + 1 })) });
  }
  if (problems.length) return err(problems);
  return ok({
    origin: {
      meeting: { title: cell(m, 1), date: parseDateCell(cell(m, 2)) ?? '', id: cell(m, 3) },
      laptop: { name: cell(l, 1), id: cell(l, 2) },
      exportedAt: cell(e, 1),
      fingerprint: cell(e, 3),
    },
    records,
  });
}
