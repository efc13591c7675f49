/**
 * The part of a scan a person needs to decide a review item: the row of a question's boxes (with the
 * line above them) or the signature line, cut out of the scan where the page's transform puts it and
 * turned upright for an upside-down page.
 */
import type { BallotSheetLayout, MmRect } from '../documents/ballotLayout';
import { crop, rotate180, type GrayImage } from './gray';
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

/** The scan's pixels of a page area (mm), upright. */
export function cropArea(img: GrayImage, h: Homography, turned: number, area: MmRect): GrayImage {
  const pts = [
    applyHomography(h, { x: area.x, y: area.y }),
    applyHomography(h, { x: area.x + area.w, y: area.y }),
    applyHomography(h, { x: area.x, y: area.y + area.h }),
    applyHomography(h, { x: area.x + area.w, y: area.y + area.h }),
  ];
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  const cut = crop(img, Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)).image;
  return turned === 180 ? rotate180(cut) : cut;
}
