/**
 * Scores of one printed answer box on a scan: the box outline is looked for a few pixels around where
 * the page geometry puts it (best match of a dark outline with white just inside and outside it), then
 * the share of dark pixels of its inner part is measured against the paper's local white.
 */
import type { MmRect } from '../documents/ballotLayout';
import type { GrayImage } from './gray';
import { applyHomography, type Homography, type Point } from './homography';
import type { OmrSettings } from './settings';

export interface BoxScore {
  /** Dark share of the inner part (0..1). */
  fill: number;
  /** Share of any ink, faint included, of the inner part. */
  ink: number;
  /** Dark share of a ring just outside the box. */
  outside: number;
  /**
   * Dark share of the printed outline where the box was found: near 1 for a box where the layout puts
   * it; low when there is no box there (a sheet printed with another layout).
   */
  outline: number;
  /** Where the box was found: shift from the expected place, image pixels. */
  shift: Point;
}

const STEP_MM = 0.15;
/** Inner part: the box less this much from each edge, mm. */
const INSET_MM = 0.65;

function ring(r: MmRect, grow: number): Point[] {
  const x0 = r.x - grow;
  const y0 = r.y - grow;
  const x1 = r.x + r.w + grow;
  const y1 = r.y + r.h + grow;
  const out: Point[] = [];
  for (let x = x0; x <= x1; x += STEP_MM) out.push({ x, y: y0 }, { x, y: y1 });
  for (let y = y0 + STEP_MM; y < y1; y += STEP_MM) out.push({ x: x0, y }, { x: x1, y });
  return out;
}

function area(r: MmRect, inset: number): Point[] {
  const out: Point[] = [];
  for (let y = r.y + inset; y <= r.y + r.h - inset; y += STEP_MM) {
    for (let x = r.x + inset; x <= r.x + r.w - inset; x += STEP_MM) out.push({ x, y });
  }
  return out;
}

/** Sample points as pixel indices (x, y pairs), rounded. */
type Samples = Int32Array;

function project(h: Homography, pts: readonly Point[]): Samples {
  const out = new Int32Array(pts.length * 2);
  pts.forEach((p, i) => {
    const q = applyHomography(h, p);
    out[2 * i] = Math.round(q.x);
    out[2 * i + 1] = Math.round(q.y);
  });
  return out;
}

/** Pixels (white outside the image) of the samples shifted by (dx, dy). */
function values(img: GrayImage, pts: Samples, dx: number, dy: number): Uint8Array {
  const n = pts.length / 2;
  const out = new Uint8Array(n);
  const { width, height, data } = img;
  for (let i = 0; i < n; i++) {
    const x = pts[2 * i]! + dx;
    const y = pts[2 * i + 1]! + dy;
    out[i] = x < 0 || y < 0 || x >= width || y >= height ? 255 : data[y * width + x]!;
  }
  return out;
}

/** The paper's white near a place: a high percentile of the given pixels. */
function whiteOf(img: GrayImage, pts: Samples): number {
  const v = values(img, pts, 0, 0).sort();
  return Math.max(40, v[Math.floor(v.length * 0.8)] ?? 255);
}

function share(img: GrayImage, pts: Samples, dx: number, dy: number, below: number): number {
  const n = pts.length / 2;
  if (n === 0) return 0;
  const { width, height, data } = img;
  let dark = 0;
  for (let i = 0; i < n; i++) {
    const x = pts[2 * i]! + dx;
    const y = pts[2 * i + 1]! + dy;
    if (x >= 0 && y >= 0 && x < width && y < height && data[y * width + x]! < below) dark++;
  }
  return dark / n;
}

export function scoreBox(img: GrayImage, h: Homography, rect: MmRect, s: OmrSettings): BoxScore {
  const outline = project(h, ring(rect, 0));
  const inRing = project(h, ring(rect, -0.5));
  const outRing = project(h, ring(rect, 0.55));
  const wideRing = project(h, [...ring(rect, 1.2), ...ring(rect, 1.6)]);
  const inner = project(h, area(rect, INSET_MM));
  const white = whiteOf(img, wideRing);
  const dark = white * s.darkRatio;
  // Pixels per mm here, from the box's own projected width.
  const a = applyHomography(h, { x: rect.x, y: rect.y });
  const b = applyHomography(h, { x: rect.x + rect.w, y: rect.y });
  const pxPerMm = Math.hypot(b.x - a.x, b.y - a.y) / rect.w;
  const r = Math.max(1, Math.round(s.searchMm * pxPerMm));
  const fit = (dx: number, dy: number) =>
    share(img, outline, dx, dy, dark) -
    0.5 * (share(img, inRing, dx, dy, dark) + share(img, outRing, dx, dy, dark)) -
    1e-4 * (dx * dx + dy * dy);
  // Coarse (every other pixel), then the neighbours of the best.
  let best = { score: -Infinity, dx: 0, dy: 0 };
  for (let dy = -r; dy <= r; dy += 2) {
    for (let dx = -r; dx <= r; dx += 2) {
      const score = fit(dx, dy);
      if (score > best.score) best = { score, dx, dy };
    }
  }
  const coarse = best;
  for (let dy = coarse.dy - 1; dy <= coarse.dy + 1; dy++) {
    for (let dx = coarse.dx - 1; dx <= coarse.dx + 1; dx++) {
      const score = fit(dx, dy);
      if (score > best.score) best = { score, dx, dy };
    }
  }
  const { dx, dy } = best;
  return {
    fill: share(img, inner, dx, dy, dark),
    ink: share(img, inner, dx, dy, white * s.inkRatio),
    outside: share(img, project(h, [...ring(rect, 0.9), ...ring(rect, 1.3)]), dx, dy, dark),
    outline: share(img, outline, dx, dy, dark),
    shift: { x: dx, y: dy },
  };
}

/** Dark share of the band just above the signature line (where a signature's ink is). */
export function signatureInk(
  img: GrayImage,
  h: Homography,
  line: { x1: number; x2: number; y: number },
  s: OmrSettings,
): number {
  const band: MmRect = { x: line.x1 + 1, y: line.y - 6, w: line.x2 - line.x1 - 2, h: 5.2 };
  const pts = project(h, area(band, 0));
  const white = whiteOf(img, pts);
  return share(img, pts, 0, 0, Math.min(white, 235) * s.darkRatio);
}
