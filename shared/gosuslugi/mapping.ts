/**
 * Which column of a results file is what: a participant field, an agenda question, or an extra column
 * kept for the preview. The import wizard shows the proposal and the user corrects it column by column;
 * the app stores the confirmed mapping and proposes it again for a file with the same layout signature.
 */
import { sha256Hex } from '../crypto/sha256';
import type { Question } from '../domain/types';
import { normalizeHeader } from '../spreadsheet/header';
import type { GosuslugiField } from './fields';

/** What the import needs of an agenda question: its number, and its wording to recognise a column by. */
export type AgendaQuestion = Pick<Question, 'number' | 'text' | 'proposal'>;

export interface GosuslugiMapping {
  /** layoutSignature of the header this mapping was made for. */
  signature: string;
  /** 1-based first and last header rows (equal for a one-row header); data start below headerRow. */
  firstHeaderRow: number;
  headerRow: number;
  /** 0-based column of each participant field found. */
  fields: Partial<Record<GosuslugiField, number>>;
  /** 0-based column of each agenda question, by question number. */
  questions: Record<number, number>;
  /** Agenda questions the user confirmed this file has no column for (nothing is read for them). */
  absentQuestions: number[];
}

export type ColumnRole =
  | { kind: 'field'; field: GosuslugiField }
  | { kind: 'question'; number: number }
  /** Shown in the preview, not read (the time of voting, an address, a serial number). */
  | { kind: 'extra' };

/**
 * Hash of the normalised header texts, column by column: files of the same shape (the same columns in
 * the same order, whatever the title rows and data) share it.
 */
export function layoutSignature(headers: readonly string[]): string {
  return sha256Hex(JSON.stringify(headers.map(normalizeHeader)));
}

export function roleOfColumn(mapping: GosuslugiMapping, col: number): ColumnRole {
  for (const [field, c] of Object.entries(mapping.fields)) {
    if (c === col) return { kind: 'field', field: field as GosuslugiField };
  }
  for (const [number, c] of Object.entries(mapping.questions)) {
    if (c === col) return { kind: 'question', number: Number(number) };
  }
  return { kind: 'extra' };
}

/**
 * The mapping with `col` given a new role. The field or question it takes leaves its previous column
 * (which becomes extra), and a question given a column is no longer marked absent.
 */
export function setColumnRole(mapping: GosuslugiMapping, col: number, role: ColumnRole): GosuslugiMapping {
  const fields = { ...mapping.fields };
  const questions: Record<number, number> = {};
  for (const f of Object.keys(fields) as GosuslugiField[]) if (fields[f] === col) delete fields[f];
  for (const [n, c] of Object.entries(mapping.questions)) if (c !== col) questions[Number(n)] = c;
  let absentQuestions = mapping.absentQuestions;
  if (role.kind === 'field') fields[role.field] = col;
  if (role.kind === 'question') {
    questions[role.number] = col;
    absentQuestions = absentQuestions.filter((n) => n !== role.number);
  }
  return { ...mapping, fields, questions, absentQuestions };
}

/** The mapping with an agenda question marked as not in this file (its column, if any, becomes extra). */
export function markQuestionAbsent(mapping: GosuslugiMapping, number: number): GosuslugiMapping {
  const questions = { ...mapping.questions };
  delete questions[number];
  const absentQuestions = mapping.absentQuestions.includes(number)
    ? mapping.absentQuestions
    : [...mapping.absentQuestions, number].sort((a, b) => a - b);
  return { ...mapping, questions, absentQuestions };
}
