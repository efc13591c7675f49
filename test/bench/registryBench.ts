/**
 * Registry benchmarks, each with a baseline measured in the same run:
 * - import of a 5,000-person XLSX (read + parse + validate; target with storing: under 3 s), against
 *   a plain read of the same bytes (unzip + XML scan) and against exceljs merely loading them;
 * - search as you type over 5,000 persons (target: under 16 ms a keystroke), against a naive
 *   `Array.filter(includes)` over the names.
 */
import { buildRegistryIndex, searchRegistry } from '../../shared/registry/search';
import { readRegistryFile } from '../../shared/registry/readRegistryFile';
import { validateRegistry } from '../../shared/registry/validateRegistry';
import { makePersons } from '../fixtures/persons';
import { largeRegistrySheet } from '../fixtures/registryLayouts';
import { writeRegistryXlsx } from '../fixtures/registryWriters';
import { timePairs, type BenchResult } from './benchKit';
import { plainXlsxRead } from './plainXlsxRead';

/** Every prefix of what a secretary types: names, a plot number, a СНИЛС with dashes. */
function keystrokes(sample: { fullName: string; snils?: string }): string[] {
  const typed = [
    'Иванова Ма',
    'петр',
    'Семёнов',
    '12',
    '1234',
    sample.fullName,
    sample.snils!.slice(0, 3) + '-' + sample.snils!.slice(3, 6),
  ];
  return typed.flatMap((t) => Array.from({ length: t.length }, (_, i) => t.slice(0, i + 1)));
}

export async function benchRegistryImport(): Promise<BenchResult[]> {
  const persons = makePersons(5000, 5000);
  const bytes = await writeRegistryXlsx(largeRegistrySheet(persons));
  const { default: ExcelJS } = await import('exceljs');

  const importOnce = async (): Promise<void> => {
    const r = await readRegistryFile(bytes, 'registry-5000.xlsx', { kind: 'snt' });
    if (!r.ok || r.value.persons.length !== 5000) throw new Error('benchmark registry not read');
    validateRegistry(r.value.persons, { sourceRows: r.value.sourceRows });
  };
  const loadOnly = async (): Promise<void> => {
    await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
  };
  const plain = await timePairs(importOnce, () => plainXlsxRead(bytes), { pairs: 5 });
  const exceljs = await timePairs(importOnce, loadOnly, { pairs: 5 });

  const index = buildRegistryIndex(persons);
  const queries = keystrokes(persons[2500]!);
  const lowerNames = persons.map((p) => p.fullName);
  const naive = (q: string): unknown => {
    const l = q.toLowerCase();
    return lowerNames.filter((n) => n.toLowerCase().includes(l));
  };
  const rounds = 5;
  const perKey = (fn: (q: string) => unknown): { mean: number; worst: number } => {
    let worst = 0;
    const t0 = performance.now();
    for (let r = 0; r < rounds; r++) {
      for (const q of queries) {
        const t = performance.now();
        fn(q);
        worst = Math.max(worst, performance.now() - t);
      }
    }
    return { mean: (performance.now() - t0) / (rounds * queries.length), worst };
  };
  const search = await timePairs(
    () => perKey((q) => searchRegistry(index, q)).mean,
    () => perKey(naive).mean,
    { pairs: 5, reported: true },
  );
  const worst = await timePairs(
    () => perKey((q) => searchRegistry(index, q)).worst,
    () => perKey(naive).worst,
    { pairs: 5, reported: true },
  );
  const build = await timePairs(
    () => buildRegistryIndex(persons),
    () => persons.map((p) => p.fullName.toLowerCase()),
    { pairs: 5 },
  );

  const importName = 'Registry import 5,000 persons XLSX (read + parse + validate)';
  return [
    { name: importName, ...plain, baselineName: 'a plain read of the same bytes (unzip + XML scan)' },
    { name: importName, ...exceljs, baselineName: 'exceljs loading the same bytes' },
    {
      name: `Registry search per keystroke, 5,000 persons (mean of ${queries.length} keystrokes)`,
      ...search,
      baselineName: 'naive Array.filter(includes) over names',
    },
    {
      name: 'Registry search, slowest keystroke',
      ...worst,
      baselineName: 'naive Array.filter(includes), slowest keystroke',
    },
    {
      name: 'Registry search index build, 5,000 persons (once per registry change)',
      ...build,
      baselineName: 'lower-casing every name',
    },
  ];
}

const isMain = typeof process !== 'undefined' && /registryBench\.(mjs|ts)$/.test(process.argv[1] ?? '');
if (isMain) {
  for (const r of await benchRegistryImport()) {
    console.log(
      `${r.name}: ${r.ms.toFixed(2)} ms (baseline ${r.baselineName}: ${r.baselineMs.toFixed(2)} ms)`,
    );
  }
}
