import type { GrayImage } from '../shared/omr/gray';

/** The 8-bit greyscale PGM (P5) that poppler's `pdftoppm -gray` writes, as a grey image. */
export function readPgm(bytes: Uint8Array): GrayImage {
  // Header: P5, width, height, maxval, each followed by whitespace; poppler writes no comments.
  const head = new TextDecoder('ascii').decode(bytes.subarray(0, 64));
  const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(head);
  if (!m) throw new Error('pdftoppm wrote no 8-bit PGM');
  const width = Number(m[1]);
  const height = Number(m[2]);
  return { data: bytes.subarray(m[0].length, m[0].length + width * height), width, height };
}
