/**
 * Finding the four filled corner squares of a ballot sheet on a scan. Each corner region of the image
 * is thresholded on its own (Otsu; uneven light differs between corners), its dark connected
 * components are listed, and the solid, square-ish one of about the expected size nearest to the image
 * corner is taken. Its centroid is the mark's centre. The search runs at half the resolution (a quarter
 * of the pixels); the centre is then measured again on the full image, in a window around the mark.
 */
import { halfCrop, otsuThreshold, type GrayImage } from './gray';
import type { Point } from './homography';

export interface CornerSearch {
  /** Mark side, in pixels, expected from the image size (the page filling the image). */
  markPx: number;
  /** Share of the image width and height searched from each corner. */
  region?: { x: number; y: number };
}

interface Component {
  /** The threshold its pixels are darker than. */
  t: number;
  cx: number;
  cy: number;
  w: number;
  h: number;
  area: number;
}

/**
 * The mark centres in image pixels, in the order top-left, top-right, bottom-left, bottom-right of the
 * image; null where no mark is found.
 */
export function findCornerMarks(img: GrayImage, search: CornerSearch): (Point | null)[] {
  const rx = Math.round(img.width * (search.region?.x ?? 0.2));
  const ry = Math.round(img.height * (search.region?.y ?? 0.14));
  const corners = [
    [0, 0],
    [img.width - rx, 0],
    [0, img.height - ry],
    [img.width - rx, img.height - ry],
  ] as const;
  return corners.map(([x, y]) => {
    const part = halfCrop(img, x, y, x + rx, y + ry);
    const target = { x: x === 0 ? 0 : rx / 2, y: y === 0 ? 0 : ry / 2 };
    const found = bestMark(components(part.image), search.markPx / 2, target);
    return found ? refine(img, found, part) : null;
  });
}

/** The centroid, on the full image, of the dark pixels in a window around a mark found at half size. */
function refine(img: GrayImage, c: Component, part: { x: number; y: number }): Point {
  const x0 = Math.max(0, Math.floor(part.x + 2 * (c.cx - c.w / 2) - 3));
  const x1 = Math.min(img.width - 1, Math.ceil(part.x + 2 * (c.cx + c.w / 2) + 4));
  const y0 = Math.max(0, Math.floor(part.y + 2 * (c.cy - c.h / 2) - 3));
  const y1 = Math.min(img.height - 1, Math.ceil(part.y + 2 * (c.cy + c.h / 2) + 4));
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0, i = y * img.width + x0; x <= x1; x++, i++) {
      if (img.data[i]! <= c.t) {
        n++;
        sx += x;
        sy += y;
      }
    }
  }
  // A half-size pixel's centre is the middle of its 2×2 block.
  return n ? { x: sx / n, y: sy / n } : { x: part.x + 2 * c.cx + 0.5, y: part.y + 2 * c.cy + 0.5 };
}

function bestMark(list: Component[], markPx: number, corner: Point): Component | null {
  let best: Component | null = null;
  let bestDist = Infinity;
  for (const c of list) {
    const side = Math.sqrt(c.area);
    if (side < markPx * 0.55 || side > markPx * 1.7) continue;
    if (c.w > c.h * 1.6 || c.h > c.w * 1.6) continue;
    if (c.area < 0.72 * c.w * c.h) continue;
    const d = Math.hypot(c.cx - corner.x, c.cy - corner.y);
    if (d < bestDist) {
      bestDist = d;
      best = c;
    }
  }
  return best;
}

/** Dark 4-connected components of an image region (dark: below its Otsu threshold, with contrast). */
function components(img: GrayImage): Component[] {
  const { data, width, height } = img;
  if (data.length === 0) return [];
  let min = 255;
  let max = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (max - min < 60) return [];
  const t = otsuThreshold(data);
  const seen = new Uint8Array(data.length);
  const stack = new Int32Array(data.length);
  const out: Component[] = [];
  for (let start = 0; start < data.length; start++) {
    if (seen[start] || data[start]! > t) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let area = 0;
    let sx = 0;
    let sy = 0;
    let x0 = width;
    let y0 = height;
    let x1 = 0;
    let y1 = 0;
    while (top > 0) {
      const i = stack[--top]!;
      const x = i % width;
      const y = (i - x) / width;
      area++;
      sx += x;
      sy += y;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (x > 0 && !seen[i - 1] && data[i - 1]! <= t) {
        seen[i - 1] = 1;
        stack[top++] = i - 1;
      }
      if (x < width - 1 && !seen[i + 1] && data[i + 1]! <= t) {
        seen[i + 1] = 1;
        stack[top++] = i + 1;
      }
      if (y > 0 && !seen[i - width] && data[i - width]! <= t) {
        seen[i - width] = 1;
        stack[top++] = i - width;
      }
      if (y < height - 1 && !seen[i + width] && data[i + width]! <= t) {
        seen[i + width] = 1;
        stack[top++] = i + width;
      }
    }
    if (area >= 4) out.push({ t, cx: sx / area, cy: sy / area, w: x1 - x0 + 1, h: y1 - y0 + 1, area });
  }
  return out;
}
