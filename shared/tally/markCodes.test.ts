import type { Mark } from '../domain/types';
import { encodeMarks, joinMarkCodes, MarkCodesWriter } from './markCodes';

describe('mark codes', () => {
  it('writes a row per committed ballot in agenda order; a row not committed is written over', () => {
    const w = new MarkCodesWriter([3, 1, 2]);
    w.begin();
    w.mark(1, 'for');
    w.mark(3, 'several');
    w.commit();
    w.begin();
    w.mark(2, 'against'); // a row that did not become a ballot
    w.begin();
    w.mark(2, 'abstain');
    w.mark(9, 'for'); // not on the agenda
    w.commit();
    expect(Array.from(w.done().codes)).toEqual([4, 1, 0, 0, 0, 3]);
    // Both rows have a question that is not a choice (several; none).
    expect(Array.from(w.done().bad!)).toEqual([1, 1]);
  });

  it('flags a row as bad unless every question is a choice, a mark written over counting as its last', () => {
    const w = new MarkCodesWriter([1, 2]);
    w.begin();
    w.mark(1, 'for');
    w.mark(2, 'several');
    w.mark(2, 'abstain'); // written over: a choice after all
    w.commit();
    w.begin();
    w.mark(1, 'against');
    w.mark(2, 'for');
    w.mark(1, 'none'); // written over: no longer a choice
    w.commit();
    w.begin();
    w.mark(1, 'for'); // question 2 left unmarked
    w.commit();
    expect(Array.from(w.done().bad!)).toEqual([0, 1, 1]);
  });

  it('grows past its first size and gives what the ballot objects give', () => {
    const marks: Mark[] = ['none', 'for', 'against', 'abstain', 'several', 'all_crossed'];
    const ballots = Array.from({ length: 200 }, (_, i) => {
      const m: Record<number, Mark> = { 1: marks[i % 6]!, 2: marks[(i * 7) % 6]! };
      if (i % 5 !== 0) m[3] = marks[(i * 5) % 6]!;
      return { marks: m };
    });
    const w = new MarkCodesWriter([1, 2, 3]);
    for (const b of ballots) {
      w.begin();
      for (const [n, m] of Object.entries(b.marks)) w.mark(Number(n), m);
      w.commit();
    }
    const expected = ballots.flatMap((b) => [1, 2, 3].map((n) => marks.indexOf(b.marks[n] ?? 'none')));
    expect(Array.from(w.done().codes)).toEqual(expected);
    expect(Array.from(encodeMarks(ballots, [1, 2, 3]).codes)).toEqual(expected);
    const choice = (m: Mark | undefined) => m === 'for' || m === 'against' || m === 'abstain';
    const bad = ballots.map((b) => ([1, 2, 3].every((n) => choice(b.marks[n])) ? 0 : 1));
    expect(Array.from(w.done().bad!)).toEqual(bad);
    expect(bad).toContain(0);
  });

  it('joins the files’ columns only when every file has one of the agenda', () => {
    const a = encodeMarks([{ marks: { 1: 'for', 2: 'against' } }], [1, 2]);
    const b = encodeMarks([{ marks: { 2: 'abstain' } }, { marks: { 1: 'several' } }], [1, 2]);
    expect(Array.from(joinMarkCodes([1, 2], [a, b])!.codes)).toEqual([1, 2, 0, 3, 4, 0]);
    expect(Array.from(joinMarkCodes([1, 2], [a, b])!.bad!)).toEqual([0, 1, 1]);
    expect(joinMarkCodes([1, 2], [a, { agenda: [1, 2], codes: b.codes }])!.bad).toBeUndefined();
    expect(joinMarkCodes([1, 2], [a, undefined])).toBeUndefined();
    expect(joinMarkCodes([2, 1], [a, b])).toBeUndefined();
  });
});
