/**
 * Gosuslugi import benchmarks, each interleaved with its baseline (A B A B …), the median pair ratio:
 * - a 10,000-row, 30-question XLSX export read, its mapping proposed, every row matched to a registry
 *   of 10,700 persons and previewed (target: under 3 s), against a plain read of the same bytes (unzip +
 *   XML scan) and against exceljs merely loading them, both in the same rounds (A B C A B C …);
 * - the preview again after a correction (the table and the registry index kept), against a bare pass
 *   reading every answer cell of the same table through a Map.
 */
import { proposeGosuslugiMapping } from '../../shared/gosuslugi/propose';
import { previewGosuslugi } from '../../shared/gosuslugi/preview';
import { indexVoters } from '../../shared/registry/voterIndex';
import { readTable } from '../../shared/spreadsheet/readTable';
import type { Table } from '../../shared/spreadsheet/table';
import { largeGosuslugiExport } from '../fixtures/gosuslugiExports';
import { timeAgainst, timePairs, type BenchResult } from './benchKit';
import { plainXlsxRead } from './plainXlsxRead';

export async function benchGosuslugi(): Promise<BenchResult[]> {
  const big = largeGosuslugiExport(10_000, 30, 10_000);
  const bytes = await big.bytes();
  const { default: ExcelJS } = await import('exceljs');
  let table: Table | undefined;

  const importOnce = async (): Promise<void> => {
    const t = await readTable(bytes, big.fileName);
    if (!t.ok) throw new Error('benchmark export not read');
    const p = proposeGosuslugiMapping(t.value, big.agenda);
    if (!p.ok) throw new Error('benchmark export: no header');
    const pv = previewGosuslugi(t.value, p.value.mapping, big.registry, big.agenda);
    if (pv.counts.rows !== 10_000 || pv.counts.counted !== 9_998) throw new Error('benchmark preview wrong');
    table = t.value;
  };
  const loadOnly = async (): Promise<void> => {
    await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
  };
  // Each import paired with both baselines of its round (A B C A B C …).
  const [plain, first] = await timeAgainst(importOnce, [() => plainXlsxRead(bytes), loadOnly], { pairs: 5 });

  const t = table!;
  const p = proposeGosuslugiMapping(t, big.agenda);
  if (!p.ok) throw new Error('benchmark export: no header');
  const mapping = p.value.mapping;
  const ix = indexVoters(big.registry);
  const fix = [{ row: big.fixable[0]!.row, kind: 'person' as const, personId: big.fixable[0]!.personId }];
  const again = (): void => {
    const pv = previewGosuslugi(t, mapping, ix, big.agenda, { decisions: fix });
    if (pv.counts.counted !== 9_999) throw new Error('benchmark preview wrong');
  };
  const cols = Object.values(mapping.questions);
  const answers = new Map([
    ['За', 1],
    ['Против', 2],
    ['Воздержался', 3],
    ['', 0],
  ]);
  let sink = 0;
  const barePass = (): void => {
    for (let r = mapping.headerRow; r < t.rows.length; r++) {
      const row = t.rows[r]!;
      for (const c of cols) sink += answers.get(row[c]!) ?? 0;
    }
  };
  const preview = await timePairs(again, barePass, { pairs: 9, warmup: 2 });
  if (sink < 0) throw new Error('unreachable');

  const importName =
    'Госуслуги: чтение, сопоставление столбцов и участников, предпросмотр (XLSX 10 000 × 30)';
  return [
    {
      name: importName,
      ...plain,
      baselineName: 'простое чтение тех же байтов (распаковка + проход по XML)',
      targetMs: 3000,
    },
    {
      name: importName,
      ...first,
      baselineName: 'exceljs: только загрузка того же файла',
    },
    {
      name: 'Госуслуги: повторный предпросмотр после исправления (10 000 × 30)',
      ...preview,
      baselineName: 'голый проход по ячейкам ответов через Map',
    },
  ];
}
