/**
 * Where a ballot sheet is on a scan: the four corner marks give a perspective transform from the
 * printed page (mm) to the image (pixels); the QR code, looked for where that transform puts it, says
 * which sheet it is and which way up the sheet lies (turned pages are read through the transform,
 * not rotated).
 */
import type { MmRect } from '../documents/ballotLayout';
import { parseBallotQr, type BallotQr } from '../documents/qrPayload';
import { findCornerMarks } from './cornerMarks';
import { crop, halfCrop, type GrayImage } from './gray';
import { applyHomography, solveHomography, type Homography, type Point } from './homography';
import type { QrDecoder } from './qrRead';

/** What every sheet has at the same place: the page size, corner marks and the QR code. */
export interface SheetFrame {
  page: { width: number; height: number };
  corners: readonly MmRect[];
  qrRect: MmRect;
}

export type PageProblem = 'blank' | 'no_corner_marks' | 'no_qr' | 'not_ballot_qr';

export const PAGE_PROBLEM_TEXT: Record<PageProblem, string> = {
  blank: 'пустая страница',
  no_corner_marks: 'не найдены угловые метки: это не бюллетень Голоса или лист обрезан',
  no_qr: 'не прочитан QR-код бюллетеня',
  not_ballot_qr: 'QR-код не от бюллетеня Голоса',
};

export type LocatedPage =
  | { ok: true; qr: BallotQr; qrText: string; h: Homography; turned: 0 | 90 | 180 | 270 }
  | { ok: false; problem: PageProblem; qrText?: string };

/** Page corner i is at image corner ORDER[turn][i] (corners: top-left, top-right, bottom-left, bottom-right). */
const ORDER = {
  0: [0, 1, 2, 3],
  90: [1, 3, 0, 2],
  180: [3, 2, 1, 0],
  270: [2, 0, 3, 1],
} as const;

const center = (r: MmRect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });

export async function locatePage(img: GrayImage, frame: SheetFrame, decode: QrDecoder): Promise<LocatedPage> {
  const pxPerMm = Math.max(img.width, img.height) / Math.max(frame.page.width, frame.page.height);
  const markMm = frame.corners[0]!.w;
  const found = findCornerMarks(img, { markPx: markMm * pxPerMm });
  const missing = found.filter((p) => p === null).length;
  if (missing > 1) return { ok: false, problem: inkShare(img) < 0.002 ? 'blank' : 'no_corner_marks' };
  const image = missing === 1 ? completeCorners(found) : (found as Point[]);
  const page = frame.corners.map(center);
  const turns = img.width > img.height ? ([90, 270] as const) : ([0, 180] as const);
  let foreign: string | undefined;
  for (const turned of turns) {
    const h = solveHomography(
      page,
      ORDER[turned].map((i) => image[i]!),
    );
    if (!h) continue;
    const text = await decodeQr(decode, qrCrop(img, h, frame.qrRect));
    if (text === null) continue;
    const qr = parseBallotQr(text);
    if (qr.ok) return { ok: true, qr: qr.value, qrText: text, h, turned };
    foreign = text;
  }
  return foreign === undefined
    ? { ok: false, problem: 'no_qr' }
    : { ok: false, problem: 'not_ballot_qr', qrText: foreign };
}

/**
 * One mark hidden (a staple, a torn or folded corner): the fourth corner of the parallelogram the
 * other three make. Close enough under mild perspective; the box search absorbs the rest.
 */
function completeCorners(found: readonly (Point | null)[]): Point[] {
  const [tl, tr, bl, br] = found;
  const add = (a: Point, b: Point, c: Point): Point => ({ x: a.x + b.x - c.x, y: a.y + b.y - c.y });
  return [
    tl ?? add(tr!, bl!, br!),
    tr ?? add(tl!, br!, bl!),
    bl ?? add(tl!, br!, tr!),
    br ?? add(tr!, bl!, tl!),
  ];
}

/**
 * The code read at half the resolution first (a quarter of the pixels; its modules are still several
 * pixels wide on a scan of 150 dpi or more), then at full resolution if that fails.
 */
async function decodeQr(decode: QrDecoder, img: GrayImage): Promise<string | null> {
  if (Math.min(img.width, img.height) >= 160) {
    const text = await decode(halfCrop(img, 0, 0, img.width, img.height).image);
    if (text !== null) return text;
  }
  return decode(img);
}

/** The image part around the QR code's place (its quiet zone included). */
function qrCrop(img: GrayImage, h: Homography, r: MmRect): GrayImage {
  const m = 4;
  const pts = [
    { x: r.x - m, y: r.y - m },
    { x: r.x + r.w + m, y: r.y - m },
    { x: r.x - m, y: r.y + r.h + m },
    { x: r.x + r.w + m, y: r.y + r.h + m },
  ].map((p) => applyHomography(h, p));
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  return crop(img, Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)).image;
}

/** Share of clearly dark pixels (a sparse sample), to tell a blank page from a page that is not a ballot. */
function inkShare(img: GrayImage): number {
  let n = 0;
  let dark = 0;
  for (let i = 0; i < img.data.length; i += 7) {
    n++;
    if (img.data[i]! < 110) dark++;
  }
  return n ? dark / n : 0;
}
