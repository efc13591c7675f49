/**
 * A rule profile: how a kind of partnership decides, as plain data a user can see and override per
 * meeting (docs/domain.md). The tally reads only this data, never constants. Every rule carries its
 * source (article, part, item) in `cites`, printed where the rule is applied.
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
 * A question whose item has a quorum of its own (Housing Code art. 45 part 3): the meeting decides it
 * when those who took part hold at least `share` (numerator, denominator) of all votes.
 */
export interface QuorumException {
  share: [number, number];
  cite: string;
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

/** Why a remote-forbidden item may still be decided remotely (217-ФЗ art. 17 part 22). */
export type RemoteException = 'emergency' | 'electronic';

/** Where each rule of a profile comes from: «ч. 19 ст. 17 Федерального закона № 217-ФЗ». */
export interface RuleCitations {
  quorum: string;
  defaultRule: string;
  /** Items whose rule differs from the default, and titled items citing their place in the law. */
  items: Record<string, string>;
  remoteForbidden?: string;
  questionQuorum?: string;
  remoteExceptions?: Record<RemoteException, string>;
}

export interface RuleProfile {
  /** `snt`, `mkd`, or a custom id. */
  id: string;
  kind: PartnershipKind;
  /** The law (or charter) the profile follows, printed in the protocol. */
  title: string;
  /** The edition of the law the profile was written from. */
  edition?: string;
  weight: WeightRule;
  quorum: QuorumRule;
  /** Rule of a question that names no item, or an item the profile does not list. */
  defaultRule: Rule;
  /** Agenda item -> its rule, for the items whose rule differs from the default. */
  items: Record<string, Rule>;
  /** Items that may not be decided in the remote form (warned about when the agenda is built). */
  remoteForbidden: string[];
  questionQuorum?: QuestionQuorumRule;
  /** Items with a quorum of their own (a custom profile; the built-in МКД profile lists none). */
  quorumExceptions?: Record<string, QuorumException>;
  /**
   * Conditions of the law on an item that the registry cannot show (the entrance of a premises, which
   * premises are residential): a warning whenever a question has the item, for the commission to check.
   */
  conditions?: Record<string, string>;
  cites?: RuleCitations;
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
