// The reading a screen runs: layouts from the builder's layout-only mode (checked equal to the ones it
// reports while drawing the printed PDF), pages of the project's own ballots rasterized by pdftoppm and
// marked by the scan kit, review cards with the crop of the scan a person decides on.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePersons } from '../../test/fixtures/persons';
import { makeRng } from '../../test/fixtures/random';
import {
  copyImage,
  drawMark,
  drawSignature,
  rasterizePdf,
  rotate90,
  PX_PER_MM,
} from '../../test/fixtures/scanKit';
import type { BallotSheetLayout } from '../documents/ballotLayout';
import { buildBallotsPdf } from '../documents/ballotsPdf';
import { PT_SANS_FILES, type PdfFonts } from '../documents/pdfFont';
import { newMeeting, type Meeting } from '../meetings/meeting';
import { rotate180, type GrayImage } from './gray';
import { decodeQrJs } from './qrRead';
import { reviewArea } from './reviewCrop';
import { ScanSession } from './scanSession';
import { DEFAULT_OMR_SETTINGS } from './settings';
import { sheetLayouts } from './sheetLayouts';

const require = createRequire(import.meta.url);
const fonts: PdfFonts = {
  regular: readFileSync(require.resolve(PT_SANS_FILES.regular)),
  bold: readFileSync(require.resolve(PT_SANS_FILES.bold)),
};

const meeting: Meeting = {
  ...newMeeting({
    id: 'm-s',
    partnershipId: 's',
    kind: 'snt',
    title: 'Собрание',
    now: '2026-01-01T00:00:00Z',
  }),
  form: 'mixed',
  questions: [
    { number: 1, text: 'Об отчёте правления', item: '13', attachmentIds: [] },
    { number: 2, text: 'О смете', item: '22', attachmentIds: [] },
    { number: 3, text: 'О дороге', item: '22', attachmentIds: [] },
  ],
};
const voters = makePersons(3, 5, { gardeners: 0 });
const partnershipName = 'СНТ «Ромашка»';

let dir = '';
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scan session', () => {
  it('reads clear marks, and gives each uncertain item a card with the scan around it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'golos-session-'));
    const drawn: BallotSheetLayout[] = [];
    const pdf = await buildBallotsPdf(meeting, voters, fonts, {
      partnershipName,
      onSheet: (l) => drawn.push(l),
    });
    // Layout-only mode: the same layouts, without drawing.
    const only = await sheetLayouts(meeting, voters, fonts, { partnershipName });
    expect(only.size).toBe(drawn.length);
    for (const l of drawn) expect(only.layoutOf(l.qr)).toEqual(l);
    const empty = await buildBallotsPdf(meeting, voters, fonts, { partnershipName, layoutOnly: true });
    writeFileSync(join(dir, 'empty.pdf'), empty);
    expect(execFileSync('pdftotext', [join(dir, 'empty.pdf'), '-'], { encoding: 'utf8' }).trim()).toBe('');
    writeFileSync(join(dir, 'b.pdf'), pdf);
    expect(execFileSync('pdftotext', [join(dir, 'b.pdf'), '-'], { encoding: 'utf8' })).toContain('БЮЛЛЕТЕНЬ');
    const pages = rasterizePdf(join(dir, 'b.pdf'), dir);
    expect(pages).toHaveLength(3);
    const rng = makeRng(7);
    const box = (l: BallotSheetLayout, q: number, n: number) =>
      l.boxes.filter((b) => b.question === q)[n]!.rect;
    const images = pages.map(copyImage);
    // Voter 1: against, for, abstain; signed. Voter 2: for, faint on 2, nothing on 3; not signed.
    drawMark(images[0]!, box(drawn[0]!, 1, 1), 'cross', rng);
    drawMark(images[0]!, box(drawn[0]!, 2, 0), 'fill', rng);
    drawMark(images[0]!, box(drawn[0]!, 3, 2), 'tick', rng);
    drawSignature(images[0]!, drawn[0]!.signature!, rng);
    drawMark(images[1]!, box(drawn[1]!, 1, 0), 'cross', rng);
    drawMark(images[1]!, box(drawn[1]!, 2, 1), 'faint', rng);
    // Voter 3: faint on 1, signed; the sheet fed sideways.
    drawMark(images[2]!, box(drawn[2]!, 1, 2), 'faint', rng);
    drawSignature(images[2]!, drawn[2]!.signature!, rng);

    const session = await ScanSession.open(
      { meeting, registry: voters, partnershipName, settings: DEFAULT_OMR_SETTINGS },
      fonts,
      decodeQrJs,
    );
    const notes = [
      await session.addPage({ source: 's.pdf:1', image: images[0]! }),
      await session.addPage({ source: 's.pdf:2', image: rotate180(images[1]!) }),
      await session.addPage({
        source: 's.pdf:3',
        image: { ...images[0]!, data: new Uint8Array(images[0]!.data.length).fill(255) },
      }),
      await session.addPage({ source: 's.pdf:4', image: rotate90(images[2]!) }),
    ];
    expect(notes.map((n) => [n.read, n.message])).toEqual([
      [true, ''],
      [true, ''],
      [false, 'пустая страница'],
      [true, ''],
    ]);
    const out = session.finish();
    expect(out.pages).toBe(4);
    expect(out.ballots.map((b) => [b.personId, b.marks])).toEqual([
      [voters[0]!.id, { 1: 'against', 2: 'for', 3: 'abstain' }],
      [voters[1]!.id, { 1: 'for', 3: 'none' }],
      [voters[2]!.id, { 2: 'none', 3: 'none' }],
    ]);
    expect(out.rejected.map((r) => r.source)).toEqual(['s.pdf:3']);
    expect(out.cards.map((c) => [c.source, c.question, c.reason])).toEqual([
      ['s.pdf:2', 2, 'faint'],
      ['s.pdf:2', null, 'no_signature'],
      ['s.pdf:4', 1, 'faint'],
    ]);
    // The crop is the question's area at the scan's resolution, turned upright: the faint box is its
    // only ink in the boxes' row (the middle box, «Против»).
    const card = out.cards[0]!;
    const area = reviewArea(drawn[1]!, 2)!;
    expect(card.crop!.width).toBeCloseTo(area.w * PX_PER_MM, -1);
    expect(card.crop!.height).toBeCloseTo(area.h * PX_PER_MM, -1);
    expect(card.boxes.map((b) => b.choice)).toEqual(['for', 'against', 'abstain']);
    expect(card.boxes[1]!.ink).toBeGreaterThan(card.boxes[0]!.ink + 0.05);
    // Upright, for the upside-down page and the sideways one: the crop's ink is where the unturned
    // page has ink in the same area (within 2 pixels), and not where the area turned over would put it.
    const sameShare = (crop: GrayImage, page: GrayImage, at: { x: number; y: number }) => {
      const x0 = Math.round(at.x * PX_PER_MM);
      const y0 = Math.round(at.y * PX_PER_MM);
      const inkNear = (x: number, y: number) => {
        for (let dy = -2; dy <= 2; dy++)
          for (let dx = -2; dx <= 2; dx++) if (page.data[(y + dy) * page.width + x + dx]! < 128) return true;
        return false;
      };
      let same = 0;
      let n = 0;
      for (let y = 3; y < crop.height - 3; y++) {
        for (let x = 3; x < crop.width - 3; x++) {
          if (crop.data[y * crop.width + x]! >= 128) continue;
          n++;
          if (inkNear(x0 + x, y0 + y)) same++;
        }
      }
      return same / n;
    };
    expect(sameShare(card.crop!, images[1]!, area)).toBeGreaterThan(0.95);
    const sideways = out.cards[2]!;
    const sidewaysArea = reviewArea(drawn[2]!, 1)!;
    expect(sideways.crop!.width).toBeCloseTo(sidewaysArea.w * PX_PER_MM, -1);
    expect(sideways.crop!.height).toBeCloseTo(sidewaysArea.h * PX_PER_MM, -1);
    expect(sameShare(sideways.crop!, images[2]!, sidewaysArea)).toBeGreaterThan(0.95);
    expect(sameShare(rotate180(sideways.crop!), images[2]!, sidewaysArea)).toBeLessThan(0.3);
    expect(out.histogram.counts.reduce((a, b) => a + b, 0)).toBe(27);
  }, 60_000);
});
