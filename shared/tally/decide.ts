/**
 * The decision phase of the tally: the meeting's quorum, and for each question its figures, the rule's
 * base, the per-question participation of members (217-ФЗ art. 17 part 19.1), an item's own quorum
 * (Housing Code art. 45 part 3), the remote-only prohibition and its exception, and the decision.
 * Majorities: simple — for × 2 > base; two thirds — for × 3 >= base × 2; unanimous — for = base > 0.
 */
import { add, compare, fromInt, mul, type Rational } from '../arith/rational';
import type { MeetingSpec } from '../domain/types';
import { remoteExceptionOf } from '../rules/agendaWarnings';
import { describeResolvedRule } from '../rules/describeRule';
import type { RuleProfile } from '../rules/profile';
import type { ResolvedRule } from '../rules/resolveRule';
import type { QuestionOutcome, Tallies } from './types';

/** Slots per question in the counts: for, against, abstain, invalid, conflict. */
export const SLOTS = 5;

function tallies<T>(slots: ArrayLike<T>, o: number): Tallies<T> {
  return {
    for: slots[o]!,
    against: slots[o + 1]!,
    abstain: slots[o + 2]!,
    invalid: slots[o + 3]!,
    conflict: slots[o + 4]!,
  };
}

export interface DecideInput {
  meeting: MeetingSpec;
  profile: RuleProfile;
  resolved: readonly ResolvedRule[];
  /** Per question: every registry person may vote on it (МКД, or gardeners too). */
  openToAll: readonly boolean[];
  /** Persons per question and slot (q × SLOTS + slot). */
  counts: Int32Array;
  /** Weights (× denominator) per question and slot, when weights are used. */
  weightSums: readonly bigint[];
  useWeights: boolean;
  toWeight: (n: bigint) => Rational;
  allWeightN: bigint;
  memberWeightN: bigint;
  /** The quorum's base and the weight of those who took part toward it (× denominator). */
  quorumTotalN: bigint;
  partQuorumN: bigint;
  members: number;
  /** Valid votes of gardeners per question (not counted toward the members' participation). */
  gardenersVoted: Int32Array;
  ignored: Int32Array;
}

export function decideQuestions(input: DecideInput): {
  quorumTotalN: bigint;
  quorumReached: boolean;
  questionOutcomes: QuestionOutcome[];
} {
  const { meeting, profile, resolved, openToAll, counts, weightSums, useWeights, toWeight } = input;
  const { allWeightN, memberWeightN, quorumTotalN, partQuorumN, members, gardenersVoted, ignored } = input;
  const quorumReached = quorumTotalN > 0n && partQuorumN * 2n > quorumTotalN;
  const questionQuorumApplies = profile.questionQuorum?.forms.includes(meeting.form) ?? false;
  const questionQuorumDecides = questionQuorumApplies && profile.questionQuorum!.affectsDecision;
  const remoteException = remoteExceptionOf(meeting);
  const questionOutcomes: QuestionOutcome[] = meeting.questions.map((question, q) => {
    const r = resolved[q]!;
    const forbidden =
      meeting.form === 'remote' && r.item !== undefined && profile.remoteForbidden.includes(r.item);
    const c = tallies(counts, q * SLOTS);
    const w = useWeights
      ? tallies(weightSums.slice(q * SLOTS, (q + 1) * SLOTS).map(toWeight), 0)
      : tallies(
          Array.from(counts.subarray(q * SLOTS, (q + 1) * SLOTS), (n) => fromInt(n)),
          0,
        );
    const electorateWeight = toWeight(openToAll[q] ? allWeightN : memberWeightN);
    const participantsWeight = [w.against, w.abstain, w.invalid, w.conflict].reduce(add, w.for);
    const base = r.rule.base === 'all' ? electorateWeight : participantsWeight;
    const voted = c.for + c.against + c.abstain - gardenersVoted[q]!;
    const questionQuorumReached = voted * 2 > members;
    // An item with a quorum of its own (Housing Code art. 45 part 3): at least share of all votes took part.
    const own = r.item !== undefined ? profile.quorumExceptions?.[r.item] : undefined;
    const quorumException = own && {
      share: own.share,
      reached: quorumTotalN > 0n && partQuorumN * BigInt(own.share[1]) >= quorumTotalN * BigInt(own.share[0]),
      cite: own.cite,
    };
    const meetingQuorum = quorumException ? quorumException.reached : quorumReached;
    let outcome: QuestionOutcome['decision'];
    if (!meetingQuorum || (questionQuorumDecides && !questionQuorumReached)) outcome = 'no_quorum';
    else {
      const passes =
        r.rule.majority === 'simple'
          ? compare(mul(w.for, fromInt(2)), base) > 0
          : r.rule.majority === 'two_thirds'
            ? compare(mul(w.for, fromInt(3)), mul(base, fromInt(2))) >= 0
            : base.n > 0n && compare(w.for, base) === 0;
      outcome = passes ? 'adopted' : 'rejected';
    }
    return {
      number: question.number,
      text: question.text,
      rule: r.rule,
      ruleSource: r.source,
      ...(r.item !== undefined ? { item: r.item } : {}),
      ruleText: describeResolvedRule(r, meeting.kind, profile),
      counts: c,
      weights: w,
      electorateParticipants: c.for + c.against + c.abstain + c.invalid + c.conflict,
      electorateWeight,
      base,
      ignored: ignored[q]!,
      decision: outcome,
      questionQuorum: {
        applies: questionQuorumApplies,
        affectsDecision: questionQuorumDecides,
        voted,
        total: members,
        reached: questionQuorumReached,
      },
      remoteForbidden: forbidden && remoteException === null,
      remoteException: forbidden ? remoteException : null,
      ...(quorumException ? { quorumException } : {}),
    };
  });
  return { quorumTotalN, quorumReached, questionOutcomes };
}
