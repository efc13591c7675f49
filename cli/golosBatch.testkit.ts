/**
 * Test entry (bundled by golos.testkit's buildGolosScript): many `golos` command lines in one Node
 * process, one after another, for tests that run many small files and do not test the process itself
 * (the bad-input corpus): a process each costs mostly Node's start-up. The same `main` as the command
 * line, with the same heap setting.
 *   node golos-batch.mjs CASES.json FROM
 * CASES.json holds the argv of each run; runs FROM.. go in order. After each, the parent gets
 * { index, code, stderr, ms, maxRssKb } over IPC: what the run wrote to stderr, its time, and the
 * process's peak memory so far (an upper bound of that run's own). A run that crashes the process or
 * never ends is the parent's to see (runBatched).
 */
import { readFileSync } from 'node:fs';
import { useCommandHeap } from './commandHeap';
import { main } from './golos';

export interface BatchMessage {
  index: number;
  code: number;
  stderr: string;
  ms: number;
  maxRssKb: number;
}

useCommandHeap();
const cases = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as string[][];
const stderrWrite = process.stderr.write.bind(process.stderr);
const stdoutWrite = process.stdout.write.bind(process.stdout);

for (let index = Number(process.argv[3] ?? 0); index < cases.length; index++) {
  let stderr = '';
  process.stderr.write = ((chunk: unknown) => ((stderr += String(chunk)), true)) as typeof stderrWrite;
  process.stdout.write = (() => true) as typeof stdoutWrite;
  const started = performance.now();
  const code = await main(cases[index]!);
  const ms = Math.round(performance.now() - started);
  process.stderr.write = stderrWrite;
  process.stdout.write = stdoutWrite;
  const message: BatchMessage = { index, code, stderr, ms, maxRssKb: process.resourceUsage().maxRSS };
  await new Promise((resolve) => process.send!(message, undefined, undefined, resolve));
}
process.disconnect?.();
