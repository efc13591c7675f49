/**
 * A PDF page's embedded image (pdfImages.ts) as the gray page the reader takes: Flate samples
 * inflated here (JPEG pixels come decoded from the browser), then turned to lie as the page is shown,
 * and halved while finer than the reader needs (a PDF page is otherwise rendered at 200 dpi).
 */
import { unzlibSync } from 'fflate';
import { halfCrop, rgbaToGray, type GrayImage } from './gray';
import { unpredict } from './pdfFile';
import type { EmbeddedImage, ImageAxes } from './pdfImages';

/** Pixels per inch from which an image is halved. */
const HALVE_FROM_DPI = 360;

/** The gray pixels of a Flate (or unfiltered) gray or RGB image of 1 or 8 bits, or null if short. */
export function sampledGray(image: EmbeddedImage): GrayImage | null {
  if (image.filter === 'DCTDecode') return null;
  const raw = image.filter === 'FlateDecode' ? unzlibSync(image.bytes) : image.bytes;
  const samples = unpredict(raw, image.parms);
  const { width, height, colors, bitsPerComponent: bits } = image;
  const row = (width * colors * bits + 7) >> 3;
  if (samples.length < row * height) return null;
  const data = new Uint8Array(width * height);
  const white = image.inverted ? 0 : 255;
  if (bits === 1) {
    for (let y = 0; y < height; y++)
      for (let x = 0, s = y * row, o = y * width; x < width; x++, o++)
        data[o] = (samples[s + (x >> 3)]! >> (7 - (x & 7))) & 1 ? white : 255 - white;
    return { data, width, height };
  }
  if (colors === 1) {
    for (let y = 0; y < height; y++) data.set(samples.subarray(y * row, y * row + width), y * width);
  } else {
    const rgba = new Uint8Array(width * height * 4);
    for (let y = 0; y < height; y++)
      for (let x = 0, s = y * row, o = y * width * 4; x < width; x++, s += 3, o += 4) {
        rgba[o] = samples[s]!;
        rgba[o + 1] = samples[s + 1]!;
        rgba[o + 2] = samples[s + 2]!;
      }
    data.set(rgbaToGray(rgba, width, height).data);
  }
  if (image.inverted) for (let i = 0; i < data.length; i++) data[i] = 255 - data[i]!;
  return { data, width, height };
}

/** The image turned (or mirrored) so that its axes point as `axes` say. */
export function orientGray(img: GrayImage, axes: ImageAxes): GrayImage {
  const { right, down } = axes;
  if (right[0] === 1 && down[1] === 1) return img;
  const { width: w, height: h } = img;
  const across = right[0] !== 0;
  const ow = across ? w : h;
  const oh = across ? h : w;
  // Output position of input pixel (x, y): ox = x0 + x·dx1 + y·dx2, oy = y0 + x·dy1 + y·dy2.
  const dx1 = right[0];
  const dy1 = right[1];
  const dx2 = down[0];
  const dy2 = down[1];
  const x0 = (dx1 < 0 ? w - 1 : 0) + (dx2 < 0 ? h - 1 : 0);
  const y0 = (dy1 < 0 ? w - 1 : 0) + (dy2 < 0 ? h - 1 : 0);
  const data = new Uint8Array(w * h);
  const src = img.data;
  const step = dx1 + dy1 * ow;
  for (let y = 0; y < h; y++) {
    let o = x0 + y * dx2 + (y0 + y * dy2) * ow;
    for (let x = 0, i = y * w; x < w; x++, i++, o += step) data[o] = src[i]!;
  }
  return { data, width: ow, height: oh };
}

/**
 * The page as the reader takes it from its image's gray pixels: null when they are not the size the
 * PDF says (render the page instead).
 */
export function embeddedPage(image: EmbeddedImage, gray: GrayImage): GrayImage | null {
  if (gray.width !== image.width || gray.height !== image.height) return null;
  let page = gray;
  for (let dpi = image.dpi; dpi >= HALVE_FROM_DPI; dpi /= 2)
    page = halfCrop(page, 0, 0, page.width, page.height).image;
  return orientGray(page, image.axes);
}
