/** What the tally returns: plain data (structured-clone safe), deterministic for the same inputs. */
import type { MatchedBy } from '../ballots/matchVoter';
import type { Rational } from '../arith/rational';
import type { BallotCopy, Channel, IsoDate, Mark, PersonStatus, Rule, VoidReason } from '../domain/types';
import type { Problem } from '../result';

/** Why a ballot is not counted. VoidReason: void as a whole (regulation 5.6); the rest: not accepted. */
export type RejectReason =
  | VoidReason
  /** invalidMarks "ballot": a question with several marks, none, or all crossed out voids the ballot. */
  | 'invalid_marks'
  | 'not_found'
  | 'ambiguous'
  /** A paper ballot's detail names no one in the registry (identity.ts). */
  | 'snils_not_found'
  | 'cadastral_not_found'
  | 'plot_not_found'
  /** A paper ballot's detail names someone other than its name. */
  | 'identity_mismatch'
  | 'before_period'
  | 'after_period'
  /** A paper ballot received after the in-person part, where the meeting counts them only until then. */
  | 'after_session'
  /** A scan with no original, and the meeting does not accept scans. */
  | 'scan_only';

/**
 * accepted: counted; rejected: not counted (reasons say why); unmatched: an electronic ballot whose
 * voter is not in the registry (review queue); scan_merged: a scan whose original arrived and counts
 * instead (they are one ballot).
 */
export type BallotStatus = 'accepted' | 'rejected' | 'unmatched' | 'scan_merged';

export interface BallotOutcome {
  ballotId: string;
  source: string;
  channel: Channel;
  copy: BallotCopy;
  receivedAt: IsoDate;
  status: BallotStatus;
  /** Empty when accepted or merged. */
  reasons: RejectReason[];
  personId?: string;
  matchedBy?: MatchedBy;
  /** For a ballot rejected for its voter's details: the detail at fault («СНИЛС 123-456-789 01»). */
  voterDetail?: string;
  /** For a merged scan: the original it is a copy of. */
  originalId?: string;
  /** For an original: its scans; for both: the questions where scan and original differ. */
  scanIds?: string[];
  scanDiffers?: number[];
  /** Questions marked badly (several, none, all crossed out), counted as invalid for that question. */
  invalidQuestions?: number[];
  /** Questions this (gardener's) ballot marked where the voter is not in the electorate: ignored. */
  ignoredQuestions?: number[];
}

/** The decision counted for one person on one question. */
export type Decision = Mark | 'conflict';

/**
 * single: the person's only accepted ballot; agree: several accepted ballots, all the same;
 * latest / priority: they disagree and the conflicts policy chose one; conflict: they disagree and
 * the vote is not counted; not_electorate: the person may not vote on this question; resolved: they
 * disagree and the counting commission chose the ballot that stands.
 */
export type DecisionBasis =
  'single' | 'agree' | 'latest' | 'priority' | 'conflict' | 'not_electorate' | 'resolved';

export interface PersonOutcome {
  personId: string;
  fullName: string;
  status: PersonStatus;
  /** member counts toward the quorum and member-only questions (in МКД every owner is a member here). */
  countsAs: 'member' | 'gardener';
  weight: Rational;
  participated: boolean;
  /**
   * This person's ballots are result.ballots[ballotsFrom .. ballotsTo) (received order); the accepted
   * ones count (see acceptedBallotIds / rejectedBallotIds).
   */
  ballotsFrom: number;
  ballotsTo: number;
}

/**
 * Each person's decision on each question, compact (persons × questions, registry order, meeting
 * question order); read it with personDecision / personBasis. -1: no decision (absent, or not in the
 * question's electorate).
 */
export interface VoteMatrix {
  questions: number;
  /** Index into DECISIONS. */
  decision: Int8Array;
  /** Index into BASES. */
  basis: Int8Array;
}

export interface ConflictChoice {
  ballotId: string;
  source: string;
  channel: Channel;
  receivedAt: IsoDate;
  mark: Mark;
}

/** Accepted ballots of one person that disagree on a question, and how the policy settled it. */
export interface ConflictEntry {
  personId: string;
  fullName: string;
  question: number;
  choices: ConflictChoice[];
  /** resolved: the commission chose the ballot (TallyInput.resolutions); the others: the meeting's policy. */
  resolution: 'flag' | 'latest' | 'priority' | 'resolved';
  /** The mark counted, or null when the question's vote is not counted (flag, or a tie). */
  counted: Mark | null;
  /** The ballot whose mark counted. */
  countedBallotId?: string;
  /** resolved: the commission's reason, when given. */
  reason?: string;
}

export interface UnmatchedEntry {
  source: string;
  name: string;
  channel?: Channel;
  /** not_found: no one in the registry; ambiguous: several persons fit; no_details: nothing to match. */
  reason: 'not_found' | 'ambiguous' | 'no_details';
}

/** Counts (persons) and weights of one question's decisions. */
export interface Tallies<T> {
  for: T;
  against: T;
  abstain: T;
  invalid: T;
  conflict: T;
}

export interface QuestionOutcome {
  number: number;
  text: string;
  rule: Required<Rule>;
  ruleSource: 'explicit' | 'item' | 'default';
  item?: string;
  /** The rule in plain Russian with its origin. */
  ruleText: string;
  /** Persons per decision; they add up to `electorateParticipants`. */
  counts: Tallies<number>;
  /** Weights per decision (equal to the counts under one vote per person). */
  weights: Tallies<Rational>;
  /** Participants in this question's electorate. */
  electorateParticipants: number;
  /** Weight of the whole electorate in the registry. */
  electorateWeight: Rational;
  /** What the majority is measured against: electorate participants, or all votes (rule base `all`). */
  base: Rational;
  /** Marks of voters outside the electorate (gardeners on a members-only question), ignored. */
  ignored: number;
  decision: 'adopted' | 'rejected' | 'no_quorum';
  /** 217-ФЗ (2024): more than half of all members voted (for, against or abstain) on this question. */
  questionQuorum: {
    applies: boolean;
    affectsDecision: boolean;
    voted: number;
    total: number;
    reached: boolean;
  };
  /** The profile does not allow this item in the remote form, the meeting is remote and no exception applies. */
  remoteForbidden: boolean;
  /** The item is remote-forbidden, but the exception the meeting records allows it (217-ФЗ art. 17 part 22). */
  remoteException: 'emergency' | 'electronic' | null;
  /** The item has a quorum of its own (Housing Code art. 45 part 3): at least share of all votes took part. */
  quorumException?: { share: [number, number]; reached: boolean; cite: string };
}

export interface TallyResult {
  profile: { id: string; title: string; weight: string };
  registry: {
    persons: number;
    members: number;
    gardeners: number;
    /** Total weight of those counting toward the quorum (the quorum's denominator). */
    weightTotal: Rational;
    /** МКД with the building's area set: what the registry's persons weigh together (may differ). */
    registryWeight?: Rational;
  };
  participation: {
    persons: number;
    members: number;
    gardeners: number;
    /** Weight of participants counting toward the quorum. */
    weight: Rational;
    /** Persons with an accepted ballot from each channel. */
    byChannel: Record<Channel, number>;
  };
  quorum: { reached: boolean; share: Rational; counts: 'members' | 'everyone' };
  questions: QuestionOutcome[];
  /** Every ballot given, once (duplicates of one id are dropped): registry order, then by source. */
  ballots: BallotOutcome[];
  /** One per registry person, in registry order. */
  persons: PersonOutcome[];
  votes: VoteMatrix;
  conflicts: ConflictEntry[];
  unmatched: UnmatchedEntry[];
  /** Problems of the input the tally noticed (a person without area, …); warnings. */
  problems: Problem[];
}
