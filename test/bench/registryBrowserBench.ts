/**
 * Registry benchmarks in real Chromium on the built renderer (dist/renderer; `npx vite build` first),
 * each interleaved with its baseline (A B A B …) and reported as the median of the per-pair ratios:
 * - import of a 5,000-person XLSX through the app (file chosen -> parsed and validated in the worker ->
 *   stored in IndexedDB), against a plain IndexedDB bulkPut of the same 5,000 records;
 * - search as you type in the registry screen (input event to the table committed to the DOM), against
 *   a naive Array.filter over the same persons in the same page.
 * The page is opened with `?bench`, which installs window.golosBench (renderer/bench/benchHook.ts).
 */
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Person } from '../../shared/domain/types';
import { formatSnils } from '../../shared/registry/snils';
import type { GolosBench } from '../../renderer/bench/benchHook';
import { makePersons } from '../fixtures/persons';
import { largeRegistrySheet } from '../fixtures/registryLayouts';
import { writeRegistryXlsx } from '../fixtures/registryWriters';
import { builtRenderer, launchChromium, serve } from './browserKit';
import { pairStats, timePairs, type BenchResult } from './benchKit';

declare global {
  interface Window {
    /** Resolves when the toast saying the import is done is in the DOM (set by importThroughUi). */
    golosImportDone?: Promise<void>;
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;
}

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

/** What a secretary types: a whole name, a surname with a first name, a plot number, a СНИЛС. */
function typedQueries(sample: Person): string[] {
  return [sample.fullName, 'Иванова Ма', 'петр', '12', '1234', formatSnils(sample.snils!).slice(0, 7)];
}

/** The whole import (file chosen to «Импорт завершён»), and the part from the click on «Импортировать». */
async function importThroughUi(
  page: Page,
  file: string,
  expected: number,
): Promise<{ total: number; save: number }> {
  const t0 = performance.now();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Импорт из файла…' }).click(),
  ]);
  await chooser.setFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Импорт реестра из файла' });
  const importButton = dialog.getByRole('button', { name: 'Импортировать' });
  await importButton.waitFor();
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('button')].some((b) => b.textContent === 'Импортировать' && !b.disabled),
    null,
    { polling: 'raf', timeout: 60_000 },
  );
  // The end is seen by a MutationObserver on the toasts, not by polling the whole page for the text
  // (Playwright's getByText walks every element of the open preview on each poll, on the page's main
  // thread, while the import is still saving).
  const done = `Импорт завершён: добавлено ${expected},`;
  await page.evaluate((text) => {
    const toasts = document.querySelector('.toasts')!;
    window.golosImportDone = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (![...toasts.querySelectorAll('.toast span')].some((s) => s.textContent?.startsWith(text))) return;
        observer.disconnect();
        resolve();
      });
      observer.observe(toasts, { childList: true, subtree: true, characterData: true });
    });
  }, done);
  const t1 = performance.now();
  await importButton.click();
  await page.evaluate(() => window.golosImportDone);
  const t2 = performance.now();
  await page.getByText(new RegExp(`^${done}`)).waitFor(); // shown to a user, as the observer said
  return { total: t2 - t0, save: t2 - t1 };
}

export async function benchRegistryBrowser(
  opts: { distDir?: string; executablePath?: string } = {},
): Promise<BenchResult[]> {
  const root = builtRenderer(opts.distDir);
  const persons = makePersons(5000, 5000);
  const dir = mkdtempSync(join(tmpdir(), 'golos-bench-'));
  const file = join(dir, 'registry-5000.xlsx');
  writeFileSync(file, await writeRegistryXlsx(largeRegistrySheet(persons)));

  const server = await serve(root);
  const browser = await launchChromium(opts.executablePath);
  try {
    const page = await browser.newPage();
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await page.goto(`${base}?bench#/registry`);
    await page.waitForFunction(() => window.golosBench !== undefined);
    const bench = <T>(fn: (b: GolosBench) => Promise<T>): Promise<T> =>
      page.evaluate(`(${fn.toString()})(window.golosBench)`) as Promise<T>;

    // Import through the screen (a fresh start each time) against a bulkPut of the same records,
    // interleaved after a warm-up pair (JIT, worker start, exceljs chunk cached).
    // The save (click to done: the transaction with its audit entry, and the screen) is kept per pair
    // too, against the same pair's bulkPut.
    const saves: number[] = [];
    const bulkPuts: number[] = [];
    const freshImport = async (): Promise<number> => {
      await bench((b) => b.reset());
      await page.reload();
      await page.getByRole('heading', { name: 'Реестр участников' }).waitFor();
      const { total, save } = await importThroughUi(page, file, persons.length);
      saves.push(save);
      return total;
    };
    const bulkPut = async (): Promise<number> => {
      const ms = await bench((b) => b.baselineBulkPut());
      bulkPuts.push(ms);
      return ms;
    };
    const imports = await timePairs(freshImport, bulkPut, { pairs: 5, reported: true });
    const saved = pairStats(saves.slice(1), bulkPuts.slice(1)); // after the warm-up pair, as timePairs
    const stored = await bench((b) => b.countPersons());
    if (stored !== persons.length) throw new Error(`expected ${persons.length} stored, found ${stored}`);

    // Search as you type: every prefix of each query, in the screen and in the naive baseline; one run
    // is every keystroke of every query, and the pair compares its mean (or 95th percentile).
    const queries = typedQueries(persons[2500]!);
    const measure = async (kind: 'typeInSearch' | 'naiveFilter' | 'searchIndex'): Promise<number[]> => {
      const times: number[] = [];
      for (const q of queries) {
        times.push(
          ...((await page.evaluate(([k, text]) => window.golosBench![k](text), [
            kind,
            q,
          ] as const)) as number[]),
        );
      }
      return times;
    };
    const keystrokes = (await measure('typeInSearch')).length;
    const pairs = { pairs: 7, warmup: 1, reported: true };
    const typedMean = await timePairs(
      async () => mean(await measure('typeInSearch')),
      async () => mean(await measure('naiveFilter')),
      pairs,
    );
    const typedP95 = await timePairs(
      async () => percentile(await measure('typeInSearch'), 0.95),
      async () => percentile(await measure('naiveFilter'), 0.95),
      pairs,
    );
    const index = await timePairs(
      async () => mean(await measure('searchIndex')),
      async () => mean(await measure('naiveFilter')),
      pairs,
    );

    return [
      {
        name: 'Registry import 5,000 persons XLSX in Chromium (parse + validate in worker + store in IndexedDB)',
        ...imports,
        baselineName: 'IndexedDB bulkPut of the same 5,000 records',
        targetMs: 3000,
      },
      {
        name: 'of which the save: «Импортировать» clicked to «Импорт завершён» (transaction with its audit entry, registry redrawn)',
        ...saved,
        baselineName: 'IndexedDB bulkPut of the same 5,000 records (same pairs)',
      },
      {
        name: `Registry screen search keystroke, 5,000 persons (mean of ${keystrokes}, input to DOM commit)`,
        ...typedMean,
        baselineName: 'naive Array.filter over the same persons (mean)',
      },
      {
        name: `Registry screen search keystroke, 95th percentile of ${keystrokes} (input to DOM commit)`,
        ...typedP95,
        baselineName: 'naive Array.filter, 95th percentile',
        targetMs: 16,
      },
      {
        name: 'Registry search index lookup in Chromium (mean per keystroke)',
        ...index,
        baselineName: 'naive Array.filter over the same persons (mean)',
      },
    ];
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run directly (`node dist/bench/registryBrowserBench.mjs`), not when bundled into another bench runner.
const isMain = /registryBrowserBench\.(mjs|ts)$/.test(process.argv[1] ?? '');
if (isMain) {
  for (const r of await benchRegistryBrowser()) {
    console.log(
      `${r.name}: ${r.ms.toFixed(2)} ms (baseline ${r.baselineName}: ${r.baselineMs.toFixed(2)} ms)`,
    );
  }
}
