/**
 * Tally benchmarks (issue: tally engine), each with a baseline measured in the same run:
 * - the tally of 10,000 persons × 40 questions × 3 channels (about 25,000 ballots), against a bare loop
 *   counting the same decisions held in a typed array (target: under 50 ms and within 10× of it);
 * - `golos tally` end to end on generated XLSX files of that size, against reading the same XLSX files
 *   with exceljs alone (target: under 5 s). Needs dist/cli/golos.mjs (node build/build-node.mjs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Mark } from '../../shared/domain/types';
import { tally } from '../../shared/tally/tally';
import { largeRegistrySheet } from '../fixtures/registryLayouts';
import { writeRegistryXlsx } from '../fixtures/registryWriters';
import { meetingJson, writeBatchXlsx, writeGosuslugiXlsx } from './ballotFiles';
import { makeTallyData } from './tallyData';
import type { BenchResult } from './benchKit';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median wall time of `runs` calls after `warmup` unmeasured ones. */
function time(fn: () => unknown, runs: number, warmup = 3): number {
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
  const baselineMs = time(() => {
    counts.fill(0);
    for (let i = 0; i < decisions.length; i += Q)
      for (let k = 0; k < Q; k++) counts[k * 8 + decisions[i + k]!]!++;
    sink += counts[8]!;
  }, 30);
  const ms = time(() => (sink += tally(data).participation.persons), 30);
  // Cold: a new registry array every run, so the registry index is built again each time.
  const coldMs = time(
    () => (sink += tally({ ...data, registry: [...data.registry] }).participation.persons),
    30,
  );
  if (sink < 0) console.log(sink);
  const what = `${data.registry.length} persons × ${Q} questions, ${data.ballots.length} ballots of 3 channels`;
  const baselineName = 'bare loop counting the same decisions in an Int8Array';
  return [
    {
      name: `tally (same registry snapshot, as after each saved ballot): ${what}`,
      ms,
      baselineMs,
      baselineName,
    },
    { name: `tally (registry indexed afresh): ${what}`, ms: coldMs, baselineMs, baselineName },
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
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchTally(root = resolve('.')): Promise<BenchResult[]> {
  return [...benchEngine(), await benchCli(root)];
}
