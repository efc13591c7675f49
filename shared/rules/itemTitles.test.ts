import { describeRule } from './describeRule';
import { itemLabel, profileItems } from './itemTitles';
import { mkd, snt } from './profiles';

describe('agenda categories of a rule profile', () => {
  it('offers every 217-ФЗ item the profile knows, in item order, with its rule', () => {
    const items = profileItems(snt);
    const keys = items.map((i) => i.item);
    expect(keys.slice(0, 10)).toEqual(['1', '2', '3', '4', '4.1', '5', '6', '6.1', '6.2', '7']);
    expect(keys.slice(-3)).toEqual(['25', '26', 'устав-2/3']);
    const charter = items.find((i) => i.item === 'устав-2/3')!;
    expect(charter.label).toBe('2/3 от общего числа членов товарищества (изменение устава или регламента)');
    expect(describeRule(charter.rule, 'snt')).toBe('не менее 2/3 голосов от общего числа членов');
    // Every item with a rule of its own and every remote-forbidden one is offered.
    for (const k of [...Object.keys(snt.items), ...snt.remoteForbidden]) expect(keys).toContain(k);
    expect(new Set(keys).size).toBe(keys.length);
    const fees = items.find((i) => i.item === '21')!;
    expect(fees.label).toBe('21 — размер и сроки внесения взносов, порядок расходования целевых взносов');
    expect(describeRule(fees.rule, 'snt')).toBe('2/3 голосов членов и садоводов, принявших участие');
    const admission = items.find((i) => i.item === '7')!;
    expect(describeRule(admission.rule, 'snt')).toBe(
      'большинство (более половины) голосов членов, принявших участие',
    );
  });

  it('item 25 reads as the law words it (both halves: the electronic means and the charter’s list of art. 8 part 2)', () => {
    expect(itemLabel('snt', '25')).toBe(
      '25 — возможность применять электронные или иные технические средства при принятии решений; вопросы ч. 2 ст. 8 в уставе',
    );
  });

  it('names an item without a known title by its number, never with a guessed one', () => {
    expect(itemLabel('snt', '24')).toBe('24 — пункт 24 ч. 1 ст. 17');
    expect(itemLabel('mkd', '1.3')).toBe('1.3 — пункт 1.3 ч. 2 ст. 44 ЖК РФ');
    expect(itemLabel('mkd', '3.8')).toBe('3.8 — пункт 3.8 ч. 2 ст. 44 ЖК РФ');
    expect(itemLabel('mkd', '4')).toBe('4 — выбор способа управления многоквартирным домом');
  });

  it('МКД items read as art. 44 part 2 words them (4.3 is the council chair, 4.4 the direct contracts)', () => {
    expect(itemLabel('mkd', '1.1')).toBe(
      '1.1 — способ формирования фонда капитального ремонта, лицо, открывающее специальный счёт',
    );
    expect(itemLabel('mkd', '3.1')).toBe(
      '3.1 — лица, уполномоченные заключать договоры об использовании общего имущества',
    );
    expect(itemLabel('mkd', '4.3')).toBe('4.3 — полномочия председателя совета дома');
    expect(itemLabel('mkd', '4.4')).toContain('прямые договоры собственников с ресурсоснабжающей');
    expect(itemLabel('mkd', '4.7')).toBe('4.7 — выбор управляющей организации');
    const rules = new Map(profileItems(mkd).map((i) => [i.item, describeRule(i.rule, 'mkd')]));
    expect(rules.get('4.5')).toBe('большинство (более половины) голосов собственников, принявших участие');
    expect(rules.get('4.6')).toBe('не менее 2/3 голосов от общего числа голосов собственников');
    expect(rules.get('4.4')).toBe('большинство (более половины) голосов собственников, принявших участие');
  });

  it('МКД items sort by number parts and carry the «all votes» bases', () => {
    const keys = profileItems(mkd).map((i) => i.item);
    expect(keys).toEqual([
      '1',
      '1.1',
      '1.1-1',
      '1.2',
      '1.3',
      '2',
      '2.1',
      '3',
      '3.1',
      '3.2',
      '3.3',
      '3.4',
      '3.5',
      '3.6',
      '3.7',
      '3.8',
      '4',
      '4.1',
      '4.2',
      '4.3',
      '4.4',
      '4.5',
      '4.6',
      '4.7',
      '36.3',
    ]);
    const reduction = profileItems(mkd).find((i) => i.item === '36.3')!;
    expect(describeRule(reduction.rule, 'mkd')).toBe('100% голосов от общего числа голосов собственников');
  });
});
