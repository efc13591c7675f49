/**
 * The results workbook (XLSX): a summary sheet, the questions with their figures, and a sheet per
 * table of the protocol model (the appendices, the per-person decisions matrix, every ballot).
 * Numbers are numbers (weights with two decimals, shares as percentages), no formulas; every sheet has
 * its header row frozen and a filter on it. exceljs is loaded on demand.
 */
import type { Worksheet } from 'exceljs';
import type { CellValue, ProtocolModel, ProtocolTable, TallyKey } from './protocolModel';
import { TALLY_LABEL } from '../vocabulary';

const TALLY_KEYS: TallyKey[] = ['for', 'against', 'abstain', 'invalid', 'conflict'];
const WEIGHT_FORMAT = '0.00';
const PERCENT_FORMAT = '0.00%';

export const SUMMARY_SHEET = 'Итоги';
export const QUESTIONS_SHEET = 'Вопросы';

interface SheetColumn {
  header: string;
  /** Excel column width, characters. */
  width: number;
  numFmt?: string;
}

export async function buildResultsWorkbook(model: ProtocolModel): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Голос';

  const sheet = (name: string, columns: SheetColumn[], rows: CellValue[][]): Worksheet => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    ws.columns = columns.map((c) => ({
      header: c.header,
      width: c.width,
      ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'top', wrapText: true };
    ws.addRows(rows);
    // exceljs gives every new cell its own style object and then serialises each one to find its
    // style id; cells that share one object per column are looked up once (about 2.5× faster).
    const styles = columns.map((c) => (c.numFmt ? { numFmt: c.numFmt } : {}));
    for (let r = 2; r <= ws.rowCount; r++) {
      ws.getRow(r).eachCell((cell, col) => {
        cell.style = styles[col - 1]!;
      });
    }
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    return ws;
  };

  sheet(
    SUMMARY_SHEET,
    [
      { header: 'Показатель', width: 48 },
      { header: 'Значение', width: 70 },
    ],
    [],
  );
  const summary = workbook.getWorksheet(SUMMARY_SHEET)!;
  for (const [label, value, numFmt] of summaryRows(model)) {
    const row = summary.addRow([label, value]);
    if (numFmt) row.getCell(2).numFmt = numFmt;
  }

  const q = questionsSheet(model);
  sheet(QUESTIONS_SHEET, q.columns, q.rows);

  for (const table of model.tables) {
    if (!table.inWorkbook) continue;
    sheet(
      table.sheetName,
      tableColumns(table),
      table.rows.map((r) => tableRow(table, r)),
    );
  }
  // Fast deflate: a few per cent larger, several times quicker than the default level on 5,000 rows.
  const buffer = await workbook.xlsx.writeBuffer({
    zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } },
  } as Parameters<typeof workbook.xlsx.writeBuffer>[0]);
  return new Uint8Array(buffer);
}

function summaryRows(model: ProtocolModel): [string, CellValue, string?][] {
  const rows: [string, CellValue, string?][] = [
    ['Протокол', model.title],
    ['Собрание', `${model.subtitle}: «${model.meetingTitle}»`],
    ['Дата составления протокола', model.dateText],
  ];
  if (model.partnership.name) rows.push(['Товарищество', model.partnership.name]);
  if (model.partnership.address) rows.push(['Адрес', model.partnership.address]);
  for (const f of model.facts) rows.push([f.label, f.value]);
  for (const f of model.figures) {
    if (f.kind === 'count') rows.push([f.label, Number(f.value)]);
    else if (f.kind === 'weight') rows.push([f.label, Number(f.value), WEIGHT_FORMAT]);
    else if (f.kind === 'share') rows.push([f.label, Number(f.value), PERCENT_FORMAT]);
    else rows.push([f.label, String(f.value)]);
  }
  rows.push(['Кворум: вывод', model.quorum.text]);
  rows.push(['Срок составления протокола', model.due.text]);
  if (model.due.warning) rows.push(['Опоздание', model.due.warning]);
  if (model.maskSnils) rows.push(['СНИЛС', 'скрыты (копия для опубликования)']);
  if (model.auditHeadHash) rows.push(['SHA-256 последней записи журнала изменений', model.auditHeadHash]);
  return rows;
}

function questionsSheet(model: ProtocolModel): { columns: SheetColumn[]; rows: CellValue[][] } {
  const figure = model.weighted ? WEIGHT_FORMAT : undefined;
  const mkd = model.kind === 'mkd';
  const columns: SheetColumn[] = [
    { header: '№', width: 6 },
    { header: 'Вопрос', width: 50 },
    { header: 'Правило', width: 50 },
    ...TALLY_KEYS.map((k) => ({
      header: TALLY_LABEL[k],
      width: 12,
      ...(figure ? { numFmt: figure } : {}),
    })),
    { header: 'База', width: 12, ...(figure ? { numFmt: figure } : {}) },
    ...TALLY_KEYS.map((k) => ({ header: `${TALLY_LABEL[k]}, % базы`, width: 12, numFmt: PERCENT_FORMAT })),
    ...(mkd ? TALLY_KEYS.map((k) => ({ header: `${TALLY_LABEL[k]}: собственников`, width: 14 })) : []),
    { header: 'Приняли участие по вопросу', width: 14 },
    { header: 'Отметки не голосующих (не учтены)', width: 14 },
    {
      header: mkd ? 'Проголосовали по вопросу (собственников)' : 'Проголосовали по вопросу (членов)',
      width: 14,
    },
    { header: mkd ? 'Всего собственников' : 'Всего членов', width: 12 },
    { header: 'Решение', width: 30 },
  ];
  const rows = model.questions.map((q): CellValue[] => {
    const byKey = new Map(q.rows.map((r) => [r.key, r]));
    return [
      q.number,
      q.text,
      q.rule,
      ...TALLY_KEYS.map((k) => Number(byKey.get(k)!.value)),
      Number(q.base),
      ...TALLY_KEYS.map((k) => {
        const p = byKey.get(k)!.percent;
        return p === null ? null : Number(p) / 100;
      }),
      ...(mkd ? TALLY_KEYS.map((k) => byKey.get(k)!.persons ?? null) : []),
      q.electorateParticipants,
      q.ignored,
      q.questionQuorum.voted,
      q.questionQuorum.total,
      q.decisionText,
    ];
  });
  return { columns, rows };
}

function tableColumns(table: ProtocolTable): SheetColumn[] {
  return table.columns.map((c) => ({
    header: c.header,
    width: Math.max(6, Math.round(c.width / 1.6)),
    ...(c.kind === 'weight' ? { numFmt: WEIGHT_FORMAT } : {}),
  }));
}

function tableRow(table: ProtocolTable, row: readonly CellValue[]): CellValue[] {
  return row.map((v, i) => {
    const kind = table.columns[i]!.kind;
    if (v === null || v === '') return null;
    return kind === 'weight' || kind === 'count' ? Number(v) : v;
  });
}
