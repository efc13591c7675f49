import type { PartnershipKind, Person } from '../../../shared/domain/types';
import { err, hasErrors, ok, type Problem, type Result } from '../../../shared/result';
import { diffRegistry, type RegistryDiff } from '../../../shared/registry/diffRegistry';
import { parseRegistry, type RegistryMapping } from '../../../shared/registry/parseRegistry';
import { mappedPersonFields } from '../../../shared/registry/registryFields';
import { validateRegistry } from '../../../shared/registry/validateRegistry';
import { readTable, type Table } from '../../../shared/spreadsheet/readTable';

/** How many data rows the preview shows. */
export const PREVIEW_ROWS = 10;

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
  /** The first data rows below the header, as they are in the file. */
  preview: { row: number; cells: string[] }[];
  /** Persons read from the file (ids ''). */
  persons: Person[];
  /** Reading and validation problems, in row order. */
  problems: Problem[];
  hasErrors: boolean;
  rowsRead: number;
  diff: RegistryDiff;
}

export interface RemapOptions {
  mapping?: RegistryMapping;
  headerRow?: number;
}

/**
 * One import: the table read once from the file's bytes, then parsed, validated and compared with the
 * stored registry again each time the user changes the header row or the mapping.
 */
export class ImportSession {
  private constructor(
    private readonly table: Table,
    private readonly existing: readonly Person[],
    private readonly kind: PartnershipKind,
  ) {}

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

  analyze(opts: RemapOptions = {}): ImportAnalysis {
    const { table, kind } = this;
    const parsed = parseRegistry(table, { kind, ...opts });
    const validation = validateRegistry(parsed.persons, {
      file: table.fileName,
      sourceRows: parsed.sourceRows,
      kind,
    });
    const problems = [...parsed.problems, ...validation].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    const diff = diffRegistry(this.existing, parsed.persons, {
      fields: mappedPersonFields(parsed.mapping, kind),
    });
    const preview: ImportAnalysis['preview'] = [];
    for (let r = parsed.headerRow + 1; r <= table.rows.length && preview.length < PREVIEW_ROWS; r++) {
      const cells = table.rows[r - 1]!;
      if (cells.some((c) => c !== '')) preview.push({ row: r, cells });
    }
    const width = table.rows[0]?.length ?? 0;
    const analysis: ImportAnalysis = {
      fileName: table.fileName,
      headerRow: parsed.headerRow,
      columns: Array.from({ length: width }, (_, c) => parsed.columns[c] ?? ''),
      width,
      topRows: table.rows.slice(0, 30),
      mapping: parsed.mapping,
      preview,
      persons: parsed.persons,
      problems,
      hasErrors: hasErrors(problems),
      rowsRead: parsed.rowsRead,
      diff,
    };
    if (table.sheetName !== undefined) analysis.sheetName = table.sheetName;
    return analysis;
  }
}
