/**
 * The per-ballot and per-person outcomes of the tally, built when first read from the compact slots the
 * counting loops fill (tally.ts), and the reasons a ballot does not count.
 */
import type { Rational } from '../arith/rational';
import { matchedBy } from '../ballots/matchVoter';
import type { Ballot, IsoDate, Person } from '../domain/types';
import {
  CADASTRAL_NOT_FOUND,
  identityDetail,
  IDENTITY_MISMATCH,
  PLOT_NOT_FOUND,
  SNILS_NOT_FOUND,
} from './identity';
import type { BallotOutcome, PersonOutcome, RejectReason } from './types';

// Mark codes (index into DECISIONS): none 0, for 1, against 2, abstain 3, several 4, all_crossed 5, conflict 6.
export const NONE = 0;
export const FOR = 1;
export const ABSTAIN = 3;

// Ballot outcome status codes (index into STATUSES).
export const ACCEPTED = 0;
export const REJECTED = 1;
export const UNMATCHED = 2;
export const SCAN_MERGED = 3;
const STATUSES: readonly BallotOutcome['status'][] = ['accepted', 'rejected', 'unmatched', 'scan_merged'];

const VOID_ORDER = ['no_signature', 'no_details', 'pencil', 'corrections', 'no_power_of_attorney'] as const;
const NO_REASONS: RejectReason[] = [];

/** What the outcomes are built from: the tally's inputs and its compact slots. */
export interface OutcomeContext {
  ballots: readonly Ballot[];
  registry: readonly Person[];
  votingStart: IsoDate;
  votingEnd: IsoDate;
  /** Last day a paper ballot counts (the voting end, or the in-person part). */
  paperEnd: IsoDate;
  ballotPolicy: boolean;
  numbers: readonly number[];
  codes: Int8Array;
  /** 1 when some mark of the ballot is not a choice (decodeBallots). */
  badMark: Uint8Array;
  match: Int32Array;
  isMember: Uint8Array;
  openToAll: readonly boolean[];
  /** Number of slots filled. */
  slots: number;
  slotBallot: Int32Array;
  slotPerson: Int32Array;
  slotStatus: Uint8Array;
  extras: Map<number, OutcomeExtra>;
  weights: readonly Rational[];
  tookPart: Uint8Array;
  ballotsFrom: Int32Array;
  ballotsTo: Int32Array;
}

/** Why a ballot does not count, as result.ballots gives it (built when that is first read). */
export function rejectReasons(ctx: OutcomeContext, b: number, e: OutcomeExtra | undefined): RejectReason[] {
  const { ballots, votingStart, votingEnd, paperEnd, ballotPolicy, codes } = ctx;
  const Q = ctx.numbers.length;
  const reasons: RejectReason[] = e?.voter ? [e.voter] : [];
  const ballot = ballots[b]!;
  if (ballot.receivedAt < votingStart) reasons.push('before_period');
  else if (ballot.receivedAt > votingEnd) reasons.push('after_period');
  else if (ballot.channel === 'paper' && ballot.receivedAt > paperEnd) reasons.push('after_session');
  const noPoa = ballot.representative !== undefined && !ballot.representative.powerOfAttorney?.trim();
  for (const r of VOID_ORDER) {
    if ((ballot.voidReasons as readonly string[]).includes(r) || (r === 'no_power_of_attorney' && noPoa)) {
      reasons.push(r);
    }
  }
  if (ballotPolicy && ballot.channel !== 'gosuslugi') {
    for (let q = 0, o = b * Q; q < Q; q++) {
      if (codes[o + q]! < FOR || codes[o + q]! > ABSTAIN) {
        reasons.push('invalid_marks');
        break;
      }
    }
  }
  if (e?.scanOnly) reasons.push('scan_only');
  return reasons;
}

/**
 * The outcomes last built, with what they were built from. The live tally runs after every saved
 * ballot, and all but that ballot's person come out as last time: their outcome objects are reused
 * (outcomes are plain data nobody changes in place, like the ballots they describe) instead of built
 * again, 25,000 objects each time. An outcome is reused only when everything it is made of is the same:
 * the registry array, the agenda and dates, the person's membership, and the ballot objects, statuses and
 * (none) rarer fields of the person's slots.
 */
let lastBallots: { ctx: OutcomeContext; out: BallotOutcome[] } | undefined;
let lastPersons: { ctx: OutcomeContext; out: PersonOutcome[] } | undefined;

/** Whether outcomes built from `prev` are built from the same registry, agenda and rules as from `ctx`. */
function sameContext(prev: OutcomeContext, ctx: OutcomeContext): boolean {
  return (
    prev.registry === ctx.registry &&
    prev.registry.length === ctx.registry.length &&
    prev.votingStart === ctx.votingStart &&
    prev.votingEnd === ctx.votingEnd &&
    prev.paperEnd === ctx.paperEnd &&
    prev.ballotPolicy === ctx.ballotPolicy &&
    prev.numbers.join(',') === ctx.numbers.join(',') &&
    prev.openToAll.join(',') === ctx.openToAll.join(',')
  );
}

/** Every outcome has every field (one object shape); absent ones are undefined. */
export function ballotOutcomes(ctx: OutcomeContext): BallotOutcome[] {
  const S = ctx.slots;
  const allOpen = ctx.openToAll.every(Boolean);
  const out: BallotOutcome[] = new Array(S);
  const prev = lastBallots && sameContext(lastBallots.ctx, ctx) ? lastBallots : undefined;
  // One call per slot (a small function the first tally's cold code compiles early, not a long loop).
  for (let s = 0; s < S; s++) {
    const p = prev ? previousSlot(prev.ctx, ctx, s) : -1;
    out[s] = p >= 0 ? prev!.out[p]! : ballotOutcome(ctx, s, allOpen);
  }
  lastBallots = { ctx, out };
  return out;
}

/**
 * The slot of the previous outcomes that holds the same outcome as slot `s`, or -1: the same place among
 * the same person's slots, the same ballot object, status and membership, and no rarer fields in either.
 */
function previousSlot(prev: OutcomeContext, ctx: OutcomeContext, s: number): number {
  const i = ctx.slotPerson[s]!;
  if (i < 0 || ctx.extras.has(s)) return -1;
  const from = ctx.ballotsFrom[i]!;
  const p = prev.ballotsFrom[i]! + (s - from);
  if (prev.ballotsTo[i]! - prev.ballotsFrom[i]! !== ctx.ballotsTo[i]! - from) return -1;
  if (
    prev.slotPerson[p] !== i ||
    prev.slotStatus[p] !== ctx.slotStatus[s] ||
    prev.ballots[prev.slotBallot[p]!] !== ctx.ballots[ctx.slotBallot[s]!] ||
    prev.isMember[i] !== ctx.isMember[i] ||
    prev.extras.has(p)
  ) {
    return -1;
  }
  return p;
}

function ballotOutcome(ctx: OutcomeContext, s: number, allOpen: boolean): BallotOutcome {
  // Only what every outcome needs is read here: the first tally builds 25,000 of them in cold code.
  const b = ctx.slotBallot[s]!;
  const ballot = ctx.ballots[b]!;
  const i = ctx.slotPerson[s]!;
  const status = ctx.slotStatus[s]!;
  const m = ctx.match[b]!;
  const e = ctx.extras.get(s);
  const out: BallotOutcome = {
    ballotId: ballot.id,
    source: ballot.source,
    channel: ballot.channel,
    copy: ballot.copy,
    receivedAt: ballot.receivedAt,
    status: STATUSES[status]!,
    reasons: status === REJECTED || status === UNMATCHED ? rejectReasons(ctx, b, e) : NO_REASONS,
    personId: i < 0 ? undefined : ctx.registry[i]!.id,
    matchedBy: i < 0 ? undefined : matchedBy(m),
    voterDetail: m <= SNILS_NOT_FOUND ? identityDetail(ballot.voter, m) : undefined,
    originalId: e?.originalId,
    scanIds: e?.scanIds,
    scanDiffers: e?.scanDiffers,
    invalidQuestions: undefined,
    ignoredQuestions: undefined,
  };
  if (i < 0 || status !== ACCEPTED) return out;
  const { codes, badMark, isMember, openToAll, numbers } = ctx;
  const Q = numbers.length;
  // Of an accepted ballot: questions marked badly where the voter may vote (counted invalid), and
  // the ones a gardener marked but may not vote on (ignored). Most ballots have neither.
  const member = isMember[i] === 1;
  if (badMark[b] === 0 && (member || allOpen)) return out;
  for (let q = 0, o = b * Q; q < Q; q++) {
    const c = codes[o + q]!;
    if (member || openToAll[q]) {
      if (c < FOR || c > ABSTAIN) (out.invalidQuestions ??= []).push(numbers[q]!);
    } else if (c !== NONE) (out.ignoredQuestions ??= []).push(numbers[q]!);
  }
  return out;
}

export function personOutcomes(ctx: OutcomeContext): PersonOutcome[] {
  const { registry, isMember, weights, tookPart, ballotsFrom, ballotsTo } = ctx;
  const P = registry.length;
  const out: PersonOutcome[] = new Array(P);
  const prev = lastPersons && sameContext(lastPersons.ctx, ctx) ? lastPersons : undefined;
  for (let i = 0; i < P; i++) {
    const person = registry[i]!;
    const was = prev?.out[i];
    if (
      was !== undefined &&
      was.participated === (tookPart[i] === 1) &&
      was.ballotsFrom === ballotsFrom[i] &&
      was.ballotsTo === ballotsTo[i] &&
      was.countsAs === (isMember[i] === 1 ? 'member' : 'gardener') &&
      was.weight.n === weights[i]!.n &&
      was.weight.d === weights[i]!.d
    ) {
      out[i] = was;
      continue;
    }
    out[i] = {
      personId: person.id,
      fullName: person.fullName,
      status: person.status,
      countsAs: isMember[i] === 1 ? 'member' : 'gardener',
      weight: weights[i]!,
      participated: tookPart[i] === 1,
      ballotsFrom: ballotsFrom[i]!,
      ballotsTo: ballotsTo[i]!,
    };
  }
  lastPersons = { ctx, out };
  return out;
}

export const IDENTITY_REASONS = new Map<number, OutcomeExtra['voter']>([
  [SNILS_NOT_FOUND, 'snils_not_found'],
  [CADASTRAL_NOT_FOUND, 'cadastral_not_found'],
  [PLOT_NOT_FOUND, 'plot_not_found'],
  [IDENTITY_MISMATCH, 'identity_mismatch'],
]);

/** The less common fields of a ballot outcome. */
export interface OutcomeExtra {
  /** Why the voter was not found in the registry. */
  voter?:
    | 'no_details'
    | 'ambiguous'
    | 'not_found'
    | 'snils_not_found'
    | 'cadastral_not_found'
    | 'plot_not_found'
    | 'identity_mismatch';
  /** A scan without its original, where the meeting does not accept scans. */
  scanOnly?: boolean;
  originalId?: string;
  scanIds?: string[];
  scanDiffers?: number[];
}
