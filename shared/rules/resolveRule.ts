import type { Question, Rule } from '../domain/types';
import type { RuleProfile } from './profile';

/** The rule a question is decided by, and where it came from (printed in the protocol). */
export interface ResolvedRule {
  rule: Required<Rule>;
  /** explicit: the question carries its own rule; item: the profile's rule for its item; default. */
  source: 'explicit' | 'item' | 'default';
  item?: string;
}

function complete(rule: Rule): Required<Rule> {
  return { majority: rule.majority, electorate: rule.electorate, base: rule.base ?? 'participants' };
}

/** An explicit rule wins over the item's; an item the profile does not list gets the default rule. */
export function resolveRule(question: Question, profile: RuleProfile): ResolvedRule {
  const item = question.item?.trim() || undefined;
  const itemPart = item ? { item } : {};
  if (question.rule) return { rule: complete(question.rule), source: 'explicit', ...itemPart };
  const fromItem = item ? profile.items[item] : undefined;
  if (fromItem) return { rule: complete(fromItem), source: 'item', ...itemPart };
  return { rule: complete(profile.defaultRule), source: 'default', ...itemPart };
}
