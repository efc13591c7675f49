// Every benchmark of the project in one run (`npm run bench`), printed as a table: the measured time,
// the baseline measured in the same run, their ratio (the median of interleaved pairs, with its range),
// the targets and whether each is met; the run ends with «N из M целей выполнено».
import { initialBundleGzipBytes } from './bundleSize';
import { benchReport, rowLine, type BenchResult, type SuiteRow } from './benchKit';
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
import { benchProtocolScale } from './protocolScaleBench';
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
  ['protocol at scale (golos tally --protocol)', () => benchProtocolScale()],
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
const rows: SuiteRow[] = [];
const failedSuites: string[] = [];
for (const [suite, run] of suites) {
  if (!chosen(suite)) continue;
  process.stdout.write(`… ${suite}\n`);
  const t0 = performance.now();
  try {
    for (const r of await run()) {
      rows.push({ ...r, suite });
      process.stdout.write(`${rowLine(r)}\n`);
    }
  } catch (e) {
    failedSuites.push(suite);
    console.error(`${suite}: ${(e as Error).stack ?? e}`);
  }
  process.stdout.write(`  ${suite}: ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
}

// The bundle's target needs a build (npm run bench makes one first): without it, named as not measured.
const suitesFailed = failedSuites.length > 0;
const bundle = initialBundleGzipBytes();
const extra: { text: string; met: boolean }[] = [];
if (bundle) {
  const bundleMet = bundle.bytes < 400 * 1024;
  console.log(
    `\nInitial renderer bundle: ${(bundle.bytes / 1024).toFixed(1)} kB gzip (${bundle.files.join(', ')}); ` +
      `target < 400 kB: ${((bundle.bytes / 1024 / 400) * 100).toFixed(0)}% of it, ${bundleMet ? 'да' : 'НЕТ'}.\n`,
  );
  extra.push({ text: 'initial bundle < 400 kB', met: bundleMet });
} else {
  console.log('\nInitial renderer bundle: no build in dist/renderer (npm run bench builds it first).\n');
  failedSuites.push('initial bundle (нет сборки)');
}
console.log(benchReport(rows, extra, failedSuites).join('\n'));
// A run of every suite without a build is broken; a run of chosen suites needs none.
process.exit(suitesFailed || (!bundle && only.length === 0) ? 1 : 0);
