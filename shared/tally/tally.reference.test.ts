import fc from 'fast-check';
import type { Rational } from '../arith/rational';
import { profileFor, withOverrides } from '../rules/profiles';
import { referenceTally, type Fraction } from '../../test/reference/referenceTally';
import { tallyInputArb } from '../../test/reference/tallyArbitraries';
import { meeting, person, ballot } from './tally.testkit';
import { tally } from './tally';

/** A fraction as text in lowest terms: both sides are compared by value, not by representation. */
const text = (x: Rational | Fraction): string => {
  const g = (a: bigint, b: bigint): bigint => (b === 0n ? a : g(b, a % b));
  const k = g(x.n < 0n ? -x.n : x.n, x.d) || 1n;
  return `${x.n / k}/${x.d / k}`;
};

describe('tally() agrees with the plain reference tally', () => {
  it('on random meetings of both kinds, every conflict, scan and invalid-mark policy, every rule', () => {
    fc.assert(
      fc.property(tallyInputArb('any'), fc.boolean(), (input, perQuestionDecides) => {
        // Both ways of the 2024 per-question participation rule: reported only, or deciding.
        const base = profileFor(input.meeting.kind);
        const profile = base.questionQuorum
          ? withOverrides(base, {
              questionQuorum: { ...base.questionQuorum, affectsDecision: perQuestionDecides },
            })
          : base;
        const r = tally({ ...input, profile });
        const ref = referenceTally(input.registry, input.meeting, input.ballots, profile);
        expect({
          persons: r.participation.persons,
          members: r.participation.members,
          gardeners: r.participation.gardeners,
        }).toEqual(ref.participation);
        expect(r.quorum.reached).toBe(ref.quorumReached);
        expect(
          r.questions.map((q) => ({
            number: q.number,
            ...q.counts,
            weights: Object.fromEntries(Object.entries(q.weights).map(([k, w]) => [k, text(w)])),
            base: text(q.base),
            decision: q.decision,
          })),
        ).toEqual(
          ref.questions.map((q) => ({
            number: q.number,
            for: q.for,
            against: q.against,
            abstain: q.abstain,
            invalid: q.invalid,
            conflict: q.conflict,
            weights: Object.fromEntries(Object.entries(q.weights).map(([k, w]) => [k, text(w)])),
            base: text(q.base),
            decision: q.decision,
          })),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('the reference itself, on a hand-worked meeting: exactly half is not a majority, exactly 2/3 is', () => {
    // 6 members: 3 за, 3 против on question 1 (simple majority: 3 of 6 is not more than half);
    // question 2 (2/3): 4 за of 6 is exactly two thirds.
    const registry = Array.from({ length: 6 }, (_, i) => person(`p${i + 1}`));
    const spec = meeting([
      { number: 1, text: 'В1' },
      { number: 2, text: 'В2', rule: { majority: 'two_thirds', electorate: 'members' } },
    ]);
    const marks = [
      ['for', 'for'],
      ['for', 'for'],
      ['for', 'for'],
      ['against', 'for'],
      ['against', 'against'],
      ['against', 'abstain'],
    ] as const;
    const ballots = marks.map(([a, b], i) => ballot(`p${i + 1}`, { 1: a, 2: b }));
    const ref = referenceTally(registry, spec, ballots, profileFor('snt'));
    expect(ref.quorumReached).toBe(true);
    expect(ref.questions.map((q) => [q.for, q.against, q.abstain, q.decision])).toEqual([
      [3, 3, 0, 'rejected'],
      [4, 1, 1, 'adopted'],
    ]);
  });

  it('the reference itself: the building’s area, paper ballots until the in-person part, the identity check', () => {
    // МКД: two owners of 50 m² each take part. With the building's 200 m² that is exactly half: no
    // quorum; with 199.98 m² it is more than half.
    const owners = [1, 2].map((i) =>
      person(`p${i}`, 'owner', { holdings: [{ plotNumber: `${i}`, area: '50.00' }] }),
    );
    const mkd = (buildingArea: string) =>
      meeting([{ number: 1, text: 'В1' }], { kind: 'mkd', form: 'remote', buildingArea });
    const both = [ballot('p1', 'for'), ballot('p2', 'for')];
    for (const [area, quorum] of [
      ['200.00', false],
      ['199.98', true],
    ] as const) {
      const ref = referenceTally(owners, mkd(area), both, profileFor('mkd'));
      expect(ref.quorumReached, area).toBe(quorum);
      expect(tally({ registry: owners, meeting: mkd(area), ballots: both }).quorum.reached, area).toBe(
        quorum,
      );
    }

    // СНТ, mixed, the charter's «до начала очной части» (7 June): a paper ballot of 8 June does not
    // count, an electronic one of that day does.
    const members = [1, 2, 3].map((i) => person(`p${i}`));
    const spec = meeting([{ number: 1, text: 'В1' }], { sessionDate: '2026-06-07', paperUntil: 'session' });
    const late = [
      ballot('p1', 'for', { receivedAt: '2026-06-08' }),
      ballot('p2', 'for', { receivedAt: '2026-06-08', channel: 'gosuslugi' }),
    ];
    expect(referenceTally(members, spec, late, profileFor('snt')).participation.persons).toBe(1);

    // A paper ballot whose СНИЛС is p1's and plot p2's names no one; a misspelt name beside p3's СНИЛС
    // does not stop it counting for p3.
    const written = [
      ballot('x', 'for', { voter: { snils: members[0]!.snils!, plotNumber: '2' } }),
      ballot('x', 'for', { voter: { snils: members[2]!.snils!, fullName: 'Участнек p3' } }),
    ];
    const ref = referenceTally(members, meeting([{ number: 1, text: 'В1' }]), written, profileFor('snt'));
    expect(ref.participation.persons).toBe(1);
    expect(ref.questions[0]!.for).toBe(1);
  });
});
