/**
 * Telling imports apart: the same file twice is refused by its content hash; a corrected file replaces
 * the earlier import as one step whose changes are shown first, person by person and question by question.
 */
import { sha256Hex } from '../crypto/sha256';
import type { Ballot, IsoTimestamp, Mark, Person } from '../domain/types';
import { formatDateRu, plural } from '../meetings/dates';
import { problem, type Problem } from '../result';
import { GOSUSLUGI_MARK_LABEL } from '../vocabulary';

/** SHA-256 of the file's bytes, hex. */
export function contentHash(bytes: Uint8Array): string {
  return sha256Hex(bytes);
}

/** What the app keeps of an earlier import to recognise its file. */
export interface ImportRecord {
  contentHash: string;
  fileName: string;
  importedAt?: IsoTimestamp;
}

/** A polite refusal when a file with this content was imported already; null otherwise. */
export function reimportProblem(
  hash: string,
  fileName: string,
  previous: readonly ImportRecord[],
): Problem | null {
  const earlier = previous.find((p) => p.contentHash === hash);
  if (!earlier) return null;
  const when = earlier.importedAt ? ` ${formatDateRu(earlier.importedAt.slice(0, 10))}` : '';
  const as = earlier.fileName !== fileName ? ` под именем «${earlier.fileName}»` : '';
  return problem(
    'gosuslugi_already_imported',
    `Файл «${fileName}» уже импортирован${when}${as}: тот же файл второй раз не загружается. ` +
      'Если платформа прислала исправленный файл, загрузите его — он заменит прежний импорт.',
    { file: fileName },
  );
}

export interface MarkChange {
  question: number;
  before: Mark;
  after: Mark;
}

export interface BallotChange {
  personId: string;
  before: Ballot;
  after: Ballot;
  /** Questions whose answer differs, in question order. */
  marks: MarkChange[];
}

export interface GosuslugiImportDiff {
  /** Ballots of persons who were not in the earlier import (or one more row of a person). */
  added: Ballot[];
  /** Ballots of the earlier import with no counterpart in the new one. */
  removed: Ballot[];
  changed: BallotChange[];
  unchanged: number;
  /** Nothing would change. */
  same: boolean;
}

const keyOf = (b: Ballot): string => b.voter.personId ?? `?${b.source}`;
/** Row of a `file:row` source, for pairing a person's ballots in file order. */
const rowOf = (b: Ballot): number => Number(/:(\d+)$/.exec(b.source)?.[1] ?? 0);

function groups(ballots: readonly Ballot[]): Map<string, Ballot[]> {
  const out = new Map<string, Ballot[]>();
  for (const b of ballots) {
    const list = out.get(keyOf(b));
    if (list) list.push(b);
    else out.set(keyOf(b), [b]);
  }
  for (const list of out.values()) list.sort((a, b) => rowOf(a) - rowOf(b));
  return out;
}

function markChanges(before: Ballot, after: Ballot): MarkChange[] {
  const questions = new Set([...Object.keys(before.marks), ...Object.keys(after.marks)].map(Number));
  return [...questions]
    .sort((a, b) => a - b)
    .flatMap((question) => {
      const b = before.marks[question] ?? 'none';
      const a = after.marks[question] ?? 'none';
      return a === b ? [] : [{ question, before: b, after: a }];
    });
}

/**
 * What replacing the ballots of an earlier import with those of a corrected file changes, matched by
 * person (a person's several ballots in file order).
 */
export function diffGosuslugiImports(
  previous: readonly Ballot[],
  next: readonly Ballot[],
): GosuslugiImportDiff {
  const before = groups(previous);
  const after = groups(next);
  const diff: GosuslugiImportDiff = { added: [], removed: [], changed: [], unchanged: 0, same: true };
  for (const [key, olds] of before) {
    const news = after.get(key) ?? [];
    olds.forEach((old, i) => {
      const now = news[i];
      if (!now) {
        diff.removed.push(old);
        return;
      }
      const marks = markChanges(old, now);
      if (marks.length === 0 && old.receivedAt === now.receivedAt) diff.unchanged++;
      else diff.changed.push({ personId: key, before: old, after: now, marks });
    });
    diff.added.push(...news.slice(olds.length));
  }
  for (const [key, news] of after) if (!before.has(key)) diff.added.push(...news);
  const bySource = (a: Ballot, b: Ballot): number => rowOf(a) - rowOf(b);
  diff.added.sort(bySource);
  diff.removed.sort(bySource);
  diff.changed.sort((a, b) => bySource(a.after, b.after));
  diff.same = diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
  return diff;
}

/** The diff in Russian for the confirmation dialog: a count line, then a line per person. */
export function describeGosuslugiDiff(diff: GosuslugiImportDiff, persons: readonly Person[] = []): string[] {
  if (diff.same) return ['Исправленный файл ничего не меняет.'];
  const names = new Map(persons.map((p) => [p.id, p.fullName]));
  const name = (b: Ballot): string =>
    names.get(b.voter.personId ?? '') ?? b.voter.fullName ?? b.voter.snils ?? b.source;
  const n = (k: number): string => `${k} ${plural(k, ['бюллетень', 'бюллетеня', 'бюллетеней'])}`;
  const lines = [
    `Добавится ${n(diff.added.length)}, уберётся ${n(diff.removed.length)}, ` +
      `изменится ${n(diff.changed.length)}, без изменений ${n(diff.unchanged)}.`,
  ];
  for (const b of diff.added) lines.push(`Добавится: ${name(b)} (${b.source}).`);
  for (const b of diff.removed) lines.push(`Уберётся: ${name(b)} (${b.source}).`);
  for (const c of diff.changed) {
    const parts = c.marks.map(
      (m) => `вопрос ${m.question}: «${GOSUSLUGI_MARK_LABEL[m.before]}» → «${GOSUSLUGI_MARK_LABEL[m.after]}»`,
    );
    if (c.before.receivedAt !== c.after.receivedAt) {
      parts.push(`дата: ${formatDateRu(c.before.receivedAt)} → ${formatDateRu(c.after.receivedAt)}`);
    }
    const text = parts.join('; ');
    lines.push(`Изменится: ${name(c.after)} (${c.after.source}) — ${text}${text.endsWith('.') ? '' : '.'}`);
  }
  return lines;
}
