import { describe, expect, it } from 'vitest';
import { fromInt, rational, toFraction } from '../arith/rational';
import type { Mark, Rule } from '../domain/types';
import { disputeText, flipAmount, marginText, questionMargins } from './margin';
import { tally } from './tally';
import { ballot, meeting, person, persons } from './tally.testkit';

const simple: Rule = { majority: 'simple', electorate: 'members' };
const twoThirds: Rule = { majority: 'two_thirds', electorate: 'members' };

/** 12 members; `marks` of p1..pN on question 1 under `rule`. */
function run(rule: Rule, marks: Mark[], extra: Parameters<typeof ballot>[2][] = []) {
  const registry = persons(12);
  const m = meeting([{ number: 1, text: 'Вопрос', rule }]);
  const ballots = marks.map((mark, i) => ballot(`p${i + 1}`, mark, extra[i] ?? {}));
  return questionMargins(tally({ registry, meeting: m, ballots }), false)[0]!;
}

const many = (n: number, mark: Mark): Mark[] => Array.from({ length: n }, () => mark);

describe('margin, one vote per person (hand-worked)', () => {
  it('simple majority, 10 voted: 6 за is adopted by 1 vote (6 of 10 is more than half; 5 of 10 is not)', () => {
    const m = run(simple, [...many(6, 'for'), ...many(4, 'against')]);
    expect(m.decision).toBe('adopted');
    expect(m.votes).toEqual(fromInt(1));
    expect(marginText(m)).toBe('1 голос');
  });

  it('simple majority, exactly half (5 of 10) is rejected; 1 more «за» adopts it', () => {
    const m = run(simple, [...many(5, 'for'), ...many(5, 'against')]);
    expect(m.decision).toBe('rejected');
    expect(m.votes).toEqual(fromInt(1));
  });

  it('simple majority, 11 voted: 6 за adopted by 1, 9 за by 4, 3 за needs 3', () => {
    expect(run(simple, [...many(6, 'for'), ...many(5, 'abstain')]).votes).toEqual(fromInt(1));
    expect(run(simple, [...many(9, 'for'), ...many(2, 'against')]).votes).toEqual(fromInt(4));
    const low = run(simple, [...many(3, 'for'), ...many(8, 'against')]);
    expect(low.decision).toBe('rejected');
    expect(low.votes).toEqual(fromInt(3));
    expect(marginText(low)).toBe('3 голоса');
  });

  it('two thirds, 9 voted: exactly 6 (two thirds) is adopted and falls with 1 vote; 5 needs 1', () => {
    const exact = run(twoThirds, [...many(6, 'for'), ...many(3, 'against')]);
    expect(exact.decision).toBe('adopted');
    expect(exact.votes).toEqual(fromInt(1));
    const short = run(twoThirds, [...many(5, 'for'), ...many(4, 'against')]);
    expect(short.decision).toBe('rejected');
    expect(short.votes).toEqual(fromInt(1));
  });

  it('two thirds, 10 voted: 7 за (70 %) adopted by 1; 8 за by 2; 6 за needs 1 (7·3 = 21 ≥ 20)', () => {
    expect(run(twoThirds, [...many(7, 'for'), ...many(3, 'against')]).votes).toEqual(fromInt(1));
    expect(run(twoThirds, [...many(8, 'for'), ...many(2, 'against')]).votes).toEqual(fromInt(2));
    expect(run(twoThirds, [...many(6, 'for'), ...many(4, 'against')]).votes).toEqual(fromInt(1));
  });

  it('counts the ballots in dispute and says when they could flip the outcome', () => {
    // 6 за, 4 против in time; 2 more «против» received after the end of voting: 2 ≥ 1, they could flip it.
    const late = { receivedAt: '2026-06-20' };
    const m = run(
      simple,
      [...many(6, 'for'), ...many(6, 'against')],
      [...Array.from({ length: 10 }, () => ({})), late, late],
    );
    expect(m.decision).toBe('adopted');
    expect(m.votes).toEqual(fromInt(1));
    expect(m.disputed).toBe(2);
    expect(m.couldFlip).toBe(true);
    expect(disputeText(m)).toBe('исход зависит от решения по 2 спорным бюллетеням');
    // 8 за, 2 против: margin 3, two late ballots cannot flip it.
    const safe = run(
      simple,
      [...many(8, 'for'), ...many(2, 'against'), 'against', 'against'],
      [...Array.from({ length: 10 }, () => ({})), late, late],
    );
    expect(safe.votes).toEqual(fromInt(3));
    expect(safe.disputed).toBe(2);
    expect(disputeText(safe)).toBeNull();
  });

  it('no quorum: no margin', () => {
    const m = run(simple, ['for', 'for']);
    expect(m.decision).toBe('no_quorum');
    expect(m.votes).toBeNull();
    expect(marginText(m)).toBe('нет кворума — решение не принято');
  });
});

describe('margin under area weights (МКД, m²)', () => {
  const q = (decision: 'adopted' | 'rejected', majority: Rule['majority'], forW: number, base: number) => ({
    decision,
    rule: { majority, electorate: 'members' as const, base: 'all' as const },
    weights: {
      for: fromInt(forW),
      against: fromInt(0),
      abstain: fromInt(0),
      invalid: fromInt(0),
      conflict: fromInt(0),
    },
    base: fromInt(base),
  });

  it('simple majority of 1000 m²: 600 за may lose 100 m² (at 500, exactly half, it falls); 400 за needs more than 100', () => {
    expect(flipAmount(q('adopted', 'simple', 600, 1000))).toEqual({ amount: fromInt(100), strict: false });
    expect(flipAmount(q('rejected', 'simple', 500, 1000))).toEqual({ amount: fromInt(0), strict: true });
    expect(flipAmount(q('rejected', 'simple', 400, 1000))).toEqual({ amount: fromInt(100), strict: true });
  });

  it('two thirds of 900 m²: exactly 600 за is adopted and falls at any loss; 500 needs at least 100', () => {
    expect(flipAmount(q('adopted', 'two_thirds', 600, 900))).toEqual({ amount: fromInt(0), strict: true });
    expect(flipAmount(q('rejected', 'two_thirds', 500, 900))).toEqual({
      amount: fromInt(100),
      strict: false,
    });
    // 1000 m²: two thirds is 666 2/3.
    expect(toFraction(flipAmount(q('adopted', 'two_thirds', 700, 1000))!.amount)).toBe('100/3');
  });

  it('a weighted tally: 62,5 + 37,5 m², simple majority of all 150 m² (base «all»)', () => {
    const registry = [
      person('p1', 'owner', { holdings: [{ plotNumber: '1', area: '62.5', share: '1' }] }),
      person('p2', 'owner', { holdings: [{ plotNumber: '2', area: '37.5', share: '1' }] }),
      person('p3', 'owner', { holdings: [{ plotNumber: '3', area: '50', share: '1' }] }),
    ];
    const rule: Rule = { majority: 'simple', electorate: 'members', base: 'all' };
    const m = meeting([{ number: 1, text: 'Вопрос', rule }], { kind: 'mkd' });
    const result = tally({ registry, meeting: m, ballots: [ballot('p1', 'for'), ballot('p2', 'against')] });
    const [margin] = questionMargins(result, true);
    // 62,5 of 150 is not more than 75: rejected; more than 12,5 m² must move to «за».
    expect(margin!.decision).toBe('rejected');
    expect(margin!.votes).toEqual(rational(25n, 2n));
    expect(marginText(margin!)).toBe('более 12,50 м²');
    // A margin of thousands of m² is grouped as areas are: «не менее 1 234,50 м²».
    expect(marginText({ ...margin!, votes: rational(2469n, 2n), strict: false })).toBe(
      'не менее 1\u00a0234,50 м²',
    );
  });
});
