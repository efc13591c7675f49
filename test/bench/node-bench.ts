// Every benchmark of the project in one run (`npm run bench`), printed as a table: the measured time,
// the baseline measured in the same run, their ratio (the median of interleaved pairs, with its range),
// the targets and whether each is met; the run ends with «N из M целей выполнено».
import { initialBundleGzipBytes } from './bundleSize';
import { targetsOf, type BenchResult } from './benchKit';
import { benchRegistryImport } from './registryBench';
import { benchRegistryBrowser } from './registryBrowserBench';
import { benchRegistryMessyBrowser } from './registryMessyBrowserBench';
import { benchTally } from './tallyBench';
import { benchBallotsPdf } from './ballotsPdfBench';
import { benchBallotsPdfBrowser } from './ballotsPdfBrowserBench';
import { benchGosuslugi } from './gosuslugiBench';
import { benchGosuslugiBrowser } from './gosuslugiBrowserBench';
import { benchPaper } from './paperBench';
import { benchPaperBrowser } from './paperBrowserBench';
import { benchProtocol } from './protocolBench';
import { benchProtocolBrowser } from './protocolBrowserBench';
import { benchBackupBrowser } from './backupBrowserBench';
import { benchIntegrityBrowser } from './integrityBrowserBench';
import { benchOmr } from './omrBench';
import { benchOmrBrowser } from './omrBrowserBench';

const suites: [string, () => Promise<BenchResult[]>][] = [
  ['registry (node)', () => benchRegistryImport()],
  ['registry (Chromium)', () => benchRegistryBrowser({ executablePath: process.env.CHROMIUM_PATH })],
  [
    'registry messy preview (Chromium)',
    () => benchRegistryMessyBrowser({ executablePath: process.env.CHROMIUM_PATH }),
  ],
  ['tally', () => benchTally()],
  ['ballots PDF', () => benchBallotsPdf()],
  ['ballots PDF (Chromium)', () => benchBallotsPdfBrowser({ executablePath: process.env.CHROMIUM_PATH })],
  ['Gosuslugi import', () => benchGosuslugi()],
  ['Gosuslugi import (Chromium)', () => benchGosuslugiBrowser({ executablePath: process.env.CHROMIUM_PATH })],
  ['paper ballots', () => benchPaper()],
  ['paper ballots (Chromium)', () => benchPaperBrowser({ executablePath: process.env.CHROMIUM_PATH })],
  ['protocol', () => benchProtocol()],
  ['protocol (Chromium)', () => benchProtocolBrowser({ executablePath: process.env.CHROMIUM_PATH })],
  ['backup (Chromium)', () => benchBackupBrowser({ executablePath: process.env.CHROMIUM_PATH })],
  ['integrity check (Chromium)', () => benchIntegrityBrowser({ executablePath: process.env.CHROMIUM_PATH })],
  ['scanned ballots', () => benchOmr()],
  ['scanned ballots (Chromium)', () => benchOmrBrowser({ executablePath: process.env.CHROMIUM_PATH })],
];

// Suites to run: each argument a part of a suite's name, or `=name` for exactly that suite; none: all.
const only = process.argv.slice(2);
const chosen = (suite: string): boolean =>
  only.length === 0 || only.some((o) => (o.startsWith('=') ? suite === o.slice(1) : suite.includes(o)));
const rows: (BenchResult & { suite: string })[] = [];
let failedSuites = 0;
for (const [suite, run] of suites) {
  if (!chosen(suite)) continue;
  process.stdout.write(`… ${suite}\n`);
  try {
    for (const r of await run()) rows.push({ ...r, suite });
  } catch (e) {
    failedSuites += 1;
    console.error(`${suite}: ${(e as Error).stack ?? e}`);
  }
}

const bundle = initialBundleGzipBytes();
const fmt = (ms: number, unit?: string): string =>
  (ms < 10 || unit ? ms.toFixed(2) : ms.toFixed(0)) + (unit ? ` ${unit}` : '');
const ratioText = (r: BenchResult): string =>
  r.ratio
    ? `${r.ratio.median.toFixed(2)}× (${r.ratio.min.toFixed(2)}–${r.ratio.max.toFixed(2)}, ${r.ratio.pairs} пар)`
    : `${(r.ms / r.baselineMs).toFixed(2)}×${r.unit ? '' : ' (медианы)'}`;
let targets = 0;
let met = 0;
console.log('\n| suite | benchmark | ms | baseline | baseline ms | ratio | target | met |');
console.log('| --- | --- | ---: | --- | ---: | ---: | --- | --- |');
for (const r of rows) {
  const t = targetsOf(r);
  targets += t.length;
  met += t.filter((x) => x.met).length;
  console.log(
    `| ${r.suite} | ${r.name} | ${fmt(r.ms, r.unit)} | ${r.baselineName} | ${fmt(r.baselineMs, r.unit)} | ${ratioText(r)} | ` +
      `${t.map((x) => x.text).join(', ') || '—'} | ${t.map((x) => (x.met ? 'да' : 'НЕТ')).join(', ') || '—'} |`,
  );
}
const bundleMet = bundle.bytes < 400 * 1024;
targets += 1;
if (bundleMet) met += 1;
console.log(
  `\nInitial renderer bundle: ${(bundle.bytes / 1024).toFixed(1)} kB gzip (${bundle.files.join(', ')}); ` +
    `target < 400 kB: ${((bundle.bytes / 1024 / 400) * 100).toFixed(0)}% of it, ${bundleMet ? 'да' : 'НЕТ'}.`,
);
console.log(`\n${met} из ${targets} целей выполнено`);
process.exit(failedSuites === 0 ? 0 : 1);
