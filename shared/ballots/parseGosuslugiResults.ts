/**
 * The per-participant results file of the Gosuslugi feedback platform for the command line and the
 * tally: the import core of shared/gosuslugi (header and column proposal, answers, matching) run without
 * a user. With the registry snapshot, rows are matched as the app's import wizard matches them (СНИЛС,
 * cadastral number, unique name) and rows matching no one are listed; without it, every row is a ballot
 * and the tally matches its voter.
 */
import type { IsoDate, Person, Question } from '../domain/types';
import { importGosuslugiTable, mappedQuestions, rowBallot } from '../gosuslugi/buildBallots';
import { err, ok, type Result } from '../result';
import type { Table } from '../spreadsheet/table';
import type { UnmatchedEntry } from '../tally/types';
import type { BallotImport } from '../paper/parseBallotBatch';
import { indexVoters } from '../registry/voterIndex';
import { MarkCodesWriter } from '../tally/markCodes';
import { matchVoters } from '../tally/voterMatches';

export { GOSUSLUGI_FIELDS, type GosuslugiField } from '../gosuslugi/fields';

export interface GosuslugiOptions {
  /** The agenda (numbers, or questions with their wording to recognise unnumbered columns by). */
  questions: readonly number[] | readonly Pick<Question, 'number' | 'text'>[];
  /** Date of a ballot when its row has no date of voting: the platform closes on the last day of voting. */
  receivedAt: IsoDate;
  /**
   * The registry snapshot: rows are matched here and those matching no one are listed as unmatched;
   * the marks then carry each ballot's voter as the tally matches it (tally/voterMatches.ts).
   */
  registry?: readonly Person[];
}

export interface GosuslugiImport extends BallotImport {
  /** Rows matching no registry person (only with a registry): not counted, listed in the results. */
  unmatched: UnmatchedEntry[];
}

/** Every row as an electronic ballot, or every error found (file, row and column named). */
export function parseGosuslugiResults(table: Table, opts: GosuslugiOptions): Result<GosuslugiImport> {
  const agenda = opts.questions.map((q) => (typeof q === 'number' ? { number: q, text: '' } : q));
  // The marks as codes of the agenda, written as each row is read (the tally's input, markCodes.ts).
  const marks = new MarkCodesWriter(agenda.map((q) => q.number));
  const r = importGosuslugiTable(table, {
    registry: opts.registry ?? [],
    agenda,
    receivedAt: opts.receivedAt,
    ...(opts.registry ? { marks } : {}),
  });
  if (!r.ok) return err(r.error);
  const { preview, warnings } = r.value;
  const base = { fileName: table.fileName, headerRow: preview.mapping.headerRow, problems: warnings };
  if (!opts.registry) {
    const questions = mappedQuestions(preview.mapping);
    const ballots = preview.rows.map((row) => rowBallot(row, table.fileName, questions, { ...opts, marks }));
    return ok({ ...base, ballots, unmatched: [], marks: marks.done() });
  }
  const unmatched = r.value.notCounted.flatMap((n): UnmatchedEntry[] =>
    n.reason === 'not_found' || n.reason === 'ambiguous' || n.reason === 'no_details'
      ? [{ source: n.source, name: n.name, channel: 'gosuslugi', reason: n.reason }]
      : [],
  );
  // Each ballot's voter as the tally matches it, in the index the rows were just matched in.
  const voters = matchVoters(indexVoters(opts.registry), r.value.ballots);
  return ok({ ...base, ballots: r.value.ballots, unmatched, marks: { ...marks.done(), voters } });
}
