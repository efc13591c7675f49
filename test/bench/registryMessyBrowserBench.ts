/**
 * The import preview of a registry kept the way secretaries keep it, in real Chromium on the built
 * renderer: a 5,000-person XLSX with 500 problem rows (250 СНИЛС failing their checksum, 200 bad e-mails,
 * 50 rows with a status value no vocabulary knows). Measured from the file chosen to the preview with its
 * problems on screen, against the same 5,000 persons without problems (interleaved, A B A B …); and a fix in place (one row
 * corrected, «Проверить» to the problems heading updated), against the whole preview of the clean file.
 */
import type { Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePersons } from '../fixtures/persons';
import { messyRegistry, personRows } from '../fixtures/messyRegistry';
import { writeRegistryXlsx } from '../fixtures/registryWriters';
import { builtRenderer, launchChromium, serve } from './browserKit';
import { timePairs, type BenchResult } from './benchKit';

const range = (from: number, n: number, step: number) => Array.from({ length: n }, (_, i) => from + i * step);

/** File chosen -> the problems heading of the preview showing `heading`. */
async function openPreview(page: Page, file: string, heading: string): Promise<number> {
  const t0 = performance.now();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Импорт из файла…' }).click(),
  ]);
  await chooser.setFiles(file);
  await page.getByRole('heading', { name: heading }).waitFor({ timeout: 120_000 });
  return performance.now() - t0;
}

async function closeDialog(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Отмена' }).click();
  await page.getByRole('dialog', { name: 'Импорт реестра из файла' }).waitFor({ state: 'hidden' });
}

export async function benchRegistryMessyBrowser(
  opts: { distDir?: string; executablePath?: string } = {},
): Promise<BenchResult[]> {
  const root = builtRenderer(opts.distDir);
  const persons = makePersons(5000, 4242, { coOwned: 0 });
  const unknown = range(7, 50, 97);
  const messy = messyRegistry(persons, {
    badSnils: range(3, 250, 19),
    badEmail: range(5, 200, 23),
    unknownStatus: unknown,
  });
  const unknownRows = unknown.reduce((n, i) => n + persons[i]!.holdings.length, 0);
  const clean = messyRegistry(persons);
  const dir = mkdtempSync(join(tmpdir(), 'golos-bench-messy-'));
  const messyFile = join(dir, 'registry-5000-messy.xlsx');
  const cleanFile = join(dir, 'registry-5000-clean.xlsx');
  writeFileSync(messyFile, await writeRegistryXlsx(messy.sheet));
  writeFileSync(cleanFile, await writeRegistryXlsx(clean.sheet));
  const fixRow = personRows(messy.sheet)[3]!;

  const server = await serve(root);
  const browser = await launchChromium(opts.executablePath);
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/?bench#/registry`);
    await page.waitForFunction(() => window.golosBench !== undefined);
    await page.evaluate(() => window.golosBench!.reset());
    await page.reload();
    await page.getByRole('heading', { name: 'Реестр участников' }).waitFor();

    const problems = `Проблемы: ошибок ${unknownRows}, предупреждений 450`;
    const cleanHeading = 'Проблемы: ошибок 0, предупреждений 0';
    const preview = async (file: string, heading: string): Promise<number> => {
      const ms = await openPreview(page, file, heading);
      await closeDialog(page);
      return ms;
    };
    // Messy and clean previews interleaved after a warm-up pair (JIT, worker, exceljs chunk).
    const messyPair = await timePairs(
      () => preview(messyFile, problems),
      () => preview(cleanFile, cleanHeading),
      { pairs: 5, reported: true },
    );

    // The fix in place: the СНИЛС of one row corrected, «Проверить» to the counts updated; the row is
    // made wrong again before each run, and the clean file's whole preview is its pair.
    const fixOnce = async (): Promise<number> => {
      await openPreview(page, messyFile, problems);
      const form = page.getByRole('form', { name: `Строка ${fixRow}`, exact: true });
      await form.getByLabel('СНИЛС').fill(persons[3]!.snils!);
      const ms = await page.evaluate(async (label) => {
        const heading = () =>
          [...document.querySelectorAll('h3')].find((h) => h.textContent?.startsWith('Проблемы:'))
            ?.textContent;
        const before = heading();
        const t0 = performance.now();
        document.querySelector<HTMLButtonElement>(`form[aria-label="${label}"] button`)!.click();
        while (heading() === before) await new Promise((r) => requestAnimationFrame(r));
        return performance.now() - t0;
      }, `Строка ${fixRow}`);
      await closeDialog(page);
      return ms;
    };
    const fixPair = await timePairs(fixOnce, () => preview(cleanFile, cleanHeading), {
      pairs: 5,
      reported: true,
    });

    return [
      {
        name: 'Registry import preview, 5,000 persons with 500 problem rows (file chosen -> problems shown), Chromium',
        ...messyPair,
        baselineName: 'the same 5,000 persons without problems',
      },
      {
        name: 'Registry import: fix one row in place, 5,000 persons (Проверить -> problems updated), Chromium',
        ...fixPair,
        baselineName: 'the whole preview of the clean file',
      },
    ];
  } finally {
    await browser.close();
    server.close();
  }
}

// Run directly (`node dist/bench/registryMessyBrowserBench.mjs`), not when bundled into another runner.
const isMain = /registryMessyBrowserBench\.(mjs|ts)$/.test(process.argv[1] ?? '');
if (isMain) {
  for (const r of await benchRegistryMessyBrowser()) {
    console.log(
      `${r.name}: ${r.ms.toFixed(2)} ms (baseline ${r.baselineName}: ${r.baselineMs.toFixed(2)} ms)`,
    );
  }
}
