import { halfCrop, type GrayImage } from './gray';

describe('halfCrop', () => {
  it('averages 2×2 blocks of the part asked for, as worked by hand', () => {
    // A 5×4 image, pixel value = 10·row + column.
    const img: GrayImage = {
      width: 5,
      height: 4,
      data: Uint8Array.from({ length: 20 }, (_, i) => 10 * Math.floor(i / 5) + (i % 5)),
    };
    // Columns 1..4, rows 0..3: blocks (1,2 × 0,1) = mean(1,2,11,12) = 6.5 → 7 (rounded half up),
    // (3,4 × 0,1) = mean(3,4,13,14) = 8.5 → 9, (1,2 × 2,3) = 26.5 → 27, (3,4 × 2,3) = 28.5 → 29.
    const half = halfCrop(img, 1, 0, 5, 4);
    expect(half).toEqual({
      image: { width: 2, height: 2, data: Uint8Array.from([7, 9, 27, 29]) },
      x: 1,
      y: 0,
    });
  });

  it('clips to the image and drops an odd last row or column', () => {
    const img: GrayImage = { width: 3, height: 3, data: new Uint8Array(9).fill(200) };
    const half = halfCrop(img, -4, -4, 10, 10);
    expect(half.image.width).toBe(1);
    expect(half.image.height).toBe(1);
    expect([...half.image.data]).toEqual([200]);
    expect([half.x, half.y]).toEqual([0, 0]);
  });
});
