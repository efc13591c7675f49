/** A QR code for the PDF builders: its module matrix (qrcode, loaded on first use) and its rectangles. */
type Rect = readonly [x: number, y: number, w: number, h: number];

export interface QrModules {
  size: number;
  data: ArrayLike<boolean | number>;
}

/** The module matrix of `text` at error correction level M. */
export async function qrModules(text: string): Promise<QrModules> {
  const qrcode = await import('qrcode');
  // CommonJS package: named export under Node's and Vite's interop alike, else on `default`.
  const create = qrcode.create ?? (qrcode as unknown as { default: typeof qrcode }).default.create;
  return create(text, { errorCorrectionLevel: 'M' }).modules;
}

/** The matrix as rectangles, one per horizontal run of dark modules, `side` mm square at (x, y). */
export function qrRects(modules: QrModules, x: number, y: number, side: number): Rect[] {
  const n = modules.size;
  const m = side / n;
  const rects: Rect[] = [];
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!modules.data[r * n + c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && modules.data[r * n + c]) c++;
      // A hair of overlap downwards avoids white seams between rows in some rasterizers.
      rects.push([x + start * m, y + r * m, (c - start) * m, m + 0.02]);
    }
  }
  return rects;
}
