/**
 * Random meetings for the tally's property tests: a registry (СНТ members and gardeners, or МКД owners
 * with areas and shares; now and then two namesakes), a meeting under any policy (МКД: with or without
 * the building's total area; paper ballots until the end of voting or the in-person part), and up to
 * 30 ballots of every channel, some naming nobody, some late, void, scanned or handed in by a
 * representative, some whose details (СНИЛС, plot, name) point to different persons or to no one.
 */
import fc from 'fast-check';
import type {
  Ballot,
  Channel,
  ConflictPolicy,
  Mark,
  MeetingSpec,
  PartnershipKind,
  Person,
  Question,
  VoidReason,
} from '../../shared/domain/types';
import type { TallyInput } from '../../shared/tally/tally';
import { person } from '../../shared/tally/tally.testkit';

const MARKS: Mark[] = ['for', 'against', 'abstain', 'several', 'all_crossed', 'none'];
const CHANNELS: Channel[] = ['gosuslugi', 'paper', 'in_person'];
const DATES = ['2026-05-31', '2026-06-01', '2026-06-07', '2026-06-14', '2026-06-15'];
const POLICIES: ConflictPolicy[] = ['flag', 'latest', ['paper', 'in_person', 'gosuslugi'], ['gosuslugi']];
const ITEMS: Record<PartnershipKind, string[]> = {
  snt: ['1', '2', '7', '21', '22', '99'],
  mkd: ['1', '1.1', '2', '4', '36.3', '99'],
};

/** Now and then a person bears the name of the one before (namesakes: a name alone matches no one). */
const namesakesArb = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 14, maxLength: 14 });
const withNamesakes = (registry: Person[], namesakes: number[]): Person[] =>
  registry.map((p, i) => (i > 0 && namesakes[i] === 0 ? { ...p, fullName: registry[i - 1]!.fullName } : p));

const sntRegistryArb = fc
  .tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 4 }), namesakesArb)
  .map(([m, g, namesakes]): Person[] =>
    withNamesakes(
      [
        ...Array.from({ length: m }, (_, i) => person(`p${i + 1}`, 'member')),
        ...Array.from({ length: g }, (_, i) => person(`p${m + i + 1}`, 'gardener')),
      ],
      namesakes,
    ),
  );

/** Owners of premises: one or two holdings each, areas to the hundredth, whole or part shares. */
const mkdRegistryArb = fc
  .array(
    fc.array(
      fc.record({
        area: fc.integer({ min: 1500, max: 15000 }).map((c) => (c / 100).toFixed(2)),
        share: fc.constantFrom(undefined, '1', '1/2', '1/3', '2/3'),
      }),
      { minLength: 1, maxLength: 2 },
    ),
    { minLength: 1, maxLength: 12 },
  )
  .chain((owners) => fc.tuple(fc.constant(owners), namesakesArb))
  .map(([owners, namesakes]): Person[] =>
    withNamesakes(
      owners.map((holdings, i) =>
        person(`p${i + 1}`, 'owner', {
          holdings: holdings.map((h, k) => ({
            plotNumber: k === 0 ? `${i + 1}` : `${i + 1}а`,
            area: h.area,
            ...(h.share ? { share: h.share } : {}),
          })),
        }),
      ),
      namesakes,
    ),
  );

const questionArb = (kind: PartnershipKind, number: number): fc.Arbitrary<Question> =>
  fc.oneof(
    fc.constantFrom(...ITEMS[kind]).map((item) => ({ number, text: `В${number}`, item })),
    fc
      .record({
        majority: fc.constantFrom('simple' as const, 'two_thirds' as const, 'unanimous' as const),
        electorate: fc.constantFrom('members' as const, 'members_and_gardeners' as const),
        base: fc.constantFrom('participants' as const, 'all' as const),
      })
      .map((rule) => ({ number, text: `В${number}`, rule })),
  );

const meetingArb = (kind: PartnershipKind): fc.Arbitrary<MeetingSpec> =>
  fc
    .record({
      questions: fc
        .integer({ min: 1, max: 4 })
        .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => questionArb(kind, i + 1)))),
      form: fc.constantFrom('in_person' as const, 'mixed' as const, 'remote' as const),
      conflicts: fc.constantFrom(...POLICIES),
      invalidMarks: fc.constantFrom('question' as const, 'ballot' as const),
      acceptScans: fc.boolean(),
      // The in-person part, and paper ballots counted until the end of voting or until that day.
      sessionDate: fc.constantFrom(undefined, '2026-06-01', '2026-06-07', '2026-06-14'),
      paperUntil: fc.constantFrom(undefined, 'votingEnd' as const, 'session' as const),
      // МКД: the building's total area (m²), below or above what the registry's areas add up to.
      buildingArea:
        kind === 'mkd'
          ? fc.option(
              fc.integer({ min: 1000, max: 400000 }).map((c) => (c / 100).toFixed(2)),
              {
                nil: undefined,
              },
            )
          : fc.constant(undefined),
    })
    .map(({ sessionDate, paperUntil, buildingArea, ...m }) => ({
      kind,
      title: 'Собрание',
      votingStart: '2026-06-01',
      votingEnd: '2026-06-14',
      ...m,
      ...(sessionDate ? { sessionDate } : {}),
      ...(paperUntil ? { paperUntil } : {}),
      ...(buildingArea ? { buildingArea } : {}),
    }));

const ballotArb = fc.record({
  who: fc.integer({ min: 1, max: 16 }),
  /** The details the ballot carries: the registry id, or one or two details a person wrote. */
  ref: fc.constantFrom('id', 'snils', 'plot', 'name', 'snils+plot', 'snils+name', 'plot+name'),
  /** Whom the second detail names: the same person mostly, else another one (16: beyond the registry). */
  other: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.integer({ min: 1, max: 16 })),
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

/** A random tally input of one kind (СНТ by default), or of either kind. */
export function tallyInputArb(kind: PartnershipKind | 'any' = 'snt'): fc.Arbitrary<TallyInput> {
  if (kind === 'any') return fc.oneof(tallyInputArb('snt'), tallyInputArb('mkd'));
  const registryArb = kind === 'mkd' ? mkdRegistryArb : sntRegistryArb;
  return fc
    .tuple(registryArb, meetingArb(kind), fc.array(ballotArb, { maxLength: 30 }))
    .map(([registry, meeting, drafts]) => ({
      registry,
      meeting,
      ballots: drafts.map((d, i): Ballot => {
        const id = `b${i}`;
        const p = `p${d.who}`;
        const second = d.other === 0 ? d.who : d.other;
        const detail = (kind: string, k: number) => {
          const q = `p${k}`;
          if (kind === 'snils') return { snils: person(q).snils! };
          if (kind === 'plot') return { plotNumber: String(k) };
          return { fullName: registry.find((x) => x.id === q)?.fullName ?? `Неизвестный ${q}` };
        };
        const [first, other] = d.ref.split('+');
        const voter =
          d.ref === 'id'
            ? { personId: p }
            : { ...detail(first!, d.who), ...(other ? detail(other, second) : {}) };
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
}
