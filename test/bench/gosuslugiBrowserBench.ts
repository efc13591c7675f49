/**
 * The Gosuslugi import in real Chromium on the built renderer (dist/renderer; `npx vite build` first):
 * a 10,000-row, 30-question XLSX export against a meeting snapshot of 10,700 persons (seeded into the
 * app's IndexedDB), each with a baseline measured in the same run:
 * - file chosen -> read, header and columns proposed, every row matched and previewed in the Web Worker
 *   -> the wizard's mapping step drawn with the counts (target: under 3 s), 5 pairs with the Node core;
 *   baseline: the same shared core (readTable, propose, preview) in Node, no worker and no UI;
 * - the longest main-thread task (PerformanceObserver «longtask») during that time, and the main
 *   thread's busy time (CPU profile: script and garbage collection; unlike a long task's wall time it
 *   does not grow when the OS deschedules the browser on a loaded machine), each against the whole
 *   time: the window stays responsive while the worker parses;
 * - a correction on the review step (a person picked for an unmatched row) -> rows matched and
 *   previewed again in the worker -> counts redrawn, 5 pairs after a warm-up pair (the decision taken
 *   back, untimed, between them); baseline: previewGosuslugi alone in Node, right after each.
 */
import type { Page } from '@playwright/test';
import { rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { previewGosuslugi } from '../../shared/gosuslugi/preview';
import { proposeGosuslugiMapping } from '../../shared/gosuslugi/propose';
import { indexVoters } from '../../shared/registry/voterIndex';
import { readTable } from '../../shared/spreadsheet/readTable';
import type { Table } from '../../shared/spreadsheet/table';
import type { GosuslugiMapping } from '../../shared/gosuslugi/mapping';
import { largeGosuslugiExport } from '../fixtures/gosuslugiExports';
import { tempDirUntilExit } from '../fixtures/tempDir';
import { meetingOf, seedApp } from '../e2e/gosuslugiSeed';
import { builtRenderer, launchChromium, serve, waitForDailyBackup } from './browserKit';
import { pairStats, timePairs, type BenchResult } from './benchKit';

const ROWS = 10_000;
const QUESTIONS = 30;
const PAIRS = 5;

declare global {
  interface Window {
    /** Installed by the benchmark before the app loads. */
    __gos?: { longTasks: { start: number; duration: number }[]; picked: number; shown: number };
  }
}

/**
 * Before the app loads: long tasks are recorded; the moment a file is picked (the file input's change
 * event) and the first moment the wizard shows the preview counts are noted, in page time.
 */
function instrument(): void {
  const state = { longTasks: [] as { start: number; duration: number }[], picked: 0, shown: 0 };
  window.__gos = state;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener(
    'change',
    (e) => {
      if (e.target instanceof HTMLInputElement && e.target.type === 'file') {
        state.picked = performance.now();
        state.shown = 0;
      }
    },
    true,
  );
  new MutationObserver(() => {
    if (state.picked && !state.shown && document.querySelector('[aria-label="Итоги проверки файла"]')) {
      state.shown = performance.now();
    }
  }).observe(document, { childList: true, subtree: true });
}

interface UiRun {
  ms: number;
  longestTask: number;
  /** Main-thread time spent running script or collecting garbage (CPU profile samples), ms. */
  busy: number;
}

/** Time of the profile's samples that are not idle (script, garbage collection), ms. */
function busyMs(profile: {
  nodes: { id: number; callFrame: { functionName: string } }[];
  samples?: number[];
  timeDeltas?: number[];
}): number {
  const idle = new Set(
    profile.nodes
      .filter((n) => n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)')
      .map((n) => n.id),
  );
  let us = 0;
  (profile.samples ?? []).forEach((id, i) => {
    if (!idle.has(id)) us += profile.timeDeltas?.[i] ?? 0;
  });
  return us / 1000;
}

async function importOnce(page: Page, file: string): Promise<UiRun> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Загрузить файл результатов…' }).click(),
  ]);
  await chooser.setFiles(file);
  await page.waitForFunction(() => (window.__gos?.shown ?? 0) > 0, null, { timeout: 120_000 });
  await page
    .getByRole('list', { name: 'Итоги проверки файла' })
    .getByText(/Строк участников: 10\s000/)
    .waitFor();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  // Long tasks are reported a little after they end.
  await page.waitForTimeout(200);
  const times = await page.evaluate(() => {
    const g = window.__gos!;
    const during = g.longTasks.filter((t) => t.start + t.duration >= g.picked && t.start <= g.shown);
    return { ms: g.shown - g.picked, longestTask: Math.max(0, ...during.map((t) => t.duration)) };
  });
  return { ...times, busy: busyMs(profile) };
}

/** Waits until the review step's counts show this many ballots to be counted (a RegExp source). */
async function counted(page: Page, n: string): Promise<void> {
  await page
    .getByRole('list', { name: 'Итоги проверки файла' })
    .getByText(new RegExp(`Будет учтено бюллетеней: ${n}`))
    .waitFor();
}

/** On the review step: a person picked for an unmatched row, until the counts show one more ballot. */
async function correctOnce(page: Page, row: number, fullName: string, after: string): Promise<number> {
  const card = page.getByRole('listitem', { name: `Строка ${row}`, exact: true });
  await card.getByLabel(`Найти в реестре: строка ${row}`).fill(fullName);
  const button = card.getByRole('button', { name: `Выбрать: ${fullName}` });
  await button.waitFor();
  const t0 = await page.evaluate(() => performance.now());
  await button.click();
  await counted(page, after);
  return (await page.evaluate(() => performance.now())) - t0;
}

export async function benchGosuslugiBrowser(
  opts: { distDir?: string; executablePath?: string } = {},
): Promise<BenchResult[]> {
  const root = builtRenderer(opts.distDir);
  const big = largeGosuslugiExport(ROWS, QUESTIONS, ROWS);
  const bytes = await big.bytes();
  const dir = tempDirUntilExit('golos-bench-gosuslugi-');
  const file = join(dir, big.fileName);
  writeFileSync(file, bytes);
  const { meeting } = meetingOf(big.agenda);

  // Baseline: the shared core alone in Node, interleaved with the runs in the page.
  let table: { t: Table; mapping: GosuslugiMapping } | null = null;
  const inNode = async () => {
    const read = await readTable(bytes, big.fileName);
    if (!read.ok) throw new Error('export not read');
    const p = proposeGosuslugiMapping(read.value, big.agenda);
    if (!p.ok) throw new Error('export: no header');
    const pv = previewGosuslugi(read.value, p.value.mapping, big.registry, big.agenda);
    if (pv.counts.counted !== ROWS - 2)
      throw new Error(`expected ${ROWS - 2} counted, got ${pv.counts.counted}`);
    table = { t: read.value, mapping: p.value.mapping };
  };
  await inNode();
  const ix = indexVoters(big.registry);
  const fix = big.fixable[0]!;
  const decisions = [{ row: fix.row, kind: 'person' as const, personId: fix.personId }];
  /** The baseline of a correction: the same preview with the decision, in Node, right after it. */
  const previewInNode = (): number => {
    const t = performance.now();
    const pv = previewGosuslugi(table!.t, table!.mapping, ix, big.agenda, { decisions });
    if (pv.counts.counted !== ROWS - 1) throw new Error('preview after the fix is wrong');
    return performance.now() - t;
  };
  previewInNode();

  const server = await serve(root);
  const context = await launchChromium(opts.executablePath, {
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
  });
  try {
    await context.addInitScript(instrument);
    const page = await context.newPage();
    await seedApp(page, meeting, big.registry);
    await page.goto(`/#/meetings/${meeting.id}/gosuslugi`);
    await page.reload();
    await page.getByRole('heading', { name: 'Результаты голосования на Госуслугах' }).waitFor();
    // The app's daily automatic backup (3 s after the start, on the main thread) is not part of the import.
    await waitForDailyBackup(page);

    // A warm-up pair (exceljs chunk cached, JIT), then the measured pairs; each run but the last cancels
    // its wizard.
    const ui: UiRun[] = [];
    let left = PAIRS + 1;
    const imported = await timePairs(
      async () => {
        const r = await importOnce(page, file);
        if (--left > 0) await page.getByRole('button', { name: 'Отменить импорт файла' }).click();
        ui.push(r);
        return r.ms;
      },
      async () => {
        const t = performance.now();
        await inNode();
        return performance.now() - t;
      },
      { pairs: PAIRS, warmup: 1, reported: true },
    );
    ui.shift();

    // The last wizard stays open: a correction on the review step.
    await page.getByRole('button', { name: 'Далее: проверка строк' }).click();
    const person = big.registry.find((p) => p.id === fix.personId)!;
    // The correction paired with its baseline right after it, A B A B …; between pairs the decision is
    // taken back (untimed) and the counts wait at the file's own figure again.
    const corrections: number[] = [];
    const previews: number[] = [];
    for (let i = 0; i < 1 + PAIRS; i++) {
      if (i > 0) {
        await page.getByRole('button', { name: `Отменить решение по строке ${fix.row}` }).click();
        await counted(page, '9\\s998');
      }
      const a = await correctOnce(page, fix.row, person.fullName, '9\\s999');
      const b = previewInNode();
      if (i === 0) continue;
      corrections.push(a);
      previews.push(b);
    }

    const whole = ui.map((r) => r.ms);
    return [
      {
        name: `Госуслуги в Chromium: файл выбран → прочитан, столбцы и участники сопоставлены, предпросмотр показан (XLSX ${ROWS.toLocaleString('ru-RU')} × ${QUESTIONS}, в Web Worker)`,
        ...imported,
        baselineName: 'то же ядро (readTable, propose, preview) в Node, без воркера и интерфейса',
        targetMs: 3000,
      },
      {
        name: 'Госуслуги в Chromium: самая долгая задача главного потока за это время',
        ...pairStats(
          ui.map((r) => r.longestTask),
          whole,
        ),
        baselineName: 'всё время от выбора файла до предпросмотра того же прогона',
      },
      {
        name: 'Госуслуги в Chromium: время главного потока на скрипт и сборку мусора за это время (профиль CPU)',
        ...pairStats(
          ui.map((r) => r.busy),
          whole,
        ),
        baselineName: 'всё время от выбора файла до предпросмотра того же прогона',
      },
      {
        name: 'Госуслуги в Chromium: исправление на шаге проверки (выбран участник) → строки заново сопоставлены в воркере → итоги перерисованы (каждое исправление в паре со своим замером в Node)',
        ...pairStats(corrections, previews),
        baselineName: 'previewGosuslugi того же файла с тем же решением в Node, сразу после исправления',
      },
    ];
  } finally {
    await context.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run directly (`node dist/.../gosuslugiBrowserBench.mjs`), not when bundled into another bench runner.
const isMain = /gosuslugiBrowserBench\.(mjs|ts)$/.test(process.argv[1] ?? '');
if (isMain) {
  for (const r of await benchGosuslugiBrowser()) {
    console.log(
      `${r.name}: ${r.ms.toFixed(1)} ms (baseline ${r.baselineName}: ${r.baselineMs.toFixed(1)} ms)`,
    );
  }
}
