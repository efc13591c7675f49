/** What every benchmark reports, and how a case and its baseline are measured together. */

/** A case against its baseline, interleaved: the median of the per-pair ratios and their range. */
export interface PairedRatio {
  median: number;
  min: number;
  max: number;
  pairs: number;
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
  /** The target for `ms`, where it gives one: met when ms < targetMs. */
  targetMs?: number;
  /** A target the figure may reach (a count of keys): met when ms ≤ targetAtMost. */
  targetAtMost?: number;
  /** What `ms` and `baselineMs` count when it is not milliseconds (e.g. «клавиш»). */
  unit?: string;
  /** The target for the ratio (case ÷ baseline), where it gives one: met when the median ≤ it. */
  targetRatio?: number;
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

/**
 * Times the case and its baseline interleaved, A B A B …, after `warmup` unmeasured pairs, so that a
 * busy moment of the machine falls on both. Returns both medians and the median of the per-pair ratios
 * with their range: the figure a row reports.
 */
export async function timePairs<T = void, U = void>(
  runCase: (x: T) => unknown,
  runBaseline: (x: U) => unknown,
  options: PairOptions<T, U> = {},
): Promise<{ ms: number; baselineMs: number; ratio: PairedRatio }> {
  const pairs = Math.max(5, options.pairs ?? 7);
  const warmup = options.warmup ?? 1;
  const once = async <X>(run: number, prepare: ((run: number) => X) | undefined, fn: (x: X) => unknown) => {
    const x = prepare ? prepare(run) : (undefined as X);
    const t = performance.now();
    const own = await fn(x);
    return options.reported ? Number(own) : performance.now() - t;
  };
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < warmup + pairs; i++) {
    const ta = await once(i, options.prepareCase, runCase);
    const tb = await once(i, options.prepareBaseline, runBaseline);
    if (i < warmup) continue;
    a.push(ta);
    b.push(tb);
  }
  return pairStats(a, b);
}

/** Both medians and the median of the per-pair ratios a[i] / b[i], with their range. */
export function pairStats(a: number[], b: number[]): { ms: number; baselineMs: number; ratio: PairedRatio } {
  const ratios = a.map((x, i) => x / b[i]!);
  return {
    ms: median(a),
    baselineMs: median(b),
    ratio: { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios), pairs: a.length },
  };
}

/** The targets of a row and whether each is met. */
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
  return out;
}
