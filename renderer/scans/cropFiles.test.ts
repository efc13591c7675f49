import { PNG } from 'pngjs';
import type { ScanOutcome } from '../../shared/omr/scanSession';
import type { CropSpan } from '../db/records';
import { cropPng, withCropFiles } from './cropFiles';

const pixels = (width: number, height: number) => ({
  data: Uint8Array.from({ length: width * height }, (_, i) => (i * 31 + width) % 256),
  width,
  height,
});

const outcome = (crops: ScanOutcome['cards'][number]['crop'][]): ScanOutcome => ({
  pages: 1,
  ballots: [],
  rejected: [],
  histogram: { edges: [0], counts: [0], bands: { empty: 0, between: 0, marked: 0 } },
  cards: crops.map((crop, i) => ({
    source: 'a.pdf:1',
    personId: 'p1',
    question: i + 1,
    reason: 'faint',
    message: 'слабая или маленькая отметка',
    crop,
    boxes: [{ choice: 'for', fill: 0.05, ink: 0.3 }],
  })),
});

/** The file as pngjs (another PNG codec) reads it: its size and the gray value of every pixel. */
const decoded = async (png: Blob) => {
  const img = PNG.sync.read(Buffer.from(await png.arrayBuffer()));
  return { width: img.width, height: img.height, gray: [...img.data.filter((_, i) => i % 4 === 0)] };
};

describe('review-card crops as PNG files', () => {
  it('the reading keeps everything but the crops, which become PNGs of the same pixels in one file', async () => {
    const a = pixels(5, 3);
    const b = pixels(2, 4);
    const read = outcome([a, null, b]);
    const stored = withCropFiles(read);
    expect(stored.cards.map(({ crop: _c, ...rest }) => rest)).toEqual(
      read.cards.map(({ crop: _c, ...rest }) => rest),
    );
    expect(stored.cards[1]!.crop).toBeNull();
    const [first, , last] = stored.cards.map((c) => c.crop as CropSpan);
    // One after another, the whole file.
    expect([first!.from, first!.to, last!.from, last!.to]).toEqual([
      0,
      first!.to,
      first!.to,
      stored.crops!.size,
    ]);
    const png0 = cropPng(first!, stored.crops);
    expect(png0.type).toBe('image/png');
    expect(await decoded(png0)).toEqual({ width: 5, height: 3, gray: [...a.data] });
    expect(await decoded(cropPng(last!, stored.crops))).toEqual({ width: 2, height: 4, gray: [...b.data] });
  });

  it('a crop stored as pixels (before crops were files) is shown as the PNG of them', async () => {
    const a = pixels(6, 2);
    const png = cropPng(a, undefined);
    expect(png.type).toBe('image/png');
    expect(await decoded(png)).toEqual({ width: 6, height: 2, gray: [...a.data] });
  });
});
