/**
 * Ballots PDF for 1,000 voters in real Chromium on the built renderer (dist/renderer; `npx vite build`
 * first), through the app: the registry imported, a meeting with 8 agenda questions, then «Бюллетени для
 * всех (1000)» -> built in the document worker -> downloaded. Measured: click to download, and how the
 * main thread kept up meanwhile (longest gap between animation frames, long tasks), against the same
 * frame gaps while the page sits idle for as long. Baseline for the time: the same builder in Node
 * (ballotsPdfBench, 1,000 voters, 8 questions), interleaved with the downloads (A B A B …).
 */
import type { Page } from '@playwright/test';
import { rmSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { makePersons } from '../fixtures/persons';
import { pdfPageCount } from '../fixtures/pdfText';
import { largeRegistrySheet } from '../fixtures/registryLayouts';
import { writeRegistryXlsx } from '../fixtures/registryWriters';
import { tempDirUntilExit } from '../fixtures/tempDir';
import { nodeBallotsPdf } from './ballotsPdfBench';
import { builtRenderer, launchChromium, serve, timeWithFrameGaps } from './browserKit';
import type { BenchResult } from './benchKit';

const VOTERS = 1000;
const AGENDA: [string, string][] = [
  ['Об избрании председательствующего, секретаря и счётной комиссии собрания', '20'],
  ['Об утверждении отчёта правления', '18'],
  ['Об утверждении отчёта ревизионной комиссии', '11'],
  ['Об утверждении приходно-расходной сметы и финансово-экономического обоснования', '22'],
  ['О размере и сроке внесения членских и целевых взносов', '21'],
  ['О приёме в члены товарищества', '7'],
  ['Об избрании членов правления', '2'],
  ['О ремонте водопровода', '17'],
];

async function prepare(page: Page, registryFile: string): Promise<void> {
  await page.getByLabel('Название').fill('СНТ «Замер»');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await page.getByRole('heading', { name: 'Реестр участников' }).waitFor();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Импорт из файла…' }).click(),
  ]);
  await chooser.setFiles(registryFile);
  const dialog = page.getByRole('dialog', { name: 'Импорт реестра из файла' });
  await dialog.getByText(`Добавится: ${VOTERS}`).waitFor({ timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Импортировать' }).click();
  await page
    .getByText(`Импорт завершён: добавлено ${VOTERS},`, { exact: false })
    .waitFor({ timeout: 60_000 });

  await page.getByRole('button', { name: 'Собрания', exact: true }).click();
  await page.getByRole('button', { name: 'Создать собрание' }).click();
  await page.getByRole('dialog', { name: 'Новое собрание' }).getByRole('button', { name: 'Создать' }).click();
  for (const [i, [text, item]] of AGENDA.entries()) {
    await page.getByRole('button', { name: 'Добавить вопрос' }).click();
    const q = page.getByRole('region', { name: `Вопрос ${i + 1}`, exact: true });
    await q.getByLabel('Формулировка вопроса').fill(text);
    await q.getByLabel('Проект решения').fill(`Утвердить решение по вопросу «${text}» в редакции материалов`);
    await q.getByLabel('Категория вопроса (пункт закона)').selectOption(item);
  }
  await page.getByRole('button', { name: 'Сохранить повестку' }).click();
  await page.getByText('Повестка сохранена.').waitFor();
}

export async function benchBallotsPdfBrowser(
  opts: { distDir?: string; executablePath?: string } = {},
): Promise<BenchResult[]> {
  const root = builtRenderer(opts.distDir);
  const dir = tempDirUntilExit('golos-bench-ballots-');
  const registryFile = join(dir, 'registry-1000.xlsx');
  writeFileSync(registryFile, await writeRegistryXlsx(largeRegistrySheet(makePersons(VOTERS, 2026))));

  const server = await serve(root);
  const browser = await launchChromium(opts.executablePath);
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await prepare(page, registryFile);

    const download = async (button: string) => {
      const [d] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        page.getByRole('button', { name: button }).click(),
      ]);
      const path = join(dir, d.suggestedFilename());
      await d.saveAs(path);
      return path;
    };
    // Warm-up: worker start, fonts and the PDF chunks loaded once.
    await download('Пустой бюллетень');

    let pages = 0;
    const all = async () => {
      pages = pdfPageCount(readFileSync(await download(`Бюллетени для всех (${VOTERS})`)));
    };
    // Each download interleaved with the same builder on the same voters in Node (A B A B …).
    const inNode = nodeBallotsPdf(VOTERS);
    const { time: pair, gaps } = await timeWithFrameGaps(
      page,
      'while the ballots are built',
      all,
      async () => inNode.build(),
      { warmup: 0 },
    );
    return [
      {
        name: `Ballots PDF in Chromium, ${VOTERS} voters, ${AGENDA.length} questions, ${pages} pages (click to download, worker)`,
        ...pair,
        baselineName: `the same builder in Node (${inNode.what})`,
      },
      gaps,
    ];
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run directly (`node dist/bench/ballotsPdfBrowserBench.mjs`), not when bundled into another bench runner.
const isMain = /ballotsPdfBrowserBench\.(mjs|ts)$/.test(process.argv[1] ?? '');
if (isMain) {
  for (const r of await benchBallotsPdfBrowser()) {
    console.log(
      `${r.name}: ${r.ms.toFixed(1)} ms (baseline ${r.baselineName}: ${r.baselineMs.toFixed(1)} ms)`,
    );
  }
}
