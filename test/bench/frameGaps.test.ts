import { runInNewContext } from 'node:vm';
import { startFrameGaps, stopFrameGaps, type FrameGapsWindow } from './frameGaps';

/**
 * A page window whose observers behave as Chromium's: every connected observer of a type gets each
 * entry, a disconnected one gets nothing; animation frames run when the test says, at the given time.
 */
function fakeWindow() {
  let now = 0;
  let frameCallbacks: ((t: number) => void)[] = [];
  const observers: {
    type: string;
    cb: (list: { getEntries(): PerformanceEntry[] }) => void;
    on: boolean;
    queued: PerformanceEntry[];
  }[] = [];
  class Observer {
    private entry?: (typeof observers)[number];
    constructor(private cb: (list: { getEntries(): PerformanceEntry[] }) => void) {}
    observe(o: { type: string }) {
      this.entry = { type: o.type, cb: this.cb, on: true, queued: [] };
      observers.push(this.entry);
    }
    disconnect() {
      if (this.entry) this.entry.on = false;
    }
    takeRecords() {
      const taken = this.entry?.queued ?? [];
      if (this.entry) this.entry.queued = [];
      return taken;
    }
  }
  const w: FrameGapsWindow = {
    PerformanceObserver: Observer,
    requestAnimationFrame: (cb) => frameCallbacks.push(cb),
    performance: { now: () => now },
  };
  return {
    w,
    connected: () => observers.filter((o) => o.on).length,
    /** Time passes to `t`, and the animation frames requested so far run. */
    frameAt(t: number) {
      now = t;
      const due = frameCallbacks;
      frameCallbacks = [];
      for (const cb of due) cb(t);
    },
    at(t: number) {
      now = t;
    },
    longTask(duration: number) {
      const entry = { duration } as PerformanceEntry;
      for (const o of observers) if (o.on && o.type === 'longtask') o.cb({ getEntries: () => [entry] });
    },
    pendingFrames: () => frameCallbacks.length,
    /** A long task whose entry is queued, not yet delivered to the observers (as at the end of work). */
    queuedLongTask(duration: number) {
      const entry = { duration } as PerformanceEntry;
      for (const o of observers) if (o.on && o.type === 'longtask') o.queued.push(entry);
    },
  };
}

describe('frame gaps recorder', () => {
  it('reports the longest gap between frames and the long tasks of its own recording', () => {
    const page = fakeWindow();
    page.at(100);
    startFrameGaps(page.w);
    page.frameAt(116);
    page.longTask(120);
    page.frameAt(250);
    page.frameAt(266);
    page.at(270);
    expect(stopFrameGaps(page.w)).toEqual({ maxGap: 134, longTasks: 1, longMs: 120 });
  });

  it('disconnects its observers on stop, so a later recording does not count the same tasks again', () => {
    const page = fakeWindow();
    startFrameGaps(page.w);
    page.longTask(80);
    page.frameAt(16);
    expect(page.connected()).toBe(2);
    expect(stopFrameGaps(page.w)).toMatchObject({ longTasks: 1, longMs: 80 });
    expect(page.connected()).toBe(0);

    page.at(1000);
    startFrameGaps(page.w);
    page.frameAt(1016); // the first recording's loop ends at this frame: it does not request another
    page.longTask(60);
    page.frameAt(1032);
    page.at(1040);
    expect(page.connected()).toBe(2);
    expect(stopFrameGaps(page.w)).toEqual({ maxGap: 16, longTasks: 1, longMs: 60 });
    page.frameAt(1050);
    expect(page.pendingFrames()).toBe(0);
  });

  it('stops a recording left running when a new one starts', () => {
    const page = fakeWindow();
    startFrameGaps(page.w);
    page.longTask(70);
    startFrameGaps(page.w);
    expect(page.connected()).toBe(2);
    page.longTask(90);
    expect(stopFrameGaps(page.w)).toMatchObject({ longTasks: 1, longMs: 90 });
  });

  it('counts the time from the last frame to the stop: work that ends in a long task', () => {
    const page = fakeWindow();
    startFrameGaps(page.w);
    page.frameAt(16);
    page.at(416);
    expect(stopFrameGaps(page.w).maxGap).toBe(400);
  });

  it('runs from its source text alone, as the page gets it (no outer names)', () => {
    const page = fakeWindow();
    const inPage = (fn: (w: FrameGapsWindow) => unknown) =>
      runInNewContext(`(${fn.toString()})()`, page.w as unknown as Record<string, unknown>);
    inPage(startFrameGaps);
    page.longTask(55);
    page.frameAt(16);
    page.at(20);
    expect(inPage(stopFrameGaps)).toMatchObject({ maxGap: 16, longTasks: 1, longMs: 55 });
    expect(page.connected()).toBe(0);
  });

  it('takes the long task the work ended with, queued but not yet delivered when it stops', () => {
    const page = fakeWindow();
    startFrameGaps(page.w);
    page.frameAt(16);
    page.queuedLongTask(300);
    page.at(320);
    expect(stopFrameGaps(page.w)).toEqual({ maxGap: 304, longTasks: 1, longMs: 300 });
    startFrameGaps(page.w);
    page.at(400);
    expect(stopFrameGaps(page.w)).toMatchObject({ longTasks: 0, longMs: 0 });
  });
});
