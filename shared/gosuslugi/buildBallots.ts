/**
 * The confirmed preview as electronic ballots for the tally, plus the rows that are not counted and why.
 * Used by the app when the user confirms the import and by the command line on the same files.
 */
import type { Ballot, IsoDate, Mark, Person } from '../domain/types';
import { err, ok, type Problem, type Result } from '../result';
import type { VoterIndex } from '../registry/voterIndex';
import type { MarkCodesWriter } from '../tally/markCodes';
import type { Table } from '../spreadsheet/table';
import type { AgendaQuestion, GosuslugiMapping } from './mapping';
import type { MatchDecision } from './matchRows';
import { previewGosuslugi, type GosuslugiPreview } from './preview';
import { proposeGosuslugiMapping, type GosuslugiProposal } from './propose';
import type { GosuslugiRow, ValueOverride } from './readRows';

/** A row that gives no ballot. */
export interface NotCountedRow {
  /** `file:row`, like a ballot's source. */
  source: string;
  row: number;
  name: string;
  /**
   * not_found: no one in the registry; ambiguous: several persons fit and no one was picked;
   * no_details: the row names no one; not_participant: the user said so (note: their reason);
   * skipped: the user skipped the row.
   */
  reason: 'not_found' | 'ambiguous' | 'no_details' | 'not_participant' | 'skipped';
  note?: string;
}

export interface GosuslugiBallots {
  ballots: Ballot[];
  notCounted: NotCountedRow[];
}

export interface BuildOptions {
  /**
   * Date of receipt of a ballot whose row has no date of voting: the last day of voting (the platform
   * closes then) or a date given.
   */
  receivedAt: IsoDate;
  /** Ballot ids are `${idPrefix}:${row}` (default: the file name, like the source). */
  idPrefix?: string;
  /** Where each ballot's marks are written as codes too, as they are read (the tally's input, markCodes.ts). */
  marks?: MarkCodesWriter;
}

/** Mapped question numbers, in order. */
export function mappedQuestions(mapping: GosuslugiMapping): number[] {
  return Object.keys(mapping.questions)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * The electronic ballot of one row: the person found (personId) and what the file says of them, an
 * answer per mapped question (blank: none), dated by the row's date of voting or the date given.
 */
export function rowBallot(
  row: GosuslugiRow,
  file: string,
  questions: readonly number[],
  opts: BuildOptions,
  personId?: string,
): Ballot {
  const marks: Record<number, Mark> = {};
  opts.marks?.begin();
  for (const q of questions) {
    const m = row.marks[q] ?? 'none';
    marks[q] = m;
    opts.marks?.mark(q, m);
  }
  opts.marks?.commit();
  const source = `${file}:${row.row}`;
  return {
    id: `${opts.idPrefix ?? file}:${row.row}`,
    channel: 'gosuslugi',
    voter: {
      ...(personId ? { personId } : {}),
      ...(row.snils ? { snils: row.snils } : {}),
      ...(row.cadastral.length ? { cadastralNumber: row.cadastral.join('; ') } : {}),
      ...(row.plot ? { plotNumber: row.plot } : {}),
      ...(row.fullName ? { fullName: row.fullName } : {}),
    },
    copy: 'original',
    receivedAt: row.votedAt ?? opts.receivedAt,
    delivery: 'platform',
    voidReasons: [],
    marks,
    source,
  };
}

/** Ballots of a ready preview; the preview's errors when it is not ready. */
export function buildGosuslugiBallots(
  preview: GosuslugiPreview,
  opts: BuildOptions,
): Result<GosuslugiBallots> {
  if (!preview.ready) return err(preview.problems.filter((p) => p.severity === 'error'));
  const file = preview.fileName;
  const questions = mappedQuestions(preview.mapping);
  const ballots: Ballot[] = [];
  const notCounted: NotCountedRow[] = [];
  for (const row of preview.rows) {
    const skip = (reason: NotCountedRow['reason'], note?: string): void => {
      notCounted.push({
        source: `${file}:${row.row}`,
        row: row.row,
        name: row.fullName,
        reason,
        ...(note ? { note } : {}),
      });
    };
    const m = row.match;
    if (row.skipped) skip('skipped');
    else if (m.status === 'ambiguous') skip('ambiguous');
    else if (m.status === 'unmatched') skip(m.reason);
    else if (m.status === 'not_participant') skip('not_participant', m.reason);
    else ballots.push(rowBallot(row, file, questions, opts, m.personId));
  }
  return ok({ ballots, notCounted });
}

export interface ImportOptions extends BuildOptions {
  registry: readonly Person[] | VoterIndex;
  agenda: readonly AgendaQuestion[];
  /** A mapping confirmed before (used as it is) or remembered ones (taken when the layout matches). */
  mapping?: GosuslugiMapping;
  remembered?: readonly GosuslugiMapping[];
  overrides?: readonly ValueOverride[];
  skipRows?: readonly number[];
  decisions?: readonly MatchDecision[];
}

export interface GosuslugiImport extends GosuslugiBallots {
  proposal: GosuslugiProposal | null;
  preview: GosuslugiPreview;
  /** Warnings of the proposal and the preview (the import went through). */
  warnings: Problem[];
}

/**
 * The whole import without a user: propose (or take the given mapping), preview, build. Fails with every
 * problem (errors and warnings) when the header is not found, the mapping lacks a question, or an answer
 * or a date cannot be read. The command line runs
 * this; the app runs the same steps one by one with the user's corrections in between.
 */
export function importGosuslugiTable(table: Table, opts: ImportOptions): Result<GosuslugiImport> {
  let proposal: GosuslugiProposal | null = null;
  let mapping = opts.mapping;
  if (!mapping) {
    const proposed = proposeGosuslugiMapping(table, opts.agenda, {
      ...(opts.remembered ? { remembered: opts.remembered } : {}),
    });
    if (!proposed.ok) return proposed;
    proposal = proposed.value;
    mapping = proposal.mapping;
  }
  const preview = previewGosuslugi(table, mapping, opts.registry, opts.agenda, opts);
  const notes = (proposal?.problems ?? []).filter((p) => p.severity === 'warning');
  const built = buildGosuslugiBallots(preview, opts);
  // Every problem, warnings too, so that a refusal shows the whole picture.
  if (!built.ok) return err([...notes, ...preview.problems]);
  const seen = new Set(notes.map((p) => p.message));
  const warnings = [
    ...notes,
    ...preview.problems.filter((p) => p.severity === 'warning' && !seen.has(p.message)),
  ];
  return ok({ ...built.value, proposal, preview, warnings });
}
