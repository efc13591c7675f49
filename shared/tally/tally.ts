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
import { CHANNELS, decodeBallots } from './decodeBallots';
import { compareSource } from './sourceOrder';
import type { ConflictEntry, TallyResult, UnmatchedEntry } from './types';
import { decideQuestions, SLOTS } from './decide';
import { settleConflict, type SettleContext } from './conflicts';
import { countMarks, sameMarks, SLOT, type CountContext } from './countMarks';
import { lazyField } from './lazyField';
import type { MarkCodes } from './markCodes';
import { mergeScans, type ScanContext } from './scans';
import {
  ABSTAIN,
  ACCEPTED,
  ballotOutcomes,
  FOR,
  IDENTITY_REASONS,
  NONE,
  personOutcomes,
  REJECTED,
  UNMATCHED,
  type OutcomeContext,
  type OutcomeExtra,
} from './outcomes';
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

// Basis codes (index into BASES).
const SINGLE = 0;
const AGREE = 1;
const NOT_ELECTORATE = 5;

const GOSUSLUGI = CHANNELS.indexOf('gosuslugi');

export function tally(input: TallyInput): TallyResult {
  const { registry, meeting, ballots } = input;
  const profile = input.profile ?? profileFor(meeting.kind);
  const problems: Problem[] = [];
  const questions = meeting.questions;
  const Q = questions.length;
  const numbers = questions.map((q) => q.number);
  const isMkd = meeting.kind === 'mkd';
  const policy = meeting.conflicts ?? 'flag';
  const ballotPolicy = (meeting.invalidMarks ?? 'question') === 'ballot';
  const acceptScans = meeting.acceptScans === true;
  const resolutions = resolutionIndex(input.resolutions);
  const { votingStart, votingEnd } = meeting;
  // Paper ballots of a mixed meeting count until the end of voting, or (a charter's choice) the session.
  const paperEnd = paperCountEnd(meeting);
  const PAPER = CHANNELS.indexOf('paper');
  const resolved = questions.map((q) => resolveRule(q, profile));
  const openToAll = resolved.map((r) => isMkd || r.rule.electorate === 'members_and_gardeners');
  const allOpen = openToAll.every(Boolean);

  // Registry: who is a member; weights as integer numerators over one common denominator.
  const P = registry.length;
  const weighed = registryWeights(registry, meeting, profile, problems);
  const { isMember, useWeights, weights, denominator, weightN, members, quorumOfAll } = weighed;
  const { memberWeightN, allWeightN, registryWeightN } = weighed;
  const toWeight = (n: bigint): Rational => rational(n, denominator);

  // One pass over the ballots: whether each can count, and a per-person linked list.
  const index = indexRegistry(registry);
  const B = ballots.length;
  const { codes, badMark, match, receivedAt, channel, scan, voided } = decodeBallots(
    ballots,
    numbers,
    index,
    input.marks,
  );
  /** Received order: date, channel, copy (original first), id. */
  const compareBallots = (x: number, y: number): number => {
    if (receivedAt[x] !== receivedAt[y]) return receivedAt[x]! < receivedAt[y]! ? -1 : 1;
    if (channel[x] !== channel[y]) return channel[x]! - channel[y]!;
    if (scan[x] !== scan[y]) return scan[x]! - scan[y]!;
    const a = ballots[x]!.id;
    const b = ballots[y]!.id;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  const head = new Int32Array(P).fill(-1);
  const next = new Int32Array(B);
  /** 1: not acceptable on its own (date, void, bad marks under the ballot policy). */
  const unfit = new Uint8Array(B);
  const orphans: number[] = [];
  for (let b = 0; b < B; b++) {
    const m = match[b]!;
    if (m >= 0) {
      const i = m >> 3;
      next[b] = head[i]!;
      head[i] = b;
    } else orphans.push(b);
    if (
      receivedAt[b]! < votingStart ||
      receivedAt[b]! > votingEnd ||
      (channel[b] === PAPER && receivedAt[b]! > paperEnd) ||
      voided[b] === 1 ||
      // Clause 5.6 is about paper: an electronic ballot with an unanswered question is never void as a whole.
      (ballotPolicy && badMark[b] === 1 && channel[b] !== GOSUSLUGI)
    ) {
      unfit[b] = 1;
    }
  }

  // Ballot outcomes, compact while tallying (result.ballots builds the objects when first read): slot s
  // is ballots[slotBallot[s]] of registry person slotPerson[s] (-1: none); the rarer fields in extras.
  let S = 0;
  const slotBallot = new Int32Array(B);
  const slotPerson = new Int32Array(B);
  const slotStatus = new Uint8Array(B);
  const extras = new Map<number, OutcomeExtra>();
  const extra = (s: number): OutcomeExtra => {
    let e = extras.get(s);
    if (e === undefined) extras.set(s, (e = {}));
    return e;
  };
  const addSlot = (b: number, i: number): number => {
    const s = S++;
    slotBallot[s] = b;
    slotPerson[s] = i;
    slotStatus[s] = unfit[b] === 0 ? ACCEPTED : REJECTED;
    return s;
  };

  const counts = new Int32Array(Q * SLOTS);
  const weightSums = new Array<bigint>(useWeights ? Q * SLOTS : 0).fill(0n);
  const ignored = new Int32Array(Q);
  /** Valid votes (for, against, abstain) of gardeners per question: members' ones are the rest. */
  const gardenersVoted = new Int32Array(Q);
  // -1 (no decision) is written only where it applies, not first over the whole matrix.
  const decision = new Int8Array(P * Q);
  const basis = new Int8Array(P * Q);
  const tookPart = new Uint8Array(P);
  const ballotsFrom = new Int32Array(P);
  const ballotsTo = new Int32Array(P);
  const conflicts: ConflictEntry[] = [];
  /** Persons with an accepted ballot per channel (CHANNELS order). */
  const channelPersons = new Int32Array(CHANNELS.length);
  let partPersons = 0;
  let partMembers = 0;
  let partQuorumN = 0n;
  const counting: CountContext = { Q, codes, decision, counts, useWeights, weightSums, gardenersVoted };
  const settling: SettleContext = { resolutions, policy, ballots, codes, numbers, conflicts };
  const settle = (person: Person, acc: readonly number[], q: number) =>
    settleConflict(settling, person, acc, q);

  const scans: ScanContext = { ballots, codes, numbers, scan, channel, acceptScans, slotStatus, extra };
  const list: number[] = [];
  const accepted: number[] = [];
  // One person's ballots, settled and counted: a function of its own (not the body of the loop over the
  // registry) so that the first tally's cold code compiles it after a few hundred persons; the whole
  // tally, compiled on the stack (OSR), arrives too late to help.
  const countPerson = (i: number): void => {
    const person = registry[i]!;
    const member = isMember[i] === 1;
    const first = S;
    ballotsFrom[i] = first;
    ballotsTo[i] = first;
    let b = head[i]!;
    if (b === -1) return;
    // The person's ballots in received order (insertion sort: a person has a handful at most). The same
    // ballot given twice (same id, date, channel and copy: a file imported twice) is one ballot.
    list.length = 0;
    for (; b !== -1; b = next[b]!) {
      let k = list.length;
      let order = 1;
      while (k > 0 && (order = compareBallots(list[k - 1]!, b)) > 0) k--;
      if (k > 0 && order === 0) continue;
      // Insert at k (no splice: it allocates the removed elements' array).
      for (let j = list.length; j > k; j--) list[j] = list[j - 1]!;
      list[k] = b;
    }

    accepted.length = 0;
    let hasScan = false;
    for (const x of list) {
      if (scan[x] === 1) hasScan = true;
      addSlot(x, i);
    }
    // A scan is one ballot with the original of the same channel (whose marks count); alone, a setting.
    if (hasScan) mergeScans(scans, list, first);
    for (let k = 0; k < list.length; k++) {
      if (slotStatus[first + k] === ACCEPTED) accepted.push(list[k]!);
    }
    ballotsTo[i] = S;
    if (accepted.length === 0) return;
    tookPart[i] = 1;

    partPersons++;
    if (member) partMembers++;
    if (member || quorumOfAll) partQuorumN += useWeights ? weightN[i]! : 1n;
    let seen = 0;
    for (const x of accepted) seen |= 1 << channel[x]!;
    for (let c = 0; c < CHANNELS.length; c++) channelPersons[c]! += (seen >> c) & 1;

    const n = accepted.length;
    const a0 = accepted[0]! * Q;
    const row = i * Q;
    const w = useWeights ? weightN[i]! : 0n;
    // Fast path (most persons): a member (or every question open to all) whose accepted ballots are
    // one, or several identical ones: the decisions are that ballot's marks.
    if ((member || allOpen) && (n === 1 || sameMarks(codes, accepted, Q))) {
      basis.fill(n > 1 ? AGREE : SINGLE, row, row + Q);
      countMarks(counting, accepted[0]!, i, member, w);
    } else {
      for (let q = 0; q < Q; q++) {
        if (!member && !openToAll[q]) {
          basis[row + q] = NOT_ELECTORATE;
          decision[row + q] = -1;
          let marked = false;
          for (let k = 0; !marked && k < list.length; k++) {
            marked = slotStatus[first + k] === ACCEPTED && codes[list[k]! * Q + q] !== NONE;
          }
          if (marked) ignored[q]!++;
          continue;
        }
        let code = codes[a0 + q]!;
        let how = SINGLE;
        if (n > 1) {
          how = AGREE;
          for (let k = 1; k < n; k++) {
            if (codes[accepted[k]! * Q + q] !== code) {
              const settled = settle(person, accepted.slice(), q);
              code = settled.code;
              how = settled.how;
              break;
            }
          }
        }
        decision[row + q] = code;
        basis[row + q] = how;
        const slot = q * SLOTS + SLOT[code]!;
        counts[slot]!++;
        if (useWeights) weightSums[slot]! += w;
        if (!member && code >= FOR && code <= ABSTAIN) gardenersVoted[q]!++;
      }
    }
  };
  for (let i = 0; i < P; i++) {
    countPerson(i);
    if (tookPart[i] === 0) {
      decision.fill(-1, i * Q, i * Q + Q);
      basis.fill(-1, i * Q, i * Q + Q);
    }
  }
  const byChannel: Record<Channel, number> = { gosuslugi: 0, paper: 0, in_person: 0 };
  for (let c = 0; c < CHANNELS.length; c++) byChannel[CHANNELS[c]!] = channelPersons[c]!;

  // Ballots whose voter is not in the registry: electronic ones go to review, paper ones are rejected.
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
    extra(s).voter = IDENTITY_REASONS.get(m) ?? reason;
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
    votes: { questions: Q, decision, basis },
    conflicts,
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
  lazyField(result, 'ballots', () => ballotOutcomes(ctx));
  lazyField(result, 'persons', () => personOutcomes(ctx));
  return result;
}
