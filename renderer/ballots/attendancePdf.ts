/**
 * The attendance list of the in-person session as a PDF (A4, PT Sans): who arrived, plots, status, the
 * representative with the power of attorney, arrival time, and an empty signature line per row; the
 * count against the quorum and the commission's signature lines at the end. Pure: fonts come in as bytes.
 */
import type { PdfFonts } from '../../shared/documents/pdfFont';
import { createPdf } from '../../shared/documents/pdfKit';
import type { AttendanceRow as ListRow } from '../../shared/paper/attendance';
import { dateRu } from '../../shared/meetings/dates';

export interface AttendancePdfInput {
  partnershipName: string;
  meetingTitle: string;
  /** «14.06.2026, 11:00, правление СНТ» */
  session: string;
  rows: ListRow[];
  /** «Присутствуют 120 из 200 членов; кворум есть (нужно не менее 101)». */
  countLine: string;
  /** Commission members and chair, for the signature lines. */
  signers: string[];
  printedAt: string;
}

const COLUMNS: { header: string; width: number }[] = [
  { header: '№', width: 8 },
  { header: 'ФИО участника', width: 44 },
  { header: 'Участки', width: 17 },
  { header: 'Статус', width: 19 },
  { header: 'Представитель, доверенность', width: 42 },
  { header: 'Время', width: 13 },
  { header: 'Подпись', width: 32 },
];

const SIZE = 8.5;
const MIN_ROW = 9;

export async function buildAttendancePdf(fonts: PdfFonts, input: AttendancePdfInput): Promise<Uint8Array> {
  const kit = await createPdf(fonts, {
    title: `Лист регистрации: ${input.meetingTitle}`,
    margins: { left: 15, right: 10 },
  });
  kit.paragraph('Лист регистрации участников общего собрания', { style: 'bold', size: 14, align: 'center' });
  kit.paragraph(input.partnershipName, { align: 'center' });
  kit.paragraph(input.meetingTitle, { align: 'center' });
  if (input.session) kit.paragraph(`Очная часть: ${input.session}`, { align: 'center', after: 4 });

  const xs: number[] = [];
  let x = kit.left;
  for (const c of COLUMNS) {
    xs.push(x);
    x += c.width;
  }
  const right = x;
  const lh = kit.lineHeight(SIZE);
  const header = () => {
    const lines = COLUMNS.map((c) => kit.wrap(c.header, c.width - 2, 'bold', SIZE));
    const h = Math.max(...lines.map((l) => l.length)) * lh + 2;
    kit.fillRects([[kit.left, kit.y, right - kit.left, h]], 0.88);
    COLUMNS.forEach((_, i) => kit.drawLines(lines[i]!, xs[i]! + 1, kit.y + 1, { style: 'bold', size: SIZE }));
    kit.y += h;
  };
  header();
  for (const row of input.rows) {
    const cells = [
      String(row.no),
      row.fullName,
      row.plots,
      row.status,
      row.representative,
      row.arrivedAt,
      '',
    ].map((t, i) => kit.fitLines(t, COLUMNS[i]!.width - 2, 'regular', SIZE));
    const h = Math.max(MIN_ROW, Math.max(...cells.map((c) => c.length)) * lh + 2);
    if (kit.y + h > kit.bottom) {
      kit.addPage();
      header();
    }
    cells.forEach((c, i) => kit.drawLines(c, xs[i]! + 1, kit.y + 1, { size: SIZE }));
    kit.y += h;
    // The row's rule doubles as the signature line.
    kit.strokeSegments([[kit.left, kit.y, right, kit.y]], 0.2, 0.3);
  }
  if (input.rows.length === 0) kit.paragraph('Никто не зарегистрирован.', { size: SIZE });
  kit.space(4);
  kit.ensureSpace(40);
  kit.paragraph(input.countLine, { style: 'bold' });
  kit.space(4);
  for (const s of input.signers) {
    kit.ensureSpace(10);
    kit.paragraph(`${s} ____________________`, { after: 5 });
  }
  kit.paragraph(`Напечатано ${dateRu(input.printedAt.slice(0, 10))} ${input.printedAt.slice(11, 16)}`, {
    size: 8,
  });
  kit.numberPages();
  return kit.toBytes();
}
