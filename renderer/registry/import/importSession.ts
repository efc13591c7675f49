import type { PartnershipKind, Person } from '../../../shared/domain/types';
import { err, hasErrors, ok, type Problem, type Result } from '../../../shared/result';
import { diffRegistry, type DiffMemo, type RegistryDiff } from '../../../shared/registry/diffRegistry';
import {
  parseRegistry,
  type RegistryMapping,
  type UnknownStatus,
} from '../../../shared/registry/parseRegistry';
import { mappedPersonFields } from '../../../shared/registry/registryFields';
import type { StatusValues } from '../../../shared/registry/statusVocabulary';
import { RegistryValidation } from '../../../shared/registry/registryValidation';
import { readTable, type Table } from '../../../shared/spreadsheet/readTable';
import { keptAside, type KeptAside } from './keptAside';
import { refixRow, type Reading } from './rowFix';

/** How many data rows the preview shows. */
export const PREVIEW_ROWS = 10;
/** Rows with problems offered for a fix in place at once (the next come up as these are fixed; the rest are listed). */
export const FIXABLE_ROWS = 50;
/** People the preview lists in each of added, changed and missing (the rest are counted). */
export const DIFF_SHOWN = 200;

export interface DiffCounts {
  added: number;
  changed: number;
  removed: number;
}

/** What the import preview shows for one reading of the file (serialisable: it crosses the worker boundary). */
export interface ImportAnalysis {
  fileName: string;
  sheetName?: string;
  /** 1-based header row; 0 when none was found. */
  headerRow: number;
  /** Header text of every column ('' where none). */
  columns: string[];
  /** Column count of the widest row. */
  width: number;
  /** The first rows of the sheet (up to 30), for choosing the header row. */
  topRows: string[][];
  mapping: RegistryMapping;
  /** The first data rows below the header, as they are in the file (with the user's fixes). */
  preview: { row: number; cells: string[] }[];
  /** Persons read from the file. */
  personCount: number;
  /** Reading and validation problems, in row order. */
  problems: Problem[];
  hasErrors: boolean;
  rowsRead: number;
  /**
   * What importing changes (the persons with errors left out: they are in `keptAside`): the first
   * DIFF_SHOWN of each list, for the preview; `diffCounts` has the sizes, ImportSession.changes() all.
   */
  diff: RegistryDiff;
  diffCounts: DiffCounts;
  /** Status values not known yet, each once with its rows. */
  unknownStatuses: UnknownStatus[];
  /** Rows (or persons) with errors: not imported; listed, by name and plot, for the confirmation. */
  keptAside: KeptAside[];
  /** Rows with problems as they are now (fixed cells included), for a fix in place. */
  problemRows: { row: number; cells: string[] }[];
  /** Rows with problems in all (problemRows holds up to FIXABLE_ROWS of them). */
  problemRowCount: number;
}

export interface RemapOptions {
  mapping?: RegistryMapping;
  headerRow?: number;
  statusValues?: StatusValues;
}

/**
 * One import: the table read once from the file's bytes, then parsed, validated and compared with the
 * stored registry again each time the user changes the header row, the mapping or a status value. A fix
 * of a row with problems reads that row (and its person's other rows) again, not the whole file (fixes
 * are kept on a copy of the row; the file is not changed).
 */
export class ImportSession {
  private options: RemapOptions = {};
  private readonly rows: string[][];
  private reading: Reading | null = null;
  /** Comparisons with the stored registry, kept from fix to fix (new with each mapping). */
  private memo: DiffMemo = new WeakMap();
  private lastDiff: RegistryDiff = { added: [], changed: [], removed: [], unchanged: 0 };

  private constructor(
    private readonly table: Table,
    private readonly existing: readonly Person[],
    private readonly kind: PartnershipKind,
  ) {
    this.rows = table.rows.slice();
  }

  static async open(
    bytes: Uint8Array,
    fileName: string,
    existing: readonly Person[],
    kind: PartnershipKind,
  ): Promise<Result<ImportSession>> {
    const table = await readTable(bytes, fileName);
    if (!table.ok) return err(table.error);
    return ok(new ImportSession(table.value, existing, kind));
  }

  /** Replaces the cells of one 1-based row (a fix in place) and reads that row again. */
  edit(row: number, cells: string[]): ImportAnalysis {
    if (row < 1 || row > this.rows.length) return this.analyze(this.options);
    this.rows[row - 1] = cells.slice();
    const table: Table = { ...this.table, rows: this.rows };
    if (this.reading && refixRow(this.reading, table, row, this.kind, this.options.statusValues)) {
      return this.present(this.reading);
    }
    return this.analyze(this.options);
  }

  analyze(opts: RemapOptions = {}): ImportAnalysis {
    this.options = opts;
    const { kind, rows } = this;
    const table: Table = { ...this.table, rows };
    const parsed = parseRegistry(table, { kind, ...opts, countNames: true });
    const validation = new RegistryValidation(parsed.persons, parsed.sourceRows, {
      file: table.fileName,
      kind,
    });
    this.reading = { parsed, validation };
    this.memo = new WeakMap();
    return this.present(this.reading);
  }

  /** Everything the last reading would import (the preview carries only the first people of each list). */
  changes(): RegistryDiff {
    return this.lastDiff;
  }

  /** What the preview shows of a reading: problems in row order, rows kept aside, the comparison. */
  private present({ parsed, validation }: Reading): ImportAnalysis {
    const { kind, rows, table } = this;
    const problems = [...parsed.problems, ...validation.problems()].sort(
      (a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
    );
    const aside = keptAside(parsed.persons, parsed.sourceRows, problems, kind);
    const fields = mappedPersonFields(parsed.mapping, kind);
    const blocked = new Set(aside.flatMap((a) => (a.person === undefined ? [] : [a.person])));
    const clean = parsed.persons.filter((_, i) => !blocked.has(i));
    const diff = diffRegistry(this.existing, clean, { fields, memo: this.memo });
    // Stored people the kept-aside rows stand for are not «missing from the file».
    if (blocked.size > 0 && diff.removed.length > 0) {
      const held = parsed.persons.filter((_, i) => blocked.has(i));
      diff.removed = diffRegistry(diff.removed, held, { fields }).removed;
    }
    this.lastDiff = diff;
    const preview: ImportAnalysis['preview'] = [];
    for (let r = parsed.headerRow + 1; r <= rows.length && preview.length < PREVIEW_ROWS; r++) {
      const cells = rows[r - 1]!;
      if (cells.some((c) => c !== '')) preview.push({ row: r, cells });
    }
    const withProblems = [...new Set(problems.flatMap((p) => (p.row === undefined ? [] : [p.row])))];
    const width = rows[0]?.length ?? 0;
    const analysis: ImportAnalysis = {
      fileName: table.fileName,
      headerRow: parsed.headerRow,
      columns: Array.from({ length: width }, (_, c) => parsed.columns[c] ?? ''),
      width,
      topRows: rows.slice(0, 30),
      mapping: parsed.mapping,
      preview,
      personCount: parsed.persons.length,
      problems,
      hasErrors: hasErrors(problems),
      rowsRead: parsed.rowsRead,
      diff: {
        added: diff.added.slice(0, DIFF_SHOWN),
        changed: diff.changed.slice(0, DIFF_SHOWN),
        removed: diff.removed.slice(0, DIFF_SHOWN),
        unchanged: diff.unchanged,
      },
      diffCounts: { added: diff.added.length, changed: diff.changed.length, removed: diff.removed.length },
      unknownStatuses: parsed.unknownStatuses.map((u) => ({ ...u, rows: u.rows.slice() })),
      keptAside: aside,
      problemRows: withProblems.slice(0, FIXABLE_ROWS).map((row) => ({ row, cells: rows[row - 1] ?? [] })),
      problemRowCount: withProblems.length,
    };
    if (table.sheetName !== undefined) analysis.sheetName = table.sheetName;
    return analysis;
  }
}
