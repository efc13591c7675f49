/**
 * The protocol at scale (issue: truthful benchmarks, item 9): `golos tally --protocol` on a registry of
 * 20,000 persons (10 questions, paper, in-person and Gosuslugi ballots), each run in a fresh process
 * under /usr/bin/time. Interleaved with the same command without --protocol (A B A B …, after a
 * warm-up), two rows from the same runs:
 * - the process's peak memory (maximum resident set; target under 1 GB);
 * - its wall time (no target).
 * Every run must write its files: a refused or failed run stops the benchmark. Needs dist/cli/golos.mjs
 * (node build/build-node.mjs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { largeRegistrySheet } from '../fixtures/registryLayouts';
import { writeRegistryCsv } from '../fixtures/registryWriters';
import { meetingJson, writeBatchCsv, writeGosuslugiXlsx } from './ballotFiles';
import { pairStats, type BenchResult } from './benchKit';
import { makeTallyData } from './tallyData';

const PERSONS = 20_000;
const QUESTIONS = 10;
const PAIRS = 5;
const MB = 1024 * 1024;

/** One `golos tally` in a fresh process: its wall time and peak resident memory in MB. */
function runCli(cli: string, args: string[]): { ms: number; mb: number } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'maxrss=%M', process.execPath, cli, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - t0;
  const rss = /maxrss=(\d+)\s*$/.exec(r.stderr ?? '');
  if (r.status !== 0 || !rss) throw new Error(`golos ${args.join(' ')} failed: ${r.stderr || r.error}`);
  return { ms, mb: (Number(rss[1]) * 1024) / MB };
}

export async function benchProtocolScale(root = resolve('.')): Promise<BenchResult[]> {
  const cli = join(root, 'dist', 'cli', 'golos.mjs');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run node build/build-node.mjs first`);
  const { registry, meeting, ballots } = makeTallyData(PERSONS, QUESTIONS, 7);
  const dir = mkdtempSync(join(tmpdir(), 'golos-bench-scale-'));
  try {
    const files = {
      registry: join(dir, 'registry.csv'),
      meeting: join(dir, 'meeting.json'),
      gosuslugi: join(dir, 'gosuslugi.xlsx'),
      paper: join(dir, 'paper.csv'),
    };
    writeFileSync(
      files.registry,
      writeRegistryCsv(largeRegistrySheet(registry), { delimiter: ';', encoding: 'utf-8' }),
    );
    writeFileSync(files.meeting, meetingJson(meeting));
    writeFileSync(files.gosuslugi, await writeGosuslugiXlsx(ballots, registry, meeting));
    writeFileSync(files.paper, writeBatchCsv(ballots, registry, meeting));
    const args = (out: string) => [
      'tally',
      '--registry',
      files.registry,
      '--meeting',
      files.meeting,
      '--gosuslugi',
      files.gosuslugi,
      '--paper',
      files.paper,
      '--out',
      join(dir, out),
    ];
    const protocol: { ms: number; mb: number }[] = [];
    const plain: { ms: number; mb: number }[] = [];
    for (let i = 0; i < 1 + PAIRS; i++) {
      const a = runCli(cli, [...args('protocol'), '--protocol']);
      const b = runCli(cli, args('plain'));
      if (i === 0) continue;
      protocol.push(a);
      plain.push(b);
    }
    const pdf = statSync(join(dir, 'protocol', 'protocol.pdf')).size;
    const xlsx = statSync(join(dir, 'protocol', 'results.xlsx')).size;
    const what =
      `golos tally --protocol: ${PERSONS.toLocaleString('ru-RU')} persons, ${ballots.length} ballots, ` +
      `${QUESTIONS} questions (PDF ${(pdf / 1e6).toFixed(1)} MB, XLSX ${(xlsx / 1e6).toFixed(1)} MB)`;
    const baselineName = 'the same golos tally without --protocol (results.json only)';
    return [
      {
        name: `${what}: peak memory of the process (max RSS)`,
        ...pairStats(
          protocol.map((r) => r.mb),
          plain.map((r) => r.mb),
        ),
        baselineName,
        unit: 'МБ',
        targetMs: 1024,
      },
      {
        name: `${what}: wall time`,
        ...pairStats(
          protocol.map((r) => r.ms),
          plain.map((r) => r.ms),
        ),
        baselineName,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
