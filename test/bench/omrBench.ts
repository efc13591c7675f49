/**
 * Reading scanned ballots: `golos scan` on a 300-page PDF of page images at 200 dpi, as an office
 * copier makes it (the project's ballots rasterized by pdftoppm to JPEG, one image a page, put in a PDF
 * by jsPDF). Target: under 60 s. Baseline measured interleaved with it (timePairs): rasterizing the
 * same PDF alone (pdftoppm -gray -r 200), which the reading includes. A second row times building
 * every voter's sheet layouts in the builder's layout-only mode against drawing the ballots PDF.
 * GOLOS_OMR_PAGES sets the page count (default 300) for a quicker run on a busy machine.
 * Both are run under GNU time, so each row also gives the processor time a page costs (user + system,
 * children included) and the load average: on a machine shared with other work the wall time says how
 * busy it was; the processor time says what the reading itself costs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsPDF } from 'jspdf';
import { cliMeeting } from '../../cli/scan';
import { buildBallotsPdf } from '../../shared/documents/ballotsPdf';
import { sheetLayouts } from '../../shared/omr/sheetLayouts';
import { readRegistryFile } from '../../shared/registry/readRegistryFile';
import { median, timePairs, type BenchResult } from './benchKit';
import { readPtSansFonts } from './ballotsPdfBench';
import { makePersons } from '../fixtures/persons';
import { largeRegistrySheet } from '../fixtures/registryLayouts';
import { writeRegistryXlsx } from '../fixtures/registryWriters';

const PAGES = Number(process.env.GOLOS_OMR_PAGES ?? 300);

const meetingText = JSON.stringify({
  id: 'bench-scan',
  kind: 'snt',
  form: 'mixed',
  title: 'Общее собрание СНТ «Ромашка» 2026 года',
  votingStart: '2026-06-01',
  votingEnd: '2026-06-14',
  acceptScans: true,
  questions: [
    ['Об утверждении приходно-расходной сметы', '22'],
    ['О размере членских взносов', '21'],
    ['О ремонте дороги', '22'],
    ['О ремонте водопровода', '17'],
    ['Об избрании правления', '2'],
    ['О приёме в члены', '7'],
  ].map(([text, item], i) => ({ number: i + 1, text, item })),
});

export async function benchOmr(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'golos-omr-bench-'));
  try {
    const persons = makePersons(PAGES, 2026, { contacts: false, multiPlot: 0, coOwned: 0 });
    const registryBytes = await writeRegistryXlsx(largeRegistrySheet(persons));
    writeFileSync(join(dir, 'registry.xlsx'), registryBytes);
    writeFileSync(join(dir, 'meeting.json'), meetingText);
    const m = cliMeeting(meetingText, 'meeting.json');
    const reg = await readRegistryFile(registryBytes, 'registry.xlsx', { kind: 'snt' });
    if (!m.ok || !reg.ok) throw new Error('bench inputs');
    const registry = reg.value.persons.map((p, i) => ({ ...p, id: `p${i + 1}` }));
    const printed = await buildBallotsPdf(m.meeting, registry, readPtSansFonts());
    writeFileSync(join(dir, 'printed.pdf'), printed);
    // The copier's PDF: every page a JPEG image.
    execFileSync('pdftoppm', [
      '-jpeg',
      '-jpegopt',
      'quality=80',
      '-r',
      '200',
      join(dir, 'printed.pdf'),
      join(dir, 'j'),
    ]);
    const jpegs = readdirSync(dir)
      .filter((f) => /^j-\d+\.jpg$/.test(f))
      .sort();
    const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: false });
    jpegs.forEach((f, i) => {
      if (i > 0) doc.addPage();
      doc.addImage(readFileSync(join(dir, f)), 'JPEG', 0, 0, 210, 297);
      rmSync(join(dir, f));
    });
    const scanned = join(dir, 'scanned.pdf');
    writeFileSync(scanned, new Uint8Array(doc.output('arraybuffer')));
    const pages = jpegs.length;

    const fonts = readPtSansFonts();
    const layouts = await timePairs(
      () => sheetLayouts(m.meeting, registry, fonts),
      () => buildBallotsPdf(m.meeting, registry, fonts, { onSheet: () => {} }),
      { pairs: 5 },
    );

    const cpu = { scan: [] as number[], rasterize: [] as number[] };
    /** Runs a command under GNU time; returns its processor seconds (user + system, children included). */
    const timed = (command: string, args: string[]) => {
      const run = spawnSync('/usr/bin/time', ['-f', 'cpu=%U+%S', command, ...args], { encoding: 'utf8' });
      const m = /cpu=([\d.]+)\+([\d.]+)\s*$/.exec(run.stderr);
      if (run.status !== 0 || !m) throw new Error(`${command}: ${run.stderr}`);
      return { stdout: run.stdout, cpuMs: (Number(m[1]) + Number(m[2])) * 1000 };
    };
    const rasterize = () => {
      cpu.rasterize.push(timed('pdftoppm', ['-gray', '-r', '200', scanned, join(dir, 'g')]).cpuMs);
      for (const f of readdirSync(dir)) if (f.startsWith('g-')) rmSync(join(dir, f));
    };
    const scan = () => {
      const run = timed(process.execPath, [
        'dist/cli/golos.mjs',
        'scan',
        '--registry',
        join(dir, 'registry.xlsx'),
        '--meeting',
        join(dir, 'meeting.json'),
        '--out',
        join(dir, 'out'),
        scanned,
      ]);
      cpu.scan.push(run.cpuMs);
      const csvRows =
        readFileSync(join(dir, 'out', 'scanned.csv'), 'utf8')
          .trim()
          .split('\r\n').length - 1;
      if (csvRows !== pages)
        throw new Error(`golos scan read ${csvRows} ballots of ${pages} pages: ${run.stdout}`);
    };
    const load = loadavg()[0]!;
    const reading = await timePairs(scan, rasterize, { pairs: 5, warmup: 0 });
    const perPage = (wallMs: number, cpuMs: number[]) =>
      `${(wallMs / pages).toFixed(0)} ms a page, processor ${(median(cpuMs) / pages).toFixed(0)} ms a page`;
    const machine = `load average ${load.toFixed(1)}–${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`;
    return [
      {
        name: `golos scan: ${pages} scanned pages at 200 dpi (${perPage(reading.ms, cpu.scan)}; ${machine})`,
        ...reading,
        baselineName: `pdftoppm -gray -r 200 alone (${perPage(reading.baselineMs, cpu.rasterize)})`,
        // The target is for 300 pages.
        ...(pages >= 300 ? { targetMs: 60_000 } : {}),
      },
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
