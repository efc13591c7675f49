/**
 * Electronic rows the import matched to a registry person by name alone (no СНИЛС or cadastral number
 * named them): the command line counts them, lists them in results.json and warns (issue 11, item 11).
 */
import type { Ballot, Person } from '../domain/types';
import { GOSUSLUGI_KEYS } from '../gosuslugi/matchRows';
import { problem, type Problem } from '../result';
import { findVoterPacked, indexVoters, packedKey } from '../registry/voterIndex';

export interface MatchedByName {
  source: string;
  /** The name as the file gives it. */
  name: string;
  /** The registry person it was matched to. */
  person: string;
}

export function matchedByName(ballots: readonly Ballot[], registry: readonly Person[]): MatchedByName[] {
  const ix = indexVoters(registry);
  const out: MatchedByName[] = [];
  for (const b of ballots) {
    if (b.channel !== 'gosuslugi') continue;
    const { personId: _id, ...ref } = b.voter;
    const m = findVoterPacked(ix, ref, GOSUSLUGI_KEYS);
    if (m < 0 || packedKey(m) !== 'name') continue;
    out.push({ source: b.source, name: b.voter.fullName ?? '', person: registry[m >> 3]!.fullName });
  }
  return out;
}

/** One warning naming how many rows and where. */
export function matchedByNameWarning(list: readonly MatchedByName[]): Problem[] {
  if (list.length === 0) return [];
  const where = list
    .slice(0, 10)
    .map((m) => `${m.source} («${m.name}»)`)
    .join(', ');
  return [
    problem(
      'matched_by_name',
      `Строк Госуслуг, сопоставленных с реестром только по ФИО (без СНИЛС и кадастрового номера): ${list.length} — ` +
        `${where}${list.length > 10 ? ' и другие' : ''}. Они учтены; проверьте их по списку matchedByName.`,
      {},
      'warning',
    ),
  ];
}
