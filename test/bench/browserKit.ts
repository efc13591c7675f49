/** What the Chromium benchmarks share: a static server for the built renderer and a headless browser. */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { removeAtExit } from '../fixtures/tempDir';
import { pairStats, type BenchResult, type PairFigure } from './benchKit';
import { startFrameGaps, stopFrameGaps, type FrameGaps } from './frameGaps';

export type { FrameGaps } from './frameGaps';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The built renderer's folder (`distDir`, else E2E_DIST, else dist/renderer); throws when it is not built. */
export function builtRenderer(distDir?: string): string {
  const root = resolve(distDir ?? process.env.E2E_DIST ?? 'dist/renderer');
  if (!existsSync(join(root, 'index.html')))
    throw new Error(`${root}/index.html not found: run \`npx vite build\` first`);
  return root;
}

/** Serves `root` (the built renderer) on a free localhost port. */
export function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

export function baseUrl(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/**
 * Headless Chromium with the flags this offline machine needs, on a profile on disk as Electron runs the
 * app. (A plain `launch()` context keeps IndexedDB in memory, where writes slow down after every clear:
 * it measures a store the app never uses.) The profile folder is removed once `close()` has ended the
 * browser, and, whatever is left of it (a browser that crashed or was never closed), when this process exits.
 */
export async function launchChromium(
  executablePath?: string,
  opts: { baseURL?: string } = {},
): Promise<BrowserContext> {
  const profile = removeAtExit(mkdtempSync(join(tmpdir(), 'golos-chromium-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
    ...(opts.baseURL ? { baseURL: opts.baseURL } : {}),
  });
  // Not on the context's 'close' event: Chromium is still writing its profile then (removing it there
  // left it behind in 7 of 8 launches, ENOTEMPTY); a persistent context's close() resolves once it has exited.
  const close = context.close.bind(context);
  context.close = async (options) => {
    await close(options);
    await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(
      () => undefined,
    );
  };
  return context;
}

/**
 * The idle page's frame gaps are taken over as long as the busy run, at most this long: an idle page's
 * longest gap hardly grows with the wait (one frame, 16–20 ms), and waiting out every multi-second
 * build again, idle, only lengthened the run.
 */
export const IDLE_MAX_MS = 3000;

/** The idle page's longest frame gap over `ms` (at most IDLE_MAX_MS). */
export async function idleFrameGap(page: Page, ms: number): Promise<number> {
  return (await withFrameGaps(page, () => page.waitForTimeout(Math.min(ms, IDLE_MAX_MS)))).maxGap;
}

/** Runs `work` while recording the page's animation-frame gaps and long tasks (see frameGaps.ts). */
export async function withFrameGaps<T>(
  page: Page,
  work: () => Promise<T>,
): Promise<{ value: T } & FrameGaps> {
  // Sent as their source text: in the page they default to its window.
  const start = startFrameGaps as () => void;
  const stop = stopFrameGaps as () => FrameGaps;
  await page.evaluate(start);
  try {
    const value = await work();
    return { value, ...(await page.evaluate(stop)) };
  } catch (e) {
    await page.evaluate(stop).catch(() => undefined);
    throw e;
  }
}

/** True once the browser backup store (`golos-backups`) holds a backup (run in the page). */
async function dailyBackupDone(): Promise<boolean> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('golos-backups');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  try {
    if (!db.objectStoreNames.contains('backups')) return false;
    const count = await new Promise<number>((resolve, reject) => {
      const r = db.transaction('backups').objectStore('backups').count();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    return count > 0;
  } finally {
    db.close();
  }
}

/** Waits until the app's daily automatic backup (3 s after the start) is stored. */
export async function waitForDailyBackup(page: Page): Promise<void> {
  const until = Date.now() + 120_000;
  while (!(await page.evaluate(dailyBackupDone))) {
    if (Date.now() > until) throw new Error('the daily automatic backup was not stored within 2 minutes');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A frame-gap row from paired busy and idle runs (`last`: the busy run `which` names, for its long tasks). */
export function frameGapRow(
  while_: string,
  last: FrameGaps,
  gaps: Pick<BenchResult, 'ms' | 'baselineMs' | 'ratio'>,
  which = 'last run',
): BenchResult {
  return {
    name: `Main thread ${while_}: longest frame gap (${which}: ${last.longTasks} long tasks, ${last.longMs.toFixed(0)} ms in all${last.longestFrame ? `; longest frame ${last.longestFrame}` : ''})`,
    ...gaps,
    baselineName: `longest frame gap of the idle page over as long (at most ${IDLE_MAX_MS / 1000} s)`,
  };
}

/**
 * One set of runs for two rows: `work` against its baseline (time), and the longest frame gap during
 * `work` against the idle page's over as long. Interleaved A B C A B C … (work, baseline, idle), so a
 * slow piece of work (an integrity check, a PDF) runs once per pair instead of once per row.
 */
export async function timeWithFrameGaps(
  page: Page,
  while_: string,
  work: () => Promise<unknown>,
  baseline: () => Promise<unknown>,
  opts: { pairs?: number; warmup?: number } = {},
): Promise<{ time: PairFigure; gaps: BenchResult }> {
  const pairs = Math.max(5, opts.pairs ?? 5);
  const warmup = opts.warmup ?? 1;
  const busy: number[] = [];
  const base: number[] = [];
  const busyGap: number[] = [];
  const idleGaps: number[] = [];
  let last: FrameGaps = { maxGap: 0, longTasks: 0, longMs: 0 };
  for (let i = 0; i < warmup + pairs; i++) {
    const t0 = performance.now();
    last = await withFrameGaps(page, work);
    const ms = performance.now() - t0;
    const t1 = performance.now();
    await baseline();
    const baseMs = performance.now() - t1;
    const idleGap = await idleFrameGap(page, ms);
    if (i < warmup) continue;
    busy.push(ms);
    base.push(baseMs);
    busyGap.push(last.maxGap);
    idleGaps.push(idleGap);
  }
  return { time: pairStats(busy, base), gaps: frameGapRow(while_, last, pairStats(busyGap, idleGaps)) };
}
