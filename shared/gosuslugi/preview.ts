/**
 * The review step of the import: every row read with the confirmed mapping and matched to the registry,
 * the user's fixes, skips and decisions applied, with counts and every problem. Nothing is stored: the
 * app re-runs it (in a worker) after each correction and keeps the result only once confirmed.
 */
import type { Person } from '../domain/types';
import { hasErrors, type Problem } from '../result';
import { indexVoters, type VoterIndex } from '../registry/voterIndex';
import type { Table } from '../spreadsheet/table';
import { checkMapping } from './checkMapping';
import { headerColumns } from './headerColumns';
import type { AgendaQuestion, GosuslugiMapping } from './mapping';
import {
  matchGosuslugiRows,
  type MatchDecision,
  type MatchedBy,
  type PersonTwice,
  type RowMatch,
} from './matchRows';
import { readGosuslugiRows, type GosuslugiRow, type ValueOverride } from './readRows';

export interface PreviewOptions {
  overrides?: readonly ValueOverride[];
  skipRows?: readonly number[];
  decisions?: readonly MatchDecision[];
}

export interface GosuslugiPreviewRow extends GosuslugiRow {
  match: RowMatch;
}

export interface GosuslugiCounts {
  /** Participant rows read (blank and totals rows aside). */
  rows: number;
  /** Rows that become ballots: matched, readable, not skipped. */
  counted: number;
  /** Rows with an unreadable answer (not skipped). */
  withErrors: number;
  skipped: number;
  matched: Record<MatchedBy | 'user', number>;
  ambiguous: number;
  unmatched: number;
  notParticipant: number;
}

export interface GosuslugiPreview {
  fileName: string;
  mapping: GosuslugiMapping;
  rows: GosuslugiPreviewRow[];
  totalsRows: number[];
  duplicates: PersonTwice[];
  counts: GosuslugiCounts;
  /** Mapping problems, then the rows' problems, then decisions and duplicates. */
  problems: Problem[];
  /** No errors left (skipped rows aside): the import can be confirmed. */
  ready: boolean;
}

const isIndex = (x: readonly Person[] | VoterIndex): x is VoterIndex => !Array.isArray(x);

export function previewGosuslugi(
  table: Table,
  mapping: GosuslugiMapping,
  registry: readonly Person[] | VoterIndex,
  agenda: readonly AgendaQuestion[],
  opts: PreviewOptions = {},
): GosuslugiPreview {
  const file = table.fileName;
  const ix = isIndex(registry) ? registry : indexVoters(registry);
  const mappingProblems = checkMapping(
    mapping,
    agenda,
    headerColumns(table, mapping.firstHeaderRow, mapping.headerRow),
    file,
  );
  const read = readGosuslugiRows(table, mapping, opts);
  const matched = matchGosuslugiRows(read.rows, ix, opts.decisions, file);
  const counts: GosuslugiCounts = {
    rows: read.rows.length,
    counted: 0,
    withErrors: 0,
    skipped: 0,
    matched: { snils: 0, cadastral: 0, name: 0, user: 0 },
    ambiguous: 0,
    unmatched: 0,
    notParticipant: 0,
  };
  const rowProblems: Problem[] = [];
  const rows = read.rows.map((row, i): GosuslugiPreviewRow => {
    const match = matched.matches[i]!;
    if (row.skipped) counts.skipped++;
    else {
      rowProblems.push(...row.problems);
      if (row.hasErrors) counts.withErrors++;
      if (match.status === 'matched') {
        counts.matched[match.by]++;
        if (!row.hasErrors) counts.counted++;
      } else if (match.status === 'ambiguous') counts.ambiguous++;
      else if (match.status === 'unmatched') counts.unmatched++;
      else counts.notParticipant++;
    }
    return { ...row, match };
  });
  const problems = [...mappingProblems, ...rowProblems, ...matched.problems];
  return {
    fileName: file,
    mapping,
    rows,
    totalsRows: read.totalsRows,
    duplicates: matched.duplicates,
    counts,
    problems,
    ready: !hasErrors(problems),
  };
}
