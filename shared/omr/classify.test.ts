import type { BoxScore } from './boxScore';
import { boxState, classifyQuestion } from './classify';
import { checkOmrSettings, DEFAULT_OMR_SETTINGS as S } from './settings';

const score = (fill: number, ink = fill, outside = 0, outline = 1): BoxScore => ({
  fill,
  ink,
  outside,
  outline,
  shift: { x: 0, y: 0 },
});
const q = (...scores: BoxScore[]) =>
  classifyQuestion(
    scores.map((score, i) => ({ choice: (['for', 'against', 'abstain'] as const)[i]!, score })),
    S,
  );

describe('boxState', () => {
  it('sorts scores on the default thresholds', () => {
    expect(boxState(score(0), S)).toBe('empty');
    expect(boxState(score(0.01, 0.02), S)).toBe('empty');
    expect(boxState(score(0.05), S)).toBe('faint');
    expect(boxState(score(0, 0.2), S)).toBe('faint'); // light pencil-grey ink, nothing dark
    expect(boxState(score(0.4), S)).toBe('marked');
    expect(boxState(score(0.95, 0.95, 0.02), S)).toBe('marked'); // filled neatly
    expect(boxState(score(0.95, 0.95, 0.3), S)).toBe('crossed_out');
  });
});

describe('classifyQuestion', () => {
  it('one clear mark is that choice', () => {
    expect(q(score(0), score(0.35), score(0.01))).toEqual({ kind: 'choice', choice: 'against' });
  });
  it('no ink is none', () => {
    expect(q(score(0), score(0), score(0))).toEqual({ kind: 'none' });
  });
  it('a box whose printed outline is not where it was looked for is review, whatever the fill', () => {
    // Two «marks» measured on text where no box is: not «несколько».
    expect(q(score(0.3, 0.3, 0, 0.2), score(0), score(0.5, 0.5, 0, 0.3))).toEqual({
      kind: 'review',
      reason: 'box_not_found',
    });
    expect(q(score(0), score(0.4, 0.4, 0, 0.49), score(0))).toEqual({
      kind: 'review',
      reason: 'box_not_found',
    });
    expect(q(score(0), score(0.4, 0.4, 0, 0.9), score(0))).toEqual({ kind: 'choice', choice: 'against' });
  });
  it('two clear marks are «несколько»', () => {
    expect(q(score(0.3), score(0), score(0.5))).toEqual({ kind: 'several', choices: ['for', 'abstain'] });
  });
  it('a faint mark beside a clear one is review, not the clear one', () => {
    expect(q(score(0.4), score(0.06), score(0))).toEqual({ kind: 'review', reason: 'faint' });
  });
  it('filled then crossed out is review even with another clear mark', () => {
    expect(q(score(0.9, 0.9, 0.3), score(0.4), score(0))).toEqual({ kind: 'review', reason: 'crossed_out' });
  });
});

describe('checkOmrSettings', () => {
  it('takes shares within 0..1 with the empty threshold below the mark threshold', () => {
    expect(checkOmrSettings({ ...S }).ok).toBe(true);
    const wrong = checkOmrSettings({ ...S, markMin: 1.5 });
    expect(!wrong.ok && wrong.error.map((p) => p.message)).toEqual([
      'Отметка: закрашено не меньше, %: нужно число от 0 до 100.',
    ]);
    const order = checkOmrSettings({ ...S, emptyMax: 0.2, markMin: 0.1 });
    expect(!order.ok && order.error[0]!.field).toBe('Пустая клетка: закрашено не больше, %');
  });
});
