/**
 * The identity check of paper ballots (shared/tally/identity.ts) at the entry desk. A keyed ballot
 * carries the registry id of the person the operator chose, so the count cannot check it again: the desk
 * checks what the operator typed from the paper instead. The operator types the ballot's details into
 * the voter search, one or several of them («12 Сидоров», «123-456-789 01 Иванов»):
 *
 * - a СНИЛС or plot number that names no one in the registry refuses the ballot, naming the detail;
 * - details that name different persons (the plot is someone else's than the name) refuse it too: such
 *   a ballot is never counted for a namesake, exactly as the count rejects it from a batch file;
 * - details that agree on one person open that person's ballot (a СНИЛС with a name, which the plain
 *   search does not combine); a name that names no one beside a СНИЛС or plot that found the person
 *   opens it with a warning, as the count takes such a ballot (a misspelling).
 *
 * Names are matched as the search matches them: every typed word starts a word of the full name.
 * One detail alone opens a ballot only when it names exactly one person (`unchosenHit`).
 */
import { plural } from '../../meetings/dates';
import { plotKey } from '../../registry/fieldValues';
import { searchRegistry, type RegistryIndex } from '../../registry/search';
import { normalizeName } from '../../text/normalizeName';

export interface TypedDetails {
  /** 11 digits. */
  snils?: string;
  /** As typed. */
  plot?: string;
  /** Name words, normalised. */
  name: string[];
}

export type DeskIdentity =
  | { kind: 'person'; index: number; warning?: string }
  | { kind: 'refused'; text: string }
  /** Nothing to add to the search (one detail, or several persons fit): the search's own answer stands. */
  | { kind: 'search' };

const SNILS_IN_TEXT = /(?:^|\s)(\d{3}[-\s]?\d{3}[-\s]?\d{3}[-\s]?\d{2})(?=\s|$)/;

/** The details a search text holds: a СНИЛС (11 digits, dashes and spaces allowed), a plot number, name words. */
export function typedDetails(query: string): TypedDetails {
  let rest = query.trim();
  let snils: string | undefined;
  const s = SNILS_IN_TEXT.exec(rest);
  if (s) {
    snils = s[1]!.replace(/\D/g, '');
    rest = rest.replace(s[1]!, ' ');
  }
  const words = normalizeName(rest).split(' ').filter(Boolean);
  const plots = words.filter((w) => /\d/.test(w));
  return {
    ...(snils ? { snils } : {}),
    ...(plots.length === 1 ? { plot: plots[0]! } : {}),
    name: words.filter((w) => !/\d/.test(w)),
  };
}

/** «***-***-789 01»: the reason hides the first six digits, as the count's reasons do. */
function snilsText(digits: string): string {
  return `СНИЛС ***-***-${digits.slice(6, 9)} ${digits.slice(9)}`;
}

function nameList(index: RegistryIndex, found: readonly number[]): string {
  const names = found.slice(0, 3).map((i) => index.persons[i]!.fullName);
  return names.join(', ') + (found.length > 3 ? ' и др.' : '');
}

const ADVICE = 'Такой бюллетень не засчитывается: отложите его для счётной комиссии.';

/** Who the typed details name, checked as the count checks a paper ballot's details. */
export function checkTypedDetails(index: RegistryIndex, query: string): DeskIdentity {
  const d = typedDetails(query);
  const kinds = (d.snils ? 1 : 0) + (d.plot ? 1 : 0) + (d.name.length > 0 ? 1 : 0);
  if (kinds === 0) return { kind: 'search' };
  const bySnils: number[] = [];
  const byPlot: number[] = [];
  const byName: number[] = [];
  const plot = d.plot ? plotKey(d.plot) : '';
  for (const e of index.entries) {
    if (d.snils && e.snils === d.snils) bySnils.push(e.i);
    if (plot && e.plots.includes(plot)) byPlot.push(e.i);
    if (d.name.length > 0 && d.name.every((t) => e.words.some((w) => w.startsWith(t)))) byName.push(e.i);
  }
  const snilsName = d.snils ? snilsText(d.snils) : '';
  const plotName = d.plot ? `участок (помещение) № ${d.plot}` : '';
  if (d.snils && bySnils.length === 0) {
    return {
      kind: 'refused',
      text: `${snilsName} не найден в реестре: по ФИО бюллетень не сопоставляется. ${ADVICE}`,
    };
  }
  if (d.plot && byPlot.length === 0 && (d.snils || d.name.length > 0)) {
    return {
      kind: 'refused',
      text: `${capital(plotName)} не найден в реестре: по ФИО бюллетень не сопоставляется. ${ADVICE}`,
    };
  }
  if (kinds === 1) return { kind: 'search' };
  // The strong details (СНИЛС, plot) must name one and the same person.
  let strong: number[] | null = null;
  if (d.snils) strong = bySnils;
  if (d.plot) strong = strong ? strong.filter((i) => byPlot.includes(i)) : byPlot;
  if (strong!.length === 0) {
    return {
      kind: 'refused',
      text: `${snilsName} (${nameList(index, bySnils)}) и ${plotName} (${nameList(index, byPlot)}) указывают на разных участников реестра. ${ADVICE}`,
    };
  }
  if (d.name.length === 0)
    return strong!.length === 1 ? { kind: 'person', index: strong![0]! } : { kind: 'search' };
  const typedName = d.name.join(' ');
  const strongName = d.snils ? snilsName : plotName;
  if (byName.length === 0) {
    if (strong!.length !== 1) return { kind: 'search' };
    return {
      kind: 'person',
      index: strong![0]!,
      warning: `ФИО «${typedName}» не найдено в реестре; участник найден по ${d.snils ? 'СНИЛС' : 'номеру участка'}: сверьте ФИО на бюллетене.`,
    };
  }
  const both = strong!.filter((i) => byName.includes(i));
  if (both.length === 0) {
    return {
      kind: 'refused',
      text: `${capital(strongName)} — в реестре ${nameList(index, strong!)}, а не «${typedName}»: ${strongName} и ФИО указывают на разных участников реестра. ${ADVICE}`,
    };
  }
  return both.length === 1 ? { kind: 'person', index: both[0]! } : { kind: 'search' };
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const CHOOSE = 'выберите стрелками ↑↓ того, кто указан в бюллетене, и нажмите Enter';
const AGAIN = 'Enter ещё раз откроет выделенного.';

/** Why Enter may not open the highlighted hit: the Russian text, and whether a second Enter may. */
export interface UnchosenHit {
  text: string;
  level: 'error' | 'warning';
  /** A second Enter opens the highlighted person (the operator has now been told whom it opens). */
  confirm: boolean;
}

/**
 * Why Enter must not open the first hit of a search the operator did not choose from (no arrow key, no
 * click): what was typed names several persons, or names a plot no one holds while the list shows plots
 * that only start with it. A plot held by exactly one person, or one person found, opens that person.
 * So a ballot is never given to a namesake or a co-owner without the operator seeing whom it opens.
 */
export function unchosenHit(
  index: RegistryIndex,
  query: string,
  hits: readonly { index: number; by: 'plot' | 'name' | 'snils' }[],
): UnchosenHit | undefined {
  if (hits.length === 0) return undefined;
  const q = normalizeName(query);
  if (/^[\d\s-]+$/.test(q)) {
    const plot = plotKey(q);
    const holders = index.entries.filter((e) => e.plots.includes(plot)).map((e) => e.i);
    if (holders.length === 1) return undefined;
    if (holders.length > 1) {
      return {
        level: 'warning',
        confirm: true,
        text: `Участок (помещение) № ${q} — у ${holders.length} ${plural(holders.length, ['участника', 'участников', 'участников'])} реестра (${nameList(index, holders)}): ${CHOOSE}. ${AGAIN}`,
      };
    }
    if (hits.every((h) => h.by === 'snils')) {
      if (hits.length === 1) return undefined;
      return {
        level: 'warning',
        confirm: true,
        text: `СНИЛС, начинающийся с «${q}», есть у нескольких участников реестра: допечатайте СНИЛС или ${CHOOSE}. ${AGAIN}`,
      };
    }
    return {
      level: 'error',
      confirm: false,
      text: `Участок (помещение) № ${q} не найден в реестре; в списке — номера, которые начинаются с «${q}». Если в бюллетене № ${q}, отложите его для счётной комиссии; другой участок выберите стрелками ↑↓.`,
    };
  }
  if (hits.length === 1) return undefined;
  const found = searchRegistry(index, query).map((h) => h.index);
  return {
    level: 'warning',
    confirm: true,
    text: `«${query.trim()}» — ${found.length} ${plural(found.length, ['участник', 'участника', 'участников'])} реестра (${nameList(index, found)}): ${CHOOSE}, или добавьте номер участка или СНИЛС. ${AGAIN}`,
  };
}
