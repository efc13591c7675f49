import { describe, expect, it } from 'vitest';
import { fromInt, rational, toDecimal } from '../arith/rational';
import type { Person } from '../domain/types';
import { ballot, meeting, person, persons } from '../tally/tally.testkit';
import { liveResults, scanFigures, threshold } from './liveResults';

const Q3 = [
  { number: 1, text: 'Отчёт правления' },
  { number: 2, text: 'Смета', item: '21' },
  { number: 3, text: 'Устав', rule: { majority: 'unanimous' as const, electorate: 'members' as const } },
];

describe('threshold', () => {
  it('whole votes: more than 3.5 and more than 3 are "at least 4"; at least 14/3 is "at least 5"', () => {
    expect(threshold(rational(7n, 2n), true, fromInt(3), true)).toMatchObject({
      votes: 4,
      reached: false,
      missing: fromInt(1),
      text: 'нужно не менее 4 (не хватает 1)',
    });
    expect(threshold(fromInt(3), true, fromInt(4), true)).toMatchObject({
      votes: 4,
      reached: true,
      text: 'нужно не менее 4 (набрано)',
    });
    expect(threshold(rational(14n, 3n), false, fromInt(5), true)).toMatchObject({ votes: 5, reached: true });
    expect(threshold(rational(14n, 3n), false, fromInt(4), true)).toMatchObject({ votes: 5, reached: false });
  });

  it('weights: strictly more than half is not reached by exactly half', () => {
    const half = rational(12345n, 200n); // 61.725
    const t = threshold(half, true, half, false);
    expect(t.reached).toBe(false);
    expect(t.text).toBe('нужно более 61,73 (сейчас 61,73)');
    expect(threshold(half, true, rational(12346n, 200n), false).reached).toBe(true);
  });

  it('weights of thousands of m² read as areas do: «нужно более 4 471,05 (сейчас 2 945,85)»', () => {
    const t = threshold(rational(447105n, 100n), true, rational(294585n, 100n), false);
    expect(t.text).toBe('нужно более 4\u00a0471,05 (сейчас 2\u00a0945,85)');
    const reached = threshold(rational(447105n, 100n), true, rational(894210n, 100n), false);
    expect(reached.text).toBe('нужно более 4\u00a0471,05 (набрано)');
    // Whole votes stay counts: grouped from 10 000 only.
    expect(threshold(fromInt(1234), false, fromInt(1000), true).text).toBe(
      'нужно не менее 1234 (не хватает 234)',
    );
  });
});

describe('liveResults', () => {
  const registry = [...persons(10), ...persons(2, 'gardener', 11)];
  const spec = meeting(Q3);
  const all = { 1: 'for', 2: 'for', 3: 'for' } as const;
  const ballots = [
    ...[1, 2, 3, 4].map((i) => ballot(`p${i}`, all)),
    ...[5, 6, 7].map((i) =>
      ballot(`p${i}`, { 1: 'against', 2: 'for', 3: 'abstain' }, { channel: 'in_person' }),
    ),
    ballot('p11', { 1: 'for', 2: 'against' }),
  ];

  it('per question for/against/abstain/invalid, the rule threshold and the quorum progress', () => {
    const live = liveResults({ registry, meeting: spec, ballots });
    expect(live.ballots).toBe(8);
    expect(live.quorum).toMatchObject({ reached: true, present: fromInt(7), total: fromInt(10) });
    expect(live.quorum.needed).toMatchObject({ votes: 6, reached: true });
    const [q1, q2, q3] = live.questions;
    // Simple majority of the 7 members taking part: at least 4.
    expect(q1!.counts).toMatchObject({ for: 4, against: 3, abstain: 0, invalid: 0 });
    expect(q1!.needed).toMatchObject({ votes: 4, reached: true });
    expect(q1!.decision).toBe('adopted');
    // Item 21: 2/3 of members and gardeners taking part (8): at least 6; the gardener's «против» counts.
    expect(q2!.counts).toMatchObject({ for: 7, against: 1 });
    expect(q2!.needed).toMatchObject({ votes: 6, reached: true });
    // Unanimous: every one of the 7.
    expect(q3!.needed).toMatchObject({ votes: 7, reached: false, missing: fromInt(3) });
    expect(q3!.decision).toBe('rejected');
  });

  it('filters by channel before counting', () => {
    const paper = liveResults({ registry, meeting: spec, ballots }, ['paper']);
    expect(paper.ballots).toBe(5);
    expect(paper.participants.byChannel).toEqual({ gosuslugi: 0, paper: 5, in_person: 0 });
    expect(paper.quorum.reached).toBe(false);
    expect(paper.quorum.needed).toMatchObject({
      votes: 6,
      missing: fromInt(2),
      text: 'нужно не менее 6 (не хватает 2)',
    });
    expect(paper.questions[0]!.decision).toBe('no_quorum');
    const inPerson = liveResults({ registry, meeting: spec, ballots }, ['in_person']);
    expect(inPerson.questions[0]!.counts.against).toBe(3);
    expect(liveResults({ registry, meeting: spec, ballots }, []).ballots).toBe(8);
  });

  it('an apartment building counts area shares exactly', () => {
    const owners: Person[] = [
      person('o1', 'owner', { holdings: [{ plotNumber: '1', area: '50.50' }] }),
      person('o2', 'owner', { holdings: [{ plotNumber: '2', area: '40.25' }] }),
      person('o3', 'owner', { holdings: [{ plotNumber: '3', area: '30.00', share: '1/3' }] }),
    ];
    const m = meeting([{ number: 1, text: 'Выбор управляющей организации' }], { kind: 'mkd' });
    const live = liveResults({
      registry: owners,
      meeting: m,
      ballots: [ballot('o1', 'for'), ballot('o3', 'against')],
    });
    expect(live.wholeVotes).toBe(false);
    expect(toDecimal(live.quorum.present)).toBe('60.50');
    expect(toDecimal(live.quorum.total)).toBe('100.75');
    expect(live.quorum.needed.text).toBe('нужно более 50,38 (набрано)');
    expect(live.questions[0]!.needed).toMatchObject({
      strict: true,
      reached: true,
      value: rational(121n, 4n),
    });
  });
});

describe('scanFigures', () => {
  it('gives the figures without and with provisionally counted scans', () => {
    const registry = persons(4);
    const m = meeting([{ number: 1, text: 'Вопрос' }]);
    const ballots = [
      ballot('p1', 'for'),
      ballot('p2', 'for'),
      ballot('p3', 'for', { copy: 'scan', delivery: 'email' }),
      // a scan whose original arrived: one ballot either way
      ballot('p4', 'against', { copy: 'scan', delivery: 'email' }),
      ballot('p4', 'against', { delivery: 'mail' }),
    ];
    const { originalsOnly, withScans } = scanFigures({ registry, meeting: m, ballots });
    expect(originalsOnly.participants.persons).toBe(3);
    expect(withScans.participants.persons).toBe(4);
    expect(originalsOnly.questions[0]!.counts.for).toBe(2);
    expect(withScans.questions[0]!.counts.for).toBe(3);
    expect(withScans.questions[0]!.counts.against).toBe(1);
  });
});
