import fc from 'fast-check';
import type { Ballot, Channel, Mark } from '../domain/types';
import { indexVoters } from '../registry/voterIndex';
import { CHANNELS, decodeBallots } from './decodeBallots';
import { ballot, persons } from './tally.testkit';

const registry = persons(6);
const MARKS: Mark[] = ['for', 'against', 'abstain', 'several', 'all_crossed', 'none'];
const CODE: Record<Mark, number> = { none: 0, for: 1, against: 2, abstain: 3, several: 4, all_crossed: 5 };

/** What decoding must give, written out plainly: codes, bad marks and matches, ballot by ballot. */
function expected(ballots: readonly Ballot[], numbers: readonly number[]) {
  return ballots.map((b) => ({
    codes: numbers.map((n) => CODE[b.marks[n] ?? 'none']),
    bad: numbers.some((n) => !['for', 'against', 'abstain'].includes(b.marks[n] ?? 'none')) ? 1 : 0,
    person: registry.findIndex((p) => p.id === b.voter.personId),
    receivedAt: b.receivedAt,
    channel: b.channel,
    scan: b.copy === 'scan',
    voided: b.voidReasons.length > 0 || (b.representative !== undefined && !b.representative.powerOfAttorney),
  }));
}

function actual(ballots: readonly Ballot[], numbers: readonly number[]) {
  const d = decodeBallots(ballots, numbers, indexVoters(registry));
  const Q = numbers.length;
  return ballots.map((_, b) => ({
    codes: Array.from(d.codes.subarray(b * Q, (b + 1) * Q)),
    bad: d.badMark[b]!,
    person: d.match[b]! >= 0 ? d.match[b]! >> 3 : -1,
    receivedAt: d.receivedAt[b],
    channel: CHANNELS[d.channel[b]!],
    scan: d.scan[b] === 1,
    voided: d.voided[b] === 1,
  }));
}

describe('decodeBallots', () => {
  it('gives the codes in agenda order, the bad-mark flag and the voter', () => {
    const ballots = [
      ballot('p1', { 1: 'for', 2: 'against', 3: 'abstain' }),
      ballot('p2', { 1: 'several', 3: 'all_crossed' }),
      ballot('nobody', { 1: 'for', 2: 'for', 3: 'for' }),
    ];
    const d = decodeBallots(ballots, [3, 1, 2], indexVoters(registry));
    expect(Array.from(d.codes)).toEqual([3, 1, 2, 5, 4, 0, 1, 1, 1]);
    expect(Array.from(d.badMark)).toEqual([0, 1, 0]);
    expect(d.match[0]! >> 3).toBe(0);
    expect(d.match[1]! >> 3).toBe(1);
    expect(d.match[2]!).toBeLessThan(0);
  });

  it('the same ballots in a new list are not decoded again; a replaced one is', () => {
    const ballots = [ballot('p1', { 1: 'for' }), ballot('p2', { 1: 'against' }), ballot('p3', { 1: 'for' })];
    const ix = indexVoters(registry);
    const first = decodeBallots(ballots, [1], ix);
    expect(decodeBallots(ballots.slice(), [1], ix)).toBe(first);
    const changed = ballots.slice();
    changed[1] = { ...ballots[1]!, marks: { 1: 'abstain' }, voter: { personId: 'p5' } };
    const second = decodeBallots([...changed, ballot('p4', { 1: 'several' })], [1], ix);
    expect(Array.from(second.codes)).toEqual([1, 3, 1, 4]);
    expect(second.match[1]! >> 3).toBe(4);
    expect(Array.from(second.badMark)).toEqual([0, 0, 0, 1]);
  });

  it('a new agenda or a new registry decodes afresh', () => {
    const ballots = [ballot('p1', { 1: 'for', 2: 'against' })];
    const ix = indexVoters(registry);
    expect(Array.from(decodeBallots(ballots, [1, 2], ix).codes)).toEqual([1, 2]);
    expect(Array.from(decodeBallots(ballots, [2, 1], ix).codes)).toEqual([2, 1]);
    const reordered = [registry[3]!, ...registry.filter((_, i) => i !== 3)];
    const d = decodeBallots(ballots, [2, 1], indexVoters(reordered));
    expect(d.match[0]! >> 3).toBe(1);
  });

  it('property: after any sequence of edits, the kept decoding equals decoding from scratch', () => {
    const ballotArb = fc
      .record({
        person: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'x'),
        marks: fc.array(fc.constantFrom(...MARKS), { minLength: 3, maxLength: 3 }),
        channel: fc.constantFrom<Channel>('gosuslugi', 'paper', 'in_person'),
        scan: fc.boolean(),
        day: fc.integer({ min: 1, max: 28 }),
        voided: fc.boolean(),
        representative: fc.constantFrom(undefined, '', '№ 5'),
      })
      .map(({ person, marks, channel, scan, day, voided, representative }) =>
        ballot(
          person,
          { 1: marks[0]!, 2: marks[1]!, 3: marks[2]! },
          {
            channel,
            copy: scan ? 'scan' : 'original',
            receivedAt: `2026-06-${String(day).padStart(2, '0')}`,
            voidReasons: voided ? ['pencil'] : [],
            ...(representative === undefined
              ? {}
              : { representative: { fullName: 'Петров П.П.', powerOfAttorney: representative } }),
          },
        ),
      );
    const editArb = fc.oneof(
      fc.record({ kind: fc.constant('append' as const), ballot: ballotArb }),
      fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), ballot: ballotArb }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('agenda' as const), numbers: fc.shuffledSubarray([1, 2, 3]) }),
    );
    fc.assert(
      fc.property(
        fc.array(ballotArb, { maxLength: 8 }),
        fc.array(editArb, { maxLength: 12 }),
        (start, edits) => {
          let list = start;
          let numbers = [1, 2, 3];
          expect(actual(list, numbers)).toEqual(expected(list, numbers));
          for (const e of edits) {
            list = list.slice();
            if (e.kind === 'append') list.push(e.ballot);
            else if (e.kind === 'replace' && list.length > 0) list[e.at % list.length] = e.ballot;
            else if (e.kind === 'remove' && list.length > 0) list.splice(e.at % list.length, 1);
            else if (e.kind === 'agenda') numbers = e.numbers;
            expect(actual(list, numbers)).toEqual(expected(list, numbers));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
