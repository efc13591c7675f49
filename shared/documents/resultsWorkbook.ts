/**
 * The results workbook (XLSX): a summary sheet, the questions with their figures, and a sheet per
 * table of the protocol model (the appendices, the per-person decisions matrix, every ballot).
 * Numbers are numbers (weights with two decimals, shares as percentages), no formulas; every sheet has
 * its header row frozen and a filter on it. Written by the streaming writer (xlsxStreamWriter): the rows
 * of a sheet go into the zip as they are produced, with no object per cell.
 */
import type { CellValue, ProtocolModel, ProtocolTable, TallyKey } from './protocolModel';
import { writeXlsx, type XlsxColumn, type XlsxFormat, type XlsxSheet } from './xlsxStreamWriter';
import { TALLY_LABEL } from '../vocabulary';

const TALLY_KEYS: TallyKey[] = ['for', 'against', 'abstain', 'invalid', 'conflict'];

export const SUMMARY_SHEET = 'Итоги';
export const QUESTIONS_SHEET = 'Вопросы';

export async function buildResultsWorkbook(model: ProtocolModel): Promise<Uint8Array> {
  const q = questionsSheet(model);
  const sheets: XlsxSheet[] = [
    {
      name: SUMMARY_SHEET,
      columns: [
        { header: 'Показатель', width: 48 },
        { header: 'Значение', width: 70 },
      ],
      rows: summaryRows(model).map(([label, value, format]) => [
        label,
        format && typeof value === 'number' ? { value, format } : value,
      ]),
    },
    { name: QUESTIONS_SHEET, columns: q.columns, rows: q.rows },
  ];
  for (const table of model.tables) {
    if (!table.inWorkbook) continue;
    sheets.push({ name: table.sheetName, columns: tableColumns(table), rows: tableRows(table) });
  }
  return writeXlsx(sheets);
}

function summaryRows(model: ProtocolModel): [string, CellValue, XlsxFormat?][] {
  const rows: [string, CellValue, XlsxFormat?][] = [
    ['Протокол', model.title],
    ['Собрание', `${model.subtitle}: «${model.meetingTitle}»`],
    ['Дата составления протокола', model.dateText],
  ];
  if (model.partnership.name) rows.push(['Товарищество', model.partnership.name]);
  if (model.partnership.address) rows.push(['Адрес', model.partnership.address]);
  for (const f of model.facts) rows.push([f.label, f.value]);
  for (const f of model.figures) {
    if (f.kind === 'count') rows.push([f.label, Number(f.value)]);
    else if (f.kind === 'weight') rows.push([f.label, Number(f.value), 'weight']);
    else if (f.kind === 'share') rows.push([f.label, Number(f.value), 'percent']);
    else rows.push([f.label, String(f.value)]);
  }
  rows.push(['Кворум: вывод', model.quorum.text]);
  rows.push(['Срок составления протокола', model.due.text]);
  if (model.due.warning) rows.push(['Опоздание', model.due.warning]);
  if (model.maskSnils) rows.push(['СНИЛС', 'скрыты (копия для опубликования)']);
  if (model.auditHeadHash) rows.push(['SHA-256 последней записи журнала изменений', model.auditHeadHash]);
  return rows;
}

function questionsSheet(model: ProtocolModel): { columns: XlsxColumn[]; rows: CellValue[][] } {
  const figure: XlsxFormat | undefined = model.weighted ? 'weight' : undefined;
  const mkd = model.kind === 'mkd';
  const columns: XlsxColumn[] = [
    { header: '№', width: 6 },
    { header: 'Вопрос', width: 50 },
    { header: 'Правило', width: 50 },
    ...TALLY_KEYS.map((k) => ({
      header: TALLY_LABEL[k],
      width: 12,
      ...(figure ? { format: figure } : {}),
    })),
    { header: 'База', width: 12, ...(figure ? { format: figure } : {}) },
    ...TALLY_KEYS.map((k) => ({
      header: `${TALLY_LABEL[k]}, % базы`,
      width: 12,
      format: 'percent' as const,
    })),
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

function tableColumns(table: ProtocolTable): XlsxColumn[] {
  return table.columns.map((c) => ({
    header: c.header,
    width: Math.max(6, Math.round(c.width / 1.6)),
    ...(c.kind === 'weight' ? { format: 'weight' as const } : {}),
  }));
}

/** The table's rows as cells, converted one row at a time as the writer asks for them. */
function* tableRows(table: ProtocolTable): Generator<CellValue[]> {
  const numeric = table.columns.map((c) => c.kind === 'weight' || c.kind === 'count');
  for (const row of table.rows) {
    yield row.map((v, i) => (v === null || v === '' ? null : numeric[i] ? Number(v) : v));
  }
}
