import { add, compare, ONE, toFraction, type Rational } from '../arith/rational';
import type { Holding, PartnershipKind, Person } from '../domain/types';
import { problem, type Problem, type Severity } from '../result';
import { cadastralOk } from './cadastral';
import { plotKey, shareValue } from './fieldValues';
import { addAt, listAt, type KeyedLists } from './keyedLists';
import type { PersonSource } from './parseRegistry';
import { REGISTRY_PROBLEM as P } from './problemCodes';
import { registryFieldLabel, type RegistryField } from './registryFields';
import { formatSnils, snilsChecksumOk } from './snils';
import { at } from './where';

export interface RegistryWhere {
  /** File the persons were imported from. */
  file?: string;
  /** Source rows of each person (parseRegistry's sourceRows, same order as persons). */
  sourceRows?: PersonSource[];
  kind?: PartnershipKind;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const AREA = /^\d+(\.\d{1,2})?$/;

/** A phone number: digits (5 to 15 of them) with the usual `+ ( ) -` and spaces, possibly several by `,`/`;`. */
export function phoneOk(phone: string): boolean {
  return phone.split(/[,;]/).every((one) => {
    const t = one.trim();
    const digits = t.replace(/\D/g, '').length;
    return /^\+?[\d\s()\-‐–.]+$/.test(t) && digits >= 5 && digits <= 15;
  });
}

/**
 * Problems the secretary must see in a registry. Errors mean the row cannot be a person: no name, the
 * same СНИЛС on two people, a plot held by several people whose shares exceed 1 (or are missing), an
 * unreadable share. Everything else is a warning that does not block the import: a СНИЛС failing its
 * checksum (kept, «не проверен»), a cadastral number of an odd shape, a bad e-mail or phone. Messages name the source row when known (`Строка 14, поле «СНИЛС»: …`), else the person.
 */
export function validateRegistry(persons: readonly Person[], where: RegistryWhere = {}): Problem[] {
  return registryFindings(persons, where).map((f) => f.problem);
}

/**
 * validateRegistry's problems, each with the person it is about and, for a cross-person check, its group.
 * `index` (empty when given) is filled with where each СНИЛС and plot is.
 */
export function registryFindings(
  persons: readonly Person[],
  where: RegistryWhere = {},
  index: RegistryIndex = registryIndex(),
): Finding[] {
  const names = persons.length > 1;
  return check(persons, where, (i) => (names ? persons[i]!.fullName : undefined), index);
}

/** A holding of a person: indexes in the persons and in the person's holdings. */
export interface Holder {
  i: number;
  k: number;
}

/** The persons of each СНИЛС and the holders of each plot, as the checks across persons find them. */
export interface RegistryIndex {
  snils: KeyedLists<number>;
  /** By plot key (holdingKey). */
  plots: KeyedLists<Holder>;
}

export const registryIndex = (): RegistryIndex => ({ snils: new Map(), plots: new Map() });

/** What makes two holdings the same plot: the plot number as plotKey reads it, else the cadastral number. */
export const holdingKey = (h: Holding): string => plotKey(h.plotNumber) || (h.cadastralNumber ?? '');

/** The group of a cross-person check: the persons sharing a СНИЛС, or the holders of one plot. */
export const snilsGroup = (snils: string): string => `snils:${snils}`;
export const plotGroup = (key: string): string => `plot:${key}`;

/**
 * Problems of one person edited in a form (`Поле «СНИЛС»: …`), checked against the rest of the
 * registry for a duplicate СНИЛС and shared plots.
 */
export function validatePerson(
  person: Person,
  others: readonly Person[] = [],
  kind?: PartnershipKind,
): Problem[] {
  const rest = others.filter((o) => o.id === '' || o.id !== person.id);
  const where: RegistryWhere = kind ? { kind } : {};
  // Last, so that a duplicate СНИЛС or a shared plot is reported on the edited person.
  return check([...rest, person], where, () => undefined, registryIndex())
    .filter((f) => f.person === rest.length)
    .map((f) => f.problem);
}

export interface Finding {
  problem: Problem;
  /** Index of the person it is about. */
  person: number;
  /** A check across persons (snilsGroup or plotGroup): its findings change with any member of the group. */
  group?: string;
}

function check(
  persons: readonly Person[],
  where: RegistryWhere,
  who: (i: number) => string | undefined,
  index: RegistryIndex,
): Finding[] {
  const out: Finding[] = [];
  const kind =
    where.kind ?? (persons.length > 0 && persons.every((p) => p.status === 'owner') ? 'mkd' : 'snt');
  const label = (f: RegistryField): string => registryFieldLabel(f, kind);
  const personRow = (i: number): number | undefined => where.sourceRows?.[i]?.rows[0];
  const holdingRow = (i: number, h: number): number | undefined =>
    where.sourceRows?.[i]?.holdingRows[h] ?? personRow(i);
  const say = (
    code: string,
    i: number,
    row: number | undefined,
    f: RegistryField,
    text: string,
    severity: Severity = 'error',
  ): void => {
    const field = label(f);
    const place: Pick<Problem, 'file' | 'row' | 'field'> = { field };
    if (where.file !== undefined) place.file = where.file;
    if (row !== undefined) place.row = row;
    const message = `${at(row, field, row === undefined ? who(i) : undefined)}${text}`;
    out.push({ problem: problem(code, message, place, severity), person: i });
  };
  const plotWord = kind === 'mkd' ? 'помещение' : 'участок';

  persons.forEach((p, i) => {
    if (!p.fullName.trim()) say(P.nameEmpty, i, personRow(i), 'fullName', 'не заполнено.');
    if (p.snils !== undefined && p.snils !== '') {
      if (!/^\d{11}$/.test(p.snils)) {
        say(
          P.snilsFormat,
          i,
          personRow(i),
          'snils',
          `«${p.snils}» — нужно 11 цифр (например 123-456-789 01).`,
          'warning',
        );
      } else if (!snilsChecksumOk(p.snils)) {
        say(
          P.snilsChecksum,
          i,
          personRow(i),
          'snils',
          `контрольная сумма не сходится (${formatSnils(p.snils)}): СНИЛС сохранён с пометкой «не проверен» ` +
            'и не используется для поиска бюллетеней.',
          'warning',
        );
      }
      const first = listAt(index.snils, p.snils)[0];
      addAt(index.snils, p.snils, i);
      if (first !== undefined) {
        const r = personRow(first);
        const there =
          r !== undefined ? `в строке ${r} (${persons[first]!.fullName})` : `у ${persons[first]!.fullName}`;
        say(P.snilsDuplicate, i, personRow(i), 'snils', `${formatSnils(p.snils)} уже указан ${there}.`);
        out[out.length - 1]!.group = snilsGroup(p.snils);
      }
    }
    if (p.email && !EMAIL.test(p.email.trim())) {
      say(P.emailFormat, i, personRow(i), 'email', `«${p.email}» — не адрес электронной почты.`, 'warning');
    }
    if (p.phone && !phoneOk(p.phone)) {
      say(P.phoneFormat, i, personRow(i), 'phone', `«${p.phone}» — не номер телефона.`, 'warning');
    }
    if (p.holdings.length === 0) {
      const none = kind === 'mkd' ? 'не указано ни одного помещения.' : 'не указано ни одного участка.';
      say(P.noHoldings, i, personRow(i), 'plotNumber', none, 'warning');
    }
    p.holdings.forEach((h, k) => {
      const row = holdingRow(i, k);
      if (!h.plotNumber.trim()) say(P.plotEmpty, i, row, 'plotNumber', 'не заполнено.');
      if (h.cadastralNumber && !cadastralOk(h.cadastralNumber)) {
        say(
          P.cadastralFormat,
          i,
          row,
          'cadastralNumber',
          `«${h.cadastralNumber}» не похож на кадастровый номер (вида 50:18:0080301:152).`,
          'warning',
        );
      }
      if (h.area !== undefined && !AREA.test(h.area)) {
        say(P.areaFormat, i, row, 'area', `«${h.area}» — не число (площадь в м², например 1200 или 54,3).`);
      }
      if (h.share !== undefined && !shareValue(h.share)) {
        say(P.shareFormat, i, row, 'share', `«${h.share}» — не доля (например 1/2 или 0,5; не больше 1).`);
      }
    });
  });

  // Plots held by several people: every holder needs a share, and the shares add up to 1.
  persons.forEach((p, i) =>
    p.holdings.forEach((h, k) => {
      const key = holdingKey(h);
      if (key) addAt(index.plots, key, { i, k });
    }),
  );
  for (const [key, list] of index.plots) {
    if (!Array.isArray(list)) continue;
    const from = out.length;
    const people = [...new Set(list.map((x) => x.i))];
    if (people.length < 2) continue;
    const plot = persons[list[0]!.i]!.holdings[list[0]!.k]!;
    const plotName = `${plotWord} ${plot.plotNumber || plot.cadastralNumber}`;
    const without = list.filter((x) => persons[x.i]!.holdings[x.k]!.share === undefined);
    if (without.length > 0) {
      const holderNames = people.map((i) => persons[i]!.fullName).join(', ');
      for (const x of without) {
        say(
          P.plotSharesMissing,
          x.i,
          holdingRow(x.i, x.k),
          'share',
          `${plotName} ${kind === 'mkd' ? 'записано' : 'записан'} за несколькими людьми (${holderNames}), но доля не указана.`,
        );
      }
      for (const f of out.slice(from)) f.group = plotGroup(key);
      continue;
    }
    let sum: Rational = { n: 0n, d: 1n };
    let readable = true;
    for (const x of list) {
      const v = shareValue(persons[x.i]!.holdings[x.k]!.share);
      if (!v) readable = false;
      else sum = add(sum, v);
    }
    const cmp = compare(sum, ONE);
    if (!readable || cmp === 0) continue;
    const x = list[list.length - 1]!;
    say(
      P.plotSharesSum,
      x.i,
      holdingRow(x.i, x.k),
      'share',
      `доли владельцев (${plotName}) в сумме дают ${toFraction(sum)}, а должны 1.`,
      cmp > 0 ? 'error' : 'warning',
    );
    out[out.length - 1]!.group = plotGroup(key);
  }
  return out;
}
