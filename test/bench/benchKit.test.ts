import { targetsOf, timePairs, type BenchResult } from './benchKit';

const row = (extra: Partial<BenchResult>): BenchResult => ({
  name: 'x',
  ms: 40,
  baselineMs: 5,
  baselineName: 'y',
  ...extra,
});

describe('benchmark kit', () => {
  it('runs case and baseline alternately, at least 5 pairs after the warm-up, and reports the median pair ratio', async () => {
    const order: string[] = [];
    let t = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => t);
    // The case takes 10, 20, 30, … ticks; the baseline always 10: ratios 1, 2, 3 … of the measured pairs.
    let k = 0;
    const r = await timePairs(
      () => {
        order.push('A');
        t += 10 * ++k;
      },
      () => {
        order.push('B');
        t += 10;
      },
      { pairs: 3, warmup: 1 },
    );
    now.mockRestore();
    expect(order.join('')).toBe('AB'.repeat(6));
    expect(r.ratio).toEqual({ median: 4, min: 2, max: 6, pairs: 5 });
    expect(r.ms).toBe(40);
    expect(r.baselineMs).toBe(10);
  });

  it('says whether each target is met: time below it, ratio at most it', () => {
    expect(targetsOf(row({ targetMs: 50, targetRatio: 10 }))).toEqual([
      { text: '< 50 мс', met: true },
      { text: '≤ 10×', met: true },
    ]);
    expect(targetsOf(row({ targetMs: 40 }))).toEqual([{ text: '< 40 мс', met: false }]);
    expect(targetsOf(row({ targetRatio: 5, ratio: { median: 5.5, min: 4, max: 6, pairs: 5 } }))).toEqual([
      { text: '≤ 5×', met: false },
    ]);
    expect(targetsOf(row({ ms: 13, targetAtMost: 13, unit: 'клавиш' }))).toEqual([
      { text: '≤ 13 клавиш', met: true },
    ]);
    expect(targetsOf(row({ ms: 13.27, targetAtMost: 13, unit: 'клавиш' }))).toEqual([
      { text: '≤ 13 клавиш', met: false },
    ]);
    expect(targetsOf(row({}))).toEqual([]);
  });
});
