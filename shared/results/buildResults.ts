/**
 * results.json: the tally as the command line writes it (and the protocol reads it). For one vote per
 * person or per plot the figures are numbers; for area-share weights (МКД) they are decimal strings
 * exact to 0.01 m².
 */
import { toDecimal, type Rational } from '../arith/rational';
import type { Channel, Mark, MeetingSpec, Rule } from '../domain/types';
import type { Problem } from '../result';
import { describeQuorum } from '../rules/describeRule';
import type { RuleProfile } from '../rules/profile';
import { explainBallot, explainPerson, rejectText } from '../tally/explain';
import { disputeText, marginText, questionMargins } from '../tally/margin';
import { compareSource } from '../tally/sourceOrder';
import { personDecision } from '../tally/votes';
import type { MatchedByName } from './matchedByName';
import type {
  BallotStatus,
  ConflictEntry,
  Decision,
  RejectReason,
  TallyResult,
  UnmatchedEntry,
} from '../tally/types';

export type Figure = number | string;

export interface QuestionJson {
  number: number;
  text: string;
  for: Figure;
  against: Figure;
  abstain: Figure;
  invalid: Figure;
  conflict: Figure;
  /** What the majority is measured against. */
  base: Figure;
  majority: Rule['majority'];
  electorate: Rule['electorate'];
  baseKind: 'participants' | 'all';
  decision: 'adopted' | 'rejected' | 'no_quorum';
  /** The rule in plain Russian, with where it came from. */
  rule: string;
  ruleSource: 'explicit' | 'item' | 'default';
  item?: string;
  /** Participants in the electorate (persons); for + against + abstain + invalid + conflict add up to it. */
  electorateParticipants: number;
  /** Persons per decision (МКД, where the figures above are weights). */
  voters?: { for: number; against: number; abstain: number; invalid: number; conflict: number };
  /** Marks of gardeners on a members-only question, not counted. */
  ignored: number;
  questionQuorum: {
    applies: boolean;
    affectsDecision: boolean;
    voted: number;
    total: number;
    reached: boolean;
  };
  remoteForbidden: boolean;
  /** The exception to the remote-only prohibition the meeting records, for a forbidden item. */
  remoteException: 'emergency' | 'electronic' | null;
  /** An item with a quorum of its own (Housing Code art. 45 part 3). */
  quorumException?: { share: string; reached: boolean; rule: string };
}

export interface ResultsJson {
  meeting: Pick<MeetingSpec, 'kind' | 'form' | 'title' | 'votingStart' | 'votingEnd'> & {
    invalidMarks: string;
    acceptScans: boolean;
    conflicts: string | Channel[];
    paperUntil: 'votingEnd' | 'session';
    charterAllowsElectronic?: boolean;
    emergencyRegime?: boolean;
    buildingArea?: string;
  };
  profile: { id: string; title: string; weight: string };
  registry: {
    persons: number;
    members: number;
    gardeners: number;
    weightTotal: Figure;
    /** МКД with the building's area: the registry's own sum of areas (weightTotal is the building's). */
    registryWeight?: Figure;
  };
  participation: {
    persons: number;
    members: number;
    gardeners: number;
    weight: Figure;
    byChannel: Record<Channel, number>;
  };
  quorum: { reached: boolean; share: string; rule: string };
  questions: QuestionJson[];
  rejected: { source: string; reason: string; reasons: RejectReason[]; person?: string }[];
  unmatched: { source: string; name: string; reason: UnmatchedEntry['reason'] }[];
  /** Electronic rows matched to the registry by name alone: counted, listed for a person to check. */
  matchedByName: MatchedByName[];
  conflicts: {
    person: string;
    personId: string;
    question: number;
    choices: { source: string; channel: Channel; receivedAt: string; mark: Mark }[];
    resolution: ConflictEntry['resolution'];
    counted: Mark | null;
    /** resolved: the counting commission's reason. */
    reason?: string;
  }[];
  scanDifferences: { source: string; original: string; person: string; questions: number[] }[];
  ballots: { source: string; status: BallotStatus; person?: string; explanation: string }[];
  persons: {
    id: string;
    name: string;
    status: string;
    participated: boolean;
    weight: Figure;
    decisions: Record<string, Decision | null>;
    explanation: string;
  }[];
  /** How close each decision is (shared/tally/margin.ts): the change of «за» that flips it. */
  margin: {
    question: number;
    /** Votes (weights: m²) that flip the decision; null without a quorum. */
    votes: Figure | null;
    /** Weights: the flip needs more than `votes`. */
    strict: boolean;
    disputed: number;
    couldFlip: boolean;
    text: string;
  }[];
  warnings: string[];
}

export function buildResults(
  result: TallyResult,
  meeting: MeetingSpec,
  profile: RuleProfile,
  warnings: readonly Problem[] = [],
  byName: readonly MatchedByName[] = [],
): ResultsJson {
  const exact = profile.weight === 'area_share';
  const fig = (r: Rational): Figure => (exact ? toDecimal(r, 2) : Number(r.n / r.d));
  // Names of the persons the ballots name: not a map of the whole registry.
  const names = new Map<string, string>();
  for (const b of result.ballots) if (b.personId !== undefined) names.set(b.personId, '');
  for (const p of result.persons) if (names.has(p.personId)) names.set(p.personId, p.fullName);
  const sources = new Map(result.ballots.map((b) => [b.ballotId, b.source]));
  // Persons with the same decisions share one (frozen) object, and those who did not take part one
  // string for the same explanation: a registry of 600,000 has a few kinds of persons, not 600,000.
  const decisionSets = new Map<string, Record<string, Decision | null>>();
  const decisionsOf = (i: number): Record<string, Decision | null> => {
    const row = result.questions.map((_, k) => personDecision(result, i, k));
    const key = row.join(',');
    let set = decisionSets.get(key);
    if (!set) {
      set = Object.freeze(Object.fromEntries(result.questions.map((q, k) => [String(q.number), row[k]!])));
      decisionSets.set(key, set);
    }
    return set;
  };
  const texts = new Map<string, string>();
  const sameText = (text: string): string => {
    const seen = texts.get(text);
    if (seen !== undefined) return seen;
    texts.set(text, text);
    return text;
  };
  return {
    meeting: {
      kind: meeting.kind,
      form: meeting.form,
      title: meeting.title,
      votingStart: meeting.votingStart,
      votingEnd: meeting.votingEnd,
      invalidMarks: meeting.invalidMarks ?? 'question',
      acceptScans: meeting.acceptScans ?? false,
      conflicts: meeting.conflicts ?? 'flag',
      paperUntil: meeting.paperUntil ?? 'votingEnd',
      ...(meeting.charterAllowsElectronic !== undefined
        ? { charterAllowsElectronic: meeting.charterAllowsElectronic }
        : {}),
      ...(meeting.emergencyRegime !== undefined ? { emergencyRegime: meeting.emergencyRegime } : {}),
      ...(meeting.buildingArea !== undefined ? { buildingArea: meeting.buildingArea } : {}),
    },
    profile: result.profile,
    registry: {
      persons: result.registry.persons,
      members: result.registry.members,
      gardeners: result.registry.gardeners,
      weightTotal: fig(result.registry.weightTotal),
      ...(result.registry.registryWeight ? { registryWeight: fig(result.registry.registryWeight) } : {}),
    },
    participation: { ...result.participation, weight: fig(result.participation.weight) },
    quorum: {
      reached: result.quorum.reached,
      share: toDecimal(result.quorum.share, 4),
      rule: describeQuorum(profile),
    },
    questions: result.questions.map((q) => ({
      number: q.number,
      text: q.text,
      for: fig(q.weights.for),
      against: fig(q.weights.against),
      abstain: fig(q.weights.abstain),
      invalid: fig(q.weights.invalid),
      conflict: fig(q.weights.conflict),
      base: fig(q.base),
      majority: q.rule.majority,
      electorate: q.rule.electorate,
      baseKind: q.rule.base,
      decision: q.decision,
      rule: q.ruleText,
      ruleSource: q.ruleSource,
      ...(q.item !== undefined ? { item: q.item } : {}),
      electorateParticipants: q.electorateParticipants,
      ...(exact ? { voters: q.counts } : {}),
      ignored: q.ignored,
      questionQuorum: q.questionQuorum,
      remoteForbidden: q.remoteForbidden,
      remoteException: q.remoteException,
      ...(q.quorumException
        ? {
            quorumException: {
              share: `${q.quorumException.share[0]}/${q.quorumException.share[1]}`,
              reached: q.quorumException.reached,
              rule: `не менее ${q.quorumException.share[0]}/${q.quorumException.share[1]} голосов от общего числа голосов (${q.quorumException.cite})`,
            },
          }
        : {}),
    })),
    rejected: result.ballots
      .filter((b) => b.status === 'rejected')
      .map((b) => ({
        source: b.source,
        reason: rejectText(b, meeting),
        reasons: b.reasons,
        ...(b.personId !== undefined ? { person: names.get(b.personId)! } : {}),
      }))
      .sort((x, y) => compareSource(x.source, y.source)),
    unmatched: result.unmatched.map((u) => ({ source: u.source, name: u.name, reason: u.reason })),
    matchedByName: [...byName],
    conflicts: result.conflicts.map((c) => ({
      person: c.fullName,
      personId: c.personId,
      question: c.question,
      choices: c.choices.map((x) => ({
        source: x.source,
        channel: x.channel,
        receivedAt: x.receivedAt,
        mark: x.mark,
      })),
      resolution: c.resolution,
      counted: c.counted,
      ...(c.reason !== undefined ? { reason: c.reason } : {}),
    })),
    scanDifferences: result.ballots
      .filter((b) => b.status === 'scan_merged' && b.scanDiffers !== undefined)
      .map((b) => ({
        source: b.source,
        original: sources.get(b.originalId!) ?? b.originalId!,
        person: names.get(b.personId!)!,
        questions: b.scanDiffers!,
      })),
    ballots: result.ballots.map((b) => ({
      source: b.source,
      status: b.status,
      ...(b.personId !== undefined ? { person: names.get(b.personId)! } : {}),
      explanation: explainBallot(b, meeting, b.personId !== undefined ? names.get(b.personId) : undefined),
    })),
    persons: result.persons.map((p, i) => ({
      id: p.personId,
      name: p.fullName,
      status: p.status,
      participated: p.participated,
      weight: fig(p.weight),
      decisions: decisionsOf(i),
      explanation: p.participated ? explainPerson(result, i) : sameText(explainPerson(result, i)),
    })),
    margin: questionMargins(result, exact).map((m) => ({
      question: m.number,
      votes: m.votes ? fig(m.votes) : null,
      strict: m.strict,
      disputed: m.disputed,
      couldFlip: m.couldFlip,
      text: [marginText(m), disputeText(m)].filter(Boolean).join('; '),
    })),
    warnings: [...warnings, ...result.problems].map((w) => (w.file ? `${w.file}: ${w.message}` : w.message)),
  };
}
