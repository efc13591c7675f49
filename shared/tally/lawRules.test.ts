/**
 * The rules of issue 11 on both sides of each edge, with hand-worked figures (not computed by the product):
 * the building's area as all owners' votes, the art. 45 part 3 quorum exception, the per-question
 * participation of СНТ members, the remote-only exceptions, paper ballots until the in-person part,
 * paper ballots whose details name no one or someone else, and a commission's resolution by mark.
 */
import { toDecimal } from '../arith/rational';
import type { Question } from '../domain/types';
import { agendaWarnings } from '../rules/agendaWarnings';
import { mkd, snt } from '../rules/profiles';
import { rejectText } from './explain';
import { tally } from './tally';
import { ballot, meeting, person, persons, votes } from './tally.testkit';

/** Owners p1..pn of one premises each, with the given areas. */
function owners(areas: string[]) {
  return areas.map((area, i) =>
    person(`p${i + 1}`, 'owner', { holdings: [{ plotNumber: `${i + 1}`, area }] }),
  );
}

const mkdMeeting = (questions: Question[], buildingArea?: string) =>
  meeting(questions, { kind: 'mkd', form: 'remote', ...(buildingArea ? { buildingArea } : {}) });

describe('МКД: the building area is all owners’ votes (Housing Code art. 45 part 3, art. 46 part 1)', () => {
  // Registry 30 + 30 + 30 + 10 = 100 m²; the three 30 m² owners take part (90 m²).
  const registry = owners(['30', '30', '30', '10']);
  const q4: Question[] = [{ number: 1, text: 'Способ управления', item: '4' }];
  const q1: Question[] = [{ number: 1, text: 'Капремонт', item: '1' }];
  const twoFor = [ballot('p1', 'for'), ballot('p2', 'for'), ballot('p3', 'against')];
  const allFor = [ballot('p1', 'for'), ballot('p2', 'for'), ballot('p3', 'for')];

  it.each([
    ['180', false], // 90 of 180 is exactly half: no quorum
    ['179.99', true], // 90 of 179.99 is more than half
    ['200', false],
  ])('quorum: 90 m² took part of a building of %s m² -> %s', (area, reached) => {
    const r = tally({ registry, meeting: mkdMeeting(q4, area), ballots: allFor });
    expect(r.quorum.reached).toBe(reached);
    expect(toDecimal(r.registry.weightTotal, 2)).toBe(Number(area).toFixed(2));
    if (!reached) expect(r.questions[0]!.decision).toBe('no_quorum');
  });

  it('without the area the registry sum is all votes; with it, the registry sum is reported and warned', () => {
    const plain = tally({ registry, meeting: mkdMeeting(q4), ballots: allFor });
    expect(plain.questions[0]!.base).toEqual({ n: 100n, d: 1n });
    expect(plain.registry.registryWeight).toBeUndefined();
    const set = tally({ registry, meeting: mkdMeeting(q4, '150'), ballots: allFor });
    expect(set.questions[0]!.base).toEqual({ n: 150n, d: 1n });
    expect(set.registry.registryWeight).toEqual({ n: 100n, d: 1n });
    expect(set.problems.map((p) => p.code)).toContain('building_area_differs');
    expect(set.problems.find((p) => p.code === 'building_area_differs')!.message).toContain(
      'Сумма площадей в реестре (100,00 м²) отличается от общей площади помещений дома (150,00 м²)',
    );
    const same = tally({ registry, meeting: mkdMeeting(q4, '100.00'), ballots: allFor });
    expect(same.problems.map((p) => p.code)).not.toContain('building_area_differs');
  });

  it.each([
    ['120', 'rejected'], // 60 for of 120 is exactly half of all votes: not more than half
    ['119.99', 'adopted'],
  ])('item 4, more than half of all votes: 60 m² for, building %s m² -> %s', (area, decision) => {
    const r = tally({ registry, meeting: mkdMeeting(q4, area), ballots: twoFor });
    expect(r.quorum.reached).toBe(true);
    expect(r.questions[0]!.decision).toBe(decision);
  });

  it.each([
    ['135', 'adopted'], // 90 for of 135 is exactly two thirds: at least 2/3
    ['135.01', 'rejected'],
  ])('item 1, 2/3 of all votes: 90 m² for, building %s m² -> %s', (area, decision) => {
    const r = tally({ registry, meeting: mkdMeeting(q1, area), ballots: allFor });
    expect(r.questions[0]!.decision).toBe(decision);
  });

  it('items 1.3 and 3.8 need 2/3 of all votes (art. 46 part 1 from 01.09.2024)', () => {
    for (const item of ['1.3', '3.8']) {
      expect(mkd.items[item]).toEqual({ majority: 'two_thirds', electorate: 'members', base: 'all' });
      // 90 of 100 took part, 60 for: a simple majority of participants, but less than 2/3 of all (66.67).
      const r = tally({ registry, meeting: mkdMeeting([{ number: 1, text: 'В', item }]), ballots: twoFor });
      expect(r.questions[0]!.decision).toBe('rejected');
      expect(r.questions[0]!.ruleText).toBe(
        `не менее 2/3 голосов от общего числа голосов собственников (п. ${item} ч. 2 ст. 44, ч. 1 ст. 46 ЖК РФ)`,
      );
    }
  });

  it('item 4.7 (управляющая организация) needs the meeting quorum: 30 of 90 m² is no quorum', () => {
    const three = owners(['30', '30', '30']);
    const q47: Question[] = [{ number: 1, text: 'В', item: '4.7' }];
    const third = tally({ registry: three, meeting: mkdMeeting(q47), ballots: [ballot('p1', 'for')] });
    expect(third.quorum.reached).toBe(false);
    expect(third.questions[0]!.quorumException).toBeUndefined();
    expect(third.questions[0]!.decision).toBe('no_quorum');
    // 60 of 90 took part, 45.01 needed: 60 for is more than half of all votes; 30 for of 60 is not.
    const two = [ballot('p1', 'for'), ballot('p2', 'for')];
    expect(tally({ registry: three, meeting: mkdMeeting(q47), ballots: two }).questions[0]!.decision).toBe(
      'adopted',
    );
    const split = [ballot('p1', 'for'), ballot('p2', 'against')];
    expect(tally({ registry: three, meeting: mkdMeeting(q47), ballots: split }).questions[0]!.decision).toBe(
      'rejected',
    );
  });

  it('a profile may give an item a quorum of its own: at least the share of all votes took part', () => {
    const three = owners(['30', '30', '30']);
    const own = { ...mkd, quorumExceptions: { '9.9': { share: [1, 3] as [number, number], cite: 'устав' } } };
    const q: Question[] = [{ number: 1, text: 'В', item: '9.9' }];
    // 30 of 90 is exactly one third: not a meeting quorum, but the item's own quorum is reached.
    const at = tally({
      registry: three,
      meeting: mkdMeeting(q),
      ballots: [ballot('p1', 'for')],
      profile: own,
    });
    expect(at.quorum.reached).toBe(false);
    expect(at.questions[0]!.quorumException).toEqual({ share: [1, 3], reached: true, cite: 'устав' });
    expect(at.questions[0]!.decision).toBe('adopted'); // 30 for of 30 taking part
    const below = tally({
      registry: three,
      meeting: mkdMeeting(q, '90.01'),
      ballots: [ballot('p1', 'for')],
      profile: own,
    });
    expect(below.questions[0]!.quorumException!.reached).toBe(false);
    expect(below.questions[0]!.decision).toBe('no_quorum');
  });

  it('item 4.5 (перевод в нежилое): a majority of the votes of those taking part (art. 46 part 1.2)', () => {
    // 90 of 100 m² took part; 45 for is exactly half of 90: not a majority; 45.01 for is.
    const q45: Question[] = [{ number: 1, text: 'В', item: '4.5' }];
    const half = tally({
      registry: owners(['45', '45', '10']),
      meeting: mkdMeeting(q45),
      ballots: [ballot('p1', 'for'), ballot('p2', 'against')],
    });
    expect(half.quorum.reached).toBe(true);
    expect(half.questions[0]!.decision).toBe('rejected');
    const more = tally({
      registry: owners(['45.01', '44.99', '10']),
      meeting: mkdMeeting(q45),
      ballots: [ballot('p1', 'for'), ballot('p2', 'against')],
    });
    // 45.01 of 90 taking part: adopted, though less than half of all 100 m².
    expect(more.questions[0]!.decision).toBe('adopted');
    expect(more.questions[0]!.ruleText).toBe(
      'большинство (более половины) голосов собственников, принявших участие (п. 4.5 ч. 2 ст. 44, ч. 1.2 ст. 46 ЖК РФ)',
    );
  });

  it('item 4.6 (комплексное развитие): at least 2/3 of all votes (art. 46 part 1.3 item 1)', () => {
    const q46: Question[] = [{ number: 1, text: 'В', item: '4.6' }];
    const reg = owners(['60', '30']);
    const ballots = [ballot('p1', 'for'), ballot('p2', 'against')];
    // 60 for of a 90 m² building is exactly two thirds: adopted; of 90.01 m² it is less.
    expect(tally({ registry: reg, meeting: mkdMeeting(q46, '90'), ballots }).questions[0]!.decision).toBe(
      'adopted',
    );
    expect(tally({ registry: reg, meeting: mkdMeeting(q46, '90.01'), ballots }).questions[0]!.decision).toBe(
      'rejected',
    );
  });
});

describe('СНТ: per-question participation decides in the mixed and remote forms (2024 amendment)', () => {
  const registry = persons(10);
  const simple: Question[] = [{ number: 1, text: 'В', rule: { majority: 'simple', electorate: 'members' } }];
  it.each([
    [5, 'no_quorum'], // 5 of 10 members voted on it: exactly half, not more
    [6, 'adopted'],
  ])('%s of 10 members voted on the question (7 took part) -> %s', (voted, decision) => {
    const ballots = [...votes('for', voted, 1)];
    for (let i = voted + 1; i <= 7; i++) ballots.push(ballot(`p${i}`, 'none'));
    const r = tally({ registry, meeting: meeting(simple), ballots });
    expect(r.quorum.reached).toBe(true);
    expect(r.questions[0]!.questionQuorum).toMatchObject({ voted, total: 10, affectsDecision: true });
    expect(r.questions[0]!.decision).toBe(decision);
  });

  it('a gardener’s vote does not count toward it', () => {
    const reg = [...persons(10), person('g1', 'gardener')];
    const q: Question[] = [{ number: 1, text: 'Взносы', item: '21' }];
    const ballots = [...votes('for', 5, 1), ballot('g1', 'for'), ballot('p6', 'none')];
    const r = tally({ registry: reg, meeting: meeting(q), ballots });
    expect(r.questions[0]!.questionQuorum.voted).toBe(5);
    expect(r.questions[0]!.decision).toBe('no_quorum');
  });

  it('«2/3 от общего числа членов»: 2/3 of every member in the registry, not of those taking part', () => {
    const q: Question[] = [{ number: 1, text: 'Регламент', item: 'устав-2/3' }];
    const reg = persons(9);
    // 9 members, all take part; 6 for is exactly 2/3 of 9; 5 for is not.
    const six = [...votes('for', 6, 1), ...votes('against', 3, 7)];
    const five = [...votes('for', 5, 1), ...votes('against', 4, 6)];
    expect(tally({ registry: reg, meeting: meeting(q), ballots: six }).questions[0]!.decision).toBe(
      'adopted',
    );
    expect(tally({ registry: reg, meeting: meeting(q), ballots: five }).questions[0]!.decision).toBe(
      'rejected',
    );
    // 7 of 9 take part, all 6 for besides one against: 6 of 9 all members is still exactly 2/3.
    const r = tally({
      registry: reg,
      meeting: meeting(q),
      ballots: [...votes('for', 6, 1), ballot('p7', 'against')],
    });
    expect(r.questions[0]!.base).toEqual({ n: 9n, d: 1n });
    expect(r.questions[0]!.decision).toBe('adopted');
  });
});

describe('СНТ: remote-only prohibition and its exceptions (217-ФЗ art. 17 part 22, art. 17.1)', () => {
  const questions: Question[] = [
    { number: 1, text: 'Устав', item: '1' },
    { number: 2, text: 'Имущество', item: '6.1' },
    { number: 3, text: 'Участки', item: '24' },
    { number: 4, text: 'Плата', item: '26' },
    { number: 5, text: 'Приём в члены', item: '7' },
  ];
  it('warns on 1, 6.1, 24, 26 naming the exceptions; not on 7', () => {
    const w = agendaWarnings(meeting(questions, { form: 'remote' }), snt);
    expect(w.map((p) => p.field)).toEqual(['Вопрос 1', 'Вопрос 2', 'Вопрос 3', 'Вопрос 4']);
    expect(w[0]!.message).toContain('ч. 22 ст. 17 Федерального закона № 217-ФЗ');
    expect(w[0]!.message).toContain('режим повышенной готовности или чрезвычайной ситуации');
    expect(w[0]!.message).toContain('устав предусматривает голосование с применением электронных средств');
    const r = tally({ registry: persons(3), meeting: meeting(questions, { form: 'remote' }), ballots: [] });
    expect(r.questions.map((q) => q.remoteForbidden)).toEqual([true, true, true, true, false]);
  });

  it.each([
    [{ charterAllowsElectronic: true }, 'electronic', 'постановление Правительства РФ № 104 от 04.02.2025'],
    [{ emergencyRegime: true }, 'emergency', 'режим повышенной готовности'],
  ] as const)(
    'with %o the item is allowed and the warning names the exception',
    (setting, exception, text) => {
      const m = meeting(questions, { form: 'remote', ...setting });
      const w = agendaWarnings(m, snt);
      expect(w.map((p) => p.code)).toEqual(Array(4).fill('remote_exception'));
      expect(w[0]!.message).toContain(text);
      const r = tally({ registry: persons(3), meeting: m, ballots: [] });
      expect(r.questions.map((q) => [q.remoteForbidden, q.remoteException])).toEqual([
        [false, exception],
        [false, exception],
        [false, exception],
        [false, exception],
        [false, null],
      ]);
    },
  );
});

describe('paper ballots count until the end of voting, or (a setting) until the in-person part', () => {
  const registry = persons(3);
  const q: Question[] = [{ number: 1, text: 'В' }];
  const ballots = [
    ballot('p1', 'for', { id: 'on-session', receivedAt: '2026-06-07' }),
    ballot('p2', 'for', { id: 'after-session', receivedAt: '2026-06-08' }),
    ballot('p3', 'for', { id: 'in-person', receivedAt: '2026-06-08', channel: 'in_person' }),
  ];
  it('default votingEnd: all three count', () => {
    const r = tally({ registry, meeting: meeting(q, { sessionDate: '2026-06-07' }), ballots });
    expect(r.ballots.map((b) => b.status)).toEqual(['accepted', 'accepted', 'accepted']);
  });
  it('session: a paper ballot received after the in-person day is rejected with the reason', () => {
    const m = meeting(q, { sessionDate: '2026-06-07', paperUntil: 'session' });
    const r = tally({ registry, meeting: m, ballots });
    expect(r.ballots.map((b) => [b.ballotId, b.status, b.reasons])).toEqual([
      ['on-session', 'accepted', []],
      ['after-session', 'rejected', ['after_session']],
      ['in-person', 'accepted', []],
    ]);
    expect(rejectText(r.ballots[1]!, m)).toBe(
      'получен 08.06.2026, после очной части (07.06.2026): по уставу бумажные бюллетени принимаются до её начала',
    );
  });
});

describe('a paper ballot is never matched by name when its other details point elsewhere', () => {
  const registry = [
    person('p1', 'member', { fullName: 'Иванов Иван Иванович' }),
    person('p2', 'member', { fullName: 'Петров Пётр Петрович' }),
  ];
  const q: Question[] = [{ number: 1, text: 'В' }];
  const run = (voter: object, channel: 'paper' | 'gosuslugi' = 'paper') =>
    tally({ registry, meeting: meeting(q), ballots: [ballot('', 'for', { voter, channel })] }).ballots[0]!;

  it('a СНИЛС that names no one: rejected with the СНИЛС in the reason', () => {
    const b = run({ snils: '99999999999', fullName: 'Иванов Иван Иванович' });
    expect([b.status, b.reasons, b.personId]).toEqual(['rejected', ['snils_not_found'], undefined]);
    expect(rejectText(b, meeting(q))).toBe(
      'СНИЛС ***-***-999 99 не найден в реестре; по ФИО бюллетень не сопоставляется',
    );
  });
  it('a plot number that names no one: rejected', () => {
    expect(run({ plotNumber: '77', fullName: 'Иванов Иван Иванович' }).reasons).toEqual(['plot_not_found']);
  });
  it('a СНИЛС of another person than the name: rejected, not counted for either', () => {
    const b = run({ snils: '00000000002', fullName: 'Иванов Иван Иванович' });
    expect([b.status, b.reasons]).toEqual(['rejected', ['identity_mismatch']]);
  });
  it('the details agree, or the name names no one (a misspelling): counted for the СНИЛС’s person', () => {
    expect(run({ snils: '00000000001', plotNumber: '1', fullName: 'Иванов Иван Иванович' })).toMatchObject({
      status: 'accepted',
      personId: 'p1',
    });
    expect(run({ snils: '00000000001', fullName: 'Иваноф Иван' })).toMatchObject({
      status: 'accepted',
      personId: 'p1',
    });
  });
  it('an electronic row is matched as the import matched it', () => {
    expect(run({ fullName: 'Петров Пётр Петрович' }, 'gosuslugi')).toMatchObject({
      status: 'accepted',
      personId: 'p2',
      matchedBy: 'name',
    });
  });
});

describe('a commission resolution may name the mark that stands (meeting.json)', () => {
  it('the ballot with that mark counts; «не учитывать» leaves the vote uncounted', () => {
    const registry = persons(1);
    const q: Question[] = [{ number: 1, text: 'В' }];
    const ballots = [
      ballot('p1', 'for', { id: 'paper', receivedAt: '2026-06-05' }),
      ballot('p1', 'against', { id: 'online', channel: 'gosuslugi', receivedAt: '2026-06-06' }),
    ];
    const byMark = tally({
      registry,
      meeting: meeting(q),
      ballots,
      resolutions: [{ personId: 'p1', question: 1, ballotId: null, mark: 'against' }],
    });
    expect(byMark.conflicts[0]).toMatchObject({
      resolution: 'resolved',
      counted: 'against',
      countedBallotId: 'online',
    });
    const none = tally({
      registry,
      meeting: meeting(q),
      ballots,
      resolutions: [{ personId: 'p1', question: 1, ballotId: null }],
    });
    expect(none.conflicts[0]).toMatchObject({ resolution: 'resolved', counted: null });
  });
});
