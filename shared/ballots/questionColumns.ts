import { problem, type Problem } from '../result';
import type { Table } from '../spreadsheet/table';
import { questionOfHeader } from './cellValues';

/** One column per question, in question order. */
export interface QuestionColumn {
  number: number;
  col: number;
  header: string;
}

/** The table with question headers blanked in its first rows, so field synonyms never take them. */
export function withoutQuestionHeaders(table: Table, scanRows = 30): Table {
  return {
    ...table,
    rows: table.rows.map((row, r) =>
      r < scanRows ? row.map((c) => (questionOfHeader(c) === null ? c : '')) : row,
    ),
  };
}

/**
 * Header text of each column in the original table (the header was found in a masked copy): for a
 * two-row header, the cell that names a question, else both cells joined.
 */
export function headerTexts(table: Table, firstRow: number, lastRow: number): string[] {
  const bottom = table.rows[lastRow - 1] ?? [];
  const top = firstRow < lastRow ? (table.rows[firstRow - 1] ?? []) : bottom;
  return bottom.map((b, c) => {
    const t = top[c] ?? '';
    if (t === b || questionOfHeader(b) !== null) return b;
    if (questionOfHeader(t) !== null) return t;
    return [t, b].filter(Boolean).join(' ');
  });
}

/**
 * The question columns of a header row. With the agenda given, every agenda question needs exactly one
 * column and no column may name another question.
 */
export function findQuestionColumns(
  columns: readonly string[],
  where: { file: string; row: number },
  agenda?: readonly number[],
): { columns: QuestionColumn[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const found: QuestionColumn[] = [];
  const seen = new Map<number, string>();
  columns.forEach((header, col) => {
    const number = questionOfHeader(header);
    if (number === null) return;
    const at = { file: where.file, row: where.row, field: header };
    const before = seen.get(number);
    if (before !== undefined) {
      problems.push(
        problem(
          'question_column_twice',
          `Строка ${where.row}, поле «${header}»: вопрос ${number} уже есть в столбце «${before}».`,
          at,
        ),
      );
      return;
    }
    if (agenda && !agenda.includes(number)) {
      problems.push(
        problem(
          'question_not_on_agenda',
          `Строка ${where.row}, поле «${header}»: в повестке нет вопроса ${number}.`,
          at,
        ),
      );
      return;
    }
    seen.set(number, header);
    found.push({ number, col, header });
  });
  for (const number of agenda ?? []) {
    if (!seen.has(number)) {
      problems.push(
        problem(
          'question_column_missing',
          `Строка ${where.row}: нет столбца вопроса ${number} (заголовок должен начинаться с его номера: «Вопрос ${number}», «${number}.», «№${number}»).`,
          { file: where.file, row: where.row, field: `Вопрос ${number}` },
        ),
      );
    }
  }
  if (found.length === 0 && problems.length === 0) {
    problems.push(
      problem(
        'question_columns_none',
        `Строка ${where.row}: нет ни одного столбца вопроса (заголовок должен начинаться с номера вопроса: «Вопрос 1», «1.», «№1»).`,
        { file: where.file, row: where.row, field: 'Вопрос' },
      ),
    );
  }
  found.sort((a, b) => a.number - b.number);
  return { columns: found, problems };
}
