/**
 * Paper ballot benchmarks (issue: paper ballots), each with a baseline measured in the same run:
 * - saving a ballot and refreshing the live results with 5,000 ballots stored (target under 30 ms):
 *   the new version appended, currentBallots over every record, liveResults (the tally) — against a
 *   bare loop counting the same marks held in a typed array;
 * - the "originals only" and "with scans" figures (two tallies) on the same data;
 * - keyboard entry: the reducer replaying 200 typical 10-question ballots, with the operator's
 *   keystrokes per ballot (QR code read by a scanner, and plot number typed) in the name — against
 *   the registry searches for the same typed plot prefixes alone.
 */
import type { Mark } from '../../shared/domain/types';
import { correctRecord, currentBallots, type PaperBallotRecord } from '../../shared/paper/ballotRecord';
import { createEntryContext } from '../../shared/paper/entry/entryContext';
import { keysForBallot, keystrokesPerBallot, replayKeys } from '../../shared/paper/entry/typeBallot';
import { initialEntryState } from '../../shared/paper/entry/entryReducer';
import { liveResults, scanFigures } from '../../shared/paper/liveResults';
import { searchRegistry } from '../../shared/registry/search';
import { makePersons } from '../fixtures/persons';
import { paperMeeting, storedRecords, typicalBallots } from '../fixtures/paperBallots';
import type { BenchResult } from './benchKit';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median wall time of `runs` calls after `warmup` unmeasured ones (the app tallies warm, after every save). */
function time(fn: () => unknown, runs: number, warmup = 20): number {
  for (let i = 0; i < warmup; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

const CODE: Record<Mark, number> = { none: 0, for: 1, against: 2, abstain: 3, several: 4, all_crossed: 5 };

function benchLive(): BenchResult[] {
  const meeting = paperMeeting();
  const registry = makePersons(5_000, 31, { contacts: false });
  const records = storedRecords(registry, meeting, 5_000, 32);
  const Q = meeting.questions.length;
  const numbers = meeting.questions.map((q) => q.number);

  // Baseline: the same marks in a typed array, counted per question and mark.
  const ballots = currentBallots(records);
  const marks = new Int8Array(ballots.length * Q);
  ballots.forEach((b, i) => numbers.forEach((n, q) => (marks[i * Q + q] = CODE[b.marks[n] ?? 'none'])));
  const counts = new Int32Array(Q * 8);
  let sink = 0;
  const baselineMs = time(() => {
    counts.fill(0);
    for (let i = 0; i < marks.length; i += Q) for (let q = 0; q < Q; q++) counts[q * 8 + marks[i + q]!]!++;
    sink += counts[9]!;
  }, 50);

  // One save: a correction of a stored ballot (a new version), then the live figures of everything.
  let k = 0;
  let stored: PaperBallotRecord[] = records;
  const saveAndRefresh = () => {
    const i = 1 + (k++ % (stored.length - 1));
    const cur = stored[i]!.versions[stored[i]!.versions.length - 1]!;
    if (cur.withdrawn) return;
    const next = correctRecord(
      stored[i]!,
      { ...cur.ballot, marks: { ...cur.ballot.marks, 3: cur.ballot.marks[3] === 'for' ? 'against' : 'for' } },
      { by: 'Иванова', at: '2026-06-14T21:00:00+03:00', reason: 'опечатка' },
    );
    if (!next.ok) throw new Error(next.error[0]!.message);
    stored = stored.slice();
    stored[i] = next.value;
    sink += liveResults({ registry, meeting, ballots: currentBallots(stored) }).questions[0]!.counts.for;
  };
  const ms = time(saveAndRefresh, 50);
  const scansMs = time(
    () => (sink += scanFigures({ registry, meeting, ballots: currentBallots(stored) }).withScans.ballots),
    30,
  );
  if (sink < 0) console.log(sink);
  const baselineName = 'bare loop counting the same marks in an Int8Array';
  return [
    {
      name: `save a ballot and refresh live results: ${registry.length} persons, ${records.length} ballots stored, ${Q} questions`,
      ms,
      baselineMs,
      baselineName,
      targetMs: 30,
    },
    {
      name: `"originals only" and "with scans" figures (two tallies), ${records.length} ballots`,
      ms: scansMs,
      baselineMs,
      baselineName,
    },
  ];
}

function benchEntry(): BenchResult {
  const meeting = paperMeeting();
  const registry = makePersons(600, 21, { contacts: false });
  const ctx = createEntryContext({
    meeting,
    meetingId: 'm-2026',
    registry,
    defaults: { channel: 'paper', copy: 'original', receivedAt: '2026-06-10', delivery: 'hand' },
  });
  const byQr = typicalBallots(registry, meeting, 200, 5, 'qr');
  const byPlot = typicalBallots(registry, meeting, 200, 6, 'plot');
  const qr = keystrokesPerBallot(ctx, byQr);
  const plot = keystrokesPerBallot(ctx, byPlot);
  const keys = byPlot.flatMap((b) => keysForBallot(ctx, b));
  let sink = 0;
  const perBallot = (total: number) => total / byPlot.length;
  const ms = perBallot(time(() => (sink += replayKeys(initialEntryState(ctx), keys).seq), 10, 1));
  // Baseline: the registry searches the reducer has to run anyway (one per plot prefix typed).
  const prefixes = byPlot.flatMap((b) => {
    const plotNumber = registry[b.personIndex]!.holdings[0]!.plotNumber;
    return [...plotNumber].map((_, i) => plotNumber.slice(0, i + 1));
  });
  const baselineMs = perBallot(
    time(
      () => {
        for (const p of prefixes) sink += searchRegistry(ctx.search, p, 8).length;
      },
      10,
      1,
    ),
  );
  if (sink < 0) console.log(sink);
  const within = qr.counts.filter((n) => n <= 13).length / qr.counts.length;
  return {
    name:
      `keyboard entry per 10-question ballot (reducer, 200 ballots): ${qr.mean.toFixed(2)} keystrokes by QR code ` +
      `(max ${qr.max}, ${(within * 100).toFixed(0)}% ≤ 13), ${plot.mean.toFixed(2)} by plot number typed (max ${plot.max})`,
    ms,
    baselineMs,
    baselineName: 'searchRegistry alone for the same plot prefixes',
  };
}

export async function benchPaper(): Promise<BenchResult[]> {
  return [...benchLive(), benchEntry()];
}
