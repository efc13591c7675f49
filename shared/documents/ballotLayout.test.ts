// The layout the ballots PDF builder reports is where poppler draws the boxes: checked on pages
// rasterized by pdftoppm (poppler-utils), not against the builder's own arithmetic.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePersons } from '../../test/fixtures/persons';
import { rasterizePdf } from '../../test/fixtures/scanKit';
import { newMeeting, type Meeting } from '../meetings/meeting';
import type { BallotSheetLayout } from './ballotLayout';
import { buildBallotsPdf } from './ballotsPdf';
import { PT_SANS_FILES, type PdfFonts } from './pdfFont';

const require = createRequire(import.meta.url);
const fonts: PdfFonts = {
  regular: readFileSync(require.resolve(PT_SANS_FILES.regular)),
  bold: readFileSync(require.resolve(PT_SANS_FILES.bold)),
};

const meeting: Meeting = {
  ...newMeeting({
    id: 'm-1',
    partnershipId: 's',
    kind: 'snt',
    title: 'Собрание',
    now: '2026-01-01T00:00:00.000Z',
  }),
  form: 'mixed',
  questions: [
    { number: 1, text: 'Об отчёте правления', item: '13', attachmentIds: [] },
    { number: 2, text: 'О смете', item: '22', attachmentIds: [] },
  ],
};

let dir = '';
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ballot sheet layout', () => {
  it('names every sheet and puts boxes, marks and the signature line where the page shows them', async () => {
    dir = mkdtempSync(join(tmpdir(), 'golos-layout-'));
    const [member, gardener] = makePersons(2, 4, { gardeners: 0 });
    const voters = [member!, { ...gardener!, status: 'gardener' as const }];
    const layouts: BallotSheetLayout[] = [];
    const pdf = await buildBallotsPdf(meeting, voters, fonts, { onSheet: (l) => layouts.push(l) });
    writeFileSync(join(dir, 'b.pdf'), pdf);
    const pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'b.pdf')], { encoding: 'utf8' }))![1],
    );
    expect(layouts).toHaveLength(pages);
    expect(layouts.map((l) => [l.qr.personId, l.qr.page, l.qr.pages])).toEqual([
      [member!.id, 1, 1],
      [gardener!.id, 1, 1],
    ]);
    // Question 1 (item 13) is for members only: the gardener's sheet has no boxes for it.
    expect(layouts[0]!.boxes.map((b) => `${b.question}${b.choice}`)).toEqual([
      '1for',
      '1against',
      '1abstain',
      '2for',
      '2against',
      '2abstain',
    ]);
    expect(layouts[1]!.boxes.map((b) => b.question)).toEqual([2, 2, 2]);

    const images = rasterizePdf(join(dir, 'b.pdf'), dir);
    const k = 200 / 25.4;
    const at = (i: number, x: number, y: number) => {
      const img = images[i]!;
      return img.data[Math.round(y * k) * img.width + Math.round(x * k)]!;
    };
    layouts.forEach((l, i) => {
      for (const { rect: r } of l.boxes) {
        expect(at(i, r.x, r.y + r.h / 2)).toBeLessThan(128); // left edge
        expect(at(i, r.x + r.w, r.y + r.h / 2)).toBeLessThan(128); // right edge
        expect(at(i, r.x + r.w / 2, r.y)).toBeLessThan(128); // top edge
        expect(at(i, r.x + r.w / 2, r.y + r.h / 2)).toBeGreaterThan(200); // inside: white
      }
      for (const c of l.corners) expect(at(i, c.x + c.w / 2, c.y + c.h / 2)).toBeLessThan(60);
      const s = l.signature!;
      expect(s.x2 - s.x1).toBeGreaterThan(20);
      expect(at(i, (s.x1 + s.x2) / 2, s.y)).toBeLessThan(160);
      expect(at(i, (s.x1 + s.x2) / 2, s.y - 3)).toBeGreaterThan(200);
    });
  }, 60_000);
});
