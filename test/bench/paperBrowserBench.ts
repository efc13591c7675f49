/**
 * Paper ballot entry in real Chromium on the built renderer (dist/renderer; `npx vite build` first), with
 * 5,000 ballot records stored (5,100 persons, 10 questions; records written into IndexedDB as the app
 * stores them):
 * - saving a ballot and refreshing the live results: from the Enter that saves a keyed ballot until it is
 *   stored (IndexedDB transaction with its audit entry committed) and the entry screen's live figures are
 *   redrawn with it (the tally of every stored ballot, React commit), median; target under 30 ms.
 *   Baseline: an IndexedDB put of one such record alone in the same page;
 * - one keystroke on the entry screen (keydown to the form redrawn), median, with the operator's
 *   keystrokes per ballot (QR code read by a scanner, plot number typed) in the name. Baseline: the entry
 *   reducer alone per keystroke.
 */
import type { Page } from '@playwright/test';
import type { AddressInfo } from 'node:net';
import { newMeeting, type Meeting } from '../../shared/meetings/meeting';
import { createEntryContext } from '../../shared/paper/entry/entryContext';
import { initialEntryState } from '../../shared/paper/entry/entryReducer';
import { keysForBallot, keystrokesPerBallot, replayKeys } from '../../shared/paper/entry/typeBallot';
import { currentBallots } from '../../shared/paper/ballotRecord';
import { tally } from '../../shared/tally/tally';
import { toPersonRecord } from '../../renderer/db/personRecord';
import { makePersons } from '../fixtures/persons';
import { paperMeeting, storedRecords, typicalBallots } from '../fixtures/paperBallots';
import { pressKeys } from '../e2e/pressKeys';
import { builtRenderer, launchChromium, serve } from './browserKit';
import { putRows } from '../fixtures/appDb';
import { pairStats, type BenchResult } from './benchKit';

const MEETING_ID = 'bench-paper';
const STORED = 5_000;
const PERSONS = 5_100;
const RUNS = 40;
const WARMUP = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface PageProbe {
  armed: boolean;
  t0: number;
  saves: number[];
  keys: number[];
}

declare global {
  interface Window {
    paperProbe?: PageProbe;
  }
}

/**
 * Listens in the page. A save is done when the ballot is both stored (the entry screen's count of stored
 * ballots, updated after the transaction commits) and counted in the live figures (the tally redrawn):
 * from the armed key (the ballot's last) to the later of the two. Void ballots are keyed too (one in
 * fifty): they change the live figures' «не учтено», not the count of ballots in the tally. Every other key: keydown to its
 * handling (and React's commit) done.
 */
async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe: PageProbe = { armed: false, t0: 0, saves: [], keys: [] };
    window.paperProbe = probe;
    let keyStart = 0;
    let saving = false;
    const live = document.querySelector('section[aria-label="Итоги сейчас"]')!;
    const saved = document.querySelector('p[aria-label="Сохранение"]')!;
    // The whole live section: a void ballot leaves «Бюллетеней в подсчёте» as it was and changes
    // «не учтено» (waiting for the first alone timed out on the keyed ballot that is void).
    const state = (): [string, string] => [live.textContent ?? '', saved.textContent ?? ''];
    let liveBefore = '';
    let savedBefore = '';
    document.addEventListener(
      'keydown',
      () => {
        keyStart = performance.now();
        // The armed key saves the ballot (Enter, or the last mark, which saves by itself).
        saving = probe.armed;
        if (probe.armed) {
          probe.t0 = keyStart;
          [liveBefore, savedBefore] = state();
          probe.armed = false;
        }
      },
      true,
    );
    // React handles a key (and commits its render) in its root listener, before the event reaches window.
    window.addEventListener('keydown', () => {
      if (!saving) probe.keys.push(performance.now() - keyStart);
    });
    new MutationObserver(() => {
      if (!probe.t0) return;
      const [liveNow, savedNow] = state();
      if (liveNow === liveBefore || savedNow === savedBefore || savedNow.startsWith('Записывается')) return;
      probe.saves.push(performance.now() - probe.t0);
      probe.t0 = 0;
    }).observe(document.querySelector('.entry-desk')!, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

/** Baseline: one ballot record put into IndexedDB alone (a scratch database in the same page). */
async function baselinePut(page: Page, row: unknown): Promise<number> {
  return page.evaluate(
    async ({ row, runs }) => {
      const name = 'golos-bench-put';
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open(name, 1);
        req.onupgradeneeded = () => req.result.createObjectStore('rows', { keyPath: 'id' });
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await new Promise<void>((ok, fail) => {
          const tx = db.transaction('rows', 'readwrite');
          tx.objectStore('rows').put({ ...(row as object), id: `r${i}` });
          tx.oncomplete = () => ok();
          tx.onerror = () => fail(tx.error);
        });
        times.push(performance.now() - t0);
      }
      db.close();
      indexedDB.deleteDatabase(name);
      return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    },
    { row, runs: 1 },
  );
}

export async function benchPaperBrowser(
  opts: { distDir?: string; executablePath?: string } = {},
): Promise<BenchResult[]> {
  const root = builtRenderer(opts.distDir);
  const spec = paperMeeting();
  const registry = makePersons(PERSONS, 31, { contacts: false });
  const records = storedRecords(registry, spec, STORED, 32);
  // «Бюллетеней в подсчёте» counts the accepted ballots only (the void ones are shown apart).
  const counted = tally({ registry, meeting: spec, ballots: currentBallots(records) }).ballots.filter(
    (b) => b.status === 'accepted',
  ).length;
  const now = '2026-06-14T20:00:00+03:00';
  const meeting: Meeting = {
    ...newMeeting({ id: MEETING_ID, partnershipId: 'pt-bench', kind: 'snt', title: spec.title, now }),
    votingStart: spec.votingStart,
    votingEnd: spec.votingEnd,
    sessionDate: spec.sessionDate!,
    questions: spec.questions.map((q) => ({ ...q, attachmentIds: [] })),
  };
  const stores = {
    partnership: [
      { id: 'pt-bench', name: 'СНТ «Замер»', kind: 'snt', address: '', createdAt: now, updatedAt: now },
    ],
    persons: registry.map(toPersonRecord),
    meetings: [meeting],
    paperBallots: records.map((r, i) => ({ ...r, meetingId: MEETING_ID, personId: registry[i]!.id })),
  };

  // What is keyed: persons without a stored ballot, found by their ballot's QR code.
  const ctx = createEntryContext({
    meeting: spec,
    meetingId: MEETING_ID,
    registry,
    defaults: { channel: 'paper', copy: 'original', receivedAt: spec.votingEnd },
  });
  const fresh = registry.slice(STORED);
  const toType = typicalBallots(fresh, spec, WARMUP + RUNS, 9, 'qr', MEETING_ID).map((b) => ({
    ...b,
    personIndex: STORED + b.personIndex,
  }));
  const byQr = keystrokesPerBallot(ctx, toType);
  const byPlot = keystrokesPerBallot(ctx, typicalBallots(registry, spec, 200, 10, 'plot', MEETING_ID));

  // Baseline of a keystroke: the reducer alone (in Node), per key of the same ballot, right after it.
  const reducerPerKey = (keys: ReturnType<typeof keysForBallot>): number => {
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) replayKeys(initialEntryState(ctx), keys);
    return (performance.now() - t0) / 20 / keys.length;
  };

  const server = await serve(root);
  const browser = await launchChromium(opts.executablePath);
  try {
    const page = await browser.newPage();
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await page.goto(base);
    await page.getByRole('heading', { name: 'Начало работы: товарищество' }).waitFor();
    await putRows(page, stores);
    await page.goto(`${base}#/meetings/${MEETING_ID}/entry`);
    await page.reload();
    await page.getByText(`Бюллетеней в подсчёте: ${counted}`).first().waitFor({ timeout: 120_000 });
    await page.getByRole('group', { name: 'Ввод бюллетеня' }).focus();
    await installProbe(page);

    // Each ballot keyed (A) is followed by its baselines (B): one record put alone, the reducer alone.
    const puts: number[] = [];
    const reducer: number[] = [];
    const keysUpTo: number[] = [0];
    for (const [i, b] of toType.entries()) {
      const keys = keysForBallot(ctx, b);
      await pressKeys(page, keys.slice(0, -1));
      await page.evaluate(() => (window.paperProbe!.armed = true));
      await pressKeys(page, keys.slice(-1));
      await page.waitForFunction((n) => window.paperProbe!.saves.length >= n, i + 1, { polling: 'raf' });
      keysUpTo.push(await page.evaluate(() => window.paperProbe!.keys.length));
      puts.push(await baselinePut(page, stores.paperBallots[1]));
      reducer.push(reducerPerKey(keys));
    }
    const probe = (await page.evaluate(() => window.paperProbe!)) as PageProbe;
    const saves = pairStats(probe.saves.slice(WARMUP), puts.slice(WARMUP));
    const ballotKeys = toType.map((_, i) => median(probe.keys.slice(keysUpTo[i], keysUpTo[i + 1])));
    const keyTimes = pairStats(ballotKeys.slice(WARMUP), reducer.slice(WARMUP));
    const stored = await page.evaluate(() => document.body.textContent ?? '');
    const expected = counted + toType.filter((b) => !b.voidReasons).length;
    if (!stored.includes(`Бюллетеней в подсчёте: ${expected}`)) {
      throw new Error(`expected ${expected} ballots counted after keying`);
    }
    const within = byQr.counts.filter((n) => n <= 13).length / byQr.counts.length;
    return [
      {
        name: `save a keyed ballot and refresh the live results in Chromium, ${STORED.toLocaleString('en')} ballots stored (Enter to the ballot stored and the live figures redrawn, ${saves.ratio.pairs} ballots, each paired with its baseline)`,
        ...saves,
        baselineName: 'IndexedDB put of one ballot record alone, right after each save',
        targetMs: 30,
      },
      {
        name:
          `entry keystroke in Chromium (keydown to form redrawn, median per ballot, ${keyTimes.ratio.pairs} ballots); operator keystrokes per 10-question ballot: ` +
          `${byQr.mean.toFixed(2)} by QR code (max ${byQr.max}, ${(within * 100).toFixed(0)}% ≤ 13), ${byPlot.mean.toFixed(2)} by plot number (max ${byPlot.max})`,
        ...keyTimes,
        baselineName: 'entry reducer alone per keystroke of the same ballot (Node)',
      },
    ];
  } finally {
    await browser.close();
    server.close();
  }
}

// Run directly (`node dist/bench/paperBrowserBench.mjs`), not when bundled into another bench runner.
const isMain = /paperBrowserBench\.(mjs|ts)$/.test(process.argv[1] ?? '');
if (isMain) {
  for (const r of await benchPaperBrowser({ distDir: process.env.E2E_DIST })) {
    console.log(
      `${r.name}: ${r.ms.toFixed(2)} ms (baseline ${r.baselineName}: ${r.baselineMs.toFixed(3)} ms)`,
    );
  }
}
