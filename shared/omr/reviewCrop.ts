/**
 * The part of a scan a person needs to decide a review item: the row of a question's boxes (with the
 * line above them) or the signature line, sampled from the scan through the page's transform: upright
 * and square however the page lay (upside down, sideways, photographed at an angle).
 */
import type { BallotSheetLayout, MmRect } from '../documents/ballotLayout';
import { pixelAt, type GrayImage } from './gray';
import { applyHomography, type Homography } from './homography';

/** Margin around the boxes, mm: enough to see a mark that strays out of its box. */
const AROUND = 3;
/** How much of the question's text above the boxes is shown, mm. */
const ABOVE = 7;

/** The page area (mm) to show for a question, or the signature line when `question` is null. */
export function reviewArea(layout: BallotSheetLayout, question: number | null): MmRect | null {
  if (question === null) {
    const s = layout.signature;
    return s ? { x: s.x1 - 40, y: s.y - 12, w: s.x2 - s.x1 + 44, h: 16 } : null;
  }
  const boxes = layout.boxes.filter((b) => b.question === question).map((b) => b.rect);
  if (boxes.length === 0) return null;
  const top = Math.min(...boxes.map((r) => r.y));
  const bottom = Math.max(...boxes.map((r) => r.y + r.h));
  const left = layout.corners[0].x + layout.corners[0].w;
  const right = layout.corners[1].x;
  return { x: left, y: top - ABOVE, w: right - left, h: bottom - top + ABOVE + AROUND };
}

/** The scan's pixels of a page area (mm), upright, at the scan's own resolution there. */
export function cropArea(img: GrayImage, h: Homography, area: MmRect): GrayImage {
  const a = applyHomography(h, { x: area.x, y: area.y });
  const b = applyHomography(h, { x: area.x + area.w, y: area.y });
  const pxPerMm = Math.hypot(b.x - a.x, b.y - a.y) / area.w;
  const width = Math.max(0, Math.round(area.w * pxPerMm));
  const height = Math.max(0, Math.round(area.h * pxPerMm));
  const data = new Uint8Array(width * height);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const p = applyHomography(h, { x: area.x + (c + 0.5) / pxPerMm, y: area.y + (r + 0.5) / pxPerMm });
      data[r * width + c] = pixelAt(img, p.x, p.y);
    }
  }
  return { data, width, height };
}
