/**
 * The in-page recorder behind `withFrameGaps`: animation-frame gaps, long tasks and the longest
 * animation frame while some work runs. `startFrameGaps` and `stopFrameGaps` are sent to the page as
 * source text (Playwright's `page.evaluate`), so each is self-contained: no imports, no outer names.
 * Each recording has its own state and its own observers, and stopping it disconnects them: a later
 * recording on the same page never counts an earlier one's long tasks.
 */

/** How the page's main thread kept up: the longest gap between animation frames, and long tasks. */
export interface FrameGaps {
  maxGap: number;
  longTasks: number;
  longMs: number;
  /**
   * The longest animation frame (PerformanceObserver 'long-animation-frame'): its duration, how much of
   * it was blocking, and the script that ran longest in it ("invoker fn", or "no script": the thread
   * waited for the CPU or the renderer), so a row names what held the main thread.
   */
  longestFrame?: string;
}

interface Script {
  invoker: string;
  sourceFunctionName: string;
  duration: number;
}
type Frame = PerformanceEntry & { blockingDuration: number; scripts: Script[] };

/** One recording's state, kept on the page's window between the two calls. */
interface Recording {
  frames: number[];
  long: number[];
  loaf: Frame | null;
  stopped: boolean;
  /** Each observer with its handler: the stop hands it the entries not yet delivered, then disconnects. */
  observers: {
    observer: { disconnect(): void; takeRecords(): PerformanceEntry[] };
    take(e: PerformanceEntry[]): void;
  }[];
}

/** What the recorder uses of the page's window (a fake one in the unit test). */
export interface FrameGapsWindow {
  PerformanceObserver: new (cb: (list: { getEntries(): PerformanceEntry[] }) => void) => {
    observe(o: { type: string }): void;
    disconnect(): void;
    takeRecords(): PerformanceEntry[];
  };
  requestAnimationFrame(cb: (t: number) => void): unknown;
  performance: { now(): number };
  __frameGaps?: Recording;
}

/** Starts a recording on the page (stopping one left running). */
export function startFrameGaps(w: FrameGapsWindow = globalThis as unknown as FrameGapsWindow): void {
  const previous = w.__frameGaps;
  if (previous) {
    previous.stopped = true;
    for (const o of previous.observers) o.observer.disconnect();
  }
  const rec: Recording = {
    frames: [w.performance.now()],
    long: [],
    loaf: null,
    stopped: false,
    observers: [],
  };
  w.__frameGaps = rec;
  const takeLong = (entries: PerformanceEntry[]) => {
    for (const e of entries) rec.long.push(e.duration);
  };
  const takeFrames = (entries: PerformanceEntry[]) => {
    for (const e of entries as Frame[]) if (e.duration > (rec.loaf?.duration ?? 0)) rec.loaf = e;
  };
  for (const [type, take] of [
    ['longtask', takeLong],
    ['long-animation-frame', takeFrames],
  ] as const) {
    const observer = new w.PerformanceObserver((list) => {
      if (!rec.stopped) take(list.getEntries());
    });
    observer.observe({ type });
    rec.observers.push({ observer, take });
  }
  // This recording's own loop: it ends at the first frame after its stop, whatever later recordings do.
  const tick = (t: number) => {
    if (rec.stopped) return;
    rec.frames.push(t);
    w.requestAnimationFrame(tick);
  };
  w.requestAnimationFrame(tick);
}

/**
 * Stops the page's recording, takes the entries its observers have not delivered yet, disconnects them and returns what it saw. The time from the last
 * frame to the stop counts as a gap too: work that ends in a long task has no frame after it yet.
 */
export function stopFrameGaps(w: FrameGapsWindow = globalThis as unknown as FrameGapsWindow): FrameGaps {
  const rec = w.__frameGaps;
  if (!rec) return { maxGap: 0, longTasks: 0, longMs: 0 };
  // Entries of the work's last task are queued but not yet delivered: take them before disconnecting.
  for (const o of rec.observers) o.take(o.observer.takeRecords());
  rec.stopped = true;
  for (const o of rec.observers) o.observer.disconnect();
  w.__frameGaps = undefined;
  const frames = [...rec.frames, w.performance.now()];
  let maxGap = 0;
  for (let i = 1; i < frames.length; i++) maxGap = Math.max(maxGap, frames[i]! - frames[i - 1]!);
  const f = rec.loaf;
  let top: Script | null = null;
  for (const x of f?.scripts ?? []) if (!top || x.duration > top.duration) top = x;
  const script = top
    ? `${top.invoker}${top.sourceFunctionName ? ` ${top.sourceFunctionName}` : ''} ${top.duration.toFixed(0)} ms`
    : 'no script';
  return {
    maxGap,
    longTasks: rec.long.length,
    longMs: rec.long.reduce((s, d) => s + d, 0),
    ...(f
      ? { longestFrame: `${f.duration.toFixed(0)} ms, ${f.blockingDuration.toFixed(0)} blocking, ${script}` }
      : {}),
  };
}
