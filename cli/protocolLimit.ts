/**
 * How large a meeting `golos tally --protocol` builds a protocol for. The protocol lists every person of
 * the registry and every ballot; far beyond any partnership or apartment building (a few thousand
 * people) its PDF and workbook would not fit in memory. Such an input gets a Russian message before the
 * work starts (tallyFiles asks as soon as the registry is read, and again once the ballots are read,
 * before the tally), and nothing is written.
 */
import { formatFigure } from '../shared/documents/figuresRu';
import { problem, type Problem } from '../shared/result';

/** At most this many people in the registry, and ballots received. */
export const PROTOCOL_MAX_PERSONS = 50_000;
export const PROTOCOL_MAX_BALLOTS = 200_000;

const count = (n: number): string => formatFigure(n);

export function protocolSizeProblem(
  persons: number,
  ballots: number,
  limits = { persons: PROTOCOL_MAX_PERSONS, ballots: PROTOCOL_MAX_BALLOTS },
): Problem | null {
  const what =
    persons > limits.persons
      ? `в реестре ${count(persons)} человек, а протокол составляется не больше чем для ${count(limits.persons)}`
      : ballots > limits.ballots
        ? `получено ${count(ballots)} бюллетеней, а протокол составляется не больше чем для ${count(limits.ballots)}`
        : null;
  if (!what) return null;
  return problem(
    'protocol_too_large',
    `Протокол не составлен: ${what}. Проверьте, те ли файлы выбраны; подсчёт без --protocol запишет results.json.`,
  );
}
