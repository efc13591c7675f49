import type { PartnershipKind, Rule } from '../domain/types';
import type { RuleProfile } from './profile';
import type { ResolvedRule } from './resolveRule';

function voters(rule: Rule, kind: PartnershipKind): string {
  if (kind === 'mkd') return 'собственников';
  return rule.electorate === 'members_and_gardeners' ? 'членов и садоводов' : 'членов';
}

/**
 * The rule in plain Russian, as the protocol prints it:
 * «2/3 голосов членов и садоводов, принявших участие», «более 50% голосов от общего числа голосов собственников».
 */
export function describeRule(rule: Rule, kind: PartnershipKind): string {
  const who = voters(rule, kind);
  const all = rule.base === 'all';
  const of = all
    ? kind === 'mkd'
      ? `от общего числа голосов ${who}`
      : `от общего числа ${who}`
    : `${who}, принявших участие`;
  switch (rule.majority) {
    case 'simple':
      return all ? `более 50% голосов ${of}` : `большинство (более половины) голосов ${of}`;
    case 'two_thirds':
      return all ? `не менее 2/3 голосов ${of}` : `2/3 голосов ${of}`;
    case 'unanimous':
      return all ? `100% голосов ${of}` : `единогласно: все голоса ${of}`;
  }
}

/**
 * The rule with its source: «2/3 голосов членов, принявших участие (п. 2 ч. 1, ч. 2 ст. 17 Федерального
 * закона № 217-ФЗ)». A profile without citations names the item and the profile's title.
 */
export function describeResolvedRule(
  resolved: ResolvedRule,
  kind: PartnershipKind,
  profile: Pick<RuleProfile, 'title' | 'cites'>,
): string {
  const text = describeRule(resolved.rule, kind);
  switch (resolved.source) {
    case 'explicit':
      return `${text} (правило задано для вопроса)`;
    case 'item': {
      const cited = profile.cites?.items[resolved.item!];
      return `${text} (${cited ?? `пункт ${resolved.item}, ${profile.title}`})`;
    }
    case 'default': {
      const cited = resolved.item ? profile.cites?.items[resolved.item] : undefined;
      if (cited) return `${text} (${cited})`;
      const general = profile.cites?.defaultRule ?? profile.title;
      return `${text} (${general})`;
    }
  }
}

/** The quorum rule in plain Russian. */
export function describeQuorum(profile: RuleProfile): string {
  const text = quorumText(profile);
  return profile.cites?.quorum ? `${text} (${profile.cites.quorum})` : text;
}

function quorumText(profile: RuleProfile): string {
  if (profile.kind === 'mkd' || profile.quorum.counts === 'everyone') {
    return profile.weight === 'area_share'
      ? 'собственники, обладающие более чем 50% голосов от общего числа голосов'
      : 'приняли участие более 50% всех участников';
  }
  return 'приняли участие более 50% членов товарищества (садоводы без членства не учитываются)';
}
