/**
 * Reading scanned ballots in real Chromium on the built renderer (dist/renderer; `npx vite build` first),
 * through the «Сканы» tab: the stack of omrBench (scanStack.ts: marked ballots at 200 dpi in a copier's
 * PDF) picked as the user picks it, read and stored by the scans worker, the ballots read stored, until
 * the summary shows. Every reading is checked against what was drawn (the cards' stored stack). Baseline,
 * interleaved (A B A B …, 5 pairs of the full stack after one warm-up pair on omrBench's small stack):
 * pdf.js alone in the same browser rendering the same pages at 200 dpi on an OffscreenCanvas in a worker
 * and taking their pixels (as the scans worker rasterizes them), without reading. Also the main thread:
 * the longest gap between animation frames while the stack is scanned in (target: under 100 ms) against
 * the longest gap while pdf.js renders the same pages in its worker (the main thread left alone, the
 * processor as busy), with the long tasks.
 */
import type { Page } from '@playwright/test';
import { copyFileSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ScanReviewRecord } from '../../renderer/db/records';
import { newMeeting } from '../../shared/meetings/meeting';
import { seedApp } from '../e2e/gosuslugiSeed';
import { tempDirUntilExit } from '../fixtures/tempDir';
import { pairStats, type BenchResult } from './benchKit';
import {
  baseUrl,
  builtRenderer,
  launchChromium,
  serve,
  waitForDailyBackup,
  withFrameGaps,
} from './browserKit';
import { benchScanStack, OMR_PAGES, OMR_WARMUP, omrPages } from './omrBench';
import { assertReadAsDrawn, type ScanStack } from './scanStack';

/** A module worker rendering every page of a PDF with pdf.js, taking the pixels (served beside it). */
const RASTER_WORKER = `
import * as lib from './pdf.min.mjs';
lib.GlobalWorkerOptions.workerSrc = new URL('./pdf.worker.min.mjs', import.meta.url).href;
class Factory {
  create(w, h) { const canvas = new OffscreenCanvas(w, h); return { canvas, context: canvas.getContext('2d', { willReadFrequently: true }) }; }
  reset(c, w, h) { c.canvas.width = w; c.canvas.height = h; }
  destroy(c) { c.canvas.width = 0; c.canvas.height = 0; c.canvas = null; c.context = null; }
}
// Only the page's File: pdf.js may post its own messages on this global (its fake worker's port).
self.onmessage = (e) => e.data instanceof Blob &&
  rasterize(e.data).catch((error) => self.postMessage({ bench: 'failed', message: String(error) }));
async function rasterize(file) {
  const doc = await lib.getDocument({ data: new Uint8Array(await file.arrayBuffer()), isEvalSupported: false,
    disableFontFace: true, isOffscreenCanvasSupported: true, CanvasFactory: Factory }).promise;
  const canvas = new OffscreenCanvas(1, 1);
  let pixels = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const viewport = page.getViewport({ scale: 200 / 72 });
    canvas.width = Math.round(viewport.width);
    canvas.height = Math.round(viewport.height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    await page.render({ canvasContext: context, viewport }).promise;
    page.cleanup();
    pixels += context.getImageData(0, 0, canvas.width, canvas.height).data.length / 4;
  }
  await doc.destroy();
  self.postMessage({ bench: 'done', pages: doc.numPages, pixels });
}`;

/**
 * The built renderer as served for this benchmark: its files (linked, as built) and a folder `__bench`
 * with pdf.js from node_modules and the rasterizing worker, same-origin as the app's policy requires.
 */
function rendererWithRasterizer(root: string): string {
  const dir = tempDirUntilExit('golos-omr-served-');
  for (const f of readdirSync(root)) symlinkSync(join(root, f), join(dir, f));
  const require = createRequire(import.meta.url);
  mkdirSync(join(dir, '__bench'));
  for (const f of ['pdf.min.mjs', 'pdf.worker.min.mjs'])
    copyFileSync(require.resolve(`pdfjs-dist/build/${f}`), join(dir, '__bench', f));
  writeFileSync(join(dir, '__bench', 'raster.worker.mjs'), RASTER_WORKER);
  return dir;
}

async function installRasterizer(page: Page): Promise<void> {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-raster';
    input.hidden = true;
    document.body.append(input);
  });
}

/** pdf.js alone: the file picked into the bench's own input, every page rendered in a worker. */
async function rasterizeInPage(page: Page, path: string, pages: number): Promise<void> {
  await page.setInputFiles('#bench-raster', path);
  const done = await page.evaluate(
    () =>
      new Promise<{ pages: number; pixels: number }>((resolve, reject) => {
        const w = new Worker('/__bench/raster.worker.mjs', { type: 'module' });
        w.onmessage = (e) => {
          const m = e.data as { bench?: string; pages: number; pixels: number; message: string };
          if (!m?.bench) return;
          w.terminate();
          if (m.bench === 'done') resolve(m);
          else reject(new Error(m.message));
        };
        w.onerror = (e) => reject(new Error(e.message));
        w.postMessage((document.getElementById('bench-raster') as HTMLInputElement).files![0]);
      }),
  );
  if (done.pages !== pages || done.pixels < pages * 1_600_000)
    throw new Error(`pdf.js rendered ${done.pages} pages (${done.pixels} pixels) of ${pages}`);
}

/** The stack picked on «Сканы», until the summary shows. */
async function scanIn(page: Page, stack: ScanStack, pages: number): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Выбрать сканы…' }).click(),
  ]);
  await chooser.setFiles(stack.pdfs.get(pages)!);
  await page.getByRole('status', { name: 'Чтение сканов' }).waitFor({ timeout: 60_000 });
  const summary = page.getByRole('list', { name: 'Итоги чтения сканов' });
  await summary.getByText(`Страниц: ${pages}`, { exact: true }).waitFor({ timeout: 20 * 60_000 });
}

/**
 * Every stack scanned in was read as drawn: the stacks whose cards wait in the database (one per run,
 * in order) hold everything read. Read after the timed runs, so this check is not in their time.
 */
async function assertStoredStacks(page: Page, stack: ScanStack, runs: readonly number[]): Promise<void> {
  const stored = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('golos');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    try {
      const rows = await new Promise<ScanReviewRecord[]>((ok, fail) => {
        const req = db.transaction('scanReviews').objectStore('scanReviews').getAll();
        req.onsuccess = () => ok(req.result as ScanReviewRecord[]);
        req.onerror = () => fail(req.error);
      });
      return rows
        .sort((a, b) => a.readAt.localeCompare(b.readAt))
        .map((r) => ({ pages: r.run.outcome.pages, ballots: r.run.outcome.ballots }));
    } finally {
      db.close();
    }
  });
  if (stored.length !== runs.length)
    throw new Error(`${stored.length} stored stacks after ${runs.length} runs`);
  stored.forEach(({ pages, ballots }, i) => {
    if (pages !== runs[i] || ballots.length !== pages)
      throw new Error(
        `run ${i + 1}: the tab read ${ballots.length} ballots of ${pages} pages, not ${runs[i]}`,
      );
    assertReadAsDrawn(stack, pages, ballots, `«Сканы» in Chromium, run ${i + 1}`);
  });
}

/** The page's long tasks, recorded from now on; `since(t)` gives those that started after page time t. */
async function recordLongTasks(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __benchTasks: [number, number][] };
    w.__benchTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__benchTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
  });
  return {
    now: () => page.evaluate(() => performance.now()),
    since: async (t: number) => {
      const all = await page.evaluate(
        () => (window as unknown as { __benchTasks: [number, number][] }).__benchTasks,
      );
      const d = all.filter(([start]) => start >= t).map(([, ms]) => ms);
      return { count: d.length, longest: Math.max(0, ...d) };
    },
  };
}

export async function benchOmrBrowser(
  opts: { distDir?: string; executablePath?: string } = {},
): Promise<BenchResult[]> {
  const stack = await benchScanStack();
  const server = await serve(rendererWithRasterizer(builtRenderer(opts.distDir)));
  const browser = await launchChromium(opts.executablePath, { baseURL: baseUrl(server) });
  try {
    const page = await browser.newPage();
    // The meeting as the app keeps it: its partnership and its registry snapshot (seedApp's).
    const meeting = {
      ...newMeeting({
        id: stack.meeting.id,
        partnershipId: 'snt-1',
        kind: 'snt',
        title: stack.meeting.title,
        now: '2026-05-01T09:00:00.000Z',
      }),
      ...stack.meeting,
      partnershipId: 'snt-1',
      questions: stack.meeting.questions.map((q) => ({ ...q, attachmentIds: [] })),
      snapshotId: 'snap-1',
    };
    await seedApp(page, meeting, stack.registry);
    await page.goto(`/#/meetings/${stack.meeting.id}/scans`);
    await page.reload();
    await page.getByLabel('Оператор:').fill('Секретарёва Анна Ивановна');
    await page.getByLabel('Оператор:').press('Enter');
    await page.getByLabel('Что за пачка').selectOption({ label: 'Сканы, присланные по электронной почте' });
    await page.getByLabel('Дата получения').fill('2026-06-10');
    await waitForDailyBackup(page);
    await installRasterizer(page);
    const tasks = await recordLongTasks(page);

    /** One scan-in, then its rasterizing alone (A B), each with the page's frame gaps. */
    const runs: number[] = [];
    const measure = async (pages: number) => {
      const from = await tasks.now();
      const t0 = performance.now();
      const busy = await withFrameGaps(page, () => scanIn(page, stack, pages));
      const ms = performance.now() - t0;
      runs.push(pages);
      const long = await tasks.since(from);
      const t1 = performance.now();
      const raster = await withFrameGaps(page, () => rasterizeInPage(page, stack.pdfs.get(pages)!, pages));
      const rasterMs = performance.now() - t1;
      const run = {
        ms,
        rasterMs,
        gap: busy.maxGap,
        rasterGap: raster.maxGap,
        long,
        frame: busy.longestFrame,
      };
      // Each run as it is measured (a pair of the full stack takes a minute).
      console.log(`  «Сканы», ${pages} pages: ${JSON.stringify(run)}`);
      return run;
    };
    const set = [];
    for (let i = 0; i < 1 + 5; i++) {
      const run = await measure(omrPages(i));
      if (i > 0) set.push(run);
    }
    await assertStoredStacks(page, stack, runs);

    const pages = OMR_PAGES;
    const perPage = (ms: number) => `${(ms / pages).toFixed(0)} ms a page`;
    const time = pairStats(
      set.map((r) => r.ms),
      set.map((r) => r.rasterMs),
    );
    const gaps = pairStats(
      set.map((r) => r.gap),
      set.map((r) => r.rasterGap),
    );
    const tasksText = set.map((r) => `${r.long.count} of up to ${r.long.longest.toFixed(0)} ms`).join('; ');
    const worst = set.reduce((a, r) => (r.gap > a.gap ? r : a));
    return [
      {
        name: `«Сканы» in Chromium: ${pages} marked pages at 200 dpi picked to summary (the worker reads and stores), interleaved pairs after a ${OMR_WARMUP}-page warm-up, read as drawn (${perPage(time.ms)})`,
        ...time,
        baselineName: `pdf.js alone rendering the pages at 200 dpi in a worker (${perPage(time.baselineMs)})`,
        ...(pages >= 300 ? { targetMs: 60_000 } : {}),
      },
      {
        name: `Main thread while ${pages} pages are scanned in: longest frame gap (long tasks per run: ${tasksText}; longest frame ${worst.frame ?? 'none'})`,
        ...gaps,
        baselineName: 'longest frame gap while pdf.js alone renders the same pages in a worker',
        targetMs: 100,
      },
    ];
  } finally {
    await browser.close();
    server.close();
  }
}
