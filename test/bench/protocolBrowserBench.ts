/**
 * The protocol in real Chromium on the built renderer (dist/renderer or E2E_DIST; `npx vite build`
 * first), through the app: a registry of 5,100 persons and a meeting with 10 questions and about 13,000
 * paper, in-person and Gosuslugi ballots written into IndexedDB in the app's record shapes, then the
 * «Протокол» tab: «Скачать PDF» (5,000+ participants in the appendix; target under 5 s) and «Скачать
 * XLSX» (target under 3 s), each click to download (tally, model, worker build, download), and the
 * longest gap between animation frames meanwhile (the main thread stays responsive). Baseline: the same
 * builders on the same data in Node, in this run.
 */
import type { AddressInfo } from 'node:net';
import { toPersonRecord } from '../../renderer/db/personRecord';
import { buildProtocolModel } from '../../shared/documents/protocolModel';
import { buildProtocolPdf } from '../../shared/documents/protocolPdf';
import { buildResultsWorkbook } from '../../shared/documents/resultsWorkbook';
import { profileFor } from '../../shared/rules/profiles';
import { tally } from '../../shared/tally/tally';
import { meetingRecords } from '../fixtures/meetingRecords';
import { readPtSansFonts } from './ballotsPdfBench';
import { timePairs, type BenchResult } from './benchKit';
import { makeTallyData } from './tallyData';
import { builtRenderer, launchChromium, serve, timeWithFrameGaps } from './browserKit';
import { putAuditedRows } from '../fixtures/appDb';

const PERSONS = 5100;
const QUESTIONS = 10;

export async function benchProtocolBrowser(
  opts: { distDir?: string; executablePath?: string } = {},
): Promise<BenchResult[]> {
  const root = builtRenderer(opts.distDir);
  const { registry, meeting: spec, ballots } = makeTallyData(PERSONS, QUESTIONS, 7);
  const now = new Date().toISOString();
  const partnership = {
    id: 'bench',
    name: 'СНТ «Замер»',
    kind: 'snt',
    address: '',
    createdAt: now,
    updatedAt: now,
  };
  const records = meetingRecords(spec, ballots, { meetingId: 'bench-meeting', partnershipId: 'bench' });

  // Baseline: the same builders on the same data in Node.
  const profile = profileFor('snt');
  const result = tally({ registry, meeting: spec, ballots, profile });
  const participants = result.participation.persons;
  if (participants < 5000) throw new Error(`benchmark meeting has only ${participants} participants`);
  const model = () =>
    buildProtocolModel(
      { meeting: records.meeting, registry, ballots, profile, result },
      { maskSnils: false, today: '2026-06-20' },
    );
  const fonts = readPtSansFonts();

  const server = await serve(root);
  const browser = await launchChromium(opts.executablePath);
  try {
    const page = await browser.newPage();
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await page.goto(base);
    await page.getByRole('heading', { name: 'Начало работы: товарищество' }).waitFor();
    // With their audit entry: the protocol is held back while records differ from the log.
    await putAuditedRows(page, {
      partnership: [partnership],
      persons: registry.map(toPersonRecord),
      meetings: [records.meeting],
      paperBallots: records.paperBallots,
      gosuslugiImports: records.gosuslugiImports,
    });
    // A hash change alone would not reload the app, which read «no partnership» at its start.
    await page.goto(`${base}#/meetings/bench-meeting/protocol`);
    await page.reload();
    await page.getByRole('article', { name: 'Предпросмотр протокола' }).waitFor({ timeout: 120_000 });

    const download = async (button: string) => {
      const t0 = performance.now();
      const [d] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        page.getByRole('button', { name: button, exact: true }).click(),
      ]);
      await d.path();
      return performance.now() - t0;
    };
    // Warm-up (worker start, fonts, builder chunks), then each download interleaved with the same
    // builder on the same data in Node (A B A B …).
    await download('Скачать PDF');
    await download('Скачать XLSX');
    // The PDF's frame gaps are recorded in the same runs (against the idle page over as long).
    const { time: pdf, gaps } = await timeWithFrameGaps(
      page,
      'while the protocol PDF is built',
      () => download('Скачать PDF'),
      async () => buildProtocolPdf(model(), fonts),
      { warmup: 0 },
    );
    const xlsx = await timePairs(
      () => download('Скачать XLSX'),
      () => buildResultsWorkbook(model()),
      { pairs: 5, warmup: 0 },
    );

    return [
      {
        name: `Protocol PDF in Chromium, ${participants} participants, ${QUESTIONS} questions (click to download: tally, model, worker)`,
        ...pdf,
        baselineName: 'the same PDF builder on the same model in Node',
        targetMs: 5000,
      },
      {
        name: `Results workbook in Chromium, ${participants} participants (click to download)`,
        ...xlsx,
        baselineName: 'the same workbook builder in Node',
        targetMs: 3000,
      },
      gaps,
    ];
  } finally {
    await browser.close();
    server.close();
  }
}

// Run directly (`npx tsx test/bench/protocolBrowserBench.ts`), not when bundled into another bench runner.
const isMain = /protocolBrowserBench\.(mjs|ts)$/.test(process.argv[1] ?? '');
if (isMain) {
  for (const r of await benchProtocolBrowser()) {
    console.log(
      `${r.name}: ${r.ms.toFixed(0)} ms (baseline ${r.baselineName}: ${r.baselineMs.toFixed(0)} ms)${r.targetMs ? `, target < ${r.targetMs} ms` : ''}`,
    );
  }
}
