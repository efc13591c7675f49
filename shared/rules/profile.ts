/**
 * A rule profile: how a kind of partnership decides, as plain data a user can see and override per
 * meeting (domain reference: decision rules). The tally reads only this data, never constants.
 */
import type { MeetingForm, PartnershipKind, Rule } from '../domain/types';

/**
 * How much one registry person weighs.
 * person: one vote each, whatever the number of plots (217-ФЗ default);
 * plot: one vote per plot held (a charter may say so);
 * area_share: area of each premises × the person's share of it (Housing Code art. 48 part 3).
 */
export type WeightRule = 'person' | 'plot' | 'area_share';

/** Quorum: the weight of those who took part is more than half of the weight of those who count. */
export interface QuorumRule {
  /**
   * Who counts toward the quorum (and its denominator). members: members only, gardeners do not
   * count (217-ФЗ default); everyone: every registry person (МКД: every owner).
   */
  counts: 'members' | 'everyone';
}

/**
 * The 2024 amendment to 217-ФЗ: in the listed forms a decision needs more than half of all members to
 * have voted on that question. It is always computed and reported; `affectsDecision` makes a question
 * where it is not reached `no_quorum`.
 */
export interface QuestionQuorumRule {
  forms: MeetingForm[];
  affectsDecision: boolean;
}

export interface RuleProfile {
  /** `snt`, `mkd`, or a custom id. */
  id: string;
  kind: PartnershipKind;
  /** The law (or charter) the profile follows, printed in the protocol. */
  title: string;
  weight: WeightRule;
  quorum: QuorumRule;
  /** Rule of a question that names no item, or an item the profile does not list. */
  defaultRule: Rule;
  /** Agenda item -> its rule, for the items whose rule differs from the default. */
  items: Record<string, Rule>;
  /** Items that may not be decided in the remote form (warned about when the agenda is built). */
  remoteForbidden: string[];
  questionQuorum?: QuestionQuorumRule;
}

/** What a meeting may change in its profile; items are merged one by one. */
export interface RuleProfileOverrides {
  title?: string;
  weight?: WeightRule;
  quorum?: QuorumRule;
  defaultRule?: Rule;
  items?: Record<string, Rule>;
  remoteForbidden?: string[];
  questionQuorum?: QuestionQuorumRule;
}
