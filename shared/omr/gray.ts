/**
 * A grayscale bitmap (0 black .. 255 white, one byte a pixel, rows top-down) and the few operations
 * the scan reader needs on it. Pure TS, no DOM: the CLI, a Web Worker and tests all hand these in.
 */
export interface GrayImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** RGBA (canvas ImageData, PNG decoders) to gray with the Rec. 601 luma weights. */
export function rgbaToGray(rgba: ArrayLike<number>, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    data[i] = (rgba[j]! * 299 + rgba[j + 1]! * 587 + rgba[j + 2]! * 114 + 500) / 1000;
  }
  return { data, width, height };
}

/** Gray to RGBA (what the QR decoder takes). */
export function grayToRgba(img: GrayImage): Uint8ClampedArray {
  const out = new Uint8ClampedArray(img.width * img.height * 4);
  for (let i = 0, j = 0; i < img.data.length; i++, j += 4) {
    const v = img.data[i]!;
    out[j] = v;
    out[j + 1] = v;
    out[j + 2] = v;
    out[j + 3] = 255;
  }
  return out;
}

/** The rectangle's whole-pixel bounds, clipped to the image. */
function clip(img: GrayImage, x0: number, y0: number, x1: number, y1: number) {
  return {
    left: Math.max(0, Math.floor(Math.min(x0, x1))),
    top: Math.max(0, Math.floor(Math.min(y0, y1))),
    right: Math.min(img.width, Math.ceil(Math.max(x0, x1))),
    bottom: Math.min(img.height, Math.ceil(Math.max(y0, y1))),
  };
}

/** The part of the image inside the rectangle (clipped to the image), with where it starts. */
export function crop(
  img: GrayImage,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): { image: GrayImage; x: number; y: number } {
  const { left, top, right, bottom } = clip(img, x0, y0, x1, y1);
  const width = Math.max(0, right - left);
  const height = Math.max(0, bottom - top);
  const data = new Uint8Array(width * height);
  for (let r = 0; r < height; r++) {
    const from = (top + r) * img.width + left;
    data.set(img.data.subarray(from, from + width), r * width);
  }
  return { image: { data, width, height }, x: left, y: top };
}

/**
 * The part of the image inside the rectangle (clipped) at half the resolution, each pixel the mean of
 * a 2×2 block: a quarter of the pixels for searches that do not need the full detail.
 */
export function halfCrop(
  img: GrayImage,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): { image: GrayImage; x: number; y: number } {
  const { left, top, right, bottom } = clip(img, x0, y0, x1, y1);
  const width = Math.max(0, Math.floor((right - left) / 2));
  const height = Math.max(0, Math.floor((bottom - top) / 2));
  const data = new Uint8Array(width * height);
  const src = img.data;
  for (let r = 0; r < height; r++) {
    let a = (top + 2 * r) * img.width + left;
    let b = a + img.width;
    for (let c = 0, o = r * width; c < width; c++, o++, a += 2, b += 2) {
      data[o] = (src[a]! + src[a + 1]! + src[b]! + src[b + 1]! + 2) >> 2;
    }
  }
  return { image: { data, width, height }, x: left, y: top };
}

/** The image turned by 180° (an upside-down page put right). */
export function rotate180(img: GrayImage): GrayImage {
  const data = new Uint8Array(img.data.length);
  for (let i = 0, n = data.length; i < n; i++) data[i] = img.data[n - 1 - i]!;
  return { data, width: img.width, height: img.height };
}

/** Otsu's threshold of the given pixels: the gray level that best splits them into two classes. */
export function otsuThreshold(data: Uint8Array): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < data.length; i++) hist[data[i]!]!++;
  let sum = 0;
  for (let v = 0; v < 256; v++) sum += v * hist[v]!;
  let sumB = 0;
  let weightB = 0;
  let best = 0;
  let threshold = 128;
  for (let v = 0; v < 256; v++) {
    weightB += hist[v]!;
    if (weightB === 0) continue;
    const weightF = data.length - weightB;
    if (weightF === 0) break;
    sumB += v * hist[v]!;
    const mB = sumB / weightB;
    const mF = (sum - sumB) / weightF;
    const between = weightB * weightF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      threshold = v;
    }
  }
  return threshold;
}

/** Bilinear-free lookup: the pixel nearest to (x, y), or white outside the image. */
export function pixelAt(img: GrayImage, x: number, y: number): number {
  const xi = Math.round(x);
  const yi = Math.round(y);
  if (xi < 0 || yi < 0 || xi >= img.width || yi >= img.height) return 255;
  return img.data[yi * img.width + xi]!;
}
