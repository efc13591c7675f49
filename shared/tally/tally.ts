/**
 * The tally: who took part, whether there is a quorum, what each question decided, and why.
 * Pure and deterministic: the same ballots in any order give the same result. One pass over the
 * ballots and one over the registry, keyed by person (no quadratic loops), so the app can run it after
 * every saved ballot. Weights are exact: integer numerators over one common denominator.
 *
 * Definitions (issue: tally engine): a ballot counts when its voter is in the registry, it was received
 * inside the voting period (inclusive) and it is not void as a whole; a scan counts only with
 * `acceptScans`, and a scan with an original of the same person and channel is one ballot with it (the
 * original decides, differences are listed). Several counted ballots of one person that agree count
 * once; where they disagree the `conflicts` policy decides. Participants: persons with a counted
 * ballot. Quorum and majorities: see the rule profile (rules/profiles.ts).
 */
import { rational, ZERO, type Rational } from '../arith/rational';
import { AMBIGUOUS_MATCH, indexRegistry, NO_DETAILS } from '../ballots/matchVoter';
import type { Ballot, Channel, MeetingSpec, Person } from '../domain/types';
import type { Problem } from '../result';
import type { RuleProfile } from '../rules/profile';
import { profileFor } from '../rules/profiles';
import { resolveRule } from '../rules/resolveRule';
import { ballotOrder, decisionsOf, type CountRules, type Period } from './countPersons';
import { CHANNELS, decodeBallots } from './decodeBallots';
import { decideQuestions } from './decide';
import { lazyField } from './lazyField';
import type { MarkCodes } from './markCodes';
import {
  ballotOutcomes,
  IDENTITY_REASONS,
  personOutcomes,
  REJECTED,
  UNMATCHED,
  type OutcomeContext,
} from './outcomes';
import { countPersons } from './recount';
import { compareSource } from './sourceOrder';
import type { TallyResult, UnmatchedEntry } from './types';
import { registryWeights } from './registryWeights';
import { reportResolutions, resolutionIndex, type ConflictResolution } from './resolutions';
import { paperCountEnd } from '../meetings/paperEnd';

export type { ConflictResolution } from './resolutions';

export interface TallyInput {
  /** The registry snapshot; persons need distinct ids. Not changed in place once passed (it is indexed once). */
  registry: readonly Person[];
  meeting: MeetingSpec;
  /**
   * Ballots of every channel; the same ballot given twice (same id, date, channel, copy) is one ballot.
   * Not changed in place either: result.ballots is built from them when first read, and the next tally
   * copies what it decoded of each ballot still at the same place (decodeBallots.ts).
   */
  ballots: readonly Ballot[];
  /**
   * The same ballots' marks as codes, in the ballots' order (markCodes.ts), where whoever read them
   * wrote them (the command line's importers do): then the marks are not read from the objects again.
   */
  marks?: MarkCodes;
  /** Rows an importer could not turn into ballots, listed as they are. */
  unmatched?: readonly UnmatchedEntry[];
  /** Defaults to the built-in profile of the meeting's kind. */
  profile?: RuleProfile;
  /**
   * The counting commission's decisions on conflicts: for this person and question the named ballot's
   * mark counts, whatever the meeting's policy. A decision naming a ballot that is not among the
   * person's accepted ones, or a question where the person's ballots do not disagree, is not applied
   * and is reported (problems).
   */
  resolutions?: readonly ConflictResolution[];
}

const GOSUSLUGI = CHANNELS.indexOf('gosuslugi');

const NO_DECISIONS = new Int8Array(0);

export function tally(input: TallyInput): TallyResult {
  const { registry, meeting, ballots } = input;
  const profile = input.profile ?? profileFor(meeting.kind);
  const problems: Problem[] = [];
  const questions = meeting.questions;
  const Q = questions.length;
  const numbers = questions.map((q) => q.number);
  const isMkd = meeting.kind === 'mkd';
  const ballotPolicy = (meeting.invalidMarks ?? 'question') === 'ballot';
  const resolutions = resolutionIndex(input.resolutions);
  const { votingStart, votingEnd } = meeting;
  // Paper ballots of a mixed meeting count until the end of voting, or (a charter's choice) the session.
  const paperEnd = paperCountEnd(meeting);
  const resolved = questions.map((q) => resolveRule(q, profile));
  const openToAll = resolved.map((r) => isMkd || r.rule.electorate === 'members_and_gardeners');

  // Registry: who is a member; weights as integer numerators over one common denominator.
  const P = registry.length;
  const weighed = registryWeights(registry, meeting, profile, problems);
  const { isMember, useWeights, weights, denominator, weightN, members, quorumOfAll } = weighed;
  const { memberWeightN, allWeightN, registryWeightN } = weighed;
  const toWeight = (n: bigint): Rational => rational(n, denominator);

  // The ballots as columns; then the count of every person (only the changed ones in a live tally).
  const index = indexRegistry(registry);
  const decoded = decodeBallots(ballots, numbers, index, input.marks);
  const { codes, badMark, match, channel } = decoded;
  const rules: CountRules = {
    registry,
    numbers,
    isMember,
    useWeights,
    weightN,
    quorumOfAll,
    openToAll,
    policy: meeting.conflicts ?? 'flag',
    acceptScans: meeting.acceptScans === true,
    resolutions,
  };
  const period: Period = { votingStart, votingEnd, paperEnd, ballotPolicy };
  const count = countPersons(
    rules,
    denominator,
    period,
    input.resolutions,
    decoded,
    input.marks !== undefined,
  );
  const { slotBallot, slotPerson, slotStatus, tookPart, ballotsFrom, ballotsTo } = count;
  const { counts, weightSums, ignored, gardenersVoted, channelPersons, partPersons, partMembers } = count;
  const { partQuorumN } = count;
  // Orphans' slots come after the persons' ones (a kept count reads only those).
  const extras = count.extras;
  let S = count.slots;
  const addSlot = (b: number, i: number): number => {
    const s = S++;
    slotBallot[s] = b;
    slotPerson[s] = i;
    return s;
  };
  const byChannel: Record<Channel, number> = { gosuslugi: 0, paper: 0, in_person: 0 };
  for (let c = 0; c < CHANNELS.length; c++) byChannel[CHANNELS[c]!] = channelPersons[c]!;

  // Ballots whose voter is not in the registry: electronic ones go to review, paper ones are rejected.
  const orphans: number[] = [];
  for (let b = 0; b < ballots.length; b++) if (match[b]! < 0) orphans.push(b);
  const compareBallots = ballotOrder(decoded);
  orphans.sort((x, y) => compareSource(ballots[x]!.source, ballots[y]!.source) || compareBallots(x, y));
  const unmatched: UnmatchedEntry[] = [...(input.unmatched ?? [])];
  let lastId: string | undefined;
  for (const b of orphans) {
    const ballot = ballots[b]!;
    if (ballot.id === lastId) continue;
    lastId = ballot.id;
    const m = match[b]!;
    const reason = m === NO_DETAILS ? 'no_details' : m === AMBIGUOUS_MATCH ? 'ambiguous' : 'not_found';
    const electronic = channel[b] === GOSUSLUGI;
    const s = addSlot(b, -1);
    slotStatus[s] = electronic ? UNMATCHED : REJECTED;
    extras.set(s, { voter: IDENTITY_REASONS.get(m) ?? reason });
    if (electronic) {
      unmatched.push({
        source: ballot.source,
        name: ballot.voter.fullName ?? '',
        channel: ballot.channel,
        reason,
      });
    }
  }
  unmatched.sort(
    (x, y) => compareSource(x.source, y.source) || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0),
  );

  if (resolutions) reportResolutions(resolutions, registry, numbers, problems);

  // Quorum and decisions.
  const { quorumTotalN, quorumReached, questionOutcomes } = decideQuestions({
    meeting,
    profile,
    resolved,
    openToAll,
    counts,
    weightSums,
    useWeights,
    toWeight,
    allWeightN,
    memberWeightN,
    quorumTotalN: quorumOfAll ? allWeightN : memberWeightN,
    partQuorumN,
    members,
    gardenersVoted,
    ignored,
  });

  const result: TallyResult = {
    profile: { id: profile.id, title: profile.title, weight: profile.weight },
    registry: {
      persons: P,
      members,
      gardeners: P - members,
      weightTotal: toWeight(quorumTotalN),
      ...(registryWeightN !== undefined ? { registryWeight: toWeight(registryWeightN) } : {}),
    },
    participation: {
      persons: partPersons,
      members: partMembers,
      gardeners: partPersons - partMembers,
      weight: toWeight(partQuorumN),
      byChannel,
    },
    quorum: {
      reached: quorumReached,
      share: quorumTotalN > 0n ? rational(partQuorumN, quorumTotalN) : ZERO,
      counts: profile.quorum.counts,
    },
    questions: questionOutcomes,
    ballots: [],
    persons: [],
    votes: { questions: Q, decision: NO_DECISIONS, basis: NO_DECISIONS },
    conflicts: count.conflicts,
    unmatched,
    problems,
  };
  const ctx: OutcomeContext = {
    ballots,
    registry,
    votingStart,
    votingEnd,
    paperEnd,
    ballotPolicy,
    numbers,
    codes,
    badMark,
    match,
    isMember,
    openToAll,
    slots: S,
    slotBallot,
    slotPerson,
    slotStatus,
    extras,
    weights,
    tookPart,
    ballotsFrom,
    ballotsTo,
  };
  // The decisions with the rows a live recount changed (a copy of the matrix only when read).
  lazyField(result, 'votes', () => ({ questions: Q, ...decisionsOf(count.matrix, Q) }));
  lazyField(result, 'ballots', () => ballotOutcomes(ctx));
  lazyField(result, 'persons', () => personOutcomes(ctx));
  return result;
}
