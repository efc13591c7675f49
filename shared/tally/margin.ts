/**
 * How close each decision is: how many votes (under area weights: how much weight, m²) «за» could lose
 * before an adopted question is rejected, or would need to gain before a rejected one is adopted, against
 * the question's rule (more than half, at least two thirds, everyone) — a vote moving between «за» and
 * another answer, the base staying as it is. Beside it: the ballots still in dispute or left out
 * (unresolved conflicts on the question, ballots received outside the voting period, scans without an
 * original, voters not found), and whether they are enough to flip the outcome.
 */
import { add, compare, fromInt, mul, rational, toDecimal, ZERO, type Rational } from '../arith/rational';
import { formatFigure } from '../documents/figuresRu';
import type { QuestionOutcome, RejectReason, TallyResult } from './types';

export interface QuestionMargin {
  number: number;
  decision: QuestionOutcome['decision'];
  /**
   * The change of «за» that flips the decision (lost if adopted, gained if rejected); null without a
   * quorum. Persons: a whole number of votes; weights: the amount (see `strict`).
   */
  votes: Rational | null;
  /** Weights only: the flip needs more than `votes` (false: `votes` itself is enough). */
  strict: boolean;
  unit: 'votes' | 'weight';
  /** Ballots in dispute or left out that bear on this question. */
  disputed: number;
  /** Their weight where the voter is known (weights only). */
  disputedWeight: Rational;
  /** The disputed ballots are enough to flip the decision (an unknown voter's weight counts as enough). */
  couldFlip: boolean;
}

/** Reasons a ballot is left out that the commission may still settle (not a void ballot). */
const DISPUTABLE: readonly RejectReason[] = [
  'after_period',
  'before_period',
  'scan_only',
  'not_found',
  'ambiguous',
];

const neg = (a: Rational): Rational => mul(a, fromInt(-1));
const sub = (a: Rational, b: Rational): Rational => add(a, neg(b));
const floorOf = (a: Rational): bigint => (a.n >= 0n ? a.n / a.d : -((-a.n + a.d - 1n) / a.d));
const ceilOf = (a: Rational): bigint => -floorOf(neg(a));

/** The change of «за» that flips `q`, and whether it must be exceeded (see QuestionMargin). */
export function flipAmount(q: Pick<QuestionOutcome, 'decision' | 'rule' | 'weights' | 'base'>): {
  amount: Rational;
  strict: boolean;
} | null {
  if (q.decision === 'no_quorum') return null;
  const f = q.weights.for;
  const b = q.base;
  const adopted = q.decision === 'adopted';
  switch (q.rule.majority) {
    case 'simple':
      // Adopted iff 2·за > base: it falls when за ≤ base/2; it passes when за > base/2.
      return adopted
        ? { amount: sub(f, mul(b, rational(1n, 2n))), strict: false }
        : { amount: sub(mul(b, rational(1n, 2n)), f), strict: true };
    case 'two_thirds':
      // Adopted iff 3·за ≥ 2·base: it falls when за < 2/3 base; it passes when за ≥ 2/3 base.
      return adopted
        ? { amount: sub(f, mul(b, rational(2n, 3n))), strict: true }
        : { amount: sub(mul(b, rational(2n, 3n)), f), strict: false };
    case 'unanimous':
      return adopted ? { amount: ZERO, strict: true } : { amount: sub(b, f), strict: false };
  }
}

/** A whole number of votes: the least whole change that flips (more than `amount` when strict). */
function wholeVotes({ amount, strict }: { amount: Rational; strict: boolean }): bigint {
  return strict ? floorOf(amount) + 1n : ceilOf(amount);
}

export function questionMargins(result: TallyResult, weighted: boolean): QuestionMargin[] {
  const weightOf = new Map(result.persons.map((p) => [p.personId, p]));
  const leftOut = result.ballots.filter(
    (b) =>
      b.status === 'unmatched' || (b.status === 'rejected' && b.reasons.some((r) => DISPUTABLE.includes(r))),
  );
  return result.questions.map((q) => {
    const membersOnly = q.rule.electorate === 'members';
    const persons = leftOut.filter((b) => {
      const p = b.personId === undefined ? undefined : weightOf.get(b.personId);
      return !p || !membersOnly || p.countsAs === 'member';
    });
    const conflicts = result.conflicts.filter((c) => c.question === q.number && c.counted === null);
    const disputed = persons.length + conflicts.length;
    let disputedWeight = ZERO;
    let unknown = false;
    for (const b of persons) {
      const p = b.personId === undefined ? undefined : weightOf.get(b.personId);
      if (p) disputedWeight = add(disputedWeight, p.weight);
      else unknown = true;
    }
    for (const c of conflicts) disputedWeight = add(disputedWeight, weightOf.get(c.personId)?.weight ?? ZERO);
    const flip = flipAmount(q);
    let votes: Rational | null = null;
    let couldFlip = false;
    if (flip) {
      if (weighted) {
        votes = flip.amount;
        const cmp = compare(disputedWeight, flip.amount);
        couldFlip = disputed > 0 && (unknown || cmp > 0 || (cmp === 0 && !flip.strict));
      } else {
        const k = wholeVotes(flip);
        votes = fromInt(k);
        couldFlip = disputed > 0 && BigInt(disputed) >= k;
      }
    }
    return {
      number: q.number,
      decision: q.decision,
      votes,
      strict: weighted && flip !== null && flip.strict,
      unit: weighted ? 'weight' : 'votes',
      disputed,
      disputedWeight,
      couldFlip,
    };
  });
}

/** «2 голоса», «1 голос», «более 12,50 м²» / «не менее 12,50 м²» for the results screen and protocol. */
export function marginText(m: QuestionMargin, unit = 'м²'): string {
  if (!m.votes) return 'нет кворума — решение не принято';
  if (m.unit === 'weight') {
    return `${m.strict ? 'более' : 'не менее'} ${formatFigure(toDecimal(m.votes, 2))} ${unit}`;
  }
  const n = Number(m.votes.n);
  const mod10 = n % 10;
  const mod100 = n % 100;
  const word =
    mod10 === 1 && mod100 !== 11
      ? 'голос'
      : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)
        ? 'голоса'
        : 'голосов';
  return `${n} ${word}`;
}

/** «исход зависит от решения по 3 спорным бюллетеням», or null. */
export function disputeText(m: Pick<QuestionMargin, 'couldFlip' | 'disputed'>): string | null {
  if (!m.couldFlip) return null;
  const n = m.disputed;
  const word = n % 10 === 1 && n % 100 !== 11 ? 'спорному бюллетеню' : 'спорным бюллетеням';
  return `исход зависит от решения по ${n} ${word}`;
}
