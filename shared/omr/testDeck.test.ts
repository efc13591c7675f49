// The test deck through the reader: printed by the app, rasterized by pdftoppm as a copier would,
// read back; exact as printed, and a mark added by hand on one sheet is named.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drawMark, rasterizePdf } from '../../test/fixtures/scanKit';
import { makeRng } from '../../test/fixtures/random';
import { PT_SANS_FILES, type PdfFonts } from '../documents/pdfFont';
import { newMeeting, type Meeting } from '../meetings/meeting';
import { decodeQrJs } from './qrRead';
import { StackReader } from './readStack';
import { DEFAULT_OMR_SETTINGS } from './settings';
import { sheetLayouts } from './sheetLayouts';
import { buildTestDeckPdf, checkTestDeck, planTestDeck, testDeckMeetingId } from './testDeck';

const require = createRequire(import.meta.url);
const fonts: PdfFonts = {
  regular: readFileSync(require.resolve(PT_SANS_FILES.regular)),
  bold: readFileSync(require.resolve(PT_SANS_FILES.bold)),
};
const meeting: Meeting = {
  ...newMeeting({
    id: 'm-deck',
    partnershipId: 'p',
    kind: 'snt',
    title: 'Собрание',
    now: '2026-03-01T00:00:00.000Z',
  }),
  form: 'mixed',
  votingStart: '2026-05-01',
  votingEnd: '2026-05-20',
  questions: [1, 2, 3].map((number) => ({ number, text: `Вопрос ${number}`, attachmentIds: [] })),
};

let dir = '';
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('«Тестовые бюллетени»', () => {
  it('reads back exactly what it printed; an extra mark on one sheet is named', async () => {
    dir = mkdtempSync(join(tmpdir(), 'golos-deck-'));
    const deck = planTestDeck(meeting);
    expect(deck.meeting.id).toBe(testDeckMeetingId('m-deck'));
    // Every question sees every kind of mark across the deck.
    for (const q of [1, 2, 3]) {
      expect(new Set(deck.ballots.map((b) => b.intents.get(q)!.kind))).toEqual(
        new Set(['choice', 'none', 'several', 'faint']),
      );
    }
    const partnershipName = 'СНТ «Ромашка»';
    writeFileSync(join(dir, 'deck.pdf'), await buildTestDeckPdf(deck, fonts, { partnershipName }));
    const pages = rasterizePdf(join(dir, 'deck.pdf'), dir);
    expect(pages).toHaveLength(8);
    const layouts = await sheetLayouts(
      deck.meeting,
      deck.ballots.map((b) => b.person),
      fonts,
      { partnershipName },
    );
    const read = async (images: typeof pages) => {
      const reader = new StackReader({
        meetingId: deck.meeting.id,
        frame: layouts.frame,
        settings: DEFAULT_OMR_SETTINGS,
        decodeQr: decodeQrJs,
        layoutOf: async (qr) => layouts.layoutOf(qr),
      });
      for (const [i, image] of images.entries()) await reader.addPage({ source: `deck.pdf:${i + 1}`, image });
      return reader.finish();
    };
    const check = checkTestDeck(deck, await read(pages));
    expect(check.lines.filter((l) => !l.same)).toEqual([]);
    expect(check.exact).toBe(true);
    expect(check.lines).toHaveLength(8 * 4);
    expect(
      check.lines.find((l) => l.ballot === 'Тестовый бюллетень № 8' && l.question === null),
    ).toMatchObject({
      read: 'без подписи: на проверку',
      same: true,
    });

    // A mark someone added on ballot 1, question 1 (printed: за) in «против».
    const layout1 = layouts.layoutOf({ meetingId: deck.meeting.id, personId: 'test-1', page: 1, pages: 1 })!;
    drawMark(
      pages[0]!,
      layout1.boxes.find((b) => b.question === 1 && b.choice === 'against')!.rect,
      'cross',
      makeRng(1),
    );
    const changed = checkTestDeck(deck, await read(pages));
    // In the meeting's real stack a test sheet is refused, never counted.
    const real = new StackReader({
      meetingId: meeting.id,
      frame: layouts.frame,
      settings: DEFAULT_OMR_SETTINGS,
      decodeQr: decodeQrJs,
      layoutOf: async (qr) => layouts.layoutOf(qr),
    });
    expect(await real.addPage({ source: 'real.pdf:1', image: pages[1]! })).toMatchObject({
      reason: 'test_deck',
      message: 'тестовый бюллетень: в подсчёт не идёт',
    });
    expect(changed.exact).toBe(false);
    expect(changed.lines.filter((l) => !l.same)).toEqual([
      {
        ballot: 'Тестовый бюллетень № 1',
        question: 1,
        printed: 'за',
        read: 'несколько отметок',
        same: false,
      },
    ]);
  }, 120_000);
});
