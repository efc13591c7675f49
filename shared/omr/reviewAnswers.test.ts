import type { ReadBallot } from './readStack';
import { answeredBallot, answers, reviewKey, scannedBallot, type ReviewAnswer } from './reviewAnswers';

const read: ReadBallot = {
  personId: 'p1',
  sources: ['a.pdf:1', 'a.pdf:2'],
  marks: { 1: 'for', 3: 'none' },
  review: [
    { source: 'a.pdf:1', personId: 'p1', question: 2, reason: 'faint', message: '' },
    { source: 'a.pdf:2', personId: 'p1', question: null, reason: 'no_signature', message: '' },
  ],
};
const [faint, unsigned] = read.review as [ReadBallot['review'][0], ReadBallot['review'][0]];

describe('review answers', () => {
  it('keeps a ballot open until every item is answered, then applies the keys', () => {
    const given = new Map<string, ReviewAnswer>([[reviewKey(faint), '2']]);
    expect(answeredBallot(read, given)).toEqual({ state: 'open', left: 1 });
    given.set(reviewKey(unsigned), '1');
    expect(answeredBallot(read, given)).toEqual({
      state: 'ready',
      marks: { 1: 'for', 2: 'against', 3: 'none' },
      voidReasons: [],
    });
    given.set(reviewKey(faint), '0').set(reviewKey(unsigned), '0');
    expect(answeredBallot(read, given)).toEqual({
      state: 'ready',
      marks: { 1: 'for', 2: 'several', 3: 'none' },
      voidReasons: ['no_signature'],
    });
  });

  it('skips a ballot whose missing sheet is answered 0, and takes only 1 and 0 for whole-ballot items', () => {
    const missing = { ...read, review: [{ ...unsigned, reason: 'missing_sheet' as const }] };
    expect(answeredBallot(missing, new Map([[reviewKey(unsigned), '0']]))).toEqual({ state: 'skipped' });
    expect(answers(unsigned, '2')).toBe(false);
    expect(answers(unsigned, '0')).toBe(true);
    expect(answers(faint, '3')).toBe(true);
    expect(answers(faint, '4')).toBe(false);
  });

  it('makes a paper ballot of the stack kind, naming its scan pages', () => {
    const b = scannedBallot(
      read,
      { marks: { 1: 'for' }, voidReasons: [] },
      { copy: 'scan', receivedAt: '2026-06-02', delivery: 'email' },
      'x1',
    );
    expect(b).toEqual({
      id: 'x1',
      channel: 'paper',
      voter: { personId: 'p1' },
      copy: 'scan',
      receivedAt: '2026-06-02',
      delivery: 'email',
      voidReasons: [],
      marks: { 1: 'for' },
      source: 'скан a.pdf:1, a.pdf:2',
    });
  });
});
