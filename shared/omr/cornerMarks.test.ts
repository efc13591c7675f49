import { findCornerMarks } from './cornerMarks';
import type { GrayImage } from './gray';

/** A white page with a black square of side `side` centred at each given point, and some text-like noise. */
function page(width: number, height: number, centres: { x: number; y: number }[], side: number): GrayImage {
  const data = new Uint8Array(width * height).fill(235);
  const square = (cx: number, cy: number, s: number, v: number) => {
    for (let y = Math.round(cy - s / 2); y < Math.round(cy + s / 2); y++)
      for (let x = Math.round(cx - s / 2); x < Math.round(cx + s / 2); x++) data[y * width + x] = v;
  };
  for (const c of centres) square(c.x, c.y, side, 20);
  // A small dot and a long bar near the top-left mark: neither is a corner mark.
  square(140, 60, 6, 30);
  for (let x = 120; x < 300; x++) data[120 * width + x] = 25;
  return { data, width, height };
}

describe('findCornerMarks', () => {
  it('finds each square mark’s centre within half a pixel, in image-corner order', () => {
    // Centres of a 40-pixel square: the mean of pixel indices cx−20 … cx+19, i.e. cx − 0.5.
    const centres = [
      { x: 60, y: 70 },
      { x: 1601, y: 66 },
      { x: 57, y: 2270 },
      { x: 1597, y: 2275 },
    ];
    const found = findCornerMarks(page(1654, 2339, centres, 40), { markPx: 39 });
    found.forEach((p, i) => {
      expect(p).not.toBeNull();
      expect(Math.abs(p!.x - (centres[i]!.x - 0.5))).toBeLessThanOrEqual(0.5);
      expect(Math.abs(p!.y - (centres[i]!.y - 0.5))).toBeLessThanOrEqual(0.5);
    });
  });

  it('gives null for a corner without a mark', () => {
    const found = findCornerMarks(page(1654, 2339, [{ x: 60, y: 70 }], 40), { markPx: 39 });
    expect(found[0]).not.toBeNull();
    expect(found.slice(1)).toEqual([null, null, null]);
  });
});
