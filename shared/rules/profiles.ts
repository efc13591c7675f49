/**
 * The built-in profiles. Lists marked *unsure* in the domain reference are data here, so a meeting
 * can override them and the protocol prints which rule was applied.
 */
import type { PartnershipKind, Rule } from '../domain/types';
import type { RuleProfile, RuleProfileOverrides } from './profile';

const SNT_TWO_THIRDS_MEMBERS: Rule = { majority: 'two_thirds', electorate: 'members' };
const SNT_TWO_THIRDS_ALL: Rule = { majority: 'two_thirds', electorate: 'members_and_gardeners' };

function itemsWith(rule: Rule, items: string[]): Record<string, Rule> {
  return Object.fromEntries(items.map((item) => [item, rule]));
}

/**
 * 217-ФЗ art. 17: one member, one vote; quorum of members only; 2/3 of those taking part on items
 * 1-6 (6.1, 6.2), 10, 17, 21-24, 26 of part 1; gardeners vote on 4-6.x, 21, 22, 24, 26 (their votes added).
 */
export const snt: RuleProfile = {
  id: 'snt',
  kind: 'snt',
  title: '217-ФЗ, ст. 17',
  weight: 'person',
  quorum: { counts: 'members' },
  defaultRule: { majority: 'simple', electorate: 'members' },
  items: {
    ...itemsWith(SNT_TWO_THIRDS_MEMBERS, ['1', '2', '3', '10', '17', '23']),
    ...itemsWith(SNT_TWO_THIRDS_ALL, ['4', '5', '6', '6.1', '6.2', '21', '22', '24', '26']),
  },
  remoteForbidden: ['1', '2', '4', '5', '6', '10', '17', '21', '22', '23'],
  questionQuorum: { forms: ['mixed', 'remote'], affectsDecision: false },
};

/**
 * Housing Code arts. 44-48: votes weighted by area share; quorum of all owners' votes; simple majority
 * of participants by default; more than half of all votes on items 1.1, 4, 4.2, 4.7 of art. 44 part 2;
 * at least 2/3 of all votes on items 1, 1.1-1, 1.2, 2, 3, 3.1, 4.3; every owner on a reduction of
 * common property (item `36.3`: art. 36 part 3).
 */
export const mkd: RuleProfile = {
  id: 'mkd',
  kind: 'mkd',
  title: 'ЖК РФ, ст. 44-48',
  weight: 'area_share',
  quorum: { counts: 'everyone' },
  defaultRule: { majority: 'simple', electorate: 'members', base: 'participants' },
  items: {
    ...itemsWith({ majority: 'simple', electorate: 'members', base: 'all' }, ['1.1', '4', '4.2', '4.7']),
    ...itemsWith({ majority: 'two_thirds', electorate: 'members', base: 'all' }, [
      '1',
      '1.1-1',
      '1.2',
      '2',
      '3',
      '3.1',
      '4.3',
    ]),
    '36.3': { majority: 'unanimous', electorate: 'members', base: 'all' },
  },
  remoteForbidden: [],
};

export function profileFor(kind: PartnershipKind): RuleProfile {
  return kind === 'mkd' ? mkd : snt;
}

/** The profile with a meeting's overrides applied (items merged one by one); the input is not changed. */
export function withOverrides(
  profile: RuleProfile,
  overrides: RuleProfileOverrides | undefined,
): RuleProfile {
  if (!overrides) return profile;
  const { items, ...rest } = overrides;
  return {
    ...profile,
    ...rest,
    id: profile.id,
    kind: profile.kind,
    items: { ...profile.items, ...(items ?? {}) },
  };
}
