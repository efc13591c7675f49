/** What every benchmark reports, and how a case and its baseline are measured together. */

/** A case against its baseline, interleaved: the median of the per-pair ratios and their range. */
export interface PairedRatio {
  median: number;
  min: number;
  max: number;
  pairs: number;
}

/** A case's and its baseline's medians, and the paired ratio: what a row reports of its timing. */
export interface PairFigure {
  ms: number;
  baselineMs: number;
  ratio: PairedRatio;
}

export interface BenchResult {
  name: string;
  /** The case's median time. */
  ms: number;
  /** The baseline's median time, measured in the same run. */
  baselineMs: number;
  baselineName: string;
  /** Present where case and baseline were measured interleaved (A B A B …): what the row's ratio is. */
  ratio?: PairedRatio;
  /** The issue's target for `ms`, where it gives one: met when ms < targetMs. */
  targetMs?: number;
  /** A target the figure may reach (a count of keys): met when ms ≤ targetAtMost. */
  targetAtMost?: number;
  /** What `ms` and `baselineMs` count when it is not milliseconds (e.g. «клавиш»). */
  unit?: string;
  /** The issue's target for the ratio (case ÷ baseline), where it gives one: met when the median ≤ it. */
  targetRatio?: number;
  /** A count the same on every run (keys replayed), not a measurement: it needs no pairs. */
  counted?: true;
}

/** A measured row is judged only on at least this many interleaved pairs after a warm-up (issue 18, item 2). */
export const MIN_PAIRS = 5;

/**
 * Why a row cannot be judged: a measurement not taken as at least MIN_PAIRS interleaved pairs (a single
 * run, medians without pairs, or too few pairs). Its targets then count as not met.
 */
export function pairingFault(r: BenchResult): string | null {
  if (r.counted) return null;
  if (!r.ratio) return `не в парах, нужно не меньше ${MIN_PAIRS}`;
  return r.ratio.pairs < MIN_PAIRS ? `пар ${r.ratio.pairs}, нужно не меньше ${MIN_PAIRS}` : null;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Median wall time of `runs` calls, after one unmeasured warm-up call. */
export async function medianMs(runs: number, fn: () => unknown): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

export interface PairOptions<T, U> {
  /** Measured pairs after the warm-up (at least 5). */
  pairs?: number;
  warmup?: number;
  /** Untimed preparation before each call of the case or the baseline (its result is passed in). */
  prepareCase?: (run: number) => T;
  prepareBaseline?: (run: number) => U;
  /** The case and the baseline return their own time in ms (a child process timing its one call). */
  reported?: boolean;
}

/** A call that times itself: untimed preparation, then the call (or the time it reports). */
const timed =
  <X>(fn: (x: X) => unknown, prepare: ((run: number) => X) | undefined, reported?: boolean) =>
  async (run: number): Promise<number> => {
    const x = prepare ? prepare(run) : (undefined as X);
    const t = performance.now();
    const own = await fn(x);
    return reported ? Number(own) : performance.now() - t;
  };

/** Runs the calls in turn, A B C A B C …, `warmup` rounds unrecorded: each call's times. */
async function interleave(
  calls: ((run: number) => Promise<number>)[],
  warmup: number,
  pairs: number,
): Promise<number[][]> {
  const times = calls.map(() => [] as number[]);
  for (let i = 0; i < warmup + pairs; i++) {
    const round: number[] = [];
    for (const call of calls) round.push(await call(i));
    if (i >= warmup) round.forEach((t, k) => times[k]!.push(t));
  }
  return times;
}

/**
 * Times the case and its baseline interleaved, A B A B …, after `warmup` unmeasured pairs, so that a
 * busy moment of the machine falls on both. Returns both medians and the median of the per-pair ratios
 * with their range: the figure a row reports.
 */
export async function timePairs<T = void, U = void>(
  runCase: (x: T) => unknown,
  runBaseline: (x: U) => unknown,
  options: PairOptions<T, U> = {},
): Promise<PairFigure> {
  const [a, b] = await interleave(
    [
      timed(runCase, options.prepareCase, options.reported),
      timed(runBaseline, options.prepareBaseline, options.reported),
    ],
    options.warmup ?? 1,
    Math.max(5, options.pairs ?? 7),
  );
  return pairStats(a!, b!);
}

/**
 * One case against several baselines, interleaved A B C A B C …: each run of the case is paired with
 * the run of every baseline next to it, so a slow case runs once per round, not once per row. Returns
 * one pair figure per baseline, in their order.
 */
export async function timeAgainst<B extends (() => unknown)[]>(
  runCase: () => unknown,
  runBaselines: [...B],
  options: Pick<PairOptions<void, void>, 'pairs' | 'warmup' | 'reported'> = {},
): Promise<{ [K in keyof B]: PairFigure }> {
  const [a, ...bs] = await interleave(
    [runCase, ...runBaselines].map((fn) => timed(fn, undefined, options.reported)),
    options.warmup ?? 1,
    Math.max(5, options.pairs ?? 7),
  );
  return bs.map((b) => pairStats(a!, b)) as { [K in keyof B]: PairFigure };
}

/** Both medians and the median of the per-pair ratios a[i] / b[i], with their range. */
export function pairStats(a: number[], b: number[]): PairFigure {
  const ratios = a.map((x, i) => x / b[i]!);
  return {
    ms: median(a),
    baselineMs: median(b),
    ratio: { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios), pairs: a.length },
  };
}

/** The targets of a row and whether each is met: none is met by a row that cannot be judged (pairingFault). */
export function targetsOf(r: BenchResult): { text: string; met: boolean }[] {
  const out: { text: string; met: boolean }[] = [];
  const unit = r.unit ?? 'мс';
  if (r.targetMs !== undefined) out.push({ text: `< ${r.targetMs} ${unit}`, met: r.ms < r.targetMs });
  if (r.targetAtMost !== undefined) {
    out.push({ text: `≤ ${r.targetAtMost} ${unit}`, met: r.ms <= r.targetAtMost });
  }
  if (r.targetRatio !== undefined) {
    const ratio = r.ratio?.median ?? r.ms / r.baselineMs;
    out.push({ text: `≤ ${r.targetRatio}×`, met: ratio <= r.targetRatio });
  }
  return pairingFault(r) ? out.map((t) => ({ ...t, met: false })) : out;
}

/** A row as the run prints it: its suite, then the row. */
export type SuiteRow = BenchResult & { suite: string };

const fmt = (ms: number, unit?: string): string =>
  (ms < 10 || unit ? ms.toFixed(2) : ms.toFixed(0)) + (unit ? ` ${unit}` : '');

const ratioText = (r: BenchResult): string =>
  r.ratio
    ? `${r.ratio.median.toFixed(2)}× (${r.ratio.min.toFixed(2)}–${r.ratio.max.toFixed(2)}, ${r.ratio.pairs} пар)`
    : `${(r.ms / r.baselineMs).toFixed(2)}×${r.unit ? '' : ' (медианы)'}`;

/** One short line a row, printed as its suite ends: the figure, the ratio, and each target's verdict. */
export function rowLine(r: BenchResult): string {
  const t = targetsOf(r).map((x) => `${x.text}: ${x.met ? 'да' : 'НЕТ'}`);
  const fault = pairingFault(r);
  return `  ${fmt(r.ms, r.unit)} against ${fmt(r.baselineMs, r.unit)}, ${ratioText(r)}${t.length ? `; ${t.join(', ')}` : ''}${fault ? `; не судит: ${fault}` : ''} — ${r.name}`;
}

/**
 * The run's report: a markdown table, one line a row with its targets and «да»/«НЕТ» for each; the
 * `extra` targets (e.g. the bundle size, reported on its own line before); and the closing line
 * «N из M целей выполнено», naming the suites that failed (their targets are not in M) and the rows
 * that cannot be judged (pairingFault: their targets count as not met; marked in the table too).
 */
export function benchReport(
  rows: SuiteRow[],
  extra: { text: string; met: boolean }[] = [],
  failedSuites: string[] = [],
): string[] {
  const lines = [
    '| suite | benchmark | ms | baseline | baseline ms | ratio | target | met |',
    '| --- | --- | ---: | --- | ---: | ---: | --- | --- |',
  ];
  const verdicts = [...extra];
  const unjudged: string[] = [];
  for (const r of rows) {
    const t = targetsOf(r);
    const fault = pairingFault(r);
    verdicts.push(...t);
    if (fault) unjudged.push(`«${r.name}» (${fault})`);
    lines.push(
      `| ${r.suite} | ${r.name} | ${fmt(r.ms, r.unit)} | ${r.baselineName} | ${fmt(r.baselineMs, r.unit)} | ${ratioText(r)} | ` +
        `${t.map((x) => x.text).join(', ') || '—'} | ${t.map((x) => (x.met ? 'да' : 'НЕТ')).join(', ') || '—'}${fault ? ` (не судит: ${fault})` : ''} |`,
    );
  }
  const met = verdicts.filter((v) => v.met).length;
  const failed = failedSuites.length ? `; не досчитаны (ошибка): ${failedSuites.join(', ')}` : '';
  const alone = unjudged.length ? `; не судят (мало пар): ${unjudged.join(', ')}` : '';
  lines.push('', `${met} из ${verdicts.length} целей выполнено${failed}${alone}`);
  return lines;
}
