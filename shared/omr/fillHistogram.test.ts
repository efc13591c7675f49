import type { BoxScore } from './boxScore';
import { fillHistogram } from './fillHistogram';
import type { ReadSheet } from './readStack';
import { DEFAULT_OMR_SETTINGS } from './settings';

const sheet = (fills: number[]): ReadSheet =>
  ({
    marks: {
      boxes: fills.map((fill) => ({
        question: 1,
        choice: 'for',
        score: { fill, ink: fill, outside: 0, outline: 1, shift: { x: 0, y: 0 } } satisfies BoxScore,
      })),
    },
  }) as unknown as ReadSheet;

describe('fillHistogram', () => {
  it('counts boxes per tenth and per band, as counted by hand', () => {
    const h = fillHistogram([sheet([0, 0.01, 0.05, 0.4]), sheet([0.99, 1, 0.12])], DEFAULT_OMR_SETTINGS, 10);
    expect(h.edges).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(h.counts).toEqual([3, 1, 0, 0, 1, 0, 0, 0, 0, 2]);
    // emptyMax 0.03, markMin 0.12: 0 and 0.01 empty; 0.05 between; 0.12, 0.4, 0.99, 1 marked.
    expect(h.bands).toEqual({ empty: 2, between: 1, marked: 4 });
  });
});
