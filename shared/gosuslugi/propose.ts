/**
 * The import wizard's first step: find the header of a Gosuslugi results file (title rows above it,
 * merged cells, a two-row header) and propose what each column is, with a confidence and a reason the
 * user can read. Questions are recognised by the number their header starts with, then by how alike
 * the header's wording is to the agenda's question texts.
 */
import { err, ok, problem, type Problem, type Result } from '../result';
import { findHeader, headerMatchScore, normalizeHeader } from '../spreadsheet/header';
import type { Table } from '../spreadsheet/table';
import { diceSimilarity, trigrams, type Trigrams } from '../text/similarity';
import { checkMapping, columnLabel, columnLetter } from './checkMapping';
import { GOSUSLUGI_FIELDS, GOSUSLUGI_FIELD_LABEL, IDENTITY_FIELDS, type GosuslugiField } from './fields';
import { headerColumns, questionNumberOfHeader, questionOfColumn, type HeaderColumn } from './headerColumns';
import {
  layoutSignature,
  roleOfColumn,
  type AgendaQuestion,
  type ColumnRole,
  type GosuslugiMapping,
} from './mapping';
import { isBlankRow, isTotalsRow } from './rowKinds';
import { parseGosuslugiValue } from './values';

export interface ColumnProposal {
  /** 0-based column. */
  col: number;
  /** Header text as the user sees it (two header rows joined). */
  header: string;
  role: ColumnRole;
  /** 0..1: 1 for a number at the start of the header, an exact field name or a remembered mapping. */
  confidence: number;
  /** Why, in Russian, for the wizard: `номер в начале заголовка: «Вопрос 3»`. */
  reason: string;
  /** Most of the first data cells are За / Против / Воздержался. */
  looksLikeVotes: boolean;
}

export interface GosuslugiProposal {
  fileName: string;
  mapping: GosuslugiMapping;
  columns: ColumnProposal[];
  /** A remembered mapping with the same layout signature was taken. */
  remembered: boolean;
  /** 1-based rows of the first participants, for the wizard's sample. */
  sampleRows: number[];
  /** Notes on the proposal (warnings) and what the mapping still lacks (errors). */
  problems: Problem[];
}

export interface ProposeOptions {
  /** Mappings confirmed before; one with this file's layout signature is taken as it is. */
  remembered?: readonly GosuslugiMapping[];
  /** 1-based header rows chosen by the user, when the ones found are wrong. */
  headerRows?: { first: number; last: number };
  /** How many rows from the top to look for the header in (default 30). */
  scanRows?: number;
}

/** Similarity a header's wording needs to be proposed as a question without a number. */
export const WORDING_THRESHOLD = 0.4;
/** Similarity above which a header counts as a question's wording when looking for the header row. */
const QUESTIONISH = 0.5;
const SAMPLE_ROWS = 50;

interface AgendaTexts {
  number: number;
  grams: Trigrams[];
}

function agendaTexts(agenda: readonly AgendaQuestion[]): AgendaTexts[] {
  return agenda.map((q) => ({
    number: q.number,
    grams: [q.text, q.proposal ?? ''].filter(Boolean).map(trigrams),
  }));
}

function similarity(text: Trigrams, q: AgendaTexts): number {
  let best = 0;
  for (const g of q.grams) best = Math.max(best, diceSimilarity(text, g));
  return best;
}

const percent = (x: number): string => `${Math.round(x * 100)}%`;

/** Header rows: the row (or two) naming the most participant fields, question headers set aside. */
function locateHeader(
  table: Table,
  texts: AgendaTexts[],
  scanRows: number,
): { first: number; last: number } | null {
  const questionish = (cell: string): boolean => {
    if (cell === '') return false;
    if (questionNumberOfHeader(cell)) return true;
    const g = trigrams(cell);
    return texts.some((q) => similarity(g, q) >= QUESTIONISH);
  };
  const scan = Math.min(scanRows, table.rows.length);
  const masked: Table = {
    fileName: table.fileName,
    rows: table.rows.slice(0, scan).map((row) => row.map((c) => (questionish(c) ? '' : c))),
  };
  const found = findHeader(masked, GOSUSLUGI_FIELDS, { minMatches: 1, scanRows: scan });
  if (!found || !IDENTITY_FIELDS.some((f) => found.mapping[f] !== undefined)) return null;
  let first = found.firstHeaderRow;
  let last = found.headerRow;
  // Group titles above (`Сведения об участнике`, `Результаты голосования`): several texts, each merged
  // across columns or down onto the header row, or with nothing below.
  const above = table.rows[first - 2];
  if (first === last && above && !isBlankRow(above)) {
    const below = table.rows[first - 1]!;
    const texts = new Set(above.filter((c) => c !== ''));
    const grouped = above.every(
      (c, i) => c === '' || above[i - 1] === c || above[i + 1] === c || below[i] === c || below[i] === '',
    );
    if (texts.size >= 2 && grouped) first--;
  }
  // A second header row below (the wording under `Вопрос 1`), where the field cells are blank or repeat
  // the header (merged down) and nothing reads as an answer.
  const top = table.rows[last - 1]!;
  const next = table.rows[last];
  if (next && !isBlankRow(next)) {
    const fieldCols = new Set(Object.values(found.mapping) as number[]);
    const fieldsRepeat = [...fieldCols].every((c) => next[c] === '' || next[c] === top[c]);
    let headerish = false;
    let answers = false;
    next.forEach((cell, c) => {
      if (fieldCols.has(c) || cell === '') return;
      const v = parseGosuslugiValue(cell);
      if (v !== null && v !== 'none') answers = true;
      else if (v === null && !/^\d+$/.test(cell)) headerish = true;
    });
    if (fieldsRepeat && headerish && !answers) last++;
  }
  return { first, last };
}

/** 1 exact field name, 0.9 but for spaces, 0.5-0.9 a name contained in a longer header. */
function fieldConfidence(column: HeaderColumn, field: GosuslugiField): number {
  const spec = GOSUSLUGI_FIELDS.find((f) => f.field === field)!;
  const synonyms = [spec.label, ...spec.synonyms].map(normalizeHeader);
  let score = 0;
  for (const part of [column.label, ...column.parts.map((p) => p.text)]) {
    const h = normalizeHeader(part);
    for (const s of synonyms) score = Math.max(score, headerMatchScore(h, s));
  }
  return score >= 3 ? 1 : score >= 2 ? 0.9 : 0.5 + 0.4 * score;
}

function dataSample(table: Table, headerRow: number): number[] {
  const rows: number[] = [];
  for (let r = headerRow + 1; r <= table.rows.length && rows.length < SAMPLE_ROWS; r++) {
    const row = table.rows[r - 1]!;
    if (!isBlankRow(row) && !isTotalsRow(row)) rows.push(r);
  }
  return rows;
}

function looksLikeVotes(table: Table, sample: readonly number[], col: number): boolean {
  let filled = 0;
  let votes = 0;
  for (const r of sample) {
    const cell = table.rows[r - 1]![col] ?? '';
    if (cell === '') continue;
    filled++;
    const v = parseGosuslugiValue(cell);
    if (v !== null && v !== 'none') votes++;
  }
  return filled > 0 && votes >= filled * 0.8;
}

export function proposeGosuslugiMapping(
  table: Table,
  agenda: readonly AgendaQuestion[],
  opts: ProposeOptions = {},
): Result<GosuslugiProposal> {
  const file = table.fileName;
  const texts = agendaTexts(agenda);
  const rows = opts.headerRows ?? locateHeader(table, texts, opts.scanRows ?? 30);
  if (!rows || rows.first < 1 || rows.last < rows.first || rows.last > table.rows.length) {
    return err([
      problem(
        'gosuslugi_header_not_found',
        `В файле «${file}» не найдена строка заголовка: нужен столбец «ФИО», «СНИЛС» или «Кадастровый номер». ` +
          'Укажите строку заголовка вручную.',
        { file },
      ),
    ]);
  }
  const columns = headerColumns(table, rows.first, rows.last);
  const signature = layoutSignature(columns.map((c) => c.header));
  const sample = dataSample(table, rows.last);
  const votesLike = columns.map((c) => looksLikeVotes(table, sample, c.col));
  const notes: Problem[] = [];
  const where = (c: HeaderColumn) => ({ file, row: rows.last, field: columnLabel(c.label) });

  const remembered = opts.remembered?.find((m) => m.signature === signature);
  let mapping: GosuslugiMapping;
  const proposals: ColumnProposal[] = [];
  if (remembered) {
    mapping = { ...remembered, firstHeaderRow: rows.first, headerRow: rows.last };
    for (const c of columns) {
      proposals.push({
        col: c.col,
        header: c.header,
        role: roleOfColumn(mapping, c.col),
        confidence: 1,
        reason: 'как в прошлый раз для файла такого же вида',
        looksLikeVotes: votesLike[c.col]!,
      });
    }
  } else {
    mapping = proposeFresh(table, rows, columns, texts, votesLike, proposals, notes, where);
    mapping.signature = signature;
  }
  const problems = [...notes, ...checkMapping(mapping, agenda, columns, file)];
  return ok({
    fileName: file,
    mapping,
    columns: proposals,
    remembered: remembered !== undefined,
    sampleRows: sample.slice(0, 5),
    problems,
  });
}

function proposeFresh(
  table: Table,
  rows: { first: number; last: number },
  columns: HeaderColumn[],
  texts: AgendaTexts[],
  votesLike: boolean[],
  proposals: ColumnProposal[],
  notes: Problem[],
  where: (c: HeaderColumn) => { file: string; row: number; field: string },
): GosuslugiMapping {
  const byCol = new Map<number, Omit<ColumnProposal, 'col' | 'header' | 'looksLikeVotes'>>();
  const mapping: GosuslugiMapping = {
    signature: '',
    firstHeaderRow: rows.first,
    headerRow: rows.last,
    fields: {},
    questions: {},
    absentQuestions: [],
  };

  // Participant fields, by the header finder over the header rows with question headers set aside.
  const questionCols = new Set<number>();
  const grams = columns.map((c) => trigrams(c.label));
  columns.forEach((c, i) => {
    if (questionOfColumn(c) || texts.some((q) => similarity(grams[i]!, q) >= QUESTIONISH))
      questionCols.add(c.col);
  });
  const headerRows = table.rows
    .slice(rows.first - 1, rows.last)
    .map((row) => row.map((cell, col) => (questionCols.has(col) ? '' : cell)));
  const fields =
    findHeader({ fileName: table.fileName, rows: headerRows }, GOSUSLUGI_FIELDS, {
      minMatches: 1,
      scanRows: headerRows.length,
    })?.mapping ?? {};
  for (const [field, col] of Object.entries(fields) as [GosuslugiField, number][]) {
    mapping.fields[field] = col;
    const confidence = fieldConfidence(columns[col]!, field);
    byCol.set(col, {
      role: { kind: 'field', field },
      confidence,
      reason:
        confidence >= 0.9
          ? `название столбца означает «${GOSUSLUGI_FIELD_LABEL[field]}»`
          : `в названии столбца есть слова, означающие «${GOSUSLUGI_FIELD_LABEL[field]}»`,
    });
  }

  // Questions by the number the header starts with.
  const onAgenda = new Map(texts.map((q) => [q.number, q]));
  const pending: HeaderColumn[] = [];
  for (const c of columns) {
    if (byCol.has(c.col) || c.header === '') continue;
    const q = questionOfColumn(c);
    if (!q) {
      pending.push(c);
      continue;
    }
    const target = onAgenda.get(q.number);
    const taken = mapping.questions[q.number];
    if (!target) {
      notes.push(
        problem(
          'question_not_on_agenda',
          `Столбец «${columnLabel(c.label)}»: в повестке нет вопроса ${q.number}.`,
          where(c),
          'warning',
        ),
      );
      pending.push(c);
      continue;
    }
    if (taken !== undefined) {
      notes.push(
        problem(
          'question_column_twice',
          `Столбец ${columnLetter(c.col)} «${columnLabel(c.label)}»: вопрос ${q.number} уже сопоставлен ` +
            `со столбцом ${columnLetter(taken)} «${columnLabel(columns[taken]!.label)}»; этот столбец не используется.`,
          where(c),
          'warning',
        ),
      );
      continue;
    }
    mapping.questions[q.number] = c.col;
    let confidence = 1;
    let reason = `номер в начале заголовка: «${columnLabel(q.numberText, 40)}»`;
    // The number decides; a wording that clearly names another question lowers the confidence.
    if (q.wording.split(/\s+/).length >= 2) {
      const g = trigrams(q.wording);
      const own = similarity(g, target);
      let other = { number: 0, sim: 0 };
      for (const t of texts) {
        const sim = t.number === q.number ? 0 : similarity(g, t);
        if (sim > other.sim) other = { number: t.number, sim };
      }
      if (own < 0.3 && other.sim >= QUESTIONISH) {
        confidence = 0.5;
        reason += `, но формулировка похожа на вопрос ${other.number}`;
        notes.push(
          problem(
            'gosuslugi_number_wording_differ',
            `Столбец «${columnLabel(c.label)}»: номер вопроса ${q.number}, а формулировка похожа на вопрос ` +
              `${other.number} (${percent(other.sim)}). Проверьте сопоставление.`,
            where(c),
            'warning',
          ),
        );
      }
    }
    byCol.set(c.col, { role: { kind: 'question', number: q.number }, confidence, reason });
  }

  // The rest by wording: the most alike (column, question) pairs first, each used once.
  const free = texts.filter((t) => mapping.questions[t.number] === undefined);
  const pairs: { col: number; number: number; sim: number }[] = [];
  for (const c of pending) {
    const candidates = [c.label, ...c.parts.filter((p) => !p.spread).map((p) => p.text)].map(
      (t) => questionNumberOfHeader(t)?.rest ?? t,
    );
    const gs = candidates.filter(Boolean).map(trigrams);
    for (const t of free) {
      let sim = 0;
      for (const g of gs) sim = Math.max(sim, similarity(g, t));
      if (sim >= WORDING_THRESHOLD) pairs.push({ col: c.col, number: t.number, sim });
    }
  }
  pairs.sort((a, b) => b.sim - a.sim || a.col - b.col || a.number - b.number);
  for (const p of pairs) {
    if (byCol.has(p.col) || mapping.questions[p.number] !== undefined) continue;
    mapping.questions[p.number] = p.col;
    byCol.set(p.col, {
      role: { kind: 'question', number: p.number },
      confidence: Math.round(p.sim * 100) / 100,
      reason: `формулировка похожа на вопрос ${p.number} на ${percent(p.sim)}`,
    });
  }

  for (const c of columns) {
    const p = byCol.get(c.col);
    const votes = votesLike[c.col]!;
    if (p) proposals.push({ col: c.col, header: c.header, ...p, looksLikeVotes: votes });
    else {
      proposals.push({
        col: c.col,
        header: c.header,
        role: { kind: 'extra' },
        confidence: votes ? 0 : 1,
        reason: votes
          ? 'похоже на ответы, но вопрос не определён: укажите его'
          : c.header === ''
            ? 'пустой заголовок'
            : 'не используется',
        looksLikeVotes: votes,
      });
    }
  }
  return mapping;
}
