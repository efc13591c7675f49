/**
 * Protocol benchmarks on a meeting with more than 5,000 participants (10 questions), each with a
 * baseline measured interleaved (A B A B …), the median of the per-pair ratios:
 * - protocol PDF (model + PDF; target under 5 s) against jsPDF with PT Sans writing the same number
 *   of pages holding one line each;
 * - results workbook, written by the streaming writer (target under 1 s), against exceljs writing the
 *   same sheets and cell values with no styling, number formats, frozen rows or filters (same zip level).
 */
import { buildProtocolModel, type ProtocolModel } from '../../shared/documents/protocolModel';
import { buildProtocolPdf } from '../../shared/documents/protocolPdf';
import { createPdf } from '../../shared/documents/pdfKit';
import type { PdfFonts } from '../../shared/documents/pdfFont';
import { buildResultsWorkbook } from '../../shared/documents/resultsWorkbook';
import { pdfPageCount } from '../fixtures/pdfText';
import { generatedProtocolSource } from '../fixtures/protocolData';
import { readPtSansFonts } from './ballotsPdfBench';
import { timePairs, type BenchResult } from './benchKit';

const PERSONS = 5100;
const QUESTIONS = 10;
const PAIRS = 5;

async function baselinePdf(fonts: PdfFonts, pages: number): Promise<Uint8Array> {
  const kit = await createPdf(fonts);
  for (let p = 1; p <= pages; p++) {
    if (p > 1) kit.addPage();
    kit.drawLines([`Страница ${p}`], kit.left, kit.margins.top);
  }
  return kit.toBytes();
}

/** The workbook's cell values, sheet by sheet, written plainly. */
async function baselineWorkbook(model: ProtocolModel): Promise<{ bytes: Uint8Array; cells: number }> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  let cells = 0;
  const sheet = (name: string, rows: (string | number | null)[][]): void => {
    const ws = workbook.addWorksheet(name);
    ws.addRows(rows);
    cells += rows.reduce((s, r) => s + r.length, 0);
  };
  sheet('Итоги', [
    ...model.facts.map((f) => [f.label, f.value]),
    ...model.figures.map((f) => [f.label, f.kind === 'text' ? String(f.value) : Number(f.value)]),
  ]);
  sheet(
    'Вопросы',
    model.questions.map((q) => [
      q.number,
      q.text,
      q.rule,
      ...q.rows.map((r) => Number(r.value)),
      q.decisionText,
    ]),
  );
  for (const t of model.tables) {
    if (t.inWorkbook) sheet(t.sheetName, [t.columns.map((c) => c.header), ...t.rows]);
  }
  // The same fast deflate as the workbook, so the two differ only in what is written.
  const options = { zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } };
  const buffer = await workbook.xlsx.writeBuffer(options as Parameters<typeof workbook.xlsx.writeBuffer>[0]);
  return { bytes: new Uint8Array(buffer), cells };
}

export async function benchProtocol(): Promise<BenchResult[]> {
  const fonts = readPtSansFonts();
  const source = generatedProtocolSource(PERSONS, QUESTIONS, 7);
  const participants = source.results.participation.persons;
  if (participants < 5000) throw new Error(`benchmark meeting has only ${participants} participants`);
  const options = { maskSnils: false, today: '2026-06-18', number: '1' };
  const protocol = () => buildProtocolPdf(buildProtocolModel(source, options), fonts);

  const pdf = await protocol();
  const pages = pdfPageCount(pdf);
  const pdfPair = await timePairs(protocol, () => baselinePdf(fonts, pages), { pairs: PAIRS });

  const model = buildProtocolModel(source, options);
  const workbook = await buildResultsWorkbook(model);
  const { cells } = await baselineWorkbook(model);
  const workbookPair = await timePairs(
    () => buildResultsWorkbook(model),
    () => baselineWorkbook(model),
    { pairs: PAIRS },
  );

  return [
    {
      name: `protocol PDF (model + PDF): ${participants} participants, ${QUESTIONS} questions, ${pages} pages (${(pdf.length / 1e6).toFixed(1)} MB)`,
      ...pdfPair,
      baselineName: `jsPDF + PT Sans, ${pages} pages of one text line`,
      targetMs: 5000,
    },
    {
      name: `results workbook: ${participants} participants, ${(workbook.length / 1e6).toFixed(1)} MB`,
      ...workbookPair,
      baselineName: `exceljs, same sheets and ${cells} cell values, no styling`,
      targetMs: 1000,
    },
  ];
}
