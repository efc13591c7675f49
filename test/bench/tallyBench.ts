/**
 * Tally benchmarks (issue: tally engine), each with a baseline measured in the same run:
 * - the tally of 10,000 persons × 40 questions × 3 channels (about 25,000 ballots), against a bare loop
 *   counting the same decisions held in a typed array (target: under 50 ms and within 10× of it). Two
 *   cases: the live tally after a saved ballot (a new list in which one ballot is a new object, the rest
 *   as last time: what the app runs after every ballot), and the first tally of a meeting (every ballot
 *   and the registry new objects: marks decoded, voters matched and the registry indexed afresh);
 * - `golos tally` end to end on generated XLSX files of that size, against reading the same XLSX files
 *   with exceljs alone (target: under 5 s). Needs dist/cli/golos.mjs (node build/build-node.mjs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Ballot, Mark } from '../../shared/domain/types';
import { tally } from '../../shared/tally/tally';
import { largeRegistrySheet } from '../fixtures/registryLayouts';
import { writeRegistryXlsx } from '../fixtures/registryWriters';
import { meetingJson, writeBatchXlsx, writeGosuslugiXlsx } from './ballotFiles';
import { makeTallyData } from './tallyData';
import type { BenchResult } from './benchKit';

/** Median wall time of `runs` calls of `fn` on what `setup` gives (not timed), after `warmup` calls. */
function time<T>(setup: (run: number) => T, fn: (x: T) => unknown, runs: number, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn(setup(i));
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const x = setup(warmup + i);
    const t0 = performance.now();
    fn(x);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)]!;
}

const CODE: Record<Mark, number> = { none: 0, for: 1, against: 2, abstain: 3, several: 4, all_crossed: 5 };

/** The baseline: count decisions held in a typed array, Q per ballot, into 8 slots per question. */
function countDecisions(decisions: Int8Array, Q: number, counts: Int32Array): void {
  counts.fill(0);
  for (let i = 0; i < decisions.length; i += Q) {
    for (let k = 0; k < Q; k++) counts[k * 8 + decisions[i + k]!]!++;
  }
}

/** A ballot as a new object with new marks and voter objects (as read from the database again). */
const copyBallot = (b: Ballot): Ballot => ({ ...b, voter: { ...b.voter }, marks: { ...b.marks } });

function benchEngine(): BenchResult[] {
  const data = makeTallyData(10_000, 40, 7);
  const Q = data.meeting.questions.length;
  // The same decisions, held in a typed array: the least any count of them can cost.
  const decisions = new Int8Array(data.ballots.length * Q);
  data.ballots.forEach((b, i) =>
    data.meeting.questions.forEach((q, k) => (decisions[i * Q + k] = CODE[b.marks[q.number] ?? 'none'])),
  );
  const counts = new Int32Array(Q * 8);
  let sink = 0;
  const baselineMs = time(
    () => decisions,
    (d) => {
      countDecisions(d, Q, counts);
      sink += counts[8]!;
    },
    30,
  );
  // After a saved ballot: a new list, one ballot in it (a different one each run) a new object.
  let current = data.ballots;
  const liveMs = time(
    (run) => {
      current = current.slice();
      const at = (run * 7919) % current.length;
      current[at] = copyBallot(current[at]!);
      return { ...data, ballots: current };
    },
    (input) => (sink += tally(input).participation.persons),
    30,
  );
  // First tally of a meeting: the registry and every ballot new objects (copied before the clock starts).
  const firstMs = time(
    () => ({
      ...data,
      registry: data.registry.map((p) => ({ ...p })),
      ballots: data.ballots.map(copyBallot),
    }),
    (input) => (sink += tally(input).participation.persons),
    9,
    1,
  );
  if (sink < 0) console.log(sink);
  const what = `${data.registry.length} persons × ${Q} questions, ${data.ballots.length} ballots of 3 channels`;
  const baselineName = 'bare loop counting the same decisions in an Int8Array';
  return [
    {
      name: `tally after a saved ballot (the rest decoded last time): ${what}`,
      ms: liveMs,
      baselineMs,
      baselineName,
      targetMs: 50,
    },
    {
      name: `first tally of a meeting (all decoded, matched, indexed afresh): ${what}`,
      ms: firstMs,
      baselineMs,
      baselineName,
      targetMs: 50,
    },
  ];
}

async function benchCli(root: string): Promise<BenchResult> {
  const script = join(root, 'dist', 'cli', 'golos.mjs');
  if (!existsSync(script)) throw new Error(`${script} is missing: run node build/build-node.mjs first`);
  const { registry, meeting, ballots } = makeTallyData(10_000, 40, 7);
  const dir = mkdtempSync(join(tmpdir(), 'golos-bench-'));
  try {
    const files = {
      registry: join(dir, 'registry.xlsx'),
      meeting: join(dir, 'meeting.json'),
      gosuslugi: join(dir, 'gosuslugi.xlsx'),
      paper: join(dir, 'paper.xlsx'),
    };
    writeFileSync(files.registry, await writeRegistryXlsx(largeRegistrySheet(registry)));
    writeFileSync(files.meeting, meetingJson(meeting));
    writeFileSync(files.gosuslugi, await writeGosuslugiXlsx(ballots, registry, meeting));
    writeFileSync(files.paper, await writeBatchXlsx(ballots, registry, meeting));
    const run = (args: string[]): number => {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
      const ms = performance.now() - t0;
      if (r.status !== 0) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
      return ms;
    };
    const xlsx = [files.registry, files.gosuslugi, files.paper];
    const readOnly =
      "const E=require('exceljs');(async()=>{for(const f of process.argv.slice(1)){const w=new E.Workbook();" +
      'await w.xlsx.readFile(f);let n=0;w.eachSheet(s=>s.eachRow(r=>{n+=r.cellCount}));}})()';
    const baselineMs = Math.min(run(['-e', readOnly, ...xlsx]), run(['-e', readOnly, ...xlsx]));
    const cli = [script, 'tally', '--registry', files.registry, '--meeting', files.meeting];
    const all = [...cli, '--gosuslugi', files.gosuslugi, '--paper', files.paper, '--out', join(dir, 'out')];
    const ms = Math.min(run(all), run(all));
    return {
      name: `golos tally end to end: XLSX registry of ${registry.length}, ${ballots.length} ballots, ${meeting.questions.length} questions`,
      ms,
      baselineMs,
      baselineName: 'node reading the same XLSX files with exceljs alone',
      targetMs: 5000,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchTally(root = resolve('.')): Promise<BenchResult[]> {
  return [...benchEngine(), await benchCli(root)];
}
