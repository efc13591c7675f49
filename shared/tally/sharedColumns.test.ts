import fc from 'fast-check';
import type { Ballot, Mark } from '../domain/types';
import { indexVoters } from '../registry/voterIndex';
import { decodeBallots } from './decodeBallots';
import { ballot, persons } from './tally.testkit';

const registry = persons(4);
const numbers = [2, 1];
const CODE: Record<Mark, number> = { none: 0, for: 1, against: 2, abstain: 3, several: 4, all_crossed: 5 };

/** What a decoding of `ballots` must read, written out plainly: each ballot's codes and date. */
const plain = (ballots: readonly Ballot[]) =>
  ballots.map((b) => ({ codes: numbers.map((n) => CODE[b.marks[n] ?? 'none']), at: b.receivedAt }));

describe('columns shared by successive decodings', () => {
  it('every earlier decoding still reads its own ballots after later ones (added, replaced, removed)', () => {
    const edit = fc.record({
      kind: fc.constantFrom('add', 'same', 'marks', 'date', 'remove'),
      at: fc.nat(),
      mark: fc.constantFrom<Mark>('for', 'against', 'none'),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const ix = indexVoters(registry);
        let ballots = [ballot('p1', { 1: 'for', 2: 'against' }), ballot('p2', { 1: 'abstain' })];
        const decodings = [{ ballots, d: decodeBallots(ballots, numbers, ix) }];
        for (const e of edits) {
          ballots = ballots.slice();
          const at = e.at % Math.max(1, ballots.length);
          const b = ballots[at];
          if (e.kind === 'remove' || !b) ballots.splice(at, 1);
          else if (e.kind === 'add') ballots.push(ballot(`p${(e.at % 4) + 1}`, { 1: e.mark }));
          else if (e.kind === 'same') ballots[at] = { ...b, marks: { ...b.marks } };
          else if (e.kind === 'marks') ballots[at] = { ...b, marks: { ...b.marks, 2: e.mark } };
          else ballots[at] = { ...b, receivedAt: `2026-06-1${e.at % 10}` };
          decodings.push({ ballots, d: decodeBallots(ballots, numbers, ix) });
        }
        for (const { ballots: list, d } of decodings) {
          const read = list.map((_, b) => ({
            codes: Array.from(d.codes.subarray(b * 2, b * 2 + 2)),
            at: d.receivedAt[b],
          }));
          expect(read).toEqual(plain(list));
          expect(d.codes.length).toBe(list.length * 2);
        }
      }),
      { numRuns: 300 },
    );
  });
});
