/**
 * Gosuslugi import benchmarks, each with a baseline measured in the same run:
 * - a 10,000-row, 30-question XLSX export read, its mapping proposed, every row matched to a registry
 *   of 10,700 persons and previewed (target in the renderer: under 3 s, in a Web Worker), against
 *   exceljs merely loading the same bytes;
 * - the preview again after a correction (the table and the registry index kept), against a bare pass
 *   reading every answer cell of the same table through a Map.
 */
import { proposeGosuslugiMapping } from '../../shared/gosuslugi/propose';
import { previewGosuslugi } from '../../shared/gosuslugi/preview';
import { indexVoters } from '../../shared/registry/voterIndex';
import { readTable } from '../../shared/spreadsheet/readTable';
import type { Table } from '../../shared/spreadsheet/table';
import { largeGosuslugiExport } from '../fixtures/gosuslugiExports';
import { medianMs, type BenchResult } from './benchKit';

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
  const ms = await medianMs(3, importOnce);
  const baselineMs = await medianMs(3, loadOnly);

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
  const previewMs = await medianMs(5, again);
  const bareMs = await medianMs(5, barePass);
  if (sink < 0) throw new Error('unreachable');

  return [
    {
      name: 'Госуслуги: чтение, сопоставление столбцов и участников, предпросмотр (XLSX 10 000 × 30)',
      ms,
      baselineMs,
      baselineName: 'exceljs: только загрузка того же файла',
      targetMs: 3000,
    },
    {
      name: 'Госуслуги: повторный предпросмотр после исправления (10 000 × 30)',
      ms: previewMs,
      baselineMs: bareMs,
      baselineName: 'голый проход по ячейкам ответов через Map',
    },
  ];
}
