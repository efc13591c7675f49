import type { Table } from './table';

/**
 * Finding the header row of a spreadsheet (title rows above it, columns in any order, varied wording)
 * and mapping its columns to fields. Used for the registry, the Gosuslugi results and ballot batches.
 */

/** Longest text taken for a column header (the longest synonym is a few dozen letters). */
const MAX_HEADER_LENGTH = 200;

/** Lower case, `ё` as `е`, `№ . :` and other punctuation dropped, single spaces. `Ф.И.О.:` -> `фио`. */
export function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[.№*]/g, '')
    .replace(/[\s,;:!?"'«»„“”()[\]{}/\\|_–—-]+/g, ' ')
    .trim();
}

export interface FieldSpec<F extends string> {
  field: F;
  /** Russian name of the field, shown in the mapping preview and in messages. */
  label: string;
  /** Header texts meaning this field (any case and punctuation; normalised with normalizeHeader). */
  synonyms: string[];
  required?: boolean;
}

export interface HeaderMatch<F extends string> {
  /** 1-based row number of the (last) header row; data start below it. */
  headerRow: number;
  /** 1-based first header row: below headerRow when the header takes two rows (merged group titles). */
  firstHeaderRow: number;
  /** 0-based column of each field found. */
  mapping: Partial<Record<F, number>>;
  /** 0-based columns with a header text that no field took. */
  unmapped: number[];
  /** Header text of every column (two-row headers joined with a space). */
  columns: string[];
}

export interface FindHeaderOptions {
  /** How many rows from the top to look at (default 30). */
  scanRows?: number;
  /** Fewest fields a header row must match (default 2, or 1 when there is a single spec). */
  minMatches?: number;
}

/** A normalised header text or synonym with what matching compares, worked out once. */
interface HeaderText {
  text: string;
  /** With a space at each end: a synonym's words are looked for as whole words. */
  padded: string;
  /** Without spaces. */
  compact: string;
  words: number;
}

function headerText(text: string): HeaderText {
  // A cell of a paragraph (or of megabytes) is no column header: not compared with any synonym.
  if (text === '' || text.length > MAX_HEADER_LENGTH) return { text: '', padded: '', compact: '', words: 0 };
  return { text, padded: ` ${text} `, compact: text.replace(/ /g, ''), words: text.split(' ').length };
}

function matchScore(header: HeaderText, synonym: HeaderText): number {
  if (header.text === '' || synonym.text === '') return 0;
  if (header.text === synonym.text) return 3;
  if (header.compact === synonym.compact) return 2;
  if (header.padded.includes(synonym.padded)) return synonym.words / header.words;
  return 0;
}

/**
 * How well a normalised header text matches a normalised synonym: 3 exact, 2 exact but for spaces,
 * (0, 1] the synonym's words contained (the share of the header's words they make up), 0 no match.
 */
export function headerMatchScore(header: string, synonym: string): number {
  return matchScore(headerText(header), headerText(synonym));
}

interface Candidate {
  col: number;
  spec: number;
  score: number;
}

/** Greedy best-first assignment of columns to fields: each column and each field used once. */
function assign<F extends string>(
  headers: string[],
  specs: { spec: FieldSpec<F>; synonyms: HeaderText[] }[],
): { mapping: Partial<Record<F, number>>; matched: number; total: number } {
  const candidates: Candidate[] = [];
  headers.forEach((text, col) => {
    const h = headerText(text);
    if (!h.text) return;
    specs.forEach((s, spec) => {
      let score = 0;
      for (const syn of s.synonyms) score = Math.max(score, matchScore(h, syn));
      if (score > 0) candidates.push({ col, spec, score });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.col - b.col || a.spec - b.spec);
  const usedCols = new Set<number>();
  const usedSpecs = new Set<number>();
  const mapping: Partial<Record<F, number>> = {};
  let total = 0;
  for (const c of candidates) {
    if (usedCols.has(c.col) || usedSpecs.has(c.spec)) continue;
    usedCols.add(c.col);
    usedSpecs.add(c.spec);
    mapping[specs[c.spec]!.spec.field] = c.col;
    total += c.score;
  }
  return { mapping, matched: usedSpecs.size, total };
}

/** A two-row header: the group title above (often merged across its columns) joined with the row below. */
function joinRows(top: string[], bottom: string[]): string[] {
  const width = Math.max(top.length, bottom.length);
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    const a = top[c] ?? '';
    const b = bottom[c] ?? '';
    out.push(a === b ? a : [a, b].filter(Boolean).join(' '));
  }
  return out;
}

/**
 * Looks at the first rows and takes the one (or the pair of rows) matching the most fields.
 * Returns null when no row matches enough fields.
 */
export function findHeader<F extends string>(
  table: Table,
  specs: FieldSpec<F>[],
  opts: FindHeaderOptions = {},
): HeaderMatch<F> | null {
  const scan = Math.min(opts.scanRows ?? 30, table.rows.length);
  const minMatches = opts.minMatches ?? Math.min(2, specs.length);
  const normSpecs = specs.map((spec) => ({
    spec,
    synonyms: [spec.label, ...spec.synonyms].map((t) => headerText(normalizeHeader(t))),
  }));
  let best: (HeaderMatch<F> & { score: number }) | null = null;
  const consider = (first: number, last: number, texts: string[]): void => {
    const { mapping, matched, total } = assign(texts.map(normalizeHeader), normSpecs);
    if (matched < minMatches) return;
    const required = specs.filter((s) => s.required && mapping[s.field] !== undefined).length;
    const score = required * 1000 + matched * 10 + total / specs.length;
    if (best && score <= best.score) return;
    const used = new Set(Object.values(mapping) as number[]);
    const unmapped = texts.flatMap((t, c) => (t !== '' && !used.has(c) ? [c] : []));
    best = { headerRow: last, firstHeaderRow: first, mapping, unmapped, columns: texts, score };
  };
  for (let r = 1; r <= scan; r++) {
    const row = table.rows[r - 1]!;
    if (row.every((c) => c === '')) continue;
    consider(r, r, row);
    const below = table.rows[r];
    if (r < scan && below && below.some((c) => c !== '')) consider(r, r + 1, joinRows(row, below));
  }
  if (!best) return null;
  const { score: _score, ...match } = best as HeaderMatch<F> & { score: number };
  return match;
}
