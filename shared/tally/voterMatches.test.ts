import fc from 'fast-check';
import { tallyInputArb } from '../../test/reference/tallyArbitraries';
import { indexVoters } from '../registry/voterIndex';
import { findPaperVoter } from './identity';
import { encodeMarks, joinMarkCodes, joinVoterMatches } from './markCodes';
import { tally, type TallyInput } from './tally';
import { person } from './tally.testkit';
import { matchVoters } from './voterMatches';

/** A tally of the input on its own copy of the registry array: nothing decoded before is reused. */
function fresh(input: TallyInput, voters?: 'matched' | 'other index') {
  const registry = [...input.registry];
  const agenda = input.meeting.questions.map((q) => q.number);
  if (!voters) return tally({ ...input, registry });
  // A column matched in another registry array's index (equal persons) must not be taken.
  const ix = indexVoters(voters === 'matched' ? registry : [...input.registry]);
  const column = matchVoters(ix, input.ballots);
  if (voters === 'other index') column.match.fill(-1);
  return tally({ ...input, registry, marks: { ...encodeMarks(input.ballots, agenda), voters: column } });
}

describe('voter matches from the importers', () => {
  it('the tally gives the same result with the importers’ voter column as without it', () => {
    for (const kind of ['snt', 'mkd'] as const) {
      fc.assert(
        fc.property(tallyInputArb(kind), (input) => {
          const plain = fresh(input);
          expect(fresh(input, 'matched')).toEqual(plain);
          expect(fresh(input, 'other index')).toEqual(plain);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('matches a paper ballot by the identity rule and an electronic row by its strongest detail', () => {
    const registry = [person('p1'), person('p2')];
    const ix = indexVoters(registry);
    const paper = {
      id: 'a',
      channel: 'paper' as const,
      voter: { plotNumber: '1', snils: registry[1]!.snils! },
      copy: 'original' as const,
      receivedAt: '2026-06-05',
      voidReasons: [],
      marks: {},
      source: 'a',
    };
    const electronic = { ...paper, id: 'b', source: 'b', channel: 'gosuslugi' as const };
    const { match } = matchVoters(ix, [paper, electronic]);
    // The paper ballot's СНИЛС names another person than its plot: rejected, never counted for either.
    expect(match[0]).toBe(findPaperVoter(ix, paper.voter));
    expect(match[0]).toBeLessThan(0);
    // The row is matched by СНИЛС (key 1), the first key it gives: person p2.
    expect(match[1]).toBe(1 * 8 + 1);
  });

  it('joins the files’ columns only when every file has one for the same registry index', () => {
    const registry = [person('p1'), person('p2')];
    const a = { index: indexVoters(registry), match: Int32Array.of(8, -1) };
    const b = { index: a.index, match: Int32Array.of(11) };
    expect(Array.from(joinVoterMatches([a, b])!.match)).toEqual([8, -1, 11]);
    expect(joinVoterMatches([a, undefined])).toBeUndefined();
    expect(joinVoterMatches([a, { index: indexVoters([...registry]), match: b.match }])).toBeUndefined();
    const marks = { agenda: [1], codes: Int8Array.of(1, 2, 3) };
    const joined = joinMarkCodes(
      [1],
      [
        { ...marks, voters: a },
        { agenda: [1], codes: Int8Array.of(0), voters: b },
      ],
    );
    expect(Array.from(joined!.voters!.match)).toEqual([8, -1, 11]);
    expect(
      joinMarkCodes([1], [marks, { agenda: [1], codes: Int8Array.of(0), voters: b }])!.voters,
    ).toBeUndefined();
  });
});
