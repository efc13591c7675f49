/** What a mapping must have before rows can be read: someone to match by, and every agenda question. */
import { problem, type Problem } from '../result';
import { IDENTITY_FIELDS } from './fields';
import type { HeaderColumn } from './headerColumns';
import type { AgendaQuestion, GosuslugiMapping } from './mapping';

/** A header text short enough for a message: `3. Об утверждении приходно-расходной сметы…`. */
export function columnLabel(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Spreadsheet letter of a 0-based column: 0 -> `A`, 26 -> `AA`. */
export function columnLetter(col: number): string {
  let out = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

export function checkMapping(
  mapping: GosuslugiMapping,
  agenda: readonly AgendaQuestion[],
  columns: readonly HeaderColumn[],
  file: string,
): Problem[] {
  const problems: Problem[] = [];
  const row = mapping.headerRow;
  if (!IDENTITY_FIELDS.some((f) => mapping.fields[f] !== undefined)) {
    problems.push(
      problem(
        'gosuslugi_identity_missing',
        `Строка ${row}: не указан столбец «ФИО», «СНИЛС» или «Кадастровый номер» — участников не по чему найти в реестре.`,
        { file, row, field: 'ФИО' },
      ),
    );
  }
  const width = columns.length;
  for (const q of agenda) {
    const col = mapping.questions[q.number];
    if (col !== undefined && col >= 0 && col < width) continue;
    if (mapping.absentQuestions.includes(q.number)) continue;
    problems.push(
      problem(
        'question_column_missing',
        `Нет столбца вопроса ${q.number} «${columnLabel(q.text, 80)}»: укажите его столбец или отметьте, что этого вопроса в файле нет.`,
        { file, row, field: `Вопрос ${q.number}` },
      ),
    );
  }
  const numbers = new Set(agenda.map((q) => q.number));
  for (const n of Object.keys(mapping.questions).map(Number)) {
    if (!numbers.has(n)) {
      problems.push(
        problem('question_not_on_agenda', `В повестке нет вопроса ${n}.`, {
          file,
          row,
          field: `Вопрос ${n}`,
        }),
      );
    }
  }
  return problems;
}
