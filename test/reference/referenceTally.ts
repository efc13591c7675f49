/**
 * A reference tally for tests, written to be read rather than to be fast: the counting rules of
 * docs/domain.md, one ballot and one person at a time, with plain loops and no indexes. The property
 * test `shared/tally/tally.reference.test.ts` checks that the product's optimised tally() agrees with
 * it on random meetings of both kinds under every policy.
 *
 * It shares with the product only data and arithmetic: the rule profile (cited data), exact fractions
 * and the parsing of an area or a share. Matching (with the identity check of paper ballots), validity
 * (with the paper deadline `paperUntil`), scans, conflicts, quorum (with the building's area) and
 * majorities are written again here.
 */
import { parseDecimal, parseShare } from '../../shared/arith/rational';
import type { Ballot, Channel, Mark, MeetingSpec, Person, Question, Rule } from '../../shared/domain/types';
import type { RuleProfile } from '../../shared/rules/profile';

/** An exact non-negative fraction as numerator and denominator. */
export interface Fraction {
  n: bigint;
  d: bigint;
}

export interface ReferenceQuestion {
  number: number;
  for: number;
  against: number;
  abstain: number;
  invalid: number;
  conflict: number;
  /** The same five figures as weights (one vote each, or area × share). */
  weights: { for: Fraction; against: Fraction; abstain: Fraction; invalid: Fraction; conflict: Fraction };
  base: Fraction;
  decision: 'adopted' | 'rejected' | 'no_quorum';
}

export interface ReferenceResult {
  participation: { persons: number; members: number; gardeners: number };
  quorumReached: boolean;
  questions: ReferenceQuestion[];
}

const fraction = (n: bigint, d = 1n): Fraction => {
  const g = gcd(n < 0n ? -n : n, d) || 1n;
  return { n: n / g, d: d / g };
};
function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}
const plus = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d + b.n * a.d, a.d * b.d);
const times = (a: Fraction, k: bigint): Fraction => fraction(a.n * k, a.d);
/** a > b, a >= b, a = b for fractions. */
const greater = (a: Fraction, b: Fraction): boolean => a.n * b.d > b.n * a.d;
const same = (a: Fraction, b: Fraction): boolean => a.n * b.d === b.n * a.d;
const sum = (list: Fraction[]): Fraction => list.reduce(plus, fraction(0n));

/** Names compared as people write them: case, «ё» and extra spaces aside. */
const sameName = (a: string, b: string): boolean => {
  const plain = (s: string) => s.toLowerCase().replace(/ё/g, 'е').trim().split(/\s+/).join(' ');
  return plain(a) === plain(b);
};

type Detail = 'snils' | 'plot' | 'name';

/** The persons one detail of a ballot names: several co-owners share a plot, namesakes a name. */
function namedBy(detail: Detail, value: string, registry: readonly Person[]): Person[] {
  return registry.filter((p) => {
    if (detail === 'snils') return p.snils === value;
    if (detail === 'plot') return p.holdings.some((h) => h.plotNumber === value);
    return sameName(p.fullName, value);
  });
}

/**
 * Who a ballot names: exactly one registry person, or nobody. The registry id decides; otherwise the
 * strongest detail (СНИЛС, then plot, then full name) that names exactly one person. A paper or
 * in-person ballot is written by a person, so every detail it carries must point to that voter: a
 * СНИЛС or plot naming no one, or any detail naming someone else, leaves the ballot without a voter (a
 * name naming no one is a misspelling and does not). Electronic rows and ballots keyed with the
 * registry id are taken as they are.
 */
function voterOf(ballot: Ballot, registry: readonly Person[]): Person | undefined {
  const v = ballot.voter;
  if (v.personId) {
    const byId = registry.filter((p) => p.id === v.personId);
    if (byId.length === 1) return byId[0];
  }
  const details: [Detail, string][] = [];
  if (v.snils) details.push(['snils', v.snils]);
  if (v.plotNumber) details.push(['plot', v.plotNumber]);
  if (v.fullName) details.push(['name', v.fullName]);
  const voter = details
    .map(([d, value]) => namedBy(d, value, registry))
    .find((list) => list.length === 1)?.[0];
  if (ballot.channel === 'gosuslugi' || v.personId) return voter;
  for (const [d, value] of details) {
    const named = namedBy(d, value, registry);
    if (named.length === 0 && d !== 'name') return undefined;
    if (voter && named.length > 0 && !named.includes(voter)) return undefined;
  }
  return voter;
}

const VALID: Mark[] = ['for', 'against', 'abstain'];

/** A ballot that cannot count on its own: out of the period, void as a whole, or (policy) badly marked. */
function unfit(ballot: Ballot, meeting: MeetingSpec): boolean {
  if (ballot.receivedAt < meeting.votingStart || ballot.receivedAt > meeting.votingEnd) return true;
  // A charter saying «до начала очной части»: paper ballots of a mixed meeting count until that day.
  const untilSession = meeting.paperUntil === 'session' && meeting.form === 'mixed' && meeting.sessionDate;
  if (untilSession && ballot.channel === 'paper' && ballot.receivedAt > meeting.sessionDate!) return true;
  if (ballot.voidReasons.length > 0) return true;
  if (ballot.representative && !ballot.representative.powerOfAttorney?.trim()) return true;
  const wholeBallot = meeting.invalidMarks === 'ballot' && ballot.channel !== 'gosuslugi';
  return wholeBallot && meeting.questions.some((q) => !VALID.includes(ballot.marks[q.number] ?? 'none'));
}

function ruleOf(question: Question, profile: RuleProfile): Required<Rule> {
  const item = question.item?.trim();
  const rule = question.rule ?? (item ? profile.items[item] : undefined) ?? profile.defaultRule;
  return { majority: rule.majority, electorate: rule.electorate, base: rule.base ?? 'participants' };
}

function weightOf(person: Person, profile: RuleProfile): Fraction {
  if (profile.weight === 'person') return fraction(1n);
  if (profile.weight === 'plot')
    return fraction(BigInt(new Set(person.holdings.map((h) => h.plotNumber)).size));
  let total = fraction(0n);
  for (const h of person.holdings) {
    const area = parseDecimal(h.area ?? '');
    const share = parseShare(h.share);
    if (area && area.n >= 0n && share) total = plus(total, fraction(area.n * share.n, area.d * share.d));
  }
  return total;
}

/** The mark one person's accepted ballots give on a question, or 'conflict'. */
function markOf(accepted: Ballot[], question: number, meeting: MeetingSpec): Mark | 'conflict' {
  const marks = (list: Ballot[]) => list.map((b) => b.marks[question] ?? 'none');
  const agreed = (list: Ballot[]): Mark | 'conflict' => {
    const m = marks(list);
    return m.length > 0 && m.every((x) => x === m[0]) ? m[0]! : 'conflict';
  };
  if (agreed(accepted) !== 'conflict') return agreed(accepted);
  const policy = meeting.conflicts ?? 'flag';
  if (policy === 'flag') return 'conflict';
  if (policy === 'latest') {
    const last = accepted
      .map((b) => b.receivedAt)
      .sort()
      .at(-1);
    return agreed(accepted.filter((b) => b.receivedAt === last));
  }
  const rank = (c: Channel) => (policy.includes(c) ? policy.indexOf(c) : policy.length);
  const best = Math.min(...accepted.map((b) => rank(b.channel)));
  return agreed(accepted.filter((b) => rank(b.channel) === best));
}

export function referenceTally(
  registry: readonly Person[],
  meeting: MeetingSpec,
  ballots: readonly Ballot[],
  profile: RuleProfile,
): ReferenceResult {
  const isMkd = meeting.kind === 'mkd';
  const isMember = (p: Person) => isMkd || p.status === 'member';

  // The same ballot given twice (same id, date, channel and copy) is one ballot.
  const distinct: Ballot[] = [];
  const seen = new Set<string>();
  for (const b of ballots) {
    const key = [b.id, b.receivedAt, b.channel, b.copy].join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    distinct.push(b);
  }

  // Each person's accepted ballots. A scan is one ballot with an original of the same channel (the
  // original decides); a scan alone counts only where the meeting accepts scans.
  const acceptedOf = new Map<string, Ballot[]>();
  for (const person of registry) {
    const own = distinct.filter((b) => voterOf(b, registry) === person);
    const accepted = own.filter((b) => {
      if (unfit(b, meeting)) return false;
      if (b.copy !== 'scan') return true;
      const hasOriginal = own.some((o) => o.copy !== 'scan' && o.channel === b.channel);
      return !hasOriginal && meeting.acceptScans === true;
    });
    acceptedOf.set(person.id, accepted);
  }

  const participants = registry.filter((p) => acceptedOf.get(p.id)!.length > 0);
  const members = registry.filter(isMember);
  const weight = (list: readonly Person[]) => sum(list.map((p) => weightOf(p, profile)));

  // МКД: all owners' votes are the building's total area when the meeting gives it, whatever the
  // registry's areas add up to (Housing Code art. 48 part 3).
  const area = isMkd && profile.weight !== 'person' ? parseDecimal(meeting.buildingArea ?? '') : null;
  const buildingArea = area && area.n > 0n ? fraction(area.n, area.d) : undefined;

  // Quorum: more than half of those who count (members; МКД: every owner, by weight).
  const counted = (list: readonly Person[]) =>
    profile.quorum.counts === 'everyone' ? list : list.filter(isMember);
  const quorumTotal = buildingArea ?? weight(counted(registry));
  const quorumReached =
    greater(quorumTotal, fraction(0n)) && greater(times(weight(counted(participants)), 2n), quorumTotal);

  const perQuestionRule = profile.questionQuorum;
  const perQuestionDecides =
    perQuestionRule !== undefined &&
    perQuestionRule.affectsDecision &&
    perQuestionRule.forms.includes(meeting.form);

  const questions = meeting.questions.map((question): ReferenceQuestion => {
    const rule = ruleOf(question, profile);
    const mayVote = (p: Person) => isMkd || isMember(p) || rule.electorate === 'members_and_gardeners';
    const tallies = {
      for: [] as Person[],
      against: [] as Person[],
      abstain: [] as Person[],
      invalid: [] as Person[],
      conflict: [] as Person[],
    };
    for (const p of participants.filter(mayVote)) {
      const mark = markOf(acceptedOf.get(p.id)!, question.number, meeting);
      if (mark === 'conflict') tallies.conflict.push(p);
      else if (mark === 'for' || mark === 'against' || mark === 'abstain') tallies[mark].push(p);
      else tallies.invalid.push(p);
    }
    const weights = {
      for: weight(tallies.for),
      against: weight(tallies.against),
      abstain: weight(tallies.abstain),
      invalid: weight(tallies.invalid),
      conflict: weight(tallies.conflict),
    };
    const base =
      rule.base === 'all'
        ? (buildingArea ?? weight(registry.filter(mayVote)))
        : weight(participants.filter(mayVote));
    // Per-question participation (217-ФЗ, 2024): members who voted за, против or воздержался on it.
    const membersVoted = [...tallies.for, ...tallies.against, ...tallies.abstain].filter(isMember).length;
    let decision: ReferenceQuestion['decision'];
    if (!quorumReached || (perQuestionDecides && !(membersVoted * 2 > members.length)))
      decision = 'no_quorum';
    else if (rule.majority === 'simple')
      decision = greater(times(weights.for, 2n), base) ? 'adopted' : 'rejected';
    else if (rule.majority === 'two_thirds')
      decision = !greater(times(base, 2n), times(weights.for, 3n)) ? 'adopted' : 'rejected';
    else decision = greater(base, fraction(0n)) && same(weights.for, base) ? 'adopted' : 'rejected';
    return {
      number: question.number,
      for: tallies.for.length,
      against: tallies.against.length,
      abstain: tallies.abstain.length,
      invalid: tallies.invalid.length,
      conflict: tallies.conflict.length,
      weights,
      base,
      decision,
    };
  });

  return {
    participation: {
      persons: participants.length,
      members: participants.filter(isMember).length,
      gardeners: participants.filter((p) => !isMember(p)).length,
    },
    quorumReached,
    questions,
  };
}
