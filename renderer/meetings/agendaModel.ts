/**
 * The agenda editor's values and what they mean: questions in order, each with its category (an item of
 * the rule profile) and, where the secretary overrides it, its own rule.
 */
import type { PartnershipKind, Rule } from '../../shared/domain/types';
import type { MeetingQuestion } from '../../shared/meetings/meeting';
import { describeRule } from '../../shared/rules/describeRule';
import type { RuleProfile } from '../../shared/rules/profile';
import { resolveRule, type ResolvedRule } from '../../shared/rules/resolveRule';

export interface QuestionValues {
  text: string;
  proposal: string;
  /** Who reports on the question (СЛУШАЛИ in the protocol). */
  speaker: string;
  /** Profile item (`21`), or `''` for a question without a category (default rule). */
  item: string;
  /** The secretary sets the rule by hand instead of the category's. */
  override: boolean;
  majority: Rule['majority'];
  electorate: Rule['electorate'];
  base: NonNullable<Rule['base']>;
  attachmentIds: string[];
}

export interface AgendaValues {
  questions: QuestionValues[];
}

export function emptyQuestion(profile: RuleProfile): QuestionValues {
  const rule = profile.defaultRule;
  return {
    text: '',
    proposal: '',
    speaker: '',
    item: '',
    override: false,
    majority: rule.majority,
    electorate: rule.electorate,
    base: rule.base ?? 'participants',
    attachmentIds: [],
  };
}

export function toAgendaValues(questions: readonly MeetingQuestion[], profile: RuleProfile): AgendaValues {
  return {
    questions: questions.map((q) => {
      const rule = resolveRule(q, profile).rule;
      return {
        text: q.text,
        proposal: q.proposal ?? '',
        speaker: q.speaker ?? '',
        item: q.item?.trim() ?? '',
        override: q.rule !== undefined,
        majority: rule.majority,
        electorate: rule.electorate,
        base: rule.base,
        attachmentIds: [...q.attachmentIds],
      };
    }),
  };
}

/**
 * Where a rule set by hand starts: the rule the question's category gives (the profile's default rule
 * without a category), so ticking «вручную» changes nothing until the secretary changes something.
 */
export function categoryRuleValues(
  item: string,
  profile: RuleProfile,
): Pick<QuestionValues, 'majority' | 'electorate' | 'base'> {
  const q: MeetingQuestion = { number: 0, text: '', attachmentIds: [] };
  if (item.trim()) q.item = item.trim();
  const rule = resolveRule(q, profile).rule;
  return { majority: rule.majority, electorate: rule.electorate, base: rule.base };
}

/** The rule a question's values set by hand (an МКД question keeps `members`: every owner votes). */
export function overrideRule(v: QuestionValues, kind: PartnershipKind): Rule {
  return kind === 'mkd'
    ? { majority: v.majority, electorate: 'members', base: v.base }
    : { majority: v.majority, electorate: v.electorate };
}

/** Questions numbered 1.. in the editor's order. */
export function toQuestions(values: AgendaValues, kind: PartnershipKind): MeetingQuestion[] {
  return values.questions.map((v, i) => {
    const q: MeetingQuestion = {
      number: i + 1,
      text: v.text.trim(),
      attachmentIds: [...v.attachmentIds],
    };
    const proposal = v.proposal.trim();
    if (proposal) q.proposal = proposal;
    const speaker = v.speaker.trim().replace(/\s+/g, ' ');
    if (speaker) q.speaker = speaker;
    if (v.item.trim()) q.item = v.item.trim();
    if (v.override) q.rule = overrideRule(v, kind);
    return q;
  });
}

/** Errors by question index: a question needs its wording. */
export function agendaErrors(values: AgendaValues): Map<number, string> {
  const out = new Map<number, string>();
  values.questions.forEach((q, i) => {
    if (!q.text.trim()) out.set(i, 'Укажите формулировку вопроса.');
  });
  return out;
}

export interface RuleView {
  /** The rule that applies, in plain Russian. */
  text: string;
  /** The secretary's own rule replaces the category's. */
  overridden: boolean;
  /** What the profile would apply without the override (shown for comparison). */
  profileText: string;
  resolved: ResolvedRule;
}

/** What the agenda shows about a question's rule: the text, and the profile's rule if overridden. */
export function ruleView(
  q: Pick<MeetingQuestion, 'item' | 'rule'>,
  profile: RuleProfile,
  kind: PartnershipKind,
): RuleView {
  const resolved = resolveRule({ number: 0, text: '', ...q }, profile);
  const fromProfile = resolveRule({ number: 0, text: '', ...(q.item ? { item: q.item } : {}) }, profile);
  return {
    text: describeRule(resolved.rule, kind),
    overridden: resolved.source === 'explicit',
    profileText: describeRule(fromProfile.rule, kind),
    resolved,
  };
}
