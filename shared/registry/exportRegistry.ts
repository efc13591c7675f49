import type { Holding, Person } from '../domain/types';
import { parseDecimal } from '../arith/rational';
import { formatSnils } from './snils';
import { STATUS_LABEL } from '../vocabulary';

interface ExportColumn {
  header: string;
  width: number;
  value: (p: Person, h: Holding | undefined, n: number) => string | number | null;
  numFmt?: string;
}

const areaNumber = (h: Holding | undefined): number | null => {
  if (!h?.area || !parseDecimal(h.area)) return null;
  return Number(h.area.replace(',', '.'));
};

/**
 * The registry as an XLSX the way secretaries keep it: one row per plot (a person with two plots on two
 * rows), header row frozen with an autofilter, СНИЛС written `123-456-789 01`, areas as numbers.
 * The import reads it back into the same persons.
 */
export async function buildRegistryXlsx(
  persons: readonly Person[],
  partnershipName?: string,
): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const mkd = persons.length > 0 && persons.every((p) => p.status === 'owner');
  const columns: ExportColumn[] = [
    { header: '№', width: 6, value: (_p, _h, n) => n },
    { header: 'ФИО', width: 36, value: (p) => p.fullName },
    { header: 'СНИЛС', width: 16, value: (p) => (p.snils ? formatSnils(p.snils) : null) },
    { header: 'Статус', width: 22, value: (p) => STATUS_LABEL[p.status] },
    { header: mkd ? 'Помещение' : 'Участок', width: 11, value: (_p, h) => h?.plotNumber ?? null },
    { header: 'Кадастровый номер', width: 22, value: (_p, h) => h?.cadastralNumber ?? null },
    { header: 'Площадь, м²', width: 12, value: (_p, h) => areaNumber(h), numFmt: '0.00' },
    { header: 'Доля', width: 8, value: (_p, h) => h?.share ?? null },
    { header: 'Адрес места жительства', width: 40, value: (p) => p.residentialAddress ?? null },
    { header: 'Почтовый адрес', width: 30, value: (p) => p.postalAddress ?? null },
    { header: 'Эл. почта', width: 28, value: (p) => p.email ?? null },
    { header: 'Телефон', width: 18, value: (p) => p.phone ?? null },
  ];
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('Реестр');
  ws.columns = columns.map((c) => ({ width: c.width }));
  let headerRow = 1;
  if (partnershipName) {
    ws.getCell(1, 1).value = `Реестр участников: ${partnershipName}`;
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    ws.mergeCells(1, 1, 1, columns.length);
    headerRow = 3;
  }
  const header = ws.getRow(headerRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  });
  let r = headerRow;
  persons.forEach((p, n) => {
    const holdings: (Holding | undefined)[] = p.holdings.length > 0 ? p.holdings : [undefined];
    for (const h of holdings) {
      const row = ws.getRow(++r);
      columns.forEach((c, i) => {
        const v = c.value(p, h, n + 1);
        if (v === null || v === '') return;
        const cell = row.getCell(i + 1);
        cell.value = v;
        if (c.numFmt) cell.numFmt = c.numFmt;
      });
    }
  });
  ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: columns.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
