/**
 * runBatched (golos.testkit), which the bad-input corpus relies on to see a crash or a hang among many
 * runs in one process: a stand-in runner that answers as golosBatch.testkit does, aborts on one run and
 * never ends another.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatched } from './golos.testkit';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'golos-batch-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a crash and a hang are reported on their own run, and the runs after them still go', async () => {
  const script = join(dir, 'runner.mjs');
  writeFileSync(
    script,
    `import { readFileSync } from 'node:fs';
const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (let index = Number(process.argv[3]); index < cases.length; index++) {
  const [what] = cases[index];
  if (what === 'crash') { process.stderr.write('FATAL ERROR: invalid size\\n'); process.abort(); }
  if (what === 'hang') for (;;);
  await new Promise((r) => process.send({ index, code: what === 'ok' ? 0 : 1, stderr: what, ms: 5, maxRssKb: 1000 }, undefined, undefined, r));
}
process.disconnect();
`,
  );
  const runs = await runBatched(script, [['ok'], ['crash'], ['refused'], ['hang'], ['ok']], 3000);
  expect(runs.map((r) => r.code)).toEqual([0, null, 1, null, 0]);
  expect(runs[1]!.stderr).toContain('FATAL ERROR');
  expect(runs[1]!.ms).toBeLessThan(3000);
  expect(runs[3]!.ms).toBeGreaterThanOrEqual(3000);
  expect(runs.map((r) => r.stderr)).toEqual([
    'ok',
    expect.stringContaining('invalid size'),
    'refused',
    '',
    'ok',
  ]);
  expect(runs[1]!.maxRssKb).toBe(Infinity);
}, 60_000);
