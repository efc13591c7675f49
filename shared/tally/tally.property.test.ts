import fc from 'fast-check';
import type {
  Ballot,
  Channel,
  ConflictPolicy,
  Mark,
  MeetingSpec,
  Person,
  Question,
  VoidReason,
} from '../domain/types';
import { tally, type TallyInput } from './tally';
import { person } from './testKit';
import { acceptedBallotIds } from './votes';

const MARKS: Mark[] = ['for', 'against', 'abstain', 'several', 'all_crossed', 'none'];
const CHANNELS: Channel[] = ['gosuslugi', 'paper', 'in_person'];
const DATES = ['2026-05-31', '2026-06-01', '2026-06-07', '2026-06-14', '2026-06-15'];
const POLICIES: ConflictPolicy[] = ['flag', 'latest', ['paper', 'in_person', 'gosuslugi'], ['gosuslugi']];

const registryArb = fc
  .tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 4 }))
  .map(([m, g]): Person[] => [
    ...Array.from({ length: m }, (_, i) => person(`p${i + 1}`, 'member')),
    ...Array.from({ length: g }, (_, i) => person(`p${m + i + 1}`, 'gardener')),
  ]);

const questionArb = (number: number): fc.Arbitrary<Question> =>
  fc.oneof(
    fc.constantFrom('1', '2', '7', '21', '22', '99').map((item) => ({ number, text: `В${number}`, item })),
    fc
      .record({
        majority: fc.constantFrom('simple' as const, 'two_thirds' as const, 'unanimous' as const),
        electorate: fc.constantFrom('members' as const, 'members_and_gardeners' as const),
      })
      .map((rule) => ({ number, text: `В${number}`, rule })),
  );

const meetingArb: fc.Arbitrary<MeetingSpec> = fc
  .record({
    questions: fc
      .integer({ min: 1, max: 4 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => questionArb(i + 1)))),
    form: fc.constantFrom('in_person' as const, 'mixed' as const, 'remote' as const),
    conflicts: fc.constantFrom(...POLICIES),
    invalidMarks: fc.constantFrom('question' as const, 'ballot' as const),
    acceptScans: fc.boolean(),
  })
  .map((m) => ({ kind: 'snt', title: 'Собрание', votingStart: '2026-06-01', votingEnd: '2026-06-14', ...m }));

const ballotArb = fc.record({
  who: fc.integer({ min: 1, max: 16 }),
  ref: fc.constantFrom('id', 'snils', 'plot'),
  channel: fc.constantFrom(...CHANNELS),
  scan: fc.boolean(),
  receivedAt: fc.constantFrom(...DATES),
  voids: fc.oneof(
    { weight: 5, arbitrary: fc.constant<VoidReason[]>([]) },
    {
      weight: 1,
      arbitrary: fc.subarray<VoidReason>(['no_signature', 'pencil', 'corrections'], { minLength: 1 }),
    },
  ),
  representative: fc.constantFrom(undefined, 'with', 'without'),
  marks: fc.array(fc.constantFrom(...MARKS), { minLength: 4, maxLength: 4 }),
});

const inputArb: fc.Arbitrary<TallyInput> = fc
  .tuple(registryArb, meetingArb, fc.array(ballotArb, { maxLength: 30 }))
  .map(([registry, meeting, drafts]) => ({
    registry,
    meeting,
    ballots: drafts.map((d, i): Ballot => {
      const id = `b${i}`;
      const p = `p${d.who}`;
      const voter =
        d.ref === 'id'
          ? { personId: p }
          : d.ref === 'snils'
            ? { snils: person(p).snils! }
            : { plotNumber: String(d.who) };
      return {
        id,
        channel: d.channel,
        voter,
        copy: d.scan && d.channel !== 'gosuslugi' ? 'scan' : 'original',
        receivedAt: d.receivedAt,
        voidReasons: d.channel === 'gosuslugi' ? [] : d.voids,
        ...(d.representative && d.channel !== 'gosuslugi'
          ? {
              representative: {
                fullName: 'Представитель',
                ...(d.representative === 'with' ? { powerOfAttorney: '№ 1' } : {}),
              },
            }
          : {}),
        marks: Object.fromEntries(meeting.questions.map((q, k) => [q.number, d.marks[k]!])),
        source: id,
      };
    }),
  }));

/** The figures a protocol prints: what must not move. */
function figures(input: TallyInput) {
  const r = tally(input);
  return {
    registry: r.registry,
    participation: { ...r.participation, byChannel: undefined },
    quorum: r.quorum,
    questions: r.questions,
  };
}

describe('tally properties', () => {
  it('does not depend on the order of the ballots', () => {
    fc.assert(
      fc.property(
        inputArb.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray([...input.ballots], {
              minLength: input.ballots.length,
              maxLength: input.ballots.length,
            }),
          ),
        ),
        ([input, shuffled]) => {
          expect(tally({ ...input, ballots: shuffled })).toEqual(tally(input));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('importing the same ballots twice changes nothing', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const twice = [...input.ballots, ...input.ballots.map((b) => ({ ...b, marks: { ...b.marks } }))];
        expect(tally({ ...input, ballots: twice })).toEqual(tally(input));
      }),
      { numRuns: 300 },
    );
  });

  it('for + against + abstain + invalid + conflict = electorate participants, for every question', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = tally(input);
        const participants = r.persons.filter((p) => p.participated);
        r.questions.forEach((q) => {
          const c = q.counts;
          const electorate = participants.filter(
            (p) => p.countsAs === 'member' || q.rule.electorate === 'members_and_gardeners',
          ).length;
          expect(c.for + c.against + c.abstain + c.invalid + c.conflict).toBe(electorate);
          expect(q.electorateParticipants).toBe(electorate);
          expect(q.base).toEqual({ n: BigInt(electorate), d: 1n });
        });
        expect(r.participation.persons).toBe(participants.length);
      }),
      { numRuns: 300 },
    );
  });

  it('an agreeing duplicate ballot (another channel, same decisions) changes no figure', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), (input, pick) => {
        const r = tally(input);
        const byId = new Map(input.ballots.map((b) => [b.id, b]));
        // Persons whose accepted ballots all agree on every question.
        const agreeing = r.persons.filter((p, i) => {
          if (!p.participated) return false;
          const ids = acceptedBallotIds(r, i);
          const first = byId.get(ids[0]!)!;
          return ids.every((id) =>
            input.meeting.questions.every((q) => byId.get(id)!.marks[q.number] === first.marks[q.number]),
          );
        });
        fc.pre(agreeing.length > 0);
        const chosen = agreeing[pick % agreeing.length]!;
        const model = byId.get(acceptedBallotIds(r, r.persons.indexOf(chosen))[0]!)!;
        const duplicate: Ballot = {
          id: 'duplicate',
          channel: 'gosuslugi',
          voter: { personId: chosen.personId },
          copy: 'original',
          receivedAt: model.receivedAt,
          voidReasons: [],
          marks: { ...model.marks },
          source: 'duplicate',
        };
        expect(figures({ ...input, ballots: [...input.ballots, duplicate] })).toEqual(figures(input));
      }),
      { numRuns: 300 },
    );
  });
});
