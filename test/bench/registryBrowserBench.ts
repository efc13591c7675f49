/**
 * Registry benchmarks in real Chromium on the built renderer (dist/renderer; `npx vite build` first),
 * each with a baseline measured in the same run:
 * - import of a 5,000-person XLSX through the app (file chosen -> parsed and validated in the worker ->
 *   stored in IndexedDB), against a plain IndexedDB bulkPut of the same 5,000 records;
 * - search as you type in the registry screen (input event to the table committed to the DOM), against
 *   a naive Array.filter over the same persons in the same page.
 * The page is opened with `?bench`, which installs window.golosBench (renderer/bench/benchHook.ts).
 */
import type { Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
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
import type { BenchResult } from './benchKit';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;
}

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

/** What a secretary types: a whole name, a surname with a first name, a plot number, a СНИЛС. */
function typedQueries(sample: Person): string[] {
  return [sample.fullName, 'Иванова Ма', 'петр', '12', '1234', formatSnils(sample.snils!).slice(0, 7)];
}

async function importThroughUi(page: Page, file: string, expected: number): Promise<number> {
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
  await importButton.click();
  await page.getByText(new RegExp(`^Импорт завершён: добавлено ${expected},`)).waitFor({ timeout: 60_000 });
  return performance.now() - t0;
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

    // Import: a warm-up run (JIT, worker start, exceljs chunk cached), then the measured one.
    const importRuns: number[] = [];
    for (let run = 0; run < 2; run++) {
      await bench((b) => b.reset());
      await page.reload();
      await page.getByRole('heading', { name: 'Реестр участников' }).waitFor();
      importRuns.push(await importThroughUi(page, file, persons.length));
    }
    const stored = await bench((b) => b.countPersons());
    if (stored !== persons.length) throw new Error(`expected ${persons.length} stored, found ${stored}`);
    const bulkPutRuns = [await bench((b) => b.baselineBulkPut()), await bench((b) => b.baselineBulkPut())];

    // Search as you type: every prefix of each query, in the screen and in the naive baseline.
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
    await measure('typeInSearch'); // warm-up
    await measure('naiveFilter');
    await measure('searchIndex');
    const ui = await measure('typeInSearch');
    const naive = await measure('naiveFilter');
    const index = await measure('searchIndex');
    const keystrokes = ui.length;

    return [
      {
        name: 'Registry import 5,000 persons XLSX in Chromium (parse + validate in worker + store in IndexedDB)',
        ms: importRuns[1]!,
        baselineMs: bulkPutRuns[1]!,
        baselineName: 'IndexedDB bulkPut of the same 5,000 records',
      },
      {
        name: `Registry screen search keystroke, 5,000 persons (mean of ${keystrokes}, input to DOM commit)`,
        ms: mean(ui),
        baselineMs: mean(naive),
        baselineName: 'naive Array.filter over the same persons (mean)',
      },
      {
        name: 'Registry screen search keystroke, 95th percentile',
        ms: percentile(ui, 0.95),
        baselineMs: percentile(naive, 0.95),
        baselineName: 'naive Array.filter, 95th percentile',
      },
      {
        name: 'Registry search index lookup in Chromium (mean per keystroke)',
        ms: mean(index),
        baselineMs: mean(naive),
        baselineName: 'naive Array.filter over the same persons (mean)',
      },
    ];
  } finally {
    await browser.close();
    server.close();
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
