/**
 * Live results for the counting screen: the tally (shared/tally) of what is stored now, optionally of
 * some channels only, with the quorum progress and, per question, how many «за» the rule needs.
 * Every figure comes from `tally`; nothing here counts votes itself.
 */
import { compare, fromInt, mul, rational, toDecimal, ZERO, type Rational } from '../arith/rational';
import { formatFigure } from '../documents/figuresRu';
import type { Channel, Rule } from '../domain/types';
import { tally, type TallyInput } from '../tally/tally';
import type { QuestionOutcome, Tallies, TallyResult } from '../tally/types';

/**
 * What must be reached: «за» (or participants, for the quorum) more than / at least `value`. With
 * whole votes it is always "at least" a whole number (`votes`).
 */
export interface Threshold {
  value: Rational;
  /** true: more than `value`; false: at least `value`. */
  strict: boolean;
  /** Whole votes (one per person or plot): the smallest number that reaches it. */
  votes?: number;
  /** How much is still missing now: 0 when reached; with `strict`, more than this is missing. */
  missing: Rational;
  reached: boolean;
  /** «нужно не менее 34 (не хватает 5)», «нужно более 1 234,50 (сейчас 1 000,25)», «… (набрано)». */
  text: string;
}

export interface LiveQuestion {
  number: number;
  text: string;
  ruleText: string;
  majority: Rule['majority'];
  electorate: Rule['electorate'];
  baseKind: 'participants' | 'all';
  /** Persons per decision. */
  counts: Tallies<number>;
  /** Votes per decision (weights; equal to counts under one vote per person). */
  votes: Tallies<Rational>;
  /** What the majority is measured against. */
  base: Rational;
  /** «за» needed to adopt. */
  needed: Threshold;
  decision: QuestionOutcome['decision'];
  questionQuorum: QuestionOutcome['questionQuorum'];
}

export interface LiveResults {
  /** Ballots given to the tally (after the channel filter). */
  ballots: number;
  participants: { persons: number; members: number; gardeners: number; byChannel: Record<Channel, number> };
  /** Votes are whole numbers (one per person or plot): figures print as integers. */
  wholeVotes: boolean;
  quorum: {
    reached: boolean;
    /** Votes of those who took part and count toward the quorum, of `total`. */
    present: Rational;
    total: Rational;
    share: Rational;
    counts: 'members' | 'everyone';
    needed: Threshold;
  };
  questions: LiveQuestion[];
  /** The full tally, for explanations and drill-down. */
  tally: TallyResult;
}

function floorOf(r: Rational): bigint {
  const q = r.n / r.d;
  return r.n < 0n && q * r.d !== r.n ? q - 1n : q;
}

/** Figure as printed: whole votes as integers, weights to 0.01. */
export function figure(value: Rational, wholeVotes: boolean): string {
  return wholeVotes && value.d === 1n ? value.n.toString() : toDecimal(value, 2);
}

/** The threshold `current` has to pass: more than (strict) or at least `value`. */
export function threshold(
  value: Rational,
  strict: boolean,
  current: Rational,
  wholeVotes: boolean,
): Threshold {
  // Whole votes: "more than 16.5" and "at least 17" are the same; say it as "at least 17".
  let target = value;
  let more = strict;
  if (wholeVotes) {
    const f = floorOf(value);
    target = fromInt(strict || value.d !== 1n ? f + 1n : f);
    more = false;
  }
  const c = compare(current, target);
  const reached = more ? c > 0 : c >= 0;
  const missing = reached
    ? ZERO
    : rational(target.n * current.d - current.n * target.d, target.d * current.d);
  const shown = (r: Rational) => formatFigure(figure(r, wholeVotes));
  const need = more ? `нужно более ${shown(target)}` : `нужно не менее ${shown(target)}`;
  const status = reached ? 'набрано' : more ? `сейчас ${shown(current)}` : `не хватает ${shown(missing)}`;
  return {
    value: target,
    strict: more,
    ...(wholeVotes ? { votes: Number(target.n) } : {}),
    missing,
    reached,
    text: `${need} (${status})`,
  };
}

function neededFor(q: QuestionOutcome, wholeVotes: boolean): Threshold {
  const base = q.base;
  const current = q.weights.for;
  switch (q.rule.majority) {
    case 'simple':
      return threshold(mul(base, rational(1n, 2n)), true, current, wholeVotes);
    case 'two_thirds':
      return threshold(mul(base, rational(2n, 3n)), false, current, wholeVotes);
    case 'unanimous':
      // Every vote of the base, and a base of none adopts nothing.
      return base.n === 0n
        ? threshold(ZERO, true, current, wholeVotes)
        : threshold(base, false, current, wholeVotes);
  }
}

/** Runs the tally (on the given channels only, when a filter is given) and shapes it for the screen. */
export function liveResults(input: TallyInput, filter?: readonly Channel[]): LiveResults {
  const ballots =
    filter && filter.length > 0 ? input.ballots.filter((b) => filter.includes(b.channel)) : input.ballots;
  const result = tally({ ...input, ballots });
  const wholeVotes = result.profile.weight !== 'area_share';
  const present = result.participation.weight;
  const total = result.registry.weightTotal;
  return {
    ballots: ballots.length,
    participants: {
      persons: result.participation.persons,
      members: result.participation.members,
      gardeners: result.participation.gardeners,
      byChannel: result.participation.byChannel,
    },
    wholeVotes,
    quorum: {
      reached: result.quorum.reached,
      present,
      total,
      share: result.quorum.share,
      counts: result.quorum.counts,
      needed: threshold(mul(total, rational(1n, 2n)), true, present, wholeVotes),
    },
    questions: result.questions.map((q) => ({
      number: q.number,
      text: q.text,
      ruleText: q.ruleText,
      majority: q.rule.majority,
      electorate: q.rule.electorate,
      baseKind: q.rule.base,
      counts: q.counts,
      votes: q.weights,
      base: q.base,
      needed: neededFor(q, wholeVotes),
      decision: q.decision,
      questionQuorum: q.questionQuorum,
    })),
    tally: result,
  };
}

/**
 * The figures "originals only" and "with scans" side by side: the tally run twice, without and with
 * provisionally counting scans whose original has not arrived (`acceptScans`).
 */
export function scanFigures(
  input: TallyInput,
  filter?: readonly Channel[],
): { originalsOnly: LiveResults; withScans: LiveResults } {
  return {
    originalsOnly: liveResults({ ...input, meeting: { ...input.meeting, acceptScans: false } }, filter),
    withScans: liveResults({ ...input, meeting: { ...input.meeting, acceptScans: true } }, filter),
  };
}
