/**
 * Reading the participants' rows of a results file with a confirmed mapping: who (name, СНИЛС, cadastral
 * and plot numbers), when, and the answer to each question. An answer that is not За / Против /
 * Воздержался / blank (or a date that is not a date) is an error naming the row and column; the user
 * fixes it (an override) or skips the row.
 */
import { cleanName, MAX_NAME_LENGTH, NAME_CLEANED_TEXT, nameTooLongText } from '../text/cleanName';
import { parseDateCell } from '../ballots/cellValues';
import type { IsoDate } from '../domain/types';
import { problem, type Problem } from '../result';
import { cadastralOk, normalizeCadastral } from '../registry/cadastral';
import { parseSnilsCell } from '../registry/fieldValues';
import { snilsChecksumOk } from '../registry/snils';
import type { Table } from '../spreadsheet/table';
import { columnLabel } from './checkMapping';
import { GOSUSLUGI_FIELD_LABEL, type GosuslugiField } from './fields';
import { headerColumns } from './headerColumns';
import type { GosuslugiMapping } from './mapping';
import { isBlankRow, isTotalsRow } from './rowKinds';
import { parseGosuslugiValue, type GosuslugiValue } from './values';

/** The user's answer for one cell, replacing what the file says. */
export interface ValueOverride {
  /** 1-based row. */
  row: number;
  question: number;
  value: GosuslugiValue;
}

export interface ReadRowsOptions {
  overrides?: readonly ValueOverride[];
  /** 1-based rows the user chose not to import. */
  skipRows?: readonly number[];
}

export interface GosuslugiRow {
  /** 1-based row in the file. */
  row: number;
  fullName: string;
  /** 11 digits, when the cell holds a СНИЛС. */
  snils?: string;
  /** Cadastral numbers, without spaces (a cell may list several, separated by `,` or `;`). */
  cadastral: string[];
  plot?: string;
  /** The date of voting when the file has that column (the ballot's date of receipt). */
  votedAt?: IsoDate;
  /** Answer per question number; a question whose cell could not be read has none. */
  marks: Record<number, GosuslugiValue>;
  /** Errors (unreadable answers) and warnings (СНИЛС, cadastral number) of this row. */
  problems: Problem[];
  /** Some answer (or the date) could not be read and was not overridden. */
  hasErrors: boolean;
  /** The user chose not to import this row. */
  skipped: boolean;
}

export interface GosuslugiRows {
  rows: GosuslugiRow[];
  /** 1-based totals rows below the header, left out. */
  totalsRows: number[];
}

/** Messages name a value as the user typed it, shortened. */
const shown = (text: string): string => columnLabel(text, 40);

export function readGosuslugiRows(
  table: Table,
  mapping: GosuslugiMapping,
  opts: ReadRowsOptions = {},
): GosuslugiRows {
  const file = table.fileName;
  const labels = headerColumns(table, mapping.firstHeaderRow, mapping.headerRow).map((c) =>
    columnLabel(c.label),
  );
  const fieldLabel = (f: GosuslugiField): string => {
    const c = mapping.fields[f];
    return (c !== undefined && labels[c]) || GOSUSLUGI_FIELD_LABEL[f];
  };
  const questions = Object.entries(mapping.questions)
    .map(([n, col]) => ({ number: Number(n), col, label: labels[col] || `Вопрос ${n}` }))
    .sort((a, b) => a.number - b.number);
  const overrides = new Map<string, GosuslugiValue>();
  for (const o of opts.overrides ?? []) overrides.set(`${o.row}:${o.question}`, o.value);
  const skip = new Set(opts.skipRows ?? []);
  // Answers repeat: each distinct cell text is read once.
  const known = new Map<string, GosuslugiValue | null>();
  const valueOf = (text: string): GosuslugiValue | null => {
    let v = known.get(text);
    if (v === undefined) {
      v = parseGosuslugiValue(text);
      known.set(text, v);
    }
    return v;
  };
  const cell = (row: readonly string[], f: GosuslugiField): string => {
    const c = mapping.fields[f];
    return c === undefined ? '' : (row[c] ?? '');
  };

  const rows: GosuslugiRow[] = [];
  const totalsRows: number[] = [];
  for (let r = mapping.headerRow + 1; r <= table.rows.length; r++) {
    const cells = table.rows[r - 1]!;
    if (isBlankRow(cells)) continue;
    if (isTotalsRow(cells, mapping)) {
      totalsRows.push(r);
      continue;
    }
    const problems: Problem[] = [];
    const warn = (f: GosuslugiField, code: string, text: string): void => {
      const field = fieldLabel(f);
      problems.push(
        problem(code, `Строка ${r}, поле «${field}»: ${text}`, { file, row: r, field }, 'warning'),
      );
    };
    const name = cleanName(cell(cells, 'fullName'));
    if (name.tooLong) warn('fullName', 'gosuslugi_name_too_long', nameTooLongText(name.name));
    else if (name.cleaned) warn('fullName', 'gosuslugi_name_cleaned', NAME_CLEANED_TEXT);
    const out: GosuslugiRow = {
      row: r,
      fullName: name.name.slice(0, MAX_NAME_LENGTH),
      cadastral: [],
      marks: {},
      problems,
      hasErrors: false,
      skipped: skip.has(r),
    };
    const snilsText = cell(cells, 'snils');
    if (snilsText !== '') {
      const snils = parseSnilsCell(snilsText);
      if (!snils) {
        warn(
          'snils',
          'gosuslugi_snils',
          `«${shown(snilsText)}» — не СНИЛС (нужно 11 цифр); участник будет найден по другим данным.`,
        );
      } else {
        out.snils = snils;
        if (!snilsChecksumOk(snils)) {
          warn(
            'snils',
            'gosuslugi_snils_checksum',
            `у СНИЛС «${shown(snilsText)}» неверное контрольное число; проверьте найденного участника.`,
          );
        }
      }
    }
    const cadastralText = cell(cells, 'cadastral');
    if (cadastralText !== '') {
      for (const part of cadastralText.split(/[,;\n]+/)) {
        const number = normalizeCadastral(part);
        if (number === '') continue;
        out.cadastral.push(number);
        if (!cadastralOk(number)) {
          warn(
            'cadastral',
            'gosuslugi_cadastral',
            `«${shown(part.trim())}» — не похоже на кадастровый номер (50:18:0080301:152).`,
          );
        }
      }
    }
    const plot = cell(cells, 'plot');
    if (plot !== '') out.plot = plot;
    const votedText = cell(cells, 'votedAt');
    if (votedText !== '') {
      const votedAt = parseDateCell(votedText);
      if (votedAt) out.votedAt = votedAt;
      else {
        out.hasErrors = true;
        const field = fieldLabel('votedAt');
        problems.push(
          problem(
            'gosuslugi_date',
            `Строка ${r}, поле «${field}»: «${shown(votedText)}» — не дата: нужно ДД.ММ.ГГГГ.`,
            { file, row: r, field },
          ),
        );
      }
    }

    for (const q of questions) {
      const fixed = overrides.get(`${r}:${q.number}`);
      if (fixed !== undefined) {
        out.marks[q.number] = fixed;
        continue;
      }
      const text = cells[q.col] ?? '';
      const v = valueOf(text);
      if (v !== null) {
        out.marks[q.number] = v;
        continue;
      }
      out.hasErrors = true;
      problems.push(
        problem(
          'gosuslugi_value',
          `Строка ${r}, поле «${q.label}»: непонятное значение «${shown(text)}». ` +
            'Ожидается «За», «Против» или «Воздержался».',
          { file, row: r, field: q.label },
        ),
      );
    }
    rows.push(out);
  }
  return { rows, totalsRows };
}
