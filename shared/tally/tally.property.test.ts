import fc from 'fast-check';
import type { Ballot, Mark } from '../domain/types';
import { tallyInputArb } from '../../test/reference/tallyArbitraries';
import { profileFor } from '../rules/profiles';
import type { WeightRule } from '../rules/profile';
import { tally, type ConflictResolution, type TallyInput } from './tally';
import type { TallyResult } from './types';
import { acceptedBallotIds } from './votes';
import { encodeMarks } from './markCodes';

const inputArb = tallyInputArb('snt');

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
          const everyone = r.persons.filter(
            (p) => p.countsAs === 'member' || q.rule.electorate === 'members_and_gardeners',
          ).length;
          expect(q.base).toEqual({ n: BigInt(q.rule.base === 'all' ? everyone : electorate), d: 1n });
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

  it('a live sequence of edits gives what a fresh tally gives', () => {
    // The live tally reuses the last decoding, the last count (recounting only the persons whose
    // ballots changed: recount.ts) and the outcome objects of what did not change. The live runs come
    // one after another (as after each saved ballot), their outcomes read or not; then each is checked
    // against a tally on a copy of the registry array, which reuses nothing.
    const step = fc.record({
      kind: fc.constantFrom(
        'change',
        'voter',
        'void',
        'copy',
        'add',
        'again',
        'remove',
        'removeLast',
        'swap',
        'move',
        'resolve',
        'scans',
      ),
      at: fc.nat(),
      to: fc.nat(),
      mark: fc.constantFrom<Mark>('for', 'against', 'several', 'none'),
      late: fc.boolean(),
      read: fc.boolean(),
    });
    type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;
    const weighing = fc.constantFrom<WeightRule | undefined>(undefined, 'person', 'plot', 'area_share');
    /** The input after one edit: ballots replaced, added, removed, moved; resolutions or scans changed. */
    const edit = (input: TallyInput, last: TallyResult, s: Step): TallyInput => {
      const ballots = [...input.ballots];
      const B = ballots.length;
      const at = s.at % Math.max(1, B);
      const b = ballots[at];
      const numbers = input.meeting.questions.map((q) => q.number);
      const q = numbers[s.to % numbers.length]!;
      const person = input.registry[s.to % input.registry.length]!;
      if (s.kind === 'resolve') {
        // Mostly a conflict of the last result settled by the commission, else any person and ballot.
        const c = last.conflicts[s.to % Math.max(1, last.conflicts.length)];
        const named = ballots[s.to % Math.max(1, B)];
        const choice = c?.choices[s.at % c.choices.length];
        const resolution: ConflictResolution =
          c && choice && !s.late
            ? s.mark === 'several'
              ? { personId: c.personId, question: c.question, ballotId: null, mark: choice.mark }
              : { personId: c.personId, question: c.question, ballotId: choice.ballotId }
            : {
                personId: named?.voter.personId ?? person.id,
                question: q,
                ballotId: s.mark === 'none' ? null : (named?.id ?? null),
              };
        return { ...input, resolutions: s.read ? [] : [...(input.resolutions ?? []), resolution] };
      }
      if (s.kind === 'scans') {
        return { ...input, meeting: { ...input.meeting, acceptScans: !input.meeting.acceptScans } };
      }
      if (!b || s.kind === 'remove') ballots.splice(at, 1);
      else if (s.kind === 'removeLast') ballots.pop();
      else if (s.kind === 'swap') {
        const to = s.to % B;
        ballots[at] = ballots[to]!;
        ballots[to] = b;
      } else if (s.kind === 'move') ballots.splice(s.to % B, 0, ...ballots.splice(at, 1));
      else if (s.kind === 'again') ballots.push(b);
      else {
        const changed: Ballot = {
          ...b,
          marks: { ...b.marks, [q]: s.mark },
          ...(s.late ? { receivedAt: '2026-06-20' } : {}),
          ...(s.kind === 'voter' ? { voter: { personId: person.id } } : {}),
          ...(s.kind === 'void' ? { voidReasons: b.voidReasons.length ? [] : ['pencil' as const] } : {}),
          ...(s.kind === 'copy' && b.channel !== 'gosuslugi'
            ? { copy: b.copy === 'scan' ? ('original' as const) : ('scan' as const) }
            : {}),
        };
        if (s.kind === 'add') ballots.push({ ...changed, id: `${b.id}+`, source: `${b.source}+` });
        else ballots[at] = changed;
      }
      return { ...input, ballots };
    };
    for (const kind of ['snt', 'mkd'] as const) {
      fc.assert(
        fc.property(
          tallyInputArb(kind),
          weighing,
          fc.array(step, { minLength: 1, maxLength: 10 }),
          (generated, weight, steps) => {
            let input: TallyInput = weight
              ? { ...generated, profile: { ...profileFor(kind), weight } }
              : generated;
            const runs: { input: TallyInput; result: ReturnType<typeof tally> }[] = [];
            for (const s of steps) {
              const result = tally(input);
              if (s.read) expect(result.ballots.length + result.persons.length).toBeGreaterThan(0);
              runs.push({ input, result });
              input = edit(input, result, s);
            }
            for (const run of runs) {
              expect(run.result).toEqual(tally({ ...run.input, registry: [...run.input.registry] }));
            }
          },
        ),
        { numRuns: 200 },
      );
    }
  });

  it('counts the same from the importers’ mark codes as from the ballot objects', () => {
    for (const kind of ['snt', 'mkd'] as const) {
      fc.assert(
        fc.property(tallyInputArb(kind), (input) => {
          const agenda = input.meeting.questions.map((q) => q.number);
          // A copy of the registry array each time: nothing decoded before is reused.
          const coded = tally({
            ...input,
            registry: [...input.registry],
            marks: encodeMarks(input.ballots, agenda),
          });
          expect(coded).toEqual(tally({ ...input, registry: [...input.registry] }));
        }),
        { numRuns: 200 },
      );
    }
  });
});
