/**
 * Agenda categories a question can be given: the items of the law a rule profile follows, with a short
 * Russian title, as data (docs/domain.md). The title only helps the secretary pick the item; the rule
 * comes from the profile (`resolveRule`). Only titles checked against the law's text are listed; an item
 * without one is offered by number («пункт 24 ч. 1 ст. 17»), never with a guessed title (docs/domain.md
 * lists the items whose wording is still to be checked).
 */
import type { PartnershipKind, Rule } from '../domain/types';
import type { RuleProfile } from './profile';
import { SNT_ALL_MEMBERS_TWO_THIRDS } from './profiles';
import { resolveRule } from './resolveRule';

/** 217-ФЗ art. 17 part 1 (exclusive competence of the general meeting), short titles. */
const SNT_ITEM_TITLES: Record<string, string> = {
  '1': 'изменение устава товарищества',
  '2': 'избрание органов товарищества, ревизионной комиссии, досрочное прекращение их полномочий',
  '3': 'условия оплаты труда председателя, членов правления, ревизионной комиссии',
  '4': 'приобретение товариществом земельных участков из государственной или муниципальной собственности',
  '4.1': 'обращение за государственной регистрацией прав и кадастровым учётом имущества общего пользования',
  '5': 'создание (реконструкция) или приобретение имущества общего пользования и порядок его использования',
  '6': 'передача имущества общего пользования в общую долевую собственность собственников участков',
  '7': 'приём в члены товарищества, исключение из членов',
  '8': 'открытие и закрытие банковских счетов товарищества',
  '9': 'одобрение проекта планировки и (или) проекта межевания территории',
  '10': 'распределение образованных земельных участков между членами товарищества',
  '11': 'утверждение отчётов ревизионной комиссии (ревизора)',
  '12': 'утверждение положения об оплате труда',
  '13': 'вступление в ассоциации (союзы) товариществ и выход из них',
  '14': 'договор с аудиторской организацией (аудитором)',
  '15': 'порядок ведения общего собрания, деятельности председателя, правления, ревизионной комиссии',
  '16': 'жалобы на решения и действия органов товарищества',
  '17': 'утверждение приходно-расходной сметы и решение о её исполнении',
  '18': 'утверждение отчётов правления и председателя',
  '19': 'порядок рассмотрения заявлений (обращений, жалоб) членов товарищества',
  '20': 'избрание председательствующего на общем собрании',
  '21': 'размер и сроки внесения взносов, порядок расходования целевых взносов',
  '22': 'финансово-экономическое обоснование размера взносов и платы',
  '25': 'возможность применять электронные или иные технические средства при принятии решений; вопросы ч. 2 ст. 8 в уставе',
  [SNT_ALL_MEMBERS_TWO_THIRDS]: '2/3 от общего числа членов товарищества (изменение устава или регламента)',
};

/**
 * Housing Code art. 44 part 2 (and art. 36 part 3), short titles in our words of the law's wording as
 * published on pravo.gov.ru with changes up to 04.08.2023 (docs/domain.md). Items 1.3 and 3.8, added
 * later, are offered by number until their wording is checked.
 */
const MKD_ITEM_TITLES: Record<string, string> = {
  '1': 'реконструкция дома, строительство построек, капитальный ремонт общего имущества',
  '1.1': 'способ формирования фонда капитального ремонта, лицо, открывающее специальный счёт',
  '1.1-1': 'взнос на капитальный ремонт выше минимального, размещение средств специального счёта на депозите',
  '1.2': 'получение кредита или займа на капитальный ремонт',
  '2': 'пределы использования земельного участка, на котором расположен дом',
  '2.1': 'благоустройство земельного участка дома',
  '3': 'пользование общим имуществом иными лицами',
  '3.1': 'лица, уполномоченные заключать договоры об использовании общего имущества',
  '3.2': 'использование ГИС ЖКХ или региональной системы при заочном голосовании',
  '3.3': 'администратор общего собрания',
  '3.4': 'порядок приёма сообщений и решений администратором, продолжительность голосования в системе',
  '3.5': 'порядок финансирования расходов на созыв собрания управляющей организацией или правлением',
  '3.6': 'лицо, подающее заявление о кадастровом учёте и регистрации прав на общее имущество',
  '3.7': 'порядок приёма письменных решений при заочном голосовании опросным путём',
  '4': 'выбор способа управления многоквартирным домом',
  '4.1': 'текущий ремонт общего имущества',
  '4.2': 'полномочия совета дома принимать решения о текущем ремонте',
  '4.3': 'полномочия председателя совета дома',
  '4.4': 'прямые договоры собственников с ресурсоснабжающей организацией и региональным оператором по ТКО',
  '4.5': 'согласие на перевод жилого помещения в нежилое',
  '4.6': 'включение дома в границы комплексного развития территории или исключение из них',
  '4.7': 'выбор управляющей организации',
  '36.3': 'уменьшение размера общего имущества (ст. 36 ч. 3)',
};

export interface ProfileItem {
  /** The item as stored in `Question.item`, e.g. `21`, `6.1`, `36.3`. */
  item: string;
  /** `21 — размер и сроки внесения взносов, …` or `23 — пункт 23 ч. 1 ст. 17` without a known title. */
  label: string;
  /** The rule the profile gives the item (the default rule where it lists none). */
  rule: Required<Rule>;
}

function itemTitles(kind: PartnershipKind): Record<string, string> {
  return kind === 'mkd' ? MKD_ITEM_TITLES : SNT_ITEM_TITLES;
}

/** `6.1` < `10` < `36.3`; `1.1-1` after `1.1`. */
function compareItems(a: string, b: string): number {
  // Items that are not numbers of the law (the charter's own choice) go last.
  const na = /^\d/.test(a);
  const nb = /^\d/.test(b);
  if (na !== nb) return na ? -1 : 1;
  if (!na) return a.localeCompare(b);
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return a.localeCompare(b);
}

function unnamedItem(kind: PartnershipKind, item: string): string {
  if (kind === 'mkd') return item === '36.3' ? 'ст. 36 ч. 3 ЖК РФ' : `пункт ${item} ч. 2 ст. 44 ЖК РФ`;
  return `пункт ${item} ч. 1 ст. 17`;
}

/** The label of one item, also for an item the profile does not list. */
export function itemLabel(kind: PartnershipKind, item: string): string {
  if (item === SNT_ALL_MEMBERS_TWO_THIRDS && kind === 'snt') return SNT_ITEM_TITLES[item]!;
  const title = itemTitles(kind)[item] ?? unnamedItem(kind, item);
  return `${item} — ${title}`;
}

/**
 * Every item a question can be given under the profile: the titled items of its law, the items the
 * profile gives a rule of their own, and those forbidden in the remote form; in item order.
 */
export function profileItems(profile: RuleProfile): ProfileItem[] {
  const items = new Set([
    ...Object.keys(itemTitles(profile.kind)),
    ...Object.keys(profile.items),
    ...profile.remoteForbidden,
  ]);
  return [...items].sort(compareItems).map((item) => ({
    item,
    label: itemLabel(profile.kind, item),
    rule: resolveRule({ number: 0, text: '', item }, profile).rule,
  }));
}
