/**
 * Reading scanned ballots with `golos scan` (the built CLI): a stack of marked ballots at 200 dpi as an
 * office copier makes it (scanStack.ts: the app's ballots marked as the test deck marks them, JPEG pages
 * in a PDF), every reading checked against what was drawn. Baseline, measured interleaved with it:
 * rasterizing the same PDF alone (pdftoppm -gray -r 200), which the reading includes. Pairs run on a
 * slice of GOLOS_OMR_SLICE pages (default 60); the full stack of GOLOS_OMR_PAGES (default 300, the
 * issue's target: under 60 s) is read once, against one rasterizing. A second row times building every
 * voter's sheet layouts in the builder's layout-only mode against drawing the ballots PDF.
 * Both are run under GNU time, so each row also gives the processor time a page costs (user + system,
 * children included) and the load average: on a machine shared with other work the wall time says how
 * busy it was; the processor time says what the reading itself costs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBallotsPdf } from '../../shared/documents/ballotsPdf';
import { sheetLayouts } from '../../shared/omr/sheetLayouts';
import { median, pairStats, timePairs, type BenchResult } from './benchKit';
import { readPtSansFonts } from './ballotsPdfBench';
import { assertReadAsDrawn, cliBallots, makeScanStack, PARTNERSHIP, type ScanStack } from './scanStack';

export const OMR_PAGES = Number(process.env.GOLOS_OMR_PAGES ?? 300);
export const OMR_SLICE = Math.min(OMR_PAGES, Number(process.env.GOLOS_OMR_SLICE ?? 60));

/** The stack, made once for both reading benchmarks of a run. */
let made: { dir: string; stack: Promise<ScanStack> } | null = null;
export function benchScanStack(): Promise<ScanStack> {
  if (!made) {
    const dir = mkdtempSync(join(tmpdir(), 'golos-omr-bench-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    made = { dir, stack: makeScanStack(dir, [...new Set([OMR_SLICE, OMR_PAGES])]) };
  }
  return made.stack;
}

export async function benchOmr(): Promise<BenchResult[]> {
  const stack = await benchScanStack();
  const dir = mkdtempSync(join(tmpdir(), 'golos-omr-cli-'));
  try {
    const { meeting, registry } = stack;
    const fonts = readPtSansFonts();
    const layouts = await timePairs(
      () => sheetLayouts(meeting, registry, fonts),
      () => buildBallotsPdf(meeting, registry, fonts, { onSheet: () => {} }),
      { pairs: 5 },
    );

    const cpu = new Map<string, number[]>();
    /** Runs a command under GNU time; returns its processor seconds (user + system, children included). */
    const timed = (key: string, command: string, args: string[]) => {
      const run = spawnSync('/usr/bin/time', ['-f', 'cpu=%U+%S', command, ...args], { encoding: 'utf8' });
      const m = /cpu=([\d.]+)\+([\d.]+)\s*$/.exec(run.stderr);
      if (run.status !== 0 || !m) throw new Error(`${command}: ${run.stderr}`);
      cpu.set(key, [...(cpu.get(key) ?? []), (Number(m[1]) + Number(m[2])) * 1000]);
      return run.stdout;
    };
    const rasterize = (pages: number) => () => {
      timed(`raster${pages}`, 'pdftoppm', ['-gray', '-r', '200', stack.pdfs.get(pages)!, join(dir, 'g')]);
      for (const f of readdirSync(dir)) if (f.startsWith('g-')) rmSync(join(dir, f));
    };
    const scan = (pages: number) => () => {
      const out = join(dir, 'out');
      rmSync(out, { recursive: true, force: true });
      const stdout = timed(`scan${pages}`, process.execPath, [
        'dist/cli/golos.mjs',
        'scan',
        '--registry',
        stack.registryPath,
        '--meeting',
        stack.meetingPath,
        '--partnership',
        PARTNERSHIP,
        '--out',
        out,
        stack.pdfs.get(pages)!,
      ]);
      const read = cliBallots(stack, out);
      if (read.length !== pages)
        throw new Error(`golos scan read ${read.length} ballots of ${pages} pages: ${stdout}`);
      assertReadAsDrawn(stack, pages, read, 'golos scan');
    };
    const load = loadavg()[0]!;
    const slice = await timePairs(scan(OMR_SLICE), rasterize(OMR_SLICE), { pairs: 5, warmup: 0 });
    const once = async (fn: () => void) => {
      const t = performance.now();
      fn();
      return performance.now() - t;
    };
    const full = pairStats([await once(scan(OMR_PAGES))], [await once(rasterize(OMR_PAGES))]);
    console.log(`  golos scan, ${OMR_PAGES} pages: ${JSON.stringify(full)}; slice: ${JSON.stringify(slice)}`);
    const perPage = (wallMs: number, key: string, pages: number) =>
      `${(wallMs / pages).toFixed(0)} ms a page, processor ${(median(cpu.get(key)!) / pages).toFixed(0)} ms a page`;
    const machine = `load average ${load.toFixed(1)}–${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`;
    const row = (pages: number, r: typeof full, what: string): BenchResult => ({
      name: `golos scan: ${pages} marked pages at 200 dpi, ${what}, read as drawn (${perPage(r.ms, `scan${pages}`, pages)}; ${machine})`,
      ...r,
      baselineName: `pdftoppm -gray -r 200 alone (${perPage(r.baselineMs, `raster${pages}`, pages)})`,
    });
    return [
      row(OMR_SLICE, slice, 'interleaved pairs'),
      // The issue's target is for 300 pages.
      { ...row(OMR_PAGES, full, 'one run'), ...(OMR_PAGES >= 300 ? { targetMs: 60_000 } : {}) },
      {
        name: `sheet layouts of ${registry.length} voters, layout-only`,
        ...layouts,
        baselineName: 'the ballots PDF drawn (its layouts reported as it draws)',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
