/**
 * The bad-input corpus (test/fixtures/hostileCorpus) through `golos tally`, under the limits of the
 * issue: each ends within 60 s and 1.5 GB with exit 0 and results, or exit 1 and a Russian message with
 * nothing written; never a crash, a hang or a stack trace. A sample (the largest file of each role and
 * every seventh) runs through the built command line, a process each; the rest through the same `main`
 * in two batch processes (golosBatch.testkit), which spares a Node start-up per file. A crash or a hang
 * there is caught all the same (the process dies or is killed, and the batch goes on in a new one); the
 * memory figure is the batch process's peak so far, an upper bound of the file's own.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseFiles, hostileCorpus, type HostileFile } from '../test/fixtures/hostileCorpus';
import { buildGolosScript, runBatched, runMeasured, type MeasuredRun } from './golos.testkit';

const LIMIT_MS = 60_000;
const LIMIT_KB = 1.5 * 1024 * 1024;

interface Outcome extends MeasuredRun {
  file: HostileFile;
  wrote: boolean;
}

let dir: string;
let script: string;
let batchScript: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'golos-hostile-'));
  script = await buildGolosScript('cli-hostile');
  batchScript = await buildGolosScript('cli-hostile', 'golosBatch.testkit');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The arguments of `golos tally` on the file with the good files of the other roles (written to disk). */
function tallyArgs(file: HostileFile, index: number): { args: string[]; out: string } {
  const work = join(dir, String(index));
  mkdirSync(work);
  const base = baseFiles();
  const path = (role: keyof typeof base): string => {
    const f = role === file.role ? { name: file.name, bytes: file.bytes } : base[role];
    const p = join(work, f.name);
    writeFileSync(p, f.bytes);
    return p;
  };
  const out = join(work, 'out');
  const args = ['tally', '--registry', path('registry'), '--meeting', path('meeting')];
  if (file.role === 'paper') args.push('--paper', path('paper'));
  if (file.role === 'gosuslugi') args.push('--gosuslugi', path('gosuslugi'));
  args.push('--out', out);
  return { args, out };
}

const wrote = (out: string): boolean => existsSync(join(out, 'results.json'));

/** The sample that goes through the built command line: the largest file of each role, every seventh. */
function throughCli(files: HostileFile[]): Set<number> {
  const sample = new Set(files.map((_, i) => i).filter((i) => i % 7 === 0));
  for (const role of new Set(files.map((f) => f.role))) {
    const largest = files
      .map((f, i) => ({ f, i }))
      .filter(({ f }) => f.role === role)
      .sort((a, b) => b.f.bytes.length - a.f.bytes.length)[0]!;
    sample.add(largest.i);
  }
  return sample;
}

/**
 * Two at a time (the machine has two cores): first the batches, each with every other file of the rest
 * (largest first), then the sample, a process each.
 */
async function runAll(files: HostileFile[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const runs = files.map((f, i) => tallyArgs(f, i));
  const sample = throughCli(files);
  const rest = files
    .map((_, i) => i)
    .filter((i) => !sample.has(i))
    .sort((a, b) => files[b]!.bytes.length - files[a]!.bytes.length);
  await Promise.all(
    [0, 1].map(async (half) => {
      const mine = rest.filter((_, k) => k % 2 === half);
      const measured = await runBatched(
        batchScript,
        mine.map((i) => runs[i]!.args),
        LIMIT_MS,
      );
      mine.forEach(
        (i, k) => (outcomes[i] = { file: files[i]!, ...measured[k]!, wrote: wrote(runs[i]!.out) }),
      );
    }),
  );
  const order = [...sample];
  let next = 0;
  const worker = async () => {
    while (next < order.length) {
      const i = order[next++]!;
      const run = await runMeasured(script, runs[i]!.args, LIMIT_MS);
      outcomes[i] = { file: files[i]!, ...run, wrote: wrote(runs[i]!.out) };
    }
  };
  await Promise.all([worker(), worker()]);
  return outcomes;
}

const verdict = (o: Outcome): string => {
  if (o.ms >= LIMIT_MS) return 'hung';
  if (o.code === 1 && !o.wrote) return 'refused';
  if (o.code === 0 && o.wrote) return 'accepted';
  return 'crashed';
};

test('every file of the corpus is accepted or refused in Russian, within 60 s and 1.5 GB', async () => {
  const corpus = hostileCorpus();
  expect(corpus.length).toBeGreaterThanOrEqual(60);
  const outcomes = await runAll(corpus);
  const summary = { refused: 0, accepted: 0, crashed: 0, hung: 0 };
  for (const o of outcomes) summary[verdict(o) as keyof typeof summary]++;
  const slowest = [...outcomes].sort((a, b) => b.ms - a.ms)[0]!;
  const largest = [...outcomes].sort((a, b) => b.maxRssKb - a.maxRssKb)[0]!;
  console.log(
    `hostile corpus: ${corpus.length} files (${throughCli(corpus).size} through the built command line), ` +
      `${JSON.stringify(summary)}; slowest ${slowest.file.name} ` +
      `${slowest.ms} ms; largest ${largest.file.name} ${Math.round(largest.maxRssKb / 1024)} MB`,
  );
  const failures: string[] = [];
  for (const o of outcomes) {
    const why: string[] = [];
    if (o.ms >= LIMIT_MS) why.push('over 60 s');
    if (!(o.maxRssKb < LIMIT_KB)) why.push(`over 1.5 GB (${o.maxRssKb} KB)`);
    if (/\n\s+at |Внутренняя ошибка|непредвиденная ошибка|Error:/.test(o.stderr))
      why.push('a stack or an internal error');
    if (verdict(o) !== o.file.expect) why.push(`${verdict(o)}, expected ${o.file.expect}`);
    if (o.code === 1 && !/^Подсчёт не выполнен, ничего не записано:\n.*[а-яё]/.test(o.stderr))
      why.push('no Russian message');
    if (why.length > 0)
      failures.push(
        `${o.file.name} (${o.file.about}): ${why.join(', ')}; exit ${o.code}, ${o.ms} ms\n${o.stderr.slice(0, 400)}`,
      );
  }
  expect(failures).toEqual([]);
}, 600_000);
