// The reader on scans the suite makes itself: the project's own ballots PDF rasterized by pdftoppm
// (poppler-utils) at 200 dpi, marked with several pen styles, then rotated, scaled, turned, noised,
// JPEG-compressed or photographed in perspective (test/fixtures/scanKit.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addNoise,
  ballotsWithLayouts,
  CLEAR_STYLES,
  copyImage,
  drawMark,
  drawSignature,
  jpegRoundTrip,
  phonePhoto,
  rasterizePdf,
  rotate90,
  rotateScale,
  stroke,
  UNSURE_STYLES,
  type MarkStyle,
} from '../../test/fixtures/scanKit';
import { makePersons } from '../../test/fixtures/persons';
import { makeRng, type Rng } from '../../test/fixtures/random';
import type { BallotSheetLayout } from '../documents/ballotLayout';
import { PT_SANS_FILES, type PdfFonts } from '../documents/pdfFont';
import type { Choice } from '../domain/types';
import { newMeeting, type Meeting } from '../meetings/meeting';
import { rotate180, type GrayImage } from './gray';
import { decodeQrJs } from './qrRead';
import { StackReader, type StackResult } from './readStack';
import { DEFAULT_OMR_SETTINGS } from './settings';

const require = createRequire(import.meta.url);
const fonts: PdfFonts = {
  regular: readFileSync(require.resolve(PT_SANS_FILES.regular)),
  bold: readFileSync(require.resolve(PT_SANS_FILES.bold)),
};

const agenda: [string, string | undefined][] = [
  ['Об избрании председателя и секретаря собрания', undefined],
  ['Об утверждении отчёта правления за 2025 год', '13'],
  ['Об утверждении приходно-расходной сметы на 2026 год', '22'],
  ['О размере и сроке внесения членских взносов', '21'],
  ['О приёме в члены товарищества', '7'],
  ['Об избрании ревизионной комиссии', '2'],
  ['О ремонте дороги по ул. Центральной', '22'],
  ['Об утверждении правил внутреннего распорядка', '17'],
];

const meeting: Meeting = {
  ...newMeeting({
    id: 'm-scan',
    partnershipId: 'snt-1',
    kind: 'snt',
    title: 'Общее собрание СНТ «Ромашка»',
    now: '2026-03-01T00:00:00.000Z',
  }),
  form: 'mixed',
  votingStart: '2026-05-01',
  votingEnd: '2026-05-20',
  questions: agenda.map(([text, item], i) => ({
    number: i + 1,
    text,
    proposal: `Принять решение по вопросу ${i + 1}`,
    attachmentIds: [],
    ...(item ? { item } : {}),
  })),
};
const voters = makePersons(8, 17, { gardeners: 0.25 });

/** What was drawn in one question of one sheet. */
type Intent =
  | { kind: 'choice'; choice: Choice; style: MarkStyle }
  | { kind: 'none' }
  | { kind: 'several'; choices: Choice[] }
  | { kind: 'unsure'; style: MarkStyle };

interface Marked {
  image: GrayImage;
  layout: BallotSheetLayout;
  intents: Map<number, Intent>;
  signed: boolean;
}

let dir = '';
let layouts: BallotSheetLayout[] = [];
let pages: GrayImage[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'golos-omr-'));
  const built = await ballotsWithLayouts(meeting, voters, fonts);
  layouts = built.layouts;
  writeFileSync(join(dir, 'ballots.pdf'), built.pdf);
  pages = rasterizePdf(join(dir, 'ballots.pdf'), dir);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Marks every sheet: mostly clear single marks, some empty, double, faint, tiny, filled-then-crossed. */
function markAll(rng: Rng): Marked[] {
  return layouts.map((layout, i) => {
    const image = copyImage(pages[i]!);
    const intents = new Map<number, Intent>();
    const questions = [...new Set(layout.boxes.map((b) => b.question))];
    for (const q of questions) {
      const boxes = layout.boxes.filter((b) => b.question === q);
      const roll = rng.next();
      if (roll < 0.08) intents.set(q, { kind: 'none' });
      else if (roll < 0.16) {
        const two = [boxes[0]!, boxes[1 + rng.int(0, 1)]!];
        for (const b of two) drawMark(image, b.rect, rng.pick(CLEAR_STYLES), rng);
        intents.set(q, { kind: 'several', choices: two.map((b) => b.choice) });
      } else if (roll < 0.3) {
        const style = rng.pick(UNSURE_STYLES);
        drawMark(image, rng.pick(boxes).rect, style, rng);
        intents.set(q, { kind: 'unsure', style });
      } else {
        const b = rng.pick(boxes);
        const style = rng.pick(CLEAR_STYLES);
        drawMark(image, b.rect, style, rng);
        intents.set(q, { kind: 'choice', choice: b.choice, style });
      }
    }
    const signed = !layout.signature || rng.next() < 0.85;
    if (layout.signature && signed) drawSignature(image, layout.signature, rng);
    return { image, layout, intents, signed };
  });
}

async function readAll(images: GrayImage[], more: BallotSheetLayout[] = []): Promise<StackResult> {
  const byKey = new Map([...layouts, ...more].map((l) => [`${l.qr.personId}|${l.qr.page}`, l]));
  const reader = new StackReader({
    meetingId: meeting.id,
    frame: layouts[0]!,
    settings: DEFAULT_OMR_SETTINGS,
    decodeQr: decodeQrJs,
    layoutOf: (qr) => Promise.resolve(byKey.get(`${qr.personId}|${qr.page}`)),
  });
  for (const [i, image] of images.entries()) await reader.addPage({ source: `scan.pdf:${i + 1}`, image });
  return reader.finish();
}

interface Tally {
  clear: number;
  clearRight: number;
  clearInReview: number;
  wrong: string[];
  unsure: number;
  unsureInReview: number;
}

/** Compares what was read with what was drawn. */
function check(marked: Marked[], result: StackResult): Tally {
  const t: Tally = { clear: 0, clearRight: 0, clearInReview: 0, wrong: [], unsure: 0, unsureInReview: 0 };
  for (const [i, m] of marked.entries()) {
    const source = `scan.pdf:${i + 1}`;
    const personId = m.layout.qr.personId!;
    const ballot = result.ballots.find((b) => b.personId === personId);
    for (const [q, intent] of m.intents) {
      const inReview = result.review.some((r) => r.source === source && r.question === q);
      const read = ballot?.marks[q];
      if (intent.kind === 'unsure') {
        t.unsure++;
        if (inReview) t.unsureInReview++;
        else t.wrong.push(`${source} q${q}: ${intent.style} read as ${read}`);
        continue;
      }
      t.clear++;
      const want = intent.kind === 'choice' ? intent.choice : intent.kind;
      if (inReview) t.clearInReview++;
      else if (read === want) t.clearRight++;
      else
        t.wrong.push(
          `${source} q${q}: ${want}${intent.kind === 'choice' ? ` (${intent.style})` : ''} read as ${read}`,
        );
    }
    const noSignature = result.review.some((r) => r.source === source && r.reason === 'no_signature');
    if (m.layout.signature && noSignature === m.signed)
      t.wrong.push(`${source}: signature ${m.signed ? 'present' : 'missing'} misread`);
  }
  return t;
}

/** jpeg-js takes seconds a page: the stacks that go through JPEG are the first sheets only. */
const JPEG_SHEETS = 4;

const spoil: Record<string, (img: GrayImage, rng: Rng) => GrayImage> = {
  clean: (img) => img,
  'rotated +3°': (img) => rotateScale(img, 3, 1),
  'rotated −3°, scaled −4 %': (img) => rotateScale(img, -3, 0.96),
  'scaled +4 %, rotated +1°': (img) => rotateScale(img, 1, 1.04),
  'noise and JPEG': (img, rng) => {
    const out = copyImage(img);
    addNoise(out, 10, rng);
    return jpegRoundTrip(out, 45);
  },
  'upside down': (img) => rotate180(rotateScale(img, -1.5, 0.98)),
  'fed sideways (90°), and 270°': (img, rng) => (rng.chance(0.5) ? rotate90(img) : rotate180(rotate90(img))),
  'phone photo': (img, rng) => phonePhoto(img, rng),
};

describe('reading scans of the ballots PDF', () => {
  const totals: Tally = {
    clear: 0,
    clearRight: 0,
    clearInReview: 0,
    wrong: [],
    unsure: 0,
    unsureInReview: 0,
  };

  it.each(Object.keys(spoil))(
    '%s: clear marks right, nothing wrong, unsure ones in review',
    async (name) => {
      const rng = makeRng(name.length * 7919);
      const marked = markAll(rng).slice(0, /JPEG|photo/.test(name) ? JPEG_SHEETS : undefined);
      const result = await readAll(marked.map((m) => spoil[name]!(m.image, rng)));
      expect(result.rejected).toEqual([]);
      if (name === 'upside down') expect(result.sheets.map((x) => x.turned)).toEqual(marked.map(() => 180));
      if (name.includes('90°'))
        expect(result.sheets.every((x) => x.turned === 90 || x.turned === 270)).toBe(true);
      const t = check(marked, result);
      for (const k of ['clear', 'clearRight', 'clearInReview', 'unsure', 'unsureInReview'] as const)
        totals[k] += t[k];
      totals.wrong.push(...t.wrong);
      expect(t.wrong).toEqual([]);
      expect(t.unsureInReview).toBe(t.unsure);
      expect(t.clearRight / t.clear).toBeGreaterThanOrEqual(0.98);
    },
    60_000,
  );

  it('over all the spoilt stacks, clear marks are read at least 99.5 % right', () => {
    expect(totals.clear).toBeGreaterThan(250);
    expect(totals.wrong).toEqual([]);
    expect(totals.clearRight / totals.clear).toBeGreaterThanOrEqual(0.995);
  });
});

describe('a corner mark hidden', () => {
  it('reads the page from the other three marks as it reads it whole', async () => {
    const rng = makeRng(9);
    const [whole] = markAll(rng);
    const stapled = copyImage(whole!.image);
    // A white sticker over the bottom-right mark (201.5 mm, 288.5 mm), then a slight rotation.
    const k = 200 / 25.4;
    for (let y = Math.round(283 * k); y < Math.round(294 * k); y++) {
      for (let x = Math.round(196 * k); x < stapled.width; x++) stapled.data[y * stapled.width + x] = 250;
    }
    const [a, b] = await Promise.all([
      readAll([rotateScale(whole!.image, 1, 1)]),
      readAll([rotateScale(stapled, 1, 1)]),
    ]);
    expect(b.rejected).toEqual([]);
    expect(b.ballots[0]!.marks).toEqual(a.ballots[0]!.marks);
    expect(b.review).toEqual(a.review);
  }, 60_000);
});

describe('pages that are not read', () => {
  it('lists a blank page, a page that is not a ballot, a duplicate, another meeting and a missing sheet', async () => {
    const rng = makeRng(5);
    const white: GrayImage = { data: new Uint8Array(1654 * 2339).fill(245), width: 1654, height: 2339 };
    addNoise(white, 4, rng);
    const letter = copyImage(white);
    for (let y = 20; y < 280; y += 6)
      stroke(
        letter,
        [
          { x: 20, y },
          { x: 190, y: y + 0.3 },
        ],
        0.4,
        30,
      );
    const otherDir = mkdtempSync(join(tmpdir(), 'golos-omr-other-'));
    const foreign = await ballotsWithLayouts({ ...meeting, id: 'm-other' }, voters.slice(0, 1), fonts);
    writeFileSync(join(otherDir, 'other.pdf'), foreign.pdf);
    const otherPage = rasterizePdf(join(otherDir, 'other.pdf'), otherDir)[0]!;
    rmSync(otherDir, { recursive: true, force: true });
    // A voter of a long agenda (two sheets), of which only the first sheet is in the stack.
    const longDir = mkdtempSync(join(tmpdir(), 'golos-omr-long-'));
    const questions = [...meeting.questions, ...meeting.questions].map((q, i) => ({ ...q, number: i + 1 }));
    const long = await ballotsWithLayouts(
      { ...meeting, questions },
      [{ ...voters[0]!, id: 'p-long' }],
      fonts,
    );
    expect(long.layouts.map((l) => l.qr.page)).toEqual([1, 2]);
    writeFileSync(join(longDir, 'long.pdf'), long.pdf);
    const firstOfTwo = rasterizePdf(join(longDir, 'long.pdf'), longDir)[0]!;
    rmSync(longDir, { recursive: true, force: true });
    const result = await readAll([pages[0]!, white, letter, pages[0]!, otherPage, firstOfTwo], long.layouts);
    expect(result.rejected.map((r) => [r.source, r.reason])).toEqual([
      ['scan.pdf:2', 'blank'],
      ['scan.pdf:3', 'no_corner_marks'],
      ['scan.pdf:4', 'duplicate'],
      ['scan.pdf:5', 'other_meeting'],
    ]);
    expect(result.rejected[2]!.message).toContain('scan.pdf:1');
    const person = 'p-long';
    expect(result.review.filter((r) => r.personId === person && r.question === null)).toEqual([
      expect.objectContaining({
        source: 'scan.pdf:6',
        reason: 'missing_sheet',
        message: 'лист 2 из 2 не найден среди сканов',
      }),
    ]);
    expect(result.ballots.map((b) => b.personId).sort()).toEqual([layouts[0]!.qr.personId!, person].sort());
  }, 60_000);
});
