// Test helper: runs the command line in this process and captures what it wrote.
import { vi } from 'vitest';
import { main } from './golos';

export async function runGolos(...argv: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  let stderr = '';
  let stdout = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const code = await main(argv);
  vi.restoreAllMocks();
  return { code, stderr, stdout };
}

/**
 * Bundles the command line as build/build-node.mjs does, into dist/<folder>/golos.mjs (beside
 * node_modules, so its packages resolve), for tests that run it as `node` in its own process; with
 * `entry` 'golosBatch.testkit', the runner of many command lines in one process (runBatched), as
 * dist/<folder>/golos-batch.mjs.
 */
export async function buildGolosScript(
  folder: string,
  entry: 'golos' | 'golosBatch.testkit' = 'golos',
): Promise<string> {
  const { build } = await import('esbuild');
  const { fileURLToPath } = await import('node:url');
  const { join } = await import('node:path');
  const repoRoot = fileURLToPath(new URL('..', import.meta.url));
  const script = join(repoRoot, 'dist', folder, entry === 'golos' ? 'golos.mjs' : 'golos-batch.mjs');
  await build({
    entryPoints: [join(repoRoot, 'cli', `${entry}.ts`)],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  return script;
}

/** How a `node SCRIPT ARGS…` process ended, its time and peak memory (kilobytes, by /usr/bin/time). */
export interface MeasuredRun {
  code: number | null;
  stderr: string;
  ms: number;
  maxRssKb: number;
}

/**
 * Runs the built command line in its own process with an empty NODE_OPTIONS, killed after `limitMs`;
 * the peak resident memory is the kernel's figure through /usr/bin/time.
 */
export async function runMeasured(script: string, args: string[], limitMs: number): Promise<MeasuredRun> {
  const { spawn } = await import('node:child_process');
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('/usr/bin/time', ['-f', 'maxrss=%M', process.execPath, script, ...args], {
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += String(c)));
    child.stdout.resume();
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const rss = /maxrss=(\d+)\s*$/.exec(stderr);
      resolve({
        code,
        stderr: stderr.replace(/(Command (exited|terminated)[^\n]*\n)?maxrss=\d+\s*$/, ''),
        ms: Date.now() - started,
        maxRssKb: rss ? Number(rss[1]) : Infinity,
      });
    });
  });
}

/**
 * Runs each argv of `argvs` through `main` in processes of the batch runner (golosBatch.testkit, built
 * by buildGolosScript), one after another; each run is killed after `limitMs`. A run that kills its
 * process (a crash) or is killed (a hang) is reported with the process's exit code (null when killed)
 * and stderr, and the next runs go on in a new process. maxRssKb is the process's peak up to the end
 * of the run: an upper bound of the run's own.
 */
export async function runBatched(script: string, argvs: string[][], limitMs: number): Promise<MeasuredRun[]> {
  const { spawn } = await import('node:child_process');
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'golos-batch-'));
  const list = join(dir, 'cases.json');
  writeFileSync(list, JSON.stringify(argvs));
  const runs: MeasuredRun[] = [];
  /** Runs from `from` on in one process; resolves with the first run not yet done. */
  const batch = (from: number): Promise<number> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [script, list, String(from)], {
        env: { ...process.env, NODE_OPTIONS: '' },
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      let next = from;
      let stderr = '';
      let started = Date.now();
      let timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
      child.stderr!.on('data', (c) => (stderr += String(c)));
      child.on('message', (m: import('./golosBatch.testkit').BatchMessage) => {
        runs[m.index] = { code: m.code, stderr: m.stderr + stderr, ms: m.ms, maxRssKb: m.maxRssKb };
        next = m.index + 1;
        stderr = '';
        started = Date.now();
        clearTimeout(timer);
        timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (next < argvs.length) {
          runs[next] = { code, stderr, ms: Date.now() - started, maxRssKb: Infinity };
          next++;
        }
        resolve(next);
      });
    });
  try {
    for (let from = 0; from < argvs.length;) from = await batch(from);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return runs;
}
