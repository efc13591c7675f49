/**
 * The protocol as a PDF (A4, PT Sans embedded, «Стр. N из M»): heading, meeting data, participation
 * and quorum, each question with its rule, figures, a bar chart and the decision, the due date,
 * signature lines, the audit head hash, then the appendices as tables. Everything printed comes from
 * the protocol model, which the preview and the workbook read too.
 */
import { formatFigure, formatPercent } from './figuresRu';
import { BLANK } from './protocolFacts';
import type { PdfFonts } from './pdfFont';
import { createPdf, type PdfKit } from './pdfKit';
import { drawTable, type PdfTableColumn } from './pdfTable';
import { layoutColumns, pdfDecisionText, TABLE_SIZE } from './protocolPdfColumns';
import type { ProtocolModel, ProtocolQuestion, ProtocolTable } from './protocolModel';

export { pdfDecisionText };
import type { WithProof } from './protocolProof';
import { drawFirstPageQr, drawLastPageQr, drawProofLines, setProofProperties } from './protocolQr';
import { nextTask } from '../async/nextTask';

export interface ProtocolPdfOptions {
  /** Called with the appendix rows drawn so far and their total (0 first). */
  onProgress?: (done: number, total: number) => void;
  /** Stops the work between pages (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
}

/** Yield to the event loop after this many pages of rows. */
const YIELD_EVERY_PAGES = 8;

export async function buildProtocolPdf(
  model: ProtocolModel & WithProof,
  fonts: PdfFonts,
  opts: ProtocolPdfOptions = {},
): Promise<Uint8Array> {
  const kit = await createPdf(fonts, {
    title: `${model.title}: ${model.meetingTitle}`,
    subject: 'Протокол общего собрания',
  });
  const appendices = model.tables.filter((t) => t.inPdf);
  const total = appendices.reduce((s, t) => s + t.rows.length, 0);
  opts.onProgress?.(0, total);

  await drawFirstPageQr(kit, model.proof, () => drawHeading(kit, model));
  drawFacts(kit, model);
  drawParticipation(kit, model);
  drawAgenda(kit, model);
  const closing = (): void => drawClosing(kit, model, appendices);
  for (const [i, q] of model.questions.entries()) {
    await drawQuestion(kit, model, q, i + 1 === model.questions.length ? closing : () => {});
  }
  closing();

  let done = 0;
  let pagesSinceYield = 0;
  for (const [i, table] of appendices.entries()) {
    opts.signal?.throwIfAborted();
    await drawAppendix(kit, model, table, i + 1, async (rows) => {
      opts.onProgress?.(done + rows, total);
      if (++pagesSinceYield >= YIELD_EVERY_PAGES) {
        pagesSinceYield = 0;
        await nextTask();
        opts.signal?.throwIfAborted();
      }
    });
    done += table.rows.length;
  }
  await drawLastPageQr(kit, model.proof);
  setProofProperties(kit, model.proof);
  kit.numberPages();
  opts.signal?.throwIfAborted();
  return kit.toBytes();
}

function drawHeading(kit: PdfKit, model: ProtocolModel): void {
  const p = model.partnership;
  if (p.name) kit.paragraph(p.name, { style: 'bold', size: 12, align: 'center', after: 0.5 });
  if (p.address) kit.paragraph(p.address, { size: 9.5, align: 'center', after: 0.5 });
  if (p.details) kit.paragraph(p.details, { size: 9.5, align: 'center', after: 0.5 });
  kit.space(3);
  kit.paragraph(model.title, { style: 'bold', size: 16, align: 'center', after: 0.5 });
  kit.paragraph(model.subtitle, { style: 'bold', size: 12, align: 'center', after: 0.5 });
  kit.paragraph(`«${model.meetingTitle}»`, { size: 11, align: 'center', after: 3 });
  kit.paragraph(`Дата составления протокола: ${model.dateText}`, { size: 10, align: 'right', after: 3 });
}

function drawFacts(kit: PdfKit, model: ProtocolModel): void {
  for (const f of model.facts) kit.labelled(f.label, f.value, 58, { size: 10, after: 1 });
  kit.space(2);
}

function section(kit: PdfKit, title: string, keep = 20): void {
  kit.ensureSpace(keep);
  kit.paragraph(title, { style: 'bold', size: 12, after: 2 });
}

function drawParticipation(kit: PdfKit, model: ProtocolModel): void {
  section(kit, 'Участие в собрании и кворум');
  for (const f of model.figures) kit.labelled(f.label, f.text, 95, { size: 10, after: 0.8 });
  kit.paragraph(
    'Участник, проголосовавший несколькими способами, учтён в каждом из них, а его решение — один раз.',
    { size: 8.5, after: 2 },
  );
  kit.paragraph(model.quorum.text, { style: 'bold', size: 10.5, after: 4 });
}

function drawAgenda(kit: PdfKit, model: ProtocolModel): void {
  section(kit, 'Повестка дня');
  for (const q of model.questions) kit.paragraph(`${q.number}. ${q.text}`, { size: 10, after: 1 });
  kit.space(3);
  // The heading stays with the first question.
  kit.ensureSpace(90);
  section(kit, 'Итоги голосования по вопросам повестки дня');
}

/** Height a block takes when drawn at the top of a page, mm (drawn and taken back). */
function heightOf(kit: PdfKit, draw: () => void): number {
  const y = kit.y;
  const pages = kit.pageCount;
  kit.y = kit.margins.top;
  let height = 0;
  kit.record(() => {
    draw();
    height = kit.y - kit.margins.top;
  });
  while (kit.pageCount > pages) kit.doc.deletePage(kit.pageCount);
  kit.y = y;
  return kit.pageCount > pages ? Infinity : height;
}

const pageHeight = (kit: PdfKit): number => kit.bottom - kit.margins.top;

/**
 * One question: СЛУШАЛИ, ПРЕДЛОЖЕНО, the rule, the figures with a chart, РЕШИЛИ and those who voted
 * against and asked for it to be recorded. `tail`: height of what must stay on the page with the end
 * of this question (the closing part after the last question), so signatures never stand alone.
 */
async function drawQuestion(
  kit: PdfKit,
  model: ProtocolModel,
  q: ProtocolQuestion,
  tail: () => void,
): Promise<void> {
  const tailHeight = heightOf(kit, tail);
  const head = (): void => {
    kit.paragraph(`Вопрос ${q.number}. ${q.text}`, { style: 'bold', size: 10.5, after: 1 });
    kit.paragraph(`СЛУШАЛИ: ${q.speaker || BLANK}`, { size: 10, after: 1 });
    kit.paragraph(`ПРЕДЛОЖЕНО: ${q.proposed}`, { size: 10, after: 1 });
    kit.paragraph(`Правило принятия решения: ${q.rule}.`, { size: 9.5, after: 1.5 });
  };
  const end = (): void => {
    kit.paragraph(`РЕШИЛИ: ${q.resolved}.`, { style: 'bold', size: 11, after: 1.5 });
    if (q.dissenters.length > 0) {
      kit.paragraph(
        `Голосовали «против» и потребовали внести это в протокол (п. 4 ст. 181.2 ГК РФ): ${q.dissenters.join(', ')}.`,
        { size: 9.5, after: 1 },
      );
    }
    kit.space(3.5);
  };
  // Keep a question on one page when it fits: its texts, the figures table and the closing lines.
  const tableHeight = (q.rows.length + 2) * (TABLE_SIZE * (25.4 / 72) * 1.32) + 4;
  const whole = heightOf(kit, head) + tableHeight + 30 + heightOf(kit, end);
  if (whole + tailHeight <= pageHeight(kit)) kit.ensureSpace(whole + tailHeight);
  else kit.ensureSpace(Math.min(whole, pageHeight(kit)));
  head();

  const figureHeader = model.weighted
    ? `Голосов${model.weightUnit ? `, ${model.weightUnit}` : ''}`
    : 'Голосов';
  const columns: PdfTableColumn[] = [
    { header: 'Вариант', width: 52 },
    { header: figureHeader, width: 24, align: 'right' },
    { header: '% от базы', width: 17, align: 'right' },
    ...(model.kind === 'mkd' ? [{ header: 'Собственников', width: 22, align: 'right' as const }] : []),
  ];
  const rows = q.rows.map((r) => [
    r.label,
    formatFigure(r.value),
    r.percent === null ? '—' : formatPercent(r.percent),
    ...(model.kind === 'mkd' ? [r.persons === undefined ? '' : formatFigure(r.persons)] : []),
  ]);
  rows.push([q.baseLabel, formatFigure(q.base), '100,00 %', ...(model.kind === 'mkd' ? [''] : [])]);
  const tableWidth = columns.reduce((s, c) => s + c.width, 0);
  kit.ensureSpace(tableHeight);
  const top = kit.y;
  await drawTable(kit, columns, rows, { size: TABLE_SIZE, keepTogether: true });
  const after = kit.y;
  drawChart(kit, q, kit.left + tableWidth + 6, top);
  kit.y = Math.max(after, kit.y);

  kit.paragraph(`Итоги голосования: ${q.figuresText}.`, { size: 9.5, after: 1 });
  kit.paragraph(
    `Приняли участие в голосовании по вопросу (из тех, кто по нему голосует): ${formatFigure(q.electorateParticipants)}. ` +
      `Отметки лиц, не голосующих по этому вопросу (не учтены): ${formatFigure(q.ignored)}.`,
    { size: 9.5, after: 1 },
  );
  kit.paragraph(q.questionQuorum.text, { size: 9.5, after: 1 });
  if (q.remoteForbidden) kit.paragraph(q.remoteForbidden, { style: 'bold', size: 9.5, after: 1 });
  // РЕШИЛИ stays with the closing part when both fit on a page.
  const endHeight = heightOf(kit, end);
  kit.ensureSpace(endHeight + tailHeight <= pageHeight(kit) ? endHeight + tailHeight : endHeight);
  end();
}

/** Horizontal bars (за, против, воздержались) as shares of the base, with the decision's threshold. */
function drawChart(kit: PdfKit, q: ProtocolQuestion, x: number, top: number): void {
  const width = kit.right - x;
  const labelWidth = 16;
  const barsX = x + labelWidth;
  const barsWidth = width - labelWidth - 2;
  const bars = q.rows.filter((r) => r.key === 'for' || r.key === 'against' || r.key === 'abstain');
  if (barsWidth < 25 || bars.every((r) => r.percent === null)) return;
  const barH = 4;
  const gap = 2.2;
  const y0 = top + 5;
  const rect = (y: number, share: number): [number, number, number, number] => [
    barsX,
    y,
    Math.max(0, Math.min(1, share)) * barsWidth,
    barH,
  ];
  kit.fillRects(
    bars.map((_, i) => rect(y0 + i * (barH + gap), 1)),
    0.92,
  );
  bars.forEach((r, i) => {
    const share = r.percent === null ? 0 : Number(r.percent) / 100;
    kit.fillRects(
      [rect(y0 + i * (barH + gap), share)],
      r.key === 'for' ? 0.25 : r.key === 'against' ? 0.5 : 0.68,
    );
    kit.drawLines([r.key === 'abstain' ? 'возд.' : r.label.toLowerCase()], x, y0 + i * (barH + gap) + 0.4, {
      style: 'regular',
      size: 8,
    });
  });
  const tickX = barsX + q.threshold.share * barsWidth;
  const bottom = y0 + bars.length * (barH + gap) - gap;
  kit.strokeSegments([[tickX, y0 - 1.5, tickX, bottom + 1.5]], 0.4);
  kit.drawLines([`порог ${q.threshold.label}`], tickX, y0 - 4.6, {
    style: 'regular',
    size: 7,
    align: 'center',
  });
  kit.y = bottom + 2;
}

/** After the last question: where the originals are kept, the list of appendices, signatures, the hash. */
function drawClosing(
  kit: PdfKit,
  model: ProtocolModel & WithProof,
  appendices: readonly ProtocolTable[],
): void {
  kit.paragraph(model.storage, { size: 10, after: 2 });
  section(kit, 'Приложения к протоколу', 0);
  appendices.forEach((t, i) =>
    kit.paragraph(`${i + 1}. ${t.title} (${rowsText(t.rows.length)}).`, { size: 10, after: 0.8 }),
  );
  model.paperAppendices.forEach((title, i) =>
    kit.paragraph(`${appendices.length + i + 1}. ${title} —\u00a0на\u00a0____\u00a0л.`, {
      size: 10,
      after: 0.8,
    }),
  );
  kit.space(3);

  kit.paragraph('Подписи', { style: 'bold', size: 12, after: 3 });
  const lineFrom = kit.left + 62;
  const lineTo = kit.left + 112;
  for (const s of model.signatures) {
    kit.ensureSpace(11);
    const base = kit.y + 5;
    kit.drawLines([s.role], kit.left, base - 3.5, { style: 'regular', size: 10 });
    kit.strokeSegments([[lineFrom, base, lineTo, base]], 0.25);
    kit.drawLines(['(подпись)'], (lineFrom + lineTo) / 2, base + 0.6, {
      style: 'regular',
      size: 7,
      align: 'center',
    });
    if (s.name) kit.drawLines([`/ ${s.name} /`], lineTo + 3, base - 3.5, { style: 'regular', size: 10 });
    else kit.strokeSegments([[lineTo + 3, base, kit.right, base]], 0.25);
    kit.y = base + 6;
  }
  kit.space(2);
  if (model.maskSnils) {
    kit.paragraph('Копия для опубликования: СНИЛС скрыты.', { size: 9, after: 1 });
  }
  if (!drawProofLines(kit, model.proof) && model.auditHeadHash) {
    kit.paragraph(
      `Контрольная сумма данных (SHA-256 последней записи журнала изменений): ${model.auditHeadHash}`,
      { size: 8.5, after: 1 },
    );
  }
}

function rowsText(n: number): string {
  const abs = n % 100;
  const last = n % 10;
  const word =
    abs >= 11 && abs <= 14 ? 'строк' : last === 1 ? 'строка' : last >= 2 && last <= 4 ? 'строки' : 'строк';
  return n === 0 ? 'нет' : `${formatFigure(n)} ${word}`;
}

async function drawAppendix(
  kit: PdfKit,
  model: ProtocolModel,
  table: ProtocolTable,
  n: number,
  onRows: (done: number) => Promise<void>,
): Promise<void> {
  if (table.rows.length > 0 || kit.y + 40 > kit.bottom) kit.addPage();
  else kit.space(6);
  const ref = `Приложение ${n} к протоколу${model.number ? ` № ${model.number}` : ''} от ${model.dateText}`;
  kit.paragraph(ref, { size: 9, align: 'right', after: 2 });
  kit.paragraph(table.title, { style: 'bold', size: 12, after: 1.5 });
  if (table.rows.length === 0) {
    kit.paragraph('Нет.', { size: 10 });
    return;
  }
  if (table.note) kit.paragraph(table.note, { size: 8.5, after: 2 });
  const { columns, rows } = layoutColumns(kit, table);
  await drawTable(kit, columns, rows, { size: TABLE_SIZE, onRows });
}
