/**
 * One person's accepted ballots that disagree on a question: the counting commission's resolution
 * decides when it names one of them (by id, or by the mark that stands), else the meeting's conflicts
 * policy (flag: not counted; latest received; a channel priority). Every such case is listed.
 */
import type { Ballot, Channel, ConflictPolicy, Mark, Person } from '../domain/types';
import { resolutionKey, type IndexedResolution } from './resolutions';
import type { ConflictEntry } from './types';
import { DECISIONS } from './votes';

/** Mark code of a vote not counted for a conflict (index into DECISIONS). */
export const CONFLICT = 6;
// Basis codes (index into BASES).
export const LATEST = 2;
export const PRIORITY = 3;
export const CONFLICTED = 4;
export const RESOLVED = 6;

export interface SettleContext {
  resolutions: Map<string, IndexedResolution> | undefined;
  policy: ConflictPolicy;
  ballots: readonly Ballot[];
  /** Mark codes, numbers.length per ballot. */
  codes: Int8Array;
  numbers: readonly number[];
  /** Where each settled case is listed. */
  conflicts: ConflictEntry[];
}

/** A channel's place in the priority list; channels not listed come last. */
function rankIn(priority: readonly Channel[], c: Channel): number {
  const r = priority.indexOf(c);
  return r < 0 ? priority.length : r;
}

/**
 * Accepted ballots of a person disagree on question q: the commission's resolution decides when it
 * names one of them, else the conflicts policy; listed either way.
 */
export function settleConflict(
  ctx: SettleContext,
  person: Person,
  acc: readonly number[],
  q: number,
): { code: number; how: number } {
  const { resolutions, policy, ballots, codes, numbers, conflicts } = ctx;
  const Q = numbers.length;
  const priority = Array.isArray(policy) ? policy : undefined;
  const rank = (c: Channel): number => rankIn(priority!, c);
  let chosen = acc;
  let resolution: ConflictEntry['resolution'] = 'flag';
  const decided = resolutions?.get(resolutionKey(person.id, numbers[q]!));
  const byMark = decided?.ballotId === null && decided.mark !== undefined && decided.mark !== 'none';
  const pick = decided?.ballotId
    ? acc.find((b) => ballots[b]!.id === decided.ballotId)
    : byMark
      ? acc.find((b) => DECISIONS[codes[b * Q + q]!] === decided.mark)
      : undefined;
  // ballotId null (and no mark): the commission decided that no ballot stands (the vote is not counted).
  const applies = decided !== undefined && ((decided.ballotId === null && !byMark) || pick !== undefined);
  if (decided) decided.used = applies ? 'applied' : 'not_accepted';
  if (applies) {
    resolution = 'resolved';
    chosen = pick === undefined ? [] : [pick];
  } else if (policy === 'latest') {
    resolution = 'latest';
    const last = ballots[acc[acc.length - 1]!]!.receivedAt;
    chosen = acc.filter((b) => ballots[b]!.receivedAt === last);
  } else if (priority) {
    resolution = 'priority';
    const best = Math.min(...acc.map((b) => rank(ballots[b]!.channel)));
    chosen = acc.filter((b) => rank(ballots[b]!.channel) === best);
  }
  const c0 = chosen.length > 0 ? codes[chosen[0]! * Q + q]! : CONFLICT;
  const counted = resolution !== 'flag' && chosen.length > 0 && chosen.every((b) => codes[b * Q + q] === c0);
  conflicts.push({
    personId: person.id,
    fullName: person.fullName,
    question: numbers[q]!,
    choices: acc.map((b) => {
      const ballot = ballots[b]!;
      const mark = DECISIONS[codes[b * Q + q]!] as Mark;
      return {
        ballotId: ballot.id,
        source: ballot.source,
        channel: ballot.channel,
        receivedAt: ballot.receivedAt,
        mark,
      };
    }),
    resolution,
    counted: counted ? (DECISIONS[c0] as Mark) : null,
    ...(counted ? { countedBallotId: ballots[chosen[0]!]!.id } : {}),
    ...(applies && decided.reason ? { reason: decided.reason } : {}),
  });
  if (!counted) return { code: CONFLICT, how: CONFLICTED };
  return {
    code: c0,
    how: resolution === 'resolved' ? RESOLVED : resolution === 'latest' ? LATEST : PRIORITY,
  };
}
