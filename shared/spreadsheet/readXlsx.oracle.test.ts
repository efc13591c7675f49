import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { makeTallyData } from '../../test/bench/tallyData';
import { writeBatchXlsx, writeGosuslugiXlsx } from '../../test/bench/ballotFiles';
import { gosuslugiLayouts, largeGosuslugiExport } from '../../test/fixtures/gosuslugiExports';
import { makePersons } from '../../test/fixtures/persons';
import {
  errorRegistrySheet,
  largeRegistrySheet,
  messyRegistryLayouts,
} from '../../test/fixtures/registryLayouts';
import { writeRegistryXlsx } from '../../test/fixtures/registryWriters';
import { applyDigitMask, dateText, numberText } from './cellText';
import { readTable } from './readTable';
import { finishRows, type Table } from './table';

/**
 * The XLSX reader against the oracle it replaced: exceljs loading the workbook, each cell's value shown
 * as the app showed it before (this file is the only place exceljs still reads a workbook). Every
 * generated fixture must give the same table, cell by cell.
 */

type CellLike = { value: unknown; numFmt?: string };
type RowLike = { eachCell(opts: { includeEmpty: boolean }, cb: (cell: CellLike, col: number) => void): void };
type SheetLike = {
  name: string;
  state?: string;
  eachRow(opts: { includeEmpty: boolean }, cb: (row: RowLike, n: number) => void): void;
};

function valueText(value: unknown, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return applyDigitMask(value, numFmt) ?? numberText(value);
  if (typeof value === 'boolean') return value ? 'ИСТИНА' : 'ЛОЖЬ';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return (v.richText as { text?: unknown }[])
        .map((r) => (typeof r.text === 'string' ? r.text : ''))
        .join('');
    }
    if ('formula' in v || 'sharedFormula' in v || 'result' in v) return valueText(v.result, numFmt);
    if ('text' in v) return valueText(v.text, numFmt);
    if (typeof v.error === 'string') return v.error;
  }
  return '';
}

async function exceljsTable(bytes: Uint8Array, fileName: string): Promise<Table | null> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = workbook.worksheets as unknown as SheetLike[];
  const ordered = [
    ...sheets.filter((s) => !s.state || s.state === 'visible'),
    ...sheets.filter((s) => s.state && s.state !== 'visible'),
  ];
  for (const ws of ordered) {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col - 1] = valueText(cell.value, cell.numFmt).replace(/\s+/g, ' ').trim();
      });
      rows[r - 1] = cells;
    });
    for (let r = 0; r < rows.length; r++) {
      const cells = (rows[r] ??= []);
      for (let c = 0; c < cells.length; c++) cells[c] = cells[c] ?? '';
    }
    const finished = finishRows(rows);
    if (finished.length > 0) return { fileName, sheetName: ws.name, rows: finished };
  }
  return null;
}

/** Both readers on the same bytes; the first differing cell named when they differ. */
async function expectSameAsExceljs(bytes: Uint8Array, fileName: string): Promise<number> {
  const oracle = await exceljsTable(bytes, fileName);
  const ours = await readTable(bytes, fileName);
  if (!ours.ok) throw new Error(`${fileName}: ${ours.error.map((p) => p.message).join('; ')}`);
  expect(oracle).not.toBeNull();
  expect(ours.value.sheetName).toBe(oracle!.sheetName);
  expect(ours.value.rows.length).toBe(oracle!.rows.length);
  for (let r = 0; r < oracle!.rows.length; r++) {
    // Row by row, so a difference names its row instead of dumping the whole table.
    expect({ file: fileName, row: r + 1, cells: ours.value.rows[r] }).toEqual({
      file: fileName,
      row: r + 1,
      cells: oracle!.rows[r],
    });
  }
  return oracle!.rows.length * (oracle!.rows[0]?.length ?? 0);
}

const xlsxOnly = <T extends { fileName: string }>(list: T[]): T[] =>
  list.filter((x) => x.fileName.endsWith('.xlsx'));

describe('readXlsx gives what exceljs gave', () => {
  it('on every messy registry layout and the registry with mistakes', async () => {
    const layouts = xlsxOnly(messyRegistryLayouts(1));
    expect(layouts.length).toBeGreaterThan(4);
    for (const l of layouts) await expectSameAsExceljs(await l.bytes(), l.fileName);
    await expectSameAsExceljs(await writeRegistryXlsx(errorRegistrySheet(1).sheet), 'registry-errors.xlsx');
  }, 60_000);

  it('on every Gosuslugi export layout and a 1,500 × 12 export', async () => {
    const exports = xlsxOnly(gosuslugiLayouts(1));
    expect(exports.length).toBeGreaterThan(2);
    for (const e of exports) await expectSameAsExceljs(await e.bytes(), e.fileName);
    const big = largeGosuslugiExport(1500, 12, 1500);
    expect(await expectSameAsExceljs(await big.bytes(), big.fileName)).toBeGreaterThan(1500 * 12);
  }, 60_000);

  it('on the 5,000-person registry of the benchmarks', async () => {
    const bytes = await writeRegistryXlsx(largeRegistrySheet(makePersons(5000, 5000)));
    expect(await expectSameAsExceljs(bytes, 'registry-5000.xlsx')).toBeGreaterThan(5000 * 11);
  }, 120_000);

  it('on ballot batch and Gosuslugi results files of golos tally', async () => {
    const { registry, meeting, ballots } = makeTallyData(1000, 12, 3);
    await expectSameAsExceljs(await writeBatchXlsx(ballots, registry, meeting), 'paper.xlsx');
    await expectSameAsExceljs(await writeGosuslugiXlsx(ballots, registry, meeting), 'gosuslugi.xlsx');
  }, 60_000);

  it('on the sample meeting workbooks (not written by exceljs: inline strings, numeric entities)', async () => {
    for (const name of ['registry.xlsx', 'gosuslugi.xlsx']) {
      const bytes = readFileSync(new URL(`../../test/fixtures/sample-meeting/${name}`, import.meta.url));
      expect(await expectSameAsExceljs(new Uint8Array(bytes), name)).toBeGreaterThan(25);
    }
  }, 60_000);
});
