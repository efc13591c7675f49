/**
 * A gray bitmap as a PNG file (8-bit grayscale, no filter, zlib-deflated by fflate): how a review card's
 * crop is kept and shown. A few kilobytes instead of the raw pixels, so the scans worker hands the
 * screen and the database small files (a stack of 300 pages has hundreds of crops), and the browser
 * decodes them off the window's thread when a card shows one.
 */
import { zlibSync } from 'fflate';
import type { GrayImage } from './gray';
import { concatBytes } from '../bytes/concatBytes';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (ISO 3309, as PNG chunks use it) of the bytes. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(body, 8);
  view.setUint32(8 + body.length, crc32(out.subarray(4, 8 + body.length)));
  return out;
}

export function grayPng(img: GrayImage): Uint8Array {
  const header = new Uint8Array(13);
  const h = new DataView(header.buffer);
  h.setUint32(0, img.width);
  h.setUint32(4, img.height);
  header[8] = 8; // bit depth
  header[9] = 0; // grayscale; compression, filter and interlace methods 0
  // Each row starts with its filter type, 0 (none).
  const raw = new Uint8Array((img.width + 1) * img.height);
  for (let r = 0; r < img.height; r++)
    raw.set(img.data.subarray(r * img.width, (r + 1) * img.width), r * (img.width + 1) + 1);
  return concatBytes([
    Uint8Array.from(SIGNATURE),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(raw, { level: 6 })),
    chunk('IEND', new Uint8Array()),
  ]);
}
