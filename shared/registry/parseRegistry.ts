import type { Holding, PartnershipKind, Person, PersonStatus } from '../domain/types';
import { formatArea } from '../documents/figuresRu';
import { problem, type Problem } from '../result';
import { findHeader } from '../spreadsheet/header';
import type { Table } from '../spreadsheet/table';
import { cleanName, MAX_NAME_LENGTH, NAME_CLEANED_TEXT, nameTooLongText } from '../text/cleanName';
import { normalizeName } from '../text/normalizeName';
import { normalizeCadastral } from './cadastral';
import { addAt, listAt, type KeyedLists } from './keyedLists';
import { parseAreaCell, parseShareCell, parseSnilsCell, plotKey } from './fieldValues';
import { REGISTRY_PROBLEM as P } from './problemCodes';
import { REGISTRY_FIELDS, registryFieldLabel, type RegistryField } from './registryFields';
import { parseStatusCell, statusValueKey, type StatusValues } from './statusVocabulary';
import { at } from './where';

export type RegistryMapping = Partial<Record<RegistryField, number>>;

/** Where a parsed person came from: every source row, and the row of each holding (same order). */
export interface PersonSource {
  rows: number[];
  holdingRows: number[];
}

export interface RegistryImport {
  fileName: string;
  /** 1-based header row (the lower one of a two-row header); 0 when none was found or given. */
  headerRow: number;
  mapping: RegistryMapping;
  /** Header text of every column, for the mapping preview. */
  columns: string[];
  /** One per person, ids '' (the app assigns them). */
  persons: Person[];
  /** sourceRows[i] belongs to persons[i]. */
  sourceRows: PersonSource[];
  /** Problems of reading (format of cells, statuses); run validateRegistry for the rest. */
  problems: Problem[];
  /** Data rows read (blank rows and a totals row not counted). */
  rowsRead: number;
  /** Status values the importer did not know (an empty cell as ''), each once, in order of first row. */
  unknownStatuses: UnknownStatus[];
  /** How many persons have each normalised name (normalizeName of fullName), with `countNames`. */
  names?: Map<string, number>;
}

/** A status value not in the vocabulary nor in the user's mappings, with the rows that carry it. */
export interface UnknownStatus {
  /** The value as first written ('' for an empty cell). */
  text: string;
  /** statusValueKey(text): what a mapping is remembered under. */
  key: string;
  rows: number[];
}

export interface ParseRegistryOptions {
  kind: PartnershipKind;
  /** A mapping the user corrected in the preview; by default the one found with the header. */
  mapping?: RegistryMapping;
  /** 1-based header row; data start below it. */
  headerRow?: number;
  /** Status values the user mapped (remembered for the partnership). */
  statusValues?: StatusValues;
  /**
   * The table is read once and thrown away (the command line): each row is let go as soon as it is
   * read, so a 600,000-row file and its persons are not all in memory at once.
   */
  consume?: boolean;
  /** Only these 1-based rows, with `mapping` and `headerRow` given (the header is not looked for). */
  rows?: { from: number; to: number };
  /** Count the persons of each name (RegistryImport.names): a fix in place needs to know a name is unique. */
  countNames?: boolean;
}

const CONSUMED: string[] = [];

interface Draft {
  person: Person;
  source: PersonSource;
  key: string;
  statusRow?: number;
  statusText?: string;
}

const TOTALS = /^(итого|всего)/;
const NUMERIC = /^[\d\s\u00a0.,]+$/;

/**
 * Turns a registry spreadsheet into persons: finds the header (or takes the given one), reads each data
 * row, merges the rows of one person (same СНИЛС, or the same name when there is no СНИЛС) into one
 * Person with several holdings, skips blank rows and a totals row.
 */
export function parseRegistry(table: Table, opts: ParseRegistryOptions): RegistryImport {
  const { kind } = opts;
  const file = table.fileName;
  const problems: Problem[] = [];
  const found = opts.rows && opts.mapping ? null : findHeader(table, REGISTRY_FIELDS);
  const headerRow = opts.headerRow ?? found?.headerRow ?? 0;
  const mapping: RegistryMapping = opts.mapping ?? found?.mapping ?? {};
  const columns =
    found && found.headerRow === headerRow ? found.columns : (table.rows[headerRow - 1] ?? []).slice();
  const result: RegistryImport = {
    fileName: file,
    headerRow,
    mapping,
    columns,
    persons: [],
    sourceRows: [],
    problems,
    rowsRead: 0,
    unknownStatuses: [],
  };
  const unknown = new Map<string, UnknownStatus>();
  const noteUnknown = (text: string, r: number): void => {
    const key = statusValueKey(text);
    const seen = unknown.get(key);
    if (seen) seen.rows.push(r);
    else {
      const entry: UnknownStatus = { text: text.trim(), key, rows: [r] };
      unknown.set(key, entry);
      result.unknownStatuses.push(entry);
    }
  };
  if (!opts.mapping && !found) {
    problems.push(
      problem(
        P.headerNotFound,
        `В файле «${file}» не найдена строка заголовка: нужны хотя бы столбцы «ФИО» и «Участок» (или «СНИЛС»). ` +
          'Укажите столбцы вручную.',
        { file },
      ),
    );
    return result;
  }
  const hasName = mapping.fullName !== undefined || mapping.lastName !== undefined;
  if (!hasName) {
    problems.push(
      problem(
        P.nameColumnMissing,
        `В файле «${file}» не указан столбец «ФИО» (или «Фамилия», «Имя», «Отчество»).`,
        {
          file,
        },
      ),
    );
    return result;
  }
  if (kind === 'snt' && mapping.status === undefined) {
    problems.push(
      problem(
        P.statusColumnMissing,
        `В файле «${file}» нет столбца «Статус»: все записаны членами товарищества. Садоводов без членства ` +
          'отметьте вручную или укажите столбец.',
        { file, field: registryFieldLabel('status') },
        'warning',
      ),
    );
  }

  const label = (f: RegistryField): string => registryFieldLabel(f, kind);
  const get = (row: string[], f: RegistryField): string => {
    const c = mapping[f];
    return c === undefined ? '' : (row[c] ?? '');
  };
  const report = (
    code: string,
    row: number,
    f: RegistryField,
    text: string,
    severity: 'error' | 'warning' = 'error',
  ) => problems.push(problem(code, `${at(row, label(f))}${text}`, { file, row, field: label(f) }, severity));

  const drafts: Draft[] = [];
  const bySnils: KeyedLists<Draft> = new Map();
  const byName: KeyedLists<Draft> = new Map();
  /** The person of the row above: a row with a plot but no name continues it (several plots). */
  let previous: Draft | undefined;
  /** Rows of numbers only: a totals row when nothing named follows them. */
  let pendingNumeric: { r: number; row: string[]; owner: Draft | undefined }[] = [];

  const lastRow = Math.min(table.rows.length, opts.rows?.to ?? Infinity);
  for (let r = Math.max(headerRow + 1, opts.rows?.from ?? 0); r <= lastRow; r++) {
    const row = table.rows[r - 1]!;
    if (opts.consume) table.rows[r - 1] = CONSUMED;
    const filled = row.filter((c) => c !== '');
    if (filled.length === 0) {
      previous = undefined;
      continue;
    }
    if (TOTALS.test(normalizeName(filled[0]!))) {
      previous = undefined;
      continue;
    }
    const name = cleanName(
      mapping.fullName !== undefined
        ? get(row, 'fullName')
        : [get(row, 'lastName'), get(row, 'firstName'), get(row, 'middleName')].filter(Boolean).join(' '),
    );
    const fullName = name.tooLong ? name.name.slice(0, MAX_NAME_LENGTH) : name.name;
    if (name.tooLong) report(P.nameTooLong, r, 'fullName', nameTooLongText(name.name));
    else if (name.cleaned) report(P.nameCleaned, r, 'fullName', NAME_CLEANED_TEXT, 'warning');
    const snilsText = get(row, 'snils');
    if (!fullName && !snilsText) {
      if (filled.every((c) => NUMERIC.test(c))) pendingNumeric.push({ r, row, owner: previous });
      else readNameless(r, row, previous);
      continue;
    }
    for (const p of pendingNumeric) readNameless(p.r, p.row, p.owner);
    pendingNumeric = [];
    result.rowsRead++;

    const holding = readHolding(row, r);
    let snils: string | undefined;
    if (snilsText) {
      const digits = parseSnilsCell(snilsText);
      if (digits) snils = digits;
      else {
        const text = `«${snilsText}» — нужно 11 цифр (например 123-456-789 01); СНИЛС не загружен.`;
        report(P.snilsFormat, r, 'snils', text, 'warning');
      }
    }
    const nameKey = normalizeName(fullName);
    let draft: Draft | undefined;
    if (snils) draft = listAt(bySnils, snils).find((d) => d.key === nameKey);
    else if (nameKey) draft = listAt(byName, nameKey).find((d) => !d.person.snils);
    if (!draft) {
      const person: Person = { id: '', fullName, status: kind === 'mkd' ? 'owner' : 'member', holdings: [] };
      if (snils) person.snils = snils;
      draft = { person, source: { rows: [r], holdingRows: [] }, key: nameKey };
      drafts.push(draft);
      if (snils) addAt(bySnils, snils, draft);
      if (nameKey) addAt(byName, nameKey, draft);
    } else draft.source.rows.push(r);
    readPersonFields(draft, row, r);
    if (holding) addHolding(draft, holding, r);
    previous = draft;
  }
  // Numbers-only rows after the last person: another plot of the person right above when they carry a
  // plot number, else totals (skipped without a word).
  for (const p of pendingNumeric) if (p.owner && get(p.row, 'plotNumber')) readNameless(p.r, p.row, p.owner);

  const merged = mergeNameOnlyDrafts(drafts);
  result.persons = merged.map((d) => d.person);
  result.sourceRows = merged.map((d) => d.source);
  if (opts.countNames) {
    const names = new Map<string, number>();
    for (const d of merged) names.set(d.key, (names.get(d.key) ?? 0) + 1);
    result.names = names;
  }
  return result;

  /** A row with no name and no СНИЛС: another plot of the person above, or an error. */
  function readNameless(r: number, row: string[], owner: Draft | undefined): void {
    result.rowsRead++;
    const holding =
      owner && (get(row, 'plotNumber') || get(row, 'cadastralNumber')) ? readHolding(row, r) : null;
    if (owner && holding) {
      report(
        P.nameContinued,
        r,
        'fullName',
        `не заполнено — ${plotWord(kind)} ${holding.plotNumber || holding.cadastralNumber} ` +
          `${kind === 'mkd' ? 'записано' : 'записан'} за ` +
          `${owner.person.fullName} (строка ${owner.source.rows[0]}).`,
        'warning',
      );
      owner.source.rows.push(r);
      addHolding(owner, holding, r);
    } else {
      report(P.nameEmpty, r, 'fullName', 'не заполнено.');
    }
  }

  function readHolding(row: string[], r: number): Holding | null {
    const plotNumber = get(row, 'plotNumber');
    const cadastral = normalizeCadastral(get(row, 'cadastralNumber'));
    const areaText = get(row, 'area');
    const shareText = get(row, 'share');
    if (!plotNumber && !cadastral && !areaText && !shareText) return null;
    const h: Holding = { plotNumber };
    if (cadastral) h.cadastralNumber = cadastral;
    if (areaText) {
      const a = parseAreaCell(areaText);
      if (!a)
        report(P.areaFormat, r, 'area', `«${areaText}» — не число (площадь в м², например 1200 или 54,3).`);
      else {
        h.area = a.area;
        if (a.rounded) {
          report(P.areaRounded, r, 'area', `«${areaText}» округлено до ${formatArea(a.area)} м².`, 'warning');
        }
      }
    }
    if (shareText) {
      const s = parseShareCell(shareText);
      if (!s)
        report(P.shareFormat, r, 'share', `«${shareText}» — не доля (например 1/2 или 0,5; не больше 1).`);
      else if (s.share) h.share = s.share;
    }
    return h;
  }

  function addHolding(d: Draft, h: Holding, r: number): void {
    const key = plotKey(h.plotNumber) || h.cadastralNumber || '';
    const i = key
      ? d.person.holdings.findIndex((x) => (plotKey(x.plotNumber) || x.cadastralNumber) === key)
      : -1;
    if (i >= 0) {
      report(
        P.plotRepeated,
        r,
        'plotNumber',
        `${plotWord(kind)} ${h.plotNumber || h.cadastralNumber} у этого человека уже указан в строке ` +
          `${d.source.holdingRows[i]}; повтор не добавлен.`,
        'warning',
      );
      return;
    }
    d.person.holdings = append(d.person.holdings, h);
    d.source.holdingRows = append(d.source.holdingRows, r);
  }

  function readPersonFields(d: Draft, row: string[], r: number): void {
    const p = d.person;
    for (const f of ['residentialAddress', 'postalAddress', 'email', 'phone'] as const) {
      const v = get(row, f);
      if (v && !p[f]) p[f] = v;
    }
    if (kind !== 'snt' || mapping.status === undefined) return;
    const text = get(row, 'status');
    const status: PersonStatus | null = parseStatusCell(text, kind, opts.statusValues);
    if (!status) {
      noteUnknown(text, r);
      if (!text) report(P.statusEmpty, r, 'status', 'не заполнено: укажите, что значит пустой статус.');
      else report(P.statusUnknown, r, 'status', `значение «${text}» не распознано: укажите, что оно значит.`);
      return;
    }
    if (d.statusRow === undefined) {
      p.status = status;
      d.statusRow = r;
      d.statusText = text;
    } else if (p.status !== status) {
      report(
        P.statusConflict,
        r,
        'status',
        `«${text}», а в строке ${d.statusRow} у этого же человека — «${d.statusText}».`,
      );
    }
  }
}

/**
 * `list` with `x` at the end. A first element makes a list of one: an empty list grown by push keeps
 * room for 16 more (about 150 bytes), times every person of a 600,000-row registry.
 */
function append<T>(list: T[], x: T): T[] {
  if (list.length === 0) return [x];
  list.push(x);
  return list;
}

function plotWord(kind: PartnershipKind): string {
  return kind === 'mkd' ? 'помещение' : 'участок';
}

/**
 * Rows without СНИЛС join the one person with a СНИЛС and the same name (the secretary filled the СНИЛС
 * on one row only). With two such persons it stays separate: the name alone cannot tell which.
 */
function mergeNameOnlyDrafts(drafts: Draft[]): Draft[] {
  const withSnils = new Map<string, Draft[]>();
  for (const d of drafts)
    if (d.person.snils && d.key) withSnils.set(d.key, [...(withSnils.get(d.key) ?? []), d]);
  const out: Draft[] = [];
  for (const d of drafts) {
    const target = !d.person.snils && d.key ? withSnils.get(d.key) : undefined;
    if (target?.length !== 1) {
      out.push(d);
      continue;
    }
    const t = target[0]!;
    for (let i = 0; i < d.person.holdings.length; i++) {
      t.person.holdings.push(d.person.holdings[i]!);
      t.source.holdingRows.push(d.source.holdingRows[i]!);
    }
    t.source.rows = [...t.source.rows, ...d.source.rows].sort((a, b) => a - b);
    for (const f of ['residentialAddress', 'postalAddress', 'email', 'phone'] as const) {
      if (!t.person[f] && d.person[f]) t.person[f] = d.person[f];
    }
    if (t.statusRow === undefined && d.statusRow !== undefined) t.person.status = d.person.status;
  }
  return out;
}
