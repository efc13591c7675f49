/**
 * One Gosuslugi import as the wizard runs it, inside the Web Worker: the file read once, then the
 * mapping proposed, the rows read and matched again after each correction (column roles, fixed values,
 * skipped rows, persons picked), and at last the ballots built. Everything it returns is plain data
 * sized for the screen (the rows needing attention, counts, samples), as it crosses to the main thread.
 */
import type { Ballot, IsoDate, Person } from '../../shared/domain/types';
import {
  buildGosuslugiBallots,
  mappedQuestions,
  type GosuslugiBallots,
} from '../../shared/gosuslugi/buildBallots';
import { columnLetter } from '../../shared/gosuslugi/checkMapping';
import { headerColumns } from '../../shared/gosuslugi/headerColumns';
import {
  contentHash,
  describeGosuslugiDiff,
  diffGosuslugiImports,
  reimportProblem,
  type ImportRecord,
} from '../../shared/gosuslugi/importIdentity';
import type { AgendaQuestion, GosuslugiMapping } from '../../shared/gosuslugi/mapping';
import {
  matchRow,
  type MatchDecision,
  type PersonTwice,
  type RowMatch,
} from '../../shared/gosuslugi/matchRows';
import {
  previewGosuslugi,
  type GosuslugiCounts,
  type GosuslugiPreview,
  type GosuslugiPreviewRow,
} from '../../shared/gosuslugi/preview';
import { proposeGosuslugiMapping, type ColumnProposal } from '../../shared/gosuslugi/propose';
import type { ValueOverride } from '../../shared/gosuslugi/readRows';
import { parseGosuslugiValue, type GosuslugiValue } from '../../shared/gosuslugi/values';
import { indexVoters, type VoterIndex } from '../../shared/registry/voterIndex';
import { err, ok, problem, type Problem, type Result } from '../../shared/result';
import { readTable } from '../../shared/spreadsheet/readTable';
import type { Table } from '../../shared/spreadsheet/table';

/** Rows of the file shown to choose the header rows by hand. */
const TOP_ROWS = 15;
/** Warnings listed on screen (the rest are counted). */
const WARNINGS_SHOWN = 100;
/** Errors of a row's cells, listed with the row (errorRows) rather than one by one. */
const ROW_ERRORS = new Set(['gosuslugi_value', 'gosuslugi_date']);

export interface OpenRequest {
  bytes: Uint8Array;
  fileName: string;
  agenda: AgendaQuestion[];
  /** The meeting's registry snapshot (or live registry). */
  registry: Person[];
  /** Mappings confirmed before, one of which is taken when the layout signature matches. */
  remembered: GosuslugiMapping[];
  /** Imports of this meeting so far: the same file again is refused. */
  previous: ImportRecord[];
}

export interface SheetColumn {
  col: number;
  letter: string;
  header: string;
}

/** The mapping step: the file's columns, what each is proposed to be and why, and sample rows. */
export interface MappingView {
  fileName: string;
  sheetName?: string;
  contentHash: string;
  /** The first rows of the sheet, to choose the header rows by hand. */
  topRows: string[][];
  /** 1-based header rows found or chosen; null when none was found. */
  header: { first: number; last: number } | null;
  columns: SheetColumn[];
  /** The proposal per column (confidence, reason); empty when the header was not found. */
  proposals: ColumnProposal[];
  remembered: boolean;
  mapping: GosuslugiMapping | null;
  /** The first participants' rows as they are in the file. */
  sample: { row: number; cells: string[] }[];
  /** Header not found, notes on the proposal. */
  problems: Problem[];
}

/** What the user decided so far; sent with every preview. */
export interface Corrections {
  overrides: ValueOverride[];
  skipRows: number[];
  decisions: MatchDecision[];
}

export const NO_CORRECTIONS: Corrections = { overrides: [], skipRows: [], decisions: [] };

/** A cell that is not an answer, as it is in the file, and the user's fix when there is one. */
export interface BadCell {
  question: number;
  column: string;
  text: string;
  fixed?: GosuslugiValue;
}

/** A row with unreadable cells: its answers that are not answers, and its other errors (a date). */
export interface ErrorRow {
  row: number;
  name: string;
  skipped: boolean;
  cells: BadCell[];
  /** Errors that cannot be fixed by choosing an answer (a date that is not a date): skip the row. */
  other: string[];
}

/** A row for the review of matching: not found, ambiguous, marked not a participant, or picked by hand. */
export interface ReviewRow {
  row: number;
  name: string;
  snils?: string;
  cadastral: string[];
  plot?: string;
  skipped: boolean;
  match: RowMatch;
  /**
   * The person the row's name alone found, when nothing stronger (СНИЛС, cadastral number) did: the
   * secretary confirms or rejects such a match before the import (issue 11, item 11).
   */
  nameMatch?: string;
}

export interface PreviewView {
  mapping: GosuslugiMapping;
  counts: GosuslugiCounts;
  ready: boolean;
  /** Errors of the mapping (a question without a column, no identity column). */
  mappingErrors: Problem[];
  errorRows: ErrorRow[];
  reviewRows: ReviewRow[];
  duplicates: PersonTwice[];
  /** Errors that keep the import from being confirmed, other than the rows above (a bad decision). */
  otherErrors: Problem[];
  /** Rows found by the name alone still waiting for the secretary to confirm or reject them. */
  nameOpen: number;
  warnings: Problem[];
  warningCount: number;
}

export interface BuiltImport extends GosuslugiBallots {
  mapping: GosuslugiMapping;
  /** Against the import it replaces, when there is one. */
  diff?: { same: boolean; lines: string[] };
}

export class GosuslugiSession {
  private badCells: { key: string; rows: Map<number, { question: number; col: number }[]> } | null = null;

  private constructor(
    private readonly table: Table,
    private readonly hash: string,
    private readonly agenda: AgendaQuestion[],
    private readonly registry: Person[],
    private readonly voters: VoterIndex,
    private readonly remembered: GosuslugiMapping[],
    private current: GosuslugiPreview | null = null,
  ) {}

  /** Reads the file; a file imported before is refused before it is read. */
  static async open(
    req: OpenRequest,
    progress: (stage: string) => void = () => {},
  ): Promise<Result<GosuslugiSession>> {
    const hash = contentHash(req.bytes);
    const again = reimportProblem(hash, req.fileName, req.previous);
    if (again) return err([again]);
    progress('Чтение файла');
    const table = await readTable(req.bytes, req.fileName);
    if (!table.ok) return err(table.error);
    progress('Подготовка реестра');
    const voters = indexVoters(req.registry);
    return ok(new GosuslugiSession(table.value, hash, req.agenda, req.registry, voters, req.remembered));
  }

  /** The proposal for the header found, or for header rows the user chose. */
  propose(header?: { first: number; last: number }): MappingView {
    const t = this.table;
    const base = {
      fileName: t.fileName,
      ...(t.sheetName !== undefined ? { sheetName: t.sheetName } : {}),
      contentHash: this.hash,
      topRows: t.rows.slice(0, TOP_ROWS),
    };
    const proposed = proposeGosuslugiMapping(t, this.agenda, {
      remembered: this.remembered,
      ...(header ? { headerRows: header } : {}),
    });
    if (!proposed.ok) {
      return {
        ...base,
        header: null,
        columns: [],
        proposals: [],
        remembered: false,
        mapping: null,
        sample: [],
        problems: proposed.error,
      };
    }
    const p = proposed.value;
    const columns = headerColumns(t, p.mapping.firstHeaderRow, p.mapping.headerRow).map((c) => ({
      col: c.col,
      letter: columnLetter(c.col),
      header: c.header,
    }));
    return {
      ...base,
      header: { first: p.mapping.firstHeaderRow, last: p.mapping.headerRow },
      columns,
      proposals: p.columns,
      remembered: p.remembered,
      mapping: p.mapping,
      sample: p.sampleRows.map((row) => ({ row, cells: t.rows[row - 1]! })),
      problems: p.problems.filter((x) => x.severity === 'warning'),
    };
  }

  /** Rows read with this mapping and matched, the user's corrections applied. */
  preview(mapping: GosuslugiMapping, corrections: Corrections = NO_CORRECTIONS): PreviewView {
    const pv = previewGosuslugi(this.table, mapping, this.voters, this.agenda, corrections);
    this.current = pv;
    const fixes = new Map(corrections.overrides.map((o) => [`${o.row}:${o.question}`, o.value]));
    const bad = this.unreadable(mapping);
    const labels = headerColumns(this.table, mapping.firstHeaderRow, mapping.headerRow);
    const errorRows: ErrorRow[] = [];
    const reviewRows: ReviewRow[] = [];
    const mappingErrors: Problem[] = [];
    const otherErrors: Problem[] = [];
    const warnings: Problem[] = [];
    let warningCount = 0;
    let nameOpen = 0;
    for (const p of pv.problems) {
      if (p.severity === 'warning') {
        if (warnings.length < WARNINGS_SHOWN) warnings.push(p);
        warningCount++;
      } else if (p.code === 'question_column_missing' || p.code === 'gosuslugi_identity_missing') {
        mappingErrors.push(p);
      } else if (!ROW_ERRORS.has(p.code)) otherErrors.push(p);
    }
    for (const row of pv.rows) {
      const cells = bad.get(row.row);
      const other = row.problems
        .filter((p) => p.severity === 'error' && p.code !== 'gosuslugi_value')
        .map((p) => p.message);
      if (cells || other.length > 0) {
        errorRows.push({
          row: row.row,
          name: row.fullName,
          skipped: row.skipped,
          other,
          cells: (cells ?? []).map(({ question, col }) => {
            const fixed = fixes.get(`${row.row}:${question}`);
            return {
              question,
              column: labels[col]?.label || `Вопрос ${question}`,
              text: this.table.rows[row.row - 1]![col] ?? '',
              ...(fixed !== undefined ? { fixed } : {}),
            };
          }),
        });
      }
      const m = row.match;
      if (m.status !== 'matched' || m.by === 'user' || m.by === 'name') {
        // A decided row keeps what the name alone had found, for the audit of the confirmation.
        const byName = m.status === 'matched' && m.by === 'name' ? m : this.nameOnly(row);
        if (m.status === 'matched' && m.by === 'name' && !row.skipped) nameOpen++;
        reviewRows.push({
          row: row.row,
          name: row.fullName,
          ...(row.snils ? { snils: row.snils } : {}),
          cadastral: row.cadastral,
          ...(row.plot ? { plot: row.plot } : {}),
          skipped: row.skipped,
          match: m,
          ...(byName ? { nameMatch: byName.personId } : {}),
        });
      }
    }
    return {
      mapping,
      counts: pv.counts,
      ready: pv.ready,
      mappingErrors,
      errorRows,
      reviewRows,
      duplicates: pv.duplicates,
      otherErrors,
      nameOpen,
      warnings,
      warningCount,
    };
  }

  /** The match of a decided row before the decision, when it was by the name alone. */
  private nameOnly(row: GosuslugiPreviewRow): { personId: string } | null {
    if (row.match.status !== 'matched' && row.match.status !== 'not_participant') return null;
    const m = matchRow(this.voters, row);
    return m.status === 'matched' && m.by === 'name' ? m : null;
  }

  /**
   * The ballots of the last preview (it must be ready), dated by the row's date of voting or the last
   * day of voting, and what they change against the import they replace.
   */
  build(receivedAt: IsoDate, replaces?: Ballot[]): Result<BuiltImport> {
    const pv = this.current;
    if (!pv) return err([problem('gosuslugi_not_previewed', 'Сначала проверьте строки файла.')]);
    const open = pv.rows.filter((r) => !r.skipped && r.match.status === 'matched' && r.match.by === 'name');
    if (open.length > 0) {
      return err(
        open.map((r) =>
          problem(
            'gosuslugi_name_unconfirmed',
            `Строка ${r.row}: участник найден только по ФИО («${r.fullName}») — подтвердите или отклоните совпадение.`,
            { file: pv.fileName, row: r.row },
          ),
        ),
      );
    }
    const built = buildGosuslugiBallots(pv, { receivedAt });
    if (!built.ok) return built;
    const out: BuiltImport = { ...built.value, mapping: pv.mapping };
    if (replaces) {
      const diff = diffGosuslugiImports(replaces, built.value.ballots);
      out.diff = { same: diff.same, lines: describeGosuslugiDiff(diff, this.registry) };
    }
    return ok(out);
  }

  /** Per row, the mapped question cells that are not answers (they depend on the mapping only). */
  private unreadable(mapping: GosuslugiMapping): Map<number, { question: number; col: number }[]> {
    const questions = mappedQuestions(mapping).map((q) => ({ question: q, col: mapping.questions[q]! }));
    const key = JSON.stringify([mapping.headerRow, questions]);
    if (this.badCells?.key === key) return this.badCells.rows;
    const rows = new Map<number, { question: number; col: number }[]>();
    const known = new Map<string, boolean>();
    const t = this.table;
    for (let r = mapping.headerRow + 1; r <= t.rows.length; r++) {
      const cells = t.rows[r - 1]!;
      for (const q of questions) {
        const text = cells[q.col] ?? '';
        let readable = known.get(text);
        if (readable === undefined) {
          readable = parseGosuslugiValue(text) !== null;
          known.set(text, readable);
        }
        if (readable) continue;
        const list = rows.get(r);
        if (list) list.push(q);
        else rows.set(r, [q]);
      }
    }
    this.badCells = { key, rows };
    return rows;
  }
}
