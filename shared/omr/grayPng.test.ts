import { PNG } from 'pngjs';
import { crc32, grayPng } from './grayPng';

describe('grayPng', () => {
  it('CRC-32 of "123456789" is the standard check value CBF43926', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('pngjs (another PNG codec) reads back every pixel of a gray bitmap', () => {
    const width = 37;
    const height = 11;
    const data = Uint8Array.from({ length: width * height }, (_, i) => (i * 7 + (i % width) * 13) % 256);
    const png = PNG.sync.read(Buffer.from(grayPng({ data, width, height })));
    expect([png.width, png.height]).toEqual([width, height]);
    const gray = Array.from({ length: width * height }, (_, i) => png.data[i * 4]);
    expect(gray).toEqual([...data]);
    // Gray: red, green and blue alike, opaque.
    expect(png.data[4 * 5 + 1]).toBe(data[5]);
    expect(png.data[4 * 5 + 3]).toBe(255);
  });

  it('a crop of mostly white paper is a small file', () => {
    const width = 1400;
    const height = 120;
    const data = new Uint8Array(width * height).fill(250);
    for (let x = 100; x < 140; x++) data[60 * width + x] = 20;
    expect(grayPng({ data, width, height }).length).toBeLessThan(width * height * 0.02);
  });
});
