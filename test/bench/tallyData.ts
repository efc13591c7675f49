/**
 * Generated meetings and ballots for the tally benchmark and the command line tests: deterministic
 * for a seed. Persons come from the fixture generator (test/fixtures/persons.ts).
 */
import type {
  Ballot,
  Channel,
  Choice,
  Mark,
  MeetingSpec,
  PartnershipKind,
  Person,
} from '../../shared/domain/types';
import { MarkCodesWriter, type MarkCodes } from '../../shared/tally/markCodes';
import { makePersons } from '../fixtures/persons';
import { makeRng } from '../fixtures/random';

export function makeMeeting(questions: number, kind: PartnershipKind = 'snt'): MeetingSpec {
  const snt = ['1', '2', '5', '17', '21', '7', '11', '18', '20', '22'];
  return {
    kind,
    form: 'mixed',
    title: `Общее собрание (${questions} вопросов)`,
    votingStart: '2026-06-01',
    votingEnd: '2026-06-14',
    sessionDate: '2026-06-14',
    questions: Array.from({ length: questions }, (_, i) => ({
      number: i + 1,
      text: `Вопрос повестки № ${i + 1}`,
      ...(kind === 'snt' && i % 3 === 0 ? { item: snt[i % snt.length]! } : {}),
    })),
  };
}

export interface BallotMix {
  /** Probability that a person voted in each channel. */
  gosuslugi: number;
  paper: number;
  in_person: number;
  /** Probability that a ballot differs from the person's other ballots on one question. */
  disagree: number;
  late: number;
  void: number;
  scan: number;
  badMark: number;
}

export const DEFAULT_MIX: BallotMix = {
  gosuslugi: 0.85,
  paper: 0.85,
  in_person: 0.8,
  disagree: 0.02,
  late: 0.02,
  void: 0.01,
  scan: 0.05,
  badMark: 0.03,
};

const CHOICES: Choice[] = ['for', 'for', 'for', 'against', 'abstain'];
const BAD: Mark[] = ['several', 'all_crossed', 'none'];

/**
 * Ballots of registry persons in every channel (about 2.5 per person with the default mix). With
 * `codes`, each ballot's marks are written there too as they are made, as the file importers write them
 * (the tally's input, shared/tally/markCodes.ts).
 */
export function makeBallots(
  persons: readonly Person[],
  meeting: MeetingSpec,
  seed: number,
  mix: BallotMix = DEFAULT_MIX,
  codes?: MarkCodesWriter,
): Ballot[] {
  const rng = makeRng(seed);
  const ballots: Ballot[] = [];
  const numbers = meeting.questions.map((q) => q.number);
  const dates = Array.from({ length: 14 }, (_, d) => `2026-06-${String(d + 1).padStart(2, '0')}`);
  persons.forEach((p, i) => {
    const intent = numbers.map(() => rng.pick(CHOICES));
    const channels: Channel[] = (['gosuslugi', 'paper', 'in_person'] as const).filter((c) =>
      rng.chance(mix[c]),
    );
    for (const channel of channels) {
      const marks: Record<number, Mark> = {};
      const differs = rng.chance(mix.disagree) ? rng.int(0, numbers.length - 1) : -1;
      const bad = channel !== 'gosuslugi' && rng.chance(mix.badMark) ? rng.int(0, numbers.length - 1) : -1;
      codes?.begin();
      numbers.forEach((n, q) => {
        marks[n] = q === bad ? rng.pick(BAD) : q === differs ? rng.pick(CHOICES) : intent[q]!;
        codes?.mark(n, marks[n]);
      });
      codes?.commit();
      const receivedAt = rng.chance(mix.late)
        ? '2026-06-16'
        : channel === 'in_person'
          ? '2026-06-14'
          : rng.pick(dates);
      const id = `${channel}:${i}`;
      // Paper ballots carry the name as written, and a СНИЛС or a plot number.
      const voter =
        channel === 'gosuslugi'
          ? { snils: p.snils! }
          : rng.chance(0.5)
            ? { plotNumber: p.holdings[0]!.plotNumber, fullName: p.fullName }
            : { snils: p.snils!, fullName: p.fullName };
      const ballot: Ballot = {
        id,
        channel,
        voter,
        copy: 'original',
        receivedAt,
        voidReasons: channel !== 'gosuslugi' && rng.chance(mix.void) ? ['no_signature'] : [],
        marks,
        source: id,
      };
      ballots.push(ballot);
      if (channel === 'paper' && rng.chance(mix.scan)) {
        codes?.begin();
        for (const n of numbers) codes?.mark(n, marks[n]!);
        codes?.commit();
        ballots.push({
          ...ballot,
          id: `${id}:scan`,
          copy: 'scan',
          source: `${id}:scan`,
          marks: { ...marks },
        });
      }
    }
  });
  return ballots;
}

export function makeTallyData(
  persons: number,
  questions: number,
  seed = 7,
  kind: PartnershipKind = 'snt',
): { registry: Person[]; meeting: MeetingSpec; ballots: Ballot[]; marks: MarkCodes } {
  const registry = makePersons(persons, seed, { kind, contacts: false });
  const meeting = makeMeeting(questions, kind);
  const codes = new MarkCodesWriter(meeting.questions.map((q) => q.number));
  const ballots = makeBallots(registry, meeting, seed + 1, DEFAULT_MIX, codes);
  return { registry, meeting, ballots, marks: codes.done() };
}
