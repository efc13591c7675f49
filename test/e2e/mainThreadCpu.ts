/**
 * The page's main-thread tasks as Chromium's own trace records them (CDP Tracing, category `toplevel`):
 * each task's wall time and its thread CPU time. On a loaded machine a task's wall time grows while the
 * thread waits for a core; its CPU time is the work the page itself did, so «the window never blocks»
 * is asserted on it (with the wall time reported beside it).
 */
import type { Page } from '@playwright/test';

export interface MainThreadTasks {
  /** Tasks on the renderer main threads while recording. */
  tasks: number;
  /** The longest task's CPU time (ms) and wall time (ms); the longest wall task's CPU time. */
  longestCpuMs: number;
  longestWallMs: number;
  cpuOfLongestWallMs: number;
}

type TraceEvent = { ph: string; name: string; pid: number; tid: number; dur?: number; tdur?: number };

/** Starts recording; the returned function stops and summarizes the renderer main threads' tasks. */
export async function recordMainThread(page: Page): Promise<() => Promise<MainThreadTasks>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { categories: 'toplevel', transferMode: 'ReturnAsStream' });
  return async () => {
    const complete = new Promise<string>((ok) => cdp.once('Tracing.tracingComplete', (e) => ok(e.stream!)));
    await cdp.send('Tracing.end');
    const handle = await complete;
    let text = '';
    for (;;) {
      const r = await cdp.send('IO.read', { handle, size: 1 << 20 });
      text += r.base64Encoded ? Buffer.from(r.data, 'base64').toString() : r.data;
      if (r.eof) break;
    }
    await cdp.send('IO.close', { handle });
    await cdp.detach();
    const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
    const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
    const main = new Set(
      events
        .filter((e) => e.ph === 'M' && e.name === 'thread_name')
        .filter((e) => (e as unknown as { args: { name: string } }).args.name === 'CrRendererMain')
        .map((e) => `${e.pid}/${e.tid}`),
    );
    const tasks = events.filter(
      (e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && main.has(`${e.pid}/${e.tid}`),
    );
    let longestCpu = 0;
    let longestWall: TraceEvent | undefined;
    for (const t of tasks) {
      longestCpu = Math.max(longestCpu, t.tdur ?? 0);
      if ((t.dur ?? 0) > (longestWall?.dur ?? 0)) longestWall = t;
    }
    return {
      tasks: tasks.length,
      longestCpuMs: longestCpu / 1000,
      longestWallMs: (longestWall?.dur ?? 0) / 1000,
      cpuOfLongestWallMs: (longestWall?.tdur ?? 0) / 1000,
    };
  };
}
