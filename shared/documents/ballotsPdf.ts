/**
 * Paper ballots (бюллетени) for a meeting as one PDF: one ballot per chosen voter, or one blank
 * (non-personalized) ballot. Each ballot is one sheet or more; every sheet carries a QR code naming
 * meeting + person + sheet (qrPayload.ts) and four filled corner marks for machine reading of scans.
 *
 * Layout is computed before drawing (a ballot's sheet count is printed on each sheet), and the
 * wording shared by all voters is wrapped once. Between voters the builder reports progress and,
 * every few sheets, yields to the event loop so a UI thread (or a worker's message port) stays live.
 */
import type { Person } from '../domain/types';
import { formatDateRu } from '../meetings/dates';
import { type Meeting } from '../meetings/meeting';
import type { RuleProfile } from '../rules/profile';
import { profileFor } from '../rules/profiles';
import { resolveRule } from '../rules/resolveRule';
import { Block, drawRows, lines, paginate, rowsHeight, space, type Placed, type Row } from './ballotBlocks';
import { placedGeometry, SIGNATURE_LABEL, type BallotSheetLayout } from './ballotLayout';
import type { PdfFonts } from './pdfFont';
import { A4, createPdf, type PdfKit } from './pdfKit';
import { encodeBallotQr } from './qrPayload';
import { qrRects } from './qrMatrix';
import { atMeetingPhrase, holdingsLine, paperBallotsUntil } from './wording';
import { FORM_LABEL, STATUS_FULL_LABEL } from '../vocabulary';
import { nextTask } from '../async/nextTask';

export interface BallotsPdfOptions {
  /** Called with the number of ballots done so far (0 first) and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Printed at the top of every ballot. */
  partnershipName?: string;
  /** Rule profile deciding which questions are for members only; default: built-in for the meeting's kind. */
  profile?: RuleProfile;
  /** Stops the work between ballots (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
  /** Called with where everything is on each sheet drawn (for reading scans of it back). */
  onSheet?: (layout: BallotSheetLayout) => void;
  /** Draws over each sheet once it is printed, knowing where everything is (the test deck's marks). */
  drawOver?: (layout: BallotSheetLayout, kit: PdfKit) => void;
  /** Only report the layouts (onSheet): nothing is drawn, the bytes are of an empty document. */
  layoutOnly?: boolean;
  /** Blank (non-personalized) ballots printed after the voters' ones. */
  blanks?: number;
}

export const NOT_YOUR_QUESTION = 'Вы не голосуете по этому вопросу (только члены товарищества)';
export const MEMBERS_ONLY_NOTE = 'По этому вопросу голосуют только члены товарищества.';
export const CHOICES = ['За', 'Против', 'Воздержался'] as const;

const MARGINS = { top: 16, right: 15, bottom: 17, left: 18 };
/** QR side and its clear zone below it (caption), mm. */
const QR_SIZE = 26;
const QR_ZONE = QR_SIZE + 6;
/** Corner marks: filled squares of this side, this far from the page edges, mm. */
const MARK_SIZE = 5;
const MARK_INSET = 6;
/** Yield to the event loop after this many sheets. */
const YIELD_EVERY_PAGES = 16;

interface Prepared {
  header: Block;
  /**
   * Per question: the block with boxes; the block for a gardener on a members-only question (else
   * null); the block of a blank ballot (boxes, plus a note on a members-only question).
   */
  questions: { vote: Block; notYours: Block | null; blank: Block }[];
  closing: Block;
  blankVoter: Block;
}

export async function buildBallotsPdf(
  meeting: Meeting,
  voters: Person[] | 'blank',
  fonts: PdfFonts,
  opts: BallotsPdfOptions = {},
): Promise<Uint8Array> {
  const [kit, qrcode] = await Promise.all([
    createPdf(fonts, { margins: MARGINS, title: `Бюллетени: ${meeting.title}` }),
    import('qrcode'),
  ]);
  // CommonJS package: named export under Node's and Vite's interop alike, else on `default`.
  const createQr = qrcode.create ?? (qrcode as unknown as { default: typeof qrcode }).default.create;
  const prepared = prepare(kit, meeting, opts);
  const extra = new Array<null>(Math.max(0, opts.blanks ?? 0)).fill(null);
  const list: (Person | null)[] = voters === 'blank' ? [null, ...extra] : [...voters, ...extra];
  const total = list.length;
  const voterTop = MARGINS.top + Math.max(prepared.header.height, QR_ZONE) + 1;
  opts.onProgress?.(0, total);
  let sheetsSinceYield = 0;
  let firstSheet = true;

  for (let i = 0; i < total; i++) {
    opts.signal?.throwIfAborted();
    const person = list[i] ?? null;
    const voterRows = person ? personRows(kit, meeting, person) : prepared.blankVoter.rows;
    const name = person?.fullName ?? '';
    const blocks = prepared.questions.map((q) =>
      !person ? q.blank : q.notYours && person.status === 'gardener' ? q.notYours : q.vote,
    );
    blocks.push(prepared.closing);
    const firstTop = voterTop + rowsHeight(voterRows) + 3;
    const sheets = paginate(blocks, firstTop, MARGINS.top + QR_ZONE, kit.bottom);

    sheets.forEach((placed, s) => {
      const qr = { meetingId: meeting.id, personId: person?.id ?? null, page: s + 1, pages: sheets.length };
      const layout = opts.onSheet || opts.drawOver ? sheetLayout(kit, meeting, placed, qr) : null;
      if (opts.onSheet) opts.onSheet(layout!);
      if (opts.layoutOnly) return;
      if (!firstSheet) kit.addPage();
      firstSheet = false;
      const sheet = `лист ${s + 1} из ${sheets.length}`;
      const qrText = encodeBallotQr(qr);
      kit.fillRects([
        ...cornerMarks(),
        ...qrRects(
          createQr(qrText, { errorCorrectionLevel: 'M' }).modules,
          kit.right - QR_SIZE,
          MARGINS.top,
          QR_SIZE,
        ),
      ]);
      kit.drawLines([sheet], kit.right - QR_SIZE / 2, MARGINS.top + QR_SIZE + 0.8, {
        style: 'regular',
        size: 8,
        align: 'center',
      });
      if (s === 0) {
        prepared.header.draw(kit, MARGINS.top);
        if (person) drawRows(kit, voterRows, voterTop);
        else prepared.blankVoter.draw(kit, voterTop);
        kit.doc.setLineWidth(0.3);
        kit.doc.line(kit.left, firstTop - 1.5, kit.right, firstTop - 1.5);
      } else {
        const text = name ? `Бюллетень: ${name} (продолжение)` : 'Бюллетень (продолжение)';
        kit.drawLines(kit.wrap(text, kit.contentWidth - QR_SIZE - 5, 'bold', 11), kit.left, MARGINS.top, {
          style: 'bold',
          size: 11,
        });
      }
      for (const p of placed) {
        if ('block' in p) p.block.draw(kit, p.y);
        else drawRows(kit, [p.row], p.y);
      }
      const foot = `${name || 'Бюллетень'} — ${sheet}`;
      kit.drawLines([foot], A4.width / 2, A4.height - MARGINS.bottom + 4, {
        style: 'regular',
        size: 8,
        align: 'center',
      });
      opts.drawOver?.(layout!, kit);
    });

    sheetsSinceYield += sheets.length;
    opts.onProgress?.(i + 1, total);
    if (sheetsSinceYield >= YIELD_EVERY_PAGES && i + 1 < total) {
      sheetsSinceYield = 0;
      await nextTask();
    }
  }
  opts.signal?.throwIfAborted();
  return kit.toBytes();
}

function prepare(kit: PdfKit, meeting: Meeting, opts: BallotsPdfOptions): Prepared {
  const w = kit.contentWidth;
  const headW = w - QR_SIZE - 5;
  const header: Row[] = [];
  if (opts.partnershipName) header.push(...lines(kit, opts.partnershipName, headW, 'bold', 10));
  header.push(...lines(kit, 'БЮЛЛЕТЕНЬ ДЛЯ ГОЛОСОВАНИЯ', headW, 'bold', 13));
  const at = `${atMeetingPhrase(meeting.kind, meeting.meetingKind)} (форма: ${FORM_LABEL[meeting.form]})`;
  header.push(...lines(kit, at, headW, 'regular', 9));
  header.push(...lines(kit, meeting.title, headW, 'bold', 10));
  const period = votingPeriod(meeting);
  if (period) header.push(...lines(kit, period, headW, 'regular', 9));
  const paperUntil = paperBallotsUntil(meeting);
  if (meeting.form !== 'in_person' && (paperUntil || meeting.paperBallotAddress)) {
    const until = paperUntil ? ` не позднее ${formatDateRu(paperUntil)}` : '';
    const where = meeting.paperBallotAddress ? ` по адресу: ${meeting.paperBallotAddress}` : '';
    const verb = paperUntil ? 'должен поступить' : 'сдайте';
    header.push(...lines(kit, `Заполненный бюллетень ${verb}${until}${where}.`, headW, 'regular', 9));
  }

  const profile = opts.profile ?? profileFor(meeting.kind);
  const choices: Row = {
    kind: 'boxes',
    options: CHOICES,
    box: 4.5,
    size: 10,
    indent: 6,
    step: 42,
    height: 6.5,
  };
  const questions = meeting.questions.map((q) => {
    const head = [space(1.8), ...lines(kit, `${q.number}. ${q.text}`, w, 'bold', 10)];
    if (q.proposal?.trim())
      head.push(...lines(kit, `Проект решения: ${q.proposal.trim()}`, w, 'regular', 9.5, 6));
    const membersOnly = meeting.kind === 'snt' && resolveRule(q, profile).rule.electorate === 'members';
    const vote = new Block([...head, space(0.4), choices]);
    if (!membersOnly) return { vote, notYours: null, blank: vote };
    return {
      vote,
      notYours: new Block([...head, space(0.8), ...lines(kit, NOT_YOUR_QUESTION, w, 'bold', 9.5, 6, true)]),
      blank: new Block([...head, ...lines(kit, MEMBERS_ONLY_NOTE, w, 'regular', 9, 6, true), choices]),
    };
  });

  const ballot = meeting.invalidMarks === 'ballot';
  const marks =
    'по вопросу отмечено больше одного варианта, не отмечено ни одного или зачёркнуты все варианты';
  const instruction =
    'По каждому вопросу отметьте ручкой (не карандашом) один вариант: «За», «Против» или «Воздержался». ' +
    `Бюллетень не засчитывается, если он заполнен простым карандашом, содержит исправления или подчистки, ` +
    (ballot ? `${marks}, ` : '') +
    'нет подписи или данных голосующего, а при голосовании через представителя — нет данных доверенности' +
    (ballot ? '.' : `. Если ${marks}, не засчитывается голос по этому вопросу.`);
  const closing = new Block([
    space(3),
    ...lines(kit, 'Заполняется, если голосует представитель:', w, 'regular', 8.5, 0, true),
    {
      kind: 'fields',
      segments: [
        { label: 'Ф. И. О. представителя', width: w * 0.52 },
        { label: 'доверенность №', width: w * 0.26 },
        { label: 'от', width: w * 0.22 },
      ],
      size: 9.5,
      height: 6.5,
    },
    space(2.5),
    {
      kind: 'fields',
      segments: [
        { label: SIGNATURE_LABEL, width: w * 0.3 },
        { label: 'Ф. И. О.', width: w * 0.42 },
        { label: 'Дата', width: w * 0.28 },
      ],
      size: 10,
      height: 7.5,
    },
    space(2),
    ...lines(kit, instruction, w, 'regular', 8, 0, true),
  ]);

  const plotLabel = meeting.kind === 'mkd' ? 'Номер помещения, доля' : 'Номер участка';
  const statuses: Row[] =
    meeting.kind === 'snt'
      ? [
          {
            kind: 'boxes',
            options: [STATUS_FULL_LABEL.member, STATUS_FULL_LABEL.gardener],
            box: 4,
            size: 10,
            indent: 0,
            step: 60,
            height: 7,
          },
        ]
      : [];
  const blankVoter = new Block([
    { kind: 'fields', segments: [{ label: 'Ф. И. О. голосующего', width: w }], size: 10.5, height: 8 },
    { kind: 'fields', segments: [{ label: plotLabel, width: w }], size: 10.5, height: 8 },
    ...statuses,
  ]);
  return { header: new Block(header), questions, closing, blankVoter };
}

function votingPeriod(meeting: Meeting): string {
  if (meeting.votingStart && meeting.votingEnd) {
    return `Голосование: с ${formatDateRu(meeting.votingStart)} по ${formatDateRu(meeting.votingEnd)}`;
  }
  return meeting.sessionDate ? `Дата собрания: ${formatDateRu(meeting.sessionDate)}` : '';
}

function personRows(kit: PdfKit, meeting: Meeting, person: Person): Row[] {
  const w = kit.contentWidth;
  return [
    ...lines(kit, person.fullName, w, 'bold', 12),
    ...lines(kit, holdingsLine(person, meeting.kind), w, 'regular', 10),
    ...lines(kit, `Статус: ${STATUS_FULL_LABEL[person.status]}`, w, 'regular', 10),
  ];
}

type Rect = readonly [x: number, y: number, w: number, h: number];

function cornerMarks(): Rect[] {
  const far = (side: number): number => side - MARK_INSET - MARK_SIZE;
  return [
    [MARK_INSET, MARK_INSET],
    [far(A4.width), MARK_INSET],
    [MARK_INSET, far(A4.height)],
    [far(A4.width), far(A4.height)],
  ].map(([x, y]) => [x!, y!, MARK_SIZE, MARK_SIZE] as const);
}

/** Where everything is on one sheet, from the numbers it is drawn with (see ballotLayout.ts). */
function sheetLayout(
  kit: PdfKit,
  meeting: Meeting,
  placed: Placed[],
  qr: BallotSheetLayout['qr'],
): BallotSheetLayout {
  const rows = placed.map((p) => ({ rows: 'block' in p ? p.block.rows : [p.row], y: p.y, owner: p.owner }));
  const width = (label: string, size: number) => kit.textWidth(label, 'regular', size);
  const corners = cornerMarks().map(([x, y, w, h]) => ({ x, y, w, h }));
  return {
    qr,
    page: { width: A4.width, height: A4.height },
    corners: corners as BallotSheetLayout['corners'],
    qrRect: { x: kit.right - QR_SIZE, y: MARGINS.top, w: QR_SIZE, h: QR_SIZE },
    ...placedGeometry(
      rows,
      meeting.questions.map((q) => q.number),
      kit.left,
      width,
    ),
  };
}
