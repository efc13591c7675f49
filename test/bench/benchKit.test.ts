import {
  benchReport,
  MIN_PAIRS,
  pairingFault,
  rowLine,
  targetsOf,
  timeAgainst,
  timePairs,
  type BenchResult,
  type SuiteRow,
} from './benchKit';

const row = (extra: Partial<BenchResult>): BenchResult => ({
  name: 'x',
  ms: 40,
  baselineMs: 5,
  baselineName: 'y',
  ratio: { median: 8, min: 7, max: 9, pairs: 5 },
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
    expect(targetsOf(row({ ms: 13, targetAtMost: 13, unit: 'клавиш', counted: true }))).toEqual([
      { text: '≤ 13 клавиш', met: true },
    ]);
    expect(targetsOf(row({ ms: 13.27, targetAtMost: 13, unit: 'клавиш', counted: true }))).toEqual([
      { text: '≤ 13 клавиш', met: false },
    ]);
    expect(targetsOf(row({}))).toEqual([]);
  });
});

describe('bench report', () => {
  const rows: SuiteRow[] = [
    { ...row({ targetMs: 50, targetRatio: 10 }), suite: 'tally' }, // 40 ms, 8×: both met
    { ...row({ name: 'slow', ms: 70, targetMs: 50 }), suite: 'tally' }, // not met
    { ...row({ name: 'untargeted' }), suite: 'paper' },
    {
      ...row({ name: 'keys', ms: 12.16, baselineMs: 10, unit: 'клавиш', targetAtMost: 13, counted: true }),
      suite: 'paper',
    },
  ];

  it('prints each row with its targets and «да»/«НЕТ», and ends with the count of targets met', () => {
    const lines = benchReport(rows, [{ text: 'bundle', met: false }]);
    expect(lines.at(-1)).toBe('3 из 5 целей выполнено');
    const body = lines.filter(
      (l) => l.startsWith('| ') && !l.startsWith('| suite') && !l.startsWith('| ---'),
    );
    expect(body).toHaveLength(4);
    expect(body[0]).toMatch(/\| < 50 мс, ≤ 10× \| да, да \|$/);
    expect(body[1]).toMatch(/\| slow \| 70 \|.*\| < 50 мс \| НЕТ \|$/);
    expect(body[2]).toMatch(/\| — \| — \|$/);
    expect(body[3]).toMatch(/\| 12\.16 клавиш \|.*\| ≤ 13 клавиш \| да \|$/);
  });

  it('names the suites that failed in the closing line', () => {
    expect(benchReport(rows.slice(0, 1), [], ['protocol']).at(-1)).toBe(
      '2 из 2 целей выполнено; не досчитаны (ошибка): protocol',
    );
    expect(benchReport([]).at(-1)).toBe('0 из 0 целей выполнено');
  });
});

describe('one case against several baselines', () => {
  it('runs A B C A B C …, each case run paired with both baselines of its round', async () => {
    const order: string[] = [];
    let t = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => t);
    let k = 0;
    const [plain, library] = await timeAgainst(
      () => {
        order.push('A');
        t += 10 * ++k; // 10, 20, … 60: the warm-up round, then 20 … 60
      },
      [
        () => {
          order.push('B');
          t += 10;
        },
        () => {
          order.push('C');
          t += 20;
        },
      ],
      { pairs: 5, warmup: 1 },
    );
    now.mockRestore();
    expect(order.join('')).toBe('ABC'.repeat(6));
    expect(plain).toEqual({ ms: 40, baselineMs: 10, ratio: { median: 4, min: 2, max: 6, pairs: 5 } });
    expect(library).toEqual({ ms: 40, baselineMs: 20, ratio: { median: 2, min: 1, max: 3, pairs: 5 } });
  });
});

describe('row line printed as a suite ends', () => {
  it('gives the figure, the baseline, the ratio and each verdict', () => {
    const line = rowLine(
      row({ ms: 700, baselineMs: 350, targetMs: 1000, ratio: { median: 2, min: 1.5, max: 3, pairs: 5 } }),
    );
    expect(line).toBe('  700 against 350, 2.00× (1.50–3.00, 5 пар); < 1000 мс: да — x');
    expect(
      rowLine(row({ ms: 499, baselineMs: 244, unit: 'МБ', targetMs: 1024, ratio: undefined, counted: true })),
    ).toContain('499.00 МБ against 244.00 МБ, 2.05×; < 1024 МБ: да');
  });

  it('says a measured row taken as a single run or too few pairs is not judged', () => {
    expect(rowLine(row({ ms: 700, targetMs: 1000, ratio: { median: 2, min: 2, max: 2, pairs: 1 } }))).toBe(
      '  700 against 5.00, 2.00× (2.00–2.00, 1 пар); < 1000 мс: НЕТ; не судит: пар 1, нужно не меньше 5 — x',
    );
  });
});

describe('the pairs rule (issue 18, item 2)', () => {
  it('judges a measured row only on at least 5 interleaved pairs; a count needs none', () => {
    expect(MIN_PAIRS).toBe(5);
    expect(pairingFault(row({}))).toBeNull();
    expect(pairingFault(row({ ratio: { median: 2, min: 1, max: 3, pairs: 4 } }))).toBe(
      'пар 4, нужно не меньше 5',
    );
    expect(pairingFault(row({ ratio: undefined }))).toBe('не в парах, нужно не меньше 5');
    expect(pairingFault(row({ ratio: undefined, counted: true }))).toBeNull();
  });

  it('counts the targets of a row with too few pairs as not met, even when its figure is within them', () => {
    const fast = { median: 0.5, min: 0.4, max: 0.6 };
    expect(targetsOf(row({ ms: 10, targetMs: 60, targetRatio: 1, ratio: { ...fast, pairs: 1 } }))).toEqual([
      { text: '< 60 мс', met: false },
      { text: '≤ 1×', met: false },
    ]);
    expect(targetsOf(row({ ms: 10, targetMs: 60, ratio: undefined }))).toEqual([
      { text: '< 60 мс', met: false },
    ]);
    const lines = benchReport([
      { ...row({ name: 'paired', targetMs: 60 }), suite: 's' },
      { ...row({ name: 'one run', targetMs: 60, ratio: { ...fast, pairs: 1 } }), suite: 's' },
      { ...row({ name: 'two pairs', ratio: { ...fast, pairs: 2 } }), suite: 's' },
    ]);
    expect(lines.find((l) => l.includes('| one run |'))).toMatch(
      /\| НЕТ \(не судит: пар 1, нужно не меньше 5\) \|$/,
    );
    expect(lines.at(-1)).toBe(
      '1 из 2 целей выполнено; не судят (мало пар): «one run» (пар 1, нужно не меньше 5), ' +
        '«two pairs» (пар 2, нужно не меньше 5)',
    );
  });
});
