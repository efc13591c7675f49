/**
 * Paper ballot benchmarks (issue: paper ballots), each interleaved with its baseline (A B A B …):
 * - saving a ballot and refreshing the live results with 5,000 ballots stored (target under 30 ms):
 *   the new version appended, currentBallots over every record, liveResults (the tally) — against a
 *   bare loop counting the same marks held in a typed array;
 * - the "originals only" and "with scans" figures (two tallies) on the same data;
 * - keyboard entry: the reducer replaying 200 typical 10-question ballots, with the operator's
 *   keystrokes per ballot (QR code read by a scanner, and plot number typed) in the name — against
 *   the registry searches for the same typed plot prefixes alone;
 * - the operator's keystrokes per ballot when the voter is found by typed plot number, counted with the
 *   current keymap (target: at most the number of questions plus 3).
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
import { timePairs, type BenchResult } from './benchKit';

const CODE: Record<Mark, number> = { none: 0, for: 1, against: 2, abstain: 3, several: 4, all_crossed: 5 };

async function benchLive(): Promise<BenchResult[]> {
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
  const bareLoop = () => {
    counts.fill(0);
    for (let i = 0; i < marks.length; i += Q) for (let q = 0; q < Q; q++) counts[q * 8 + marks[i + q]!]!++;
    sink += counts[9]!;
  };

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
  const save = await timePairs(saveAndRefresh, bareLoop, { pairs: 50, warmup: 20 });
  const scans = await timePairs(
    () => (sink += scanFigures({ registry, meeting, ballots: currentBallots(stored) }).withScans.ballots),
    bareLoop,
    { pairs: 30, warmup: 5 },
  );
  if (sink < 0) console.log(sink);
  const baselineName = 'bare loop counting the same marks in an Int8Array';
  return [
    {
      name: `save a ballot and refresh live results: ${registry.length} persons, ${records.length} ballots stored, ${Q} questions`,
      ...save,
      baselineName,
      targetMs: 30,
    },
    {
      name: `"originals only" and "with scans" figures (two tallies), ${records.length} ballots`,
      ...scans,
      baselineName,
    },
  ];
}

async function benchEntry(): Promise<BenchResult[]> {
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
  // Baseline: the registry searches the reducer has to run anyway (one per plot prefix typed).
  const prefixes = byPlot.flatMap((b) => {
    const plotNumber = registry[b.personIndex]!.holdings[0]!.plotNumber;
    return [...plotNumber].map((_, i) => plotNumber.slice(0, i + 1));
  });
  const entry = await timePairs(
    () => (sink += replayKeys(initialEntryState(ctx), keys).seq),
    () => {
      for (const p of prefixes) sink += searchRegistry(ctx.search, p, 8).length;
    },
    { pairs: 10 },
  );
  if (sink < 0) console.log(sink);
  const within = qr.counts.filter((n) => n <= 13).length / qr.counts.length;
  const questions = meeting.questions.length;
  const plotWithin = plot.counts.filter((n) => n <= questions + 3).length / plot.counts.length;
  return [
    {
      name:
        `keyboard entry per 10-question ballot (reducer, 200 ballots): ${qr.mean.toFixed(2)} keystrokes by QR code ` +
        `(max ${qr.max}, ${(within * 100).toFixed(0)}% ≤ 13), ${plot.mean.toFixed(2)} by plot number typed (max ${plot.max})`,
      ms: perBallot(entry.ms),
      baselineMs: perBallot(entry.baselineMs),
      ratio: entry.ratio,
      baselineName: 'searchRegistry alone for the same plot prefixes',
    },
    {
      // Counted by replaying the current keymap (keysForBallot), not timed.
      name:
        `operator keystrokes per ${questions}-question ballot, voter found by typed plot number ` +
        `(mean of 200 ballots, ${registry.length} persons; max ${plot.max}, ${(plotWithin * 100).toFixed(0)}% ≤ ${questions + 3})`,
      ms: plot.mean,
      baselineMs: questions,
      baselineName: 'one key per question',
      unit: 'клавиш',
      targetAtMost: questions + 3,
      counted: true,
    },
  ];
}

export async function benchPaper(): Promise<BenchResult[]> {
  return [...(await benchLive()), ...(await benchEntry())];
}
