/**
 * The built-in profiles, with the source of every rule (docs/domain.md). Lists the law leaves to be
 * checked against its edition are data here, so a meeting can override them and the protocol prints
 * which rule was applied.
 */
import type { PartnershipKind, Rule } from '../domain/types';
import type { RuleProfile, RuleProfileOverrides } from './profile';

const SNT_TWO_THIRDS_MEMBERS: Rule = { majority: 'two_thirds', electorate: 'members' };
const SNT_TWO_THIRDS_ALL: Rule = { majority: 'two_thirds', electorate: 'members_and_gardeners' };

/**
 * The built-in choice for a rule that charters and the partnership's own voting regulation use for
 * their own amendment: 2/3 of all members in the registry (not of those taking part).
 */
export const SNT_ALL_MEMBERS_TWO_THIRDS = 'устав-2/3';

const LAW_217 = 'Федерального закона № 217-ФЗ';
const HOUSING_CODE = 'ЖК РФ';

function itemsWith(rule: Rule, items: string[]): Record<string, Rule> {
  return Object.fromEntries(items.map((item) => [item, rule]));
}

function cite(items: string[], text: (item: string) => string): Record<string, string> {
  return Object.fromEntries(items.map((item) => [item, text(item)]));
}

const SNT_TWO_THIRDS_MEMBER_ITEMS = ['1', '2', '3', '10', '17', '23'];
const SNT_GARDENER_ITEMS = ['4', '5', '6', '6.1', '6.2', '21', '22', '24', '26'];
const SNT_SIMPLE_ITEMS = ['4.1', '7', '8', '9', '11', '12', '13', '14', '15', '16', '18', '19', '20', '25'];

/**
 * 217-ФЗ art. 17: one member, one vote; quorum of members only (part 19); 2/3 of those present on items
 * 1-6 (6.1, 6.2), 10, 17, 21-24, 26 of part 1 (part 2); gardeners vote on 4-6.x, 21, 22, 24, 26, their
 * votes added (part 3); simple majority otherwise (part 4); no remote-only voting on 1, 2, 4-6.1, 10,
 * 17, 21-24, 26 (part 22) but under an emergency regime or with electronic means the charter provides
 * for (art. 17.1); in the mixed and remote forms a question needs more than half of all members to have
 * voted on it (2024 amendment).
 */
export const snt: RuleProfile = {
  id: 'snt',
  kind: 'snt',
  title: '217-ФЗ, ст. 17',
  edition: 'Федеральный закон № 217-ФЗ от 29.07.2017 в редакции, действующей на 2026 год',
  weight: 'person',
  quorum: { counts: 'members' },
  defaultRule: { majority: 'simple', electorate: 'members' },
  items: {
    ...itemsWith(SNT_TWO_THIRDS_MEMBERS, SNT_TWO_THIRDS_MEMBER_ITEMS),
    ...itemsWith(SNT_TWO_THIRDS_ALL, SNT_GARDENER_ITEMS),
    [SNT_ALL_MEMBERS_TWO_THIRDS]: { majority: 'two_thirds', electorate: 'members', base: 'all' },
  },
  remoteForbidden: ['1', '2', '4', '5', '6', '6.1', '10', '17', '21', '22', '23', '24', '26'],
  questionQuorum: { forms: ['mixed', 'remote'], affectsDecision: true },
  cites: {
    quorum: `ч. 19 ст. 17 ${LAW_217}`,
    defaultRule: `ч. 4 ст. 17 ${LAW_217}`,
    items: {
      ...cite(SNT_TWO_THIRDS_MEMBER_ITEMS, (i) => `п. ${i} ч. 1, ч. 2 ст. 17 ${LAW_217}`),
      ...cite(SNT_GARDENER_ITEMS, (i) => `п. ${i} ч. 1, ч. 2 и 3 ст. 17 ${LAW_217}`),
      ...cite(SNT_SIMPLE_ITEMS, (i) => `п. ${i} ч. 1, ч. 4 ст. 17 ${LAW_217}`),
      [SNT_ALL_MEMBERS_TWO_THIRDS]: 'устав (регламент) товарищества: 2/3 от общего числа членов',
    },
    remoteForbidden: `ч. 22 ст. 17 ${LAW_217}`,
    questionQuorum: `ч. 19.1 ст. 17 ${LAW_217}`,
    remoteExceptions: {
      emergency: `ч. 22 ст. 17 ${LAW_217}: введён режим повышенной готовности или чрезвычайной ситуации`,
      electronic:
        `ст. 17.1 ${LAW_217}, постановление Правительства РФ № 104 от 04.02.2025: ` +
        'устав предусматривает голосование с применением электронных средств',
    },
  },
};

const MKD_MORE_THAN_HALF_OF_ALL = ['1.1', '4', '4.2', '4.7'];
const MKD_TWO_THIRDS_OF_ALL = ['1', '1.1-1', '1.2', '1.3', '2', '3', '3.1', '3.8', '4.3'];

/**
 * Housing Code arts. 44-48: votes weighted by area share (art. 48 part 3); quorum of all owners' votes
 * (art. 45 part 3); simple majority of participants by default; more than half of all votes on items
 * 1.1, 4, 4.2, 4.7 of art. 44 part 2; at least 2/3 of all votes on items 1, 1.1-1, 1.2, 1.3, 2, 3, 3.1,
 * 3.8, 4.3 (art. 46 part 1, edition in force from 01.09.2024); item 4.5 by art. 46 part 1.2 (a majority
 * of those taking part) and 4.6 by part 1.3 (inclusion in an integrated development area: 2/3 of the
 * residential owners' votes); every owner on a reduction of common property (item `36.3`: art. 36
 * part 3). What the registry cannot show (the entrance of 4.5, residential premises for 4.6) is a
 * warning on the agenda (`conditions`).
 */
export const mkd: RuleProfile = {
  id: 'mkd',
  kind: 'mkd',
  title: 'ЖК РФ, ст. 44-48',
  edition: 'Жилищный кодекс РФ, ст. 46 ч. 1 в редакции, действующей с 01.09.2024',
  weight: 'area_share',
  quorum: { counts: 'everyone' },
  defaultRule: { majority: 'simple', electorate: 'members', base: 'participants' },
  items: {
    ...itemsWith({ majority: 'simple', electorate: 'members', base: 'all' }, MKD_MORE_THAN_HALF_OF_ALL),
    ...itemsWith({ majority: 'two_thirds', electorate: 'members', base: 'all' }, MKD_TWO_THIRDS_OF_ALL),
    '4.5': { majority: 'simple', electorate: 'members', base: 'participants' },
    '4.6': { majority: 'two_thirds', electorate: 'members', base: 'all' },
    '36.3': { majority: 'unanimous', electorate: 'members', base: 'all' },
  },
  remoteForbidden: [],
  conditions: {
    '4.5':
      'перевод жилого помещения в нежилое: если в доме больше одного подъезда, решение принимается, только ' +
      'если «за» проголосовало и большинство участвующих собственников подъезда, где находится помещение, а ' +
      'кворум — более 50% голосов дома и более 2/3 голосов собственников этого подъезда; в доме с одним ' +
      'подъездом кворум — более 2/3 голосов (ч. 3 ст. 45, ч. 1.2 ст. 46 ЖК РФ). Реестр не указывает подъезды: ' +
      'проверьте эти условия сами',
    '4.6':
      'комплексное развитие территории: голосуют только собственники жилых помещений, кворум и решение ' +
      'считаются от их голосов; включение дома — не менее 2/3, исключение — не менее 1/3 их голосов ' +
      '(ч. 3.2 ст. 45, ч. 1.3 ст. 46 ЖК РФ). «Голос» считает 2/3 от всех голосов дома: если в доме есть ' +
      'нежилые помещения или вопрос об исключении, задайте правило вопроса вручную',
  },
  cites: {
    quorum: `ч. 3 ст. 45 ${HOUSING_CODE}`,
    defaultRule: `ч. 1 ст. 46 ${HOUSING_CODE}`,
    items: {
      ...cite(MKD_MORE_THAN_HALF_OF_ALL, (i) => `п. ${i} ч. 2 ст. 44, ч. 1 ст. 46 ${HOUSING_CODE}`),
      '4.5': `п. 4.5 ч. 2 ст. 44, ч. 1.2 ст. 46 ${HOUSING_CODE}`,
      '4.6': `п. 4.6 ч. 2 ст. 44, п. 1 ч. 1.3 ст. 46 ${HOUSING_CODE}`,
      ...cite(MKD_TWO_THIRDS_OF_ALL, (i) => `п. ${i} ч. 2 ст. 44, ч. 1 ст. 46 ${HOUSING_CODE}`),
      '36.3': `ч. 3 ст. 36 ${HOUSING_CODE}`,
    },
  },
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
  // An item whose rule the meeting changed no longer has the law's citation.
  const cites = profile.cites && {
    ...profile.cites,
    items: Object.fromEntries(
      Object.entries(profile.cites.items).filter(
        ([k]) => !items?.[k] && !(overrides.defaultRule && !profile.items[k]),
      ),
    ),
    ...(overrides.defaultRule ? { defaultRule: 'правило по умолчанию изменено для собрания' } : {}),
    ...(overrides.quorum ? { quorum: 'правило кворума изменено для собрания' } : {}),
  };
  return {
    ...profile,
    ...rest,
    id: profile.id,
    kind: profile.kind,
    items: { ...profile.items, ...(items ?? {}) },
    ...(cites ? { cites } : {}),
  };
}
