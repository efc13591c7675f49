/**
 * The data checked against the audit trail in real Chromium on the built renderer (dist/renderer or
 * E2E_DIST): a registry of 10,000 persons and a 40-question meeting with about 25,000 paper, in-person and
 * Gosuslugi ballots, stored with their audit entries (the registry in one entry as an import writes it,
 * ballots 500 to an entry). Measured through the app: «Проверить целостность» on «Журнал изменений», click
 * to «Данные совпадают с журналом» of that check (the button enabled again), and the longest gap between
 * animation frames meanwhile, each check interleaved with its baseline and the idle page (A B C A B C …).
 * Baseline: reading the same tables (audit trail and checked records) with plain IndexedDB getAll in a Web
 * Worker, as the check reads them (read on the page itself, the baseline would hold the main thread for
 * seconds and overlap the frames).
 */
import { toPersonRecord } from '../../renderer/db/personRecord';
import { putAuditedRows, putRows } from '../fixtures/appDb';
import { meetingRecords } from '../fixtures/meetingRecords';
import type { BenchResult } from './benchKit';
import {
  baseUrl,
  builtRenderer,
  launchChromium,
  serve,
  timeWithFrameGaps,
  waitForDailyBackup,
} from './browserKit';
import { makeTallyData } from './tallyData';

const TABLES = [
  'audit',
  'persons',
  'meetings',
  'paperBallots',
  'gosuslugiImports',
  'snapshots',
  'resolutions',
  'attendance',
];

/** Reads every table the check reads (the baseline; run in a worker by readInWorker). */
async function readAll(tables: string[]): Promise<number> {
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    const req = indexedDB.open('golos');
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
  let rows = 0;
  for (const name of tables) {
    rows += await new Promise<number>((ok, fail) => {
      const req = db.transaction(name).objectStore(name).getAll();
      req.onsuccess = () => ok(req.result.length);
      req.onerror = () => fail(req.error);
    });
  }
  db.close();
  return rows;
}

/** Runs `readAll` (its source) in a Web Worker of the page, as the check runs, and gives its row count. */
function readInWorker({ src, tables }: { src: string; tables: string[] }): Promise<number> {
  const code = `const readAll = ${src};\nonmessage = async (e) => postMessage(await readAll(e.data));`;
  const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  const worker = new Worker(url);
  return new Promise<number>((ok, fail) => {
    worker.onmessage = (e: MessageEvent<number>) => ok(e.data);
    worker.onerror = (e) => fail(new Error(e.message));
    worker.postMessage(tables);
  }).finally(() => {
    worker.terminate();
    URL.revokeObjectURL(url);
  });
}

export async function benchIntegrityBrowser(
  opts: { distDir?: string; executablePath?: string } = {},
): Promise<BenchResult[]> {
  const root = builtRenderer(opts.distDir);
  const { registry, meeting: spec, ballots } = makeTallyData(10_000, 40, 7);
  const now = new Date().toISOString();
  const records = meetingRecords(spec, ballots, { meetingId: 'bench-meeting', partnershipId: 'bench' });
  const server = await serve(root);
  const browser = await launchChromium(opts.executablePath);
  try {
    const page = await browser.newPage();
    const base = baseUrl(server);
    await page.goto(base);
    await page.getByRole('heading', { name: 'Начало работы: товарищество' }).waitFor();
    await putRows(page, {
      partnership: [
        { id: 'bench', name: 'СНТ «Замер»', kind: 'snt', address: '', createdAt: now, updatedAt: now },
      ],
    });
    await putAuditedRows(
      page,
      { persons: registry.map(toPersonRecord), meetings: [records.meeting] },
      'import.registry',
    );
    await putAuditedRows(page, { gosuslugiImports: records.gosuslugiImports }, 'gosuslugi.import');
    for (let i = 0; i < records.paperBallots.length; i += 500) {
      await putAuditedRows(page, { paperBallots: records.paperBallots.slice(i, i + 500) }, 'ballot.enter');
    }
    await page.goto(`${base}#/audit`);
    await page.reload();
    await page.getByRole('heading', { name: 'Журнал изменений' }).waitFor();
    // The daily automatic backup (3 s after the start) dumps the whole database on the main thread:
    // let it finish, so the frame gaps below are the check's own.
    await waitForDailyBackup(page);

    const check = async () => {
      const t0 = performance.now();
      await page.getByRole('button', { name: 'Проверить целостность' }).click();
      // This check's own end: the button enabled again (the last result is hidden while it runs).
      await page
        .locator('button:enabled', { hasText: 'Проверить целостность' })
        .waitFor({ timeout: 300_000 });
      await page.getByText(/Данные совпадают с журналом/).waitFor({ timeout: 300_000 });
      return performance.now() - t0;
    };
    let rows = 0;
    const read = async () => {
      rows = await page.evaluate(readInWorker, { src: readAll.toString(), tables: TABLES });
    };
    const { time: pair, gaps } = await timeWithFrameGaps(page, 'while the integrity check runs', check, read);
    const what = `${registry.length} persons, ${records.paperBallots.length + records.gosuslugiImports.length} ballot records (${ballots.length} ballots), ${rows} rows`;
    return [
      {
        name: `Integrity check of the data against the audit trail in Chromium (click to result, in a worker): ${what}`,
        ...pair,
        baselineName: 'reading the same tables in a worker (IndexedDB getAll)',
      },
      gaps,
    ];
  } finally {
    await browser.close();
    server.close();
  }
}
