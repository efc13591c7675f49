import { meeting } from '../tally/tally.testkit';
import { agendaWarnings } from './agendaWarnings';
import { describeQuorum, describeResolvedRule, describeRule } from './describeRule';
import { mkd, profileFor, snt, withOverrides } from './profiles';
import { resolveRule } from './resolveRule';

describe('rule profiles', () => {
  it('snt: 2/3 on items 1-6, 10, 17, 21-24, 26; gardeners on 4-6.x, 21, 22, 24, 26; simple otherwise', () => {
    const twoThirds = Object.entries(snt.items)
      .filter(([, r]) => r.majority === 'two_thirds')
      .map(([k]) => k)
      .sort();
    expect(twoThirds).toEqual([
      '1',
      '10',
      '17',
      '2',
      '21',
      '22',
      '23',
      '24',
      '26',
      '3',
      '4',
      '5',
      '6',
      '6.1',
      '6.2',
      'устав-2/3',
    ]);
    expect(snt.items['устав-2/3']).toEqual({ majority: 'two_thirds', electorate: 'members', base: 'all' });
    const withGardeners = Object.entries(snt.items)
      .filter(([, r]) => r.electorate === 'members_and_gardeners')
      .map(([k]) => k)
      .sort();
    expect(withGardeners).toEqual(['21', '22', '24', '26', '4', '5', '6', '6.1', '6.2']);
    expect(snt.defaultRule).toEqual({ majority: 'simple', electorate: 'members' });
    expect(snt.quorum).toEqual({ counts: 'members' });
    expect(snt.weight).toBe('person');
    // ч. 22 ст. 17: items 1, 2, 4-6.1, 10, 17, 21-24 and 26 (6.2 and 25 are not on the list).
    expect(snt.remoteForbidden).toEqual([
      '1',
      '2',
      '4',
      '5',
      '6',
      '6.1',
      '10',
      '17',
      '21',
      '22',
      '23',
      '24',
      '26',
    ]);
    expect(snt.questionQuorum).toEqual({ forms: ['mixed', 'remote'], affectsDecision: true });
  });

  it('mkd: area-share weights, quorum of all votes, "all votes" majorities on the listed items', () => {
    expect(mkd.weight).toBe('area_share');
    expect(mkd.quorum).toEqual({ counts: 'everyone' });
    expect(mkd.items['4']).toEqual({ majority: 'simple', electorate: 'members', base: 'all' });
    expect(mkd.items['3.1']).toEqual({ majority: 'two_thirds', electorate: 'members', base: 'all' });
    expect(mkd.items['36.3']!.majority).toBe('unanimous');
    expect(profileFor('mkd')).toBe(mkd);
    expect(profileFor('snt')).toBe(snt);
  });

  it('resolves an explicit rule, then the item, then the default', () => {
    expect(resolveRule({ number: 1, text: '', item: '21' }, snt)).toEqual({
      rule: { majority: 'two_thirds', electorate: 'members_and_gardeners', base: 'participants' },
      source: 'item',
      item: '21',
    });
    expect(
      resolveRule(
        { number: 1, text: '', item: '21', rule: { majority: 'simple', electorate: 'members' } },
        snt,
      ),
    ).toEqual({
      rule: { majority: 'simple', electorate: 'members', base: 'participants' },
      source: 'explicit',
      item: '21',
    });
    expect(resolveRule({ number: 1, text: '', item: ' 7 ' }, snt)).toMatchObject({
      source: 'default',
      item: '7',
    });
    expect(resolveRule({ number: 1, text: '' }, snt)).toMatchObject({
      source: 'default',
      rule: { majority: 'simple' },
    });
  });

  it('applies per-meeting overrides item by item without changing the built-in profile', () => {
    const custom = withOverrides(snt, {
      items: { '7': { majority: 'two_thirds', electorate: 'members' } },
      quorum: { counts: 'everyone' },
    });
    expect(resolveRule({ number: 1, text: '', item: '7' }, custom).rule.majority).toBe('two_thirds');
    expect(resolveRule({ number: 1, text: '', item: '21' }, custom).rule.majority).toBe('two_thirds');
    expect(custom.quorum.counts).toBe('everyone');
    expect(snt.items['7']).toBeUndefined();
    expect(snt.quorum.counts).toBe('members');
    expect(withOverrides(snt, undefined)).toBe(snt);
  });

  it('describes rules in plain Russian', () => {
    expect(describeRule({ majority: 'two_thirds', electorate: 'members_and_gardeners' }, 'snt')).toBe(
      '2/3 голосов членов и садоводов, принявших участие',
    );
    expect(describeRule({ majority: 'simple', electorate: 'members' }, 'snt')).toBe(
      'большинство (более половины) голосов членов, принявших участие',
    );
    expect(describeRule({ majority: 'simple', electorate: 'members', base: 'all' }, 'mkd')).toBe(
      'более 50% голосов от общего числа голосов собственников',
    );
    expect(describeRule({ majority: 'two_thirds', electorate: 'members', base: 'all' }, 'mkd')).toBe(
      'не менее 2/3 голосов от общего числа голосов собственников',
    );
    expect(describeRule({ majority: 'unanimous', electorate: 'members', base: 'all' }, 'mkd')).toBe(
      '100% голосов от общего числа голосов собственников',
    );
    expect(describeResolvedRule(resolveRule({ number: 1, text: '', item: '2' }, snt), 'snt', snt)).toBe(
      '2/3 голосов членов, принявших участие (п. 2 ч. 1, ч. 2 ст. 17 Федерального закона № 217-ФЗ)',
    );
    expect(describeResolvedRule(resolveRule({ number: 1, text: '', item: '18' }, snt), 'snt', snt)).toBe(
      'большинство (более половины) голосов членов, принявших участие (п. 18 ч. 1, ч. 4 ст. 17 Федерального закона № 217-ФЗ)',
    );
    expect(describeResolvedRule(resolveRule({ number: 1, text: '' }, mkd), 'mkd', mkd)).toBe(
      'большинство (более половины) голосов собственников, принявших участие (ч. 1 ст. 46 ЖК РФ)',
    );
    const changed = withOverrides(snt, { items: { '2': { majority: 'simple', electorate: 'members' } } });
    expect(
      describeResolvedRule(resolveRule({ number: 1, text: '', item: '2' }, changed), 'snt', changed),
    ).toBe('большинство (более половины) голосов членов, принявших участие (пункт 2, 217-ФЗ, ст. 17)');
    expect(describeQuorum(snt)).toContain('садоводы без членства не учитываются');
    expect(describeQuorum(mkd)).toBe(
      'собственники, обладающие более чем 50% голосов от общего числа голосов (ч. 3 ст. 45 ЖК РФ)',
    );
  });

  it('mkd: 4.5 by a majority of those taking part (art. 46 part 1.2), 4.6 by 2/3 of all (part 1.3), no quorum exception', () => {
    expect(mkd.items['4.5']).toEqual({ majority: 'simple', electorate: 'members', base: 'participants' });
    expect(mkd.items['4.6']).toEqual({ majority: 'two_thirds', electorate: 'members', base: 'all' });
    expect(mkd.items['4.7']).toEqual({ majority: 'simple', electorate: 'members', base: 'all' });
    // Art. 45 part 3 has its own quorum only for 4.5 and 4.6, whose conditions the registry cannot show.
    expect(mkd.quorumExceptions).toBeUndefined();
    expect(mkd.cites!.items['4.5']).toBe('п. 4.5 ч. 2 ст. 44, ч. 1.2 ст. 46 ЖК РФ');
    expect(mkd.cites!.items['4.6']).toBe('п. 4.6 ч. 2 ст. 44, п. 1 ч. 1.3 ст. 46 ЖК РФ');
  });

  it('warns in every form about the conditions of items 4.5 and 4.6 the registry cannot show', () => {
    const questions = [
      { number: 1, text: 'Перевод квартиры 5 в нежилое', item: '4.5' },
      { number: 2, text: 'КРТ', item: ' 4.6 ' },
      { number: 3, text: 'Управляющая организация', item: '4.7' },
    ];
    for (const form of ['in_person', 'mixed', 'remote'] as const) {
      const w = agendaWarnings(meeting(questions, { kind: 'mkd', form }), mkd);
      expect(w.map((p) => [p.code, p.field, p.severity])).toEqual([
        ['item_condition', 'Вопрос 1', 'warning'],
        ['item_condition', 'Вопрос 2', 'warning'],
      ]);
      expect(w[0]!.message).toContain('больше одного подъезда');
      expect(w[0]!.message).toContain('ч. 3 ст. 45, ч. 1.2 ст. 46 ЖК РФ');
      expect(w[1]!.message).toContain('только собственники жилых помещений');
      expect(w[1]!.message).toContain('исключение — не менее 1/3');
    }
    expect(agendaWarnings(meeting(questions, { kind: 'snt', form: 'mixed' }), snt)).toEqual([]);
  });

  it('warns about items not allowed in the remote form, only for a remote meeting', () => {
    const questions = [
      { number: 1, text: 'Смета', item: '17' },
      { number: 2, text: 'Приём в члены', item: '7' },
    ];
    const remote = agendaWarnings(meeting(questions, { form: 'remote' }), snt);
    expect(remote).toHaveLength(1);
    expect(remote[0]).toMatchObject({ severity: 'warning', code: 'remote_forbidden', field: 'Вопрос 1' });
    expect(remote[0]!.message).toContain('пункт 17');
    expect(agendaWarnings(meeting(questions, { form: 'mixed' }), snt)).toEqual([]);
  });
});
