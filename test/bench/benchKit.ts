/** What every benchmark reports: its time and a baseline measured in the same run. */
export interface BenchResult {
  name: string;
  ms: number;
  baselineMs: number;
  baselineName: string;
  /** The target for `ms`, where it gives one. */
  targetMs?: number;
}

/** Median wall time of `runs` calls, after one unmeasured warm-up call. */
export async function medianMs(runs: number, fn: () => unknown): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
