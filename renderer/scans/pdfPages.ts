/// <reference lib="webworker" />
/**
 * PDF pages as gray images, inside the scans worker. A scanner's or copier's PDF holds each page as
 * one image (shared/omr/pdfImages): its JPEG is decoded by the browser (WebCodecs' ImageDecoder, a
 * page or two ahead of the reading), its Flate samples by shared/omr/embeddedGray, and the page is
 * taken as it is, without rendering. Any other page (the app's own ballots PDF, a CCITT or JBIG2 scan, an image
 * that does not decode) is rasterized by pdfjs (loaded only then) at 200 dpi on an OffscreenCanvas,
 * so the window's thread never renders a page. pdfjs's own canvases come from an OffscreenCanvas
 * factory (its default one needs a document), and text is drawn as outlines (no FontFace, which needs
 * a document too).
 */
import { embeddedPage, sampledGray } from '../../shared/omr/embeddedGray';
import { rgbaToGray, type GrayImage } from '../../shared/omr/gray';
import { pdfPageImages, type EmbeddedImage } from '../../shared/omr/pdfImages';

const DPI = 200;
/** JPEG pages being decoded ahead of the one being read. */
const DECODE_AHEAD = 2;

type PdfJs = typeof import('pdfjs-dist');
type PdfDoc = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
let pdfjs: Promise<PdfJs> | undefined;
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(
    ([lib, worker]) => {
      lib.GlobalWorkerOptions.workerSrc = worker.default;
      return lib;
    },
  );
  return pdfjs;
}

interface CanvasAndContext {
  canvas: OffscreenCanvas | null;
  context: OffscreenCanvasRenderingContext2D | null;
}

/** pdfjs's canvas factory interface (create, reset, destroy) over OffscreenCanvas. */
class OffscreenCanvasFactory {
  create(width: number, height: number): CanvasAndContext {
    const canvas = new OffscreenCanvas(width, height);
    return { canvas, context: canvas.getContext('2d', { willReadFrequently: true }) };
  }
  reset(c: CanvasAndContext, width: number, height: number): void {
    c.canvas!.width = width;
    c.canvas!.height = height;
  }
  destroy(c: CanvasAndContext): void {
    c.canvas!.width = 0;
    c.canvas!.height = 0;
    c.canvas = null;
    c.context = null;
  }
}

/** A decoded image's pixels in gray (the bitmap is closed). */
export function bitmapGray(bitmap: ImageBitmap): GrayImage {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return rgbaToGray(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
}

async function openPdfJs(bytes: Uint8Array): Promise<PdfDoc> {
  const lib = await loadPdfJs();
  return lib.getDocument({
    // pdfjs takes the bytes over: a copy, the file itself is stored with the ballots.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    isOffscreenCanvasSupported: true,
    CanvasFactory: OffscreenCanvasFactory,
  }).promise;
}

/** Page `p` (1-based) rendered by pdfjs at 200 dpi, in gray. */
async function renderPage(doc: PdfDoc, p: number, canvas: OffscreenCanvas): Promise<GrayImage> {
  const page = await doc.getPage(p);
  const viewport = page.getViewport({ scale: DPI / 72 });
  canvas.width = Math.round(viewport.width);
  canvas.height = Math.round(viewport.height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  await page.render({ canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
  page.cleanup();
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  return rgbaToGray(data, width, height);
}

/** Frame formats whose first plane is luma: a JPEG's Y, its gray as the JFIF weights give it. */
const LUMA_FIRST = new Set(['I420', 'I420A', 'I422', 'I444', 'NV12']);

/** The decoded frame's luma plane as a gray image, or null for a frame of another format. */
async function lumaOf(frame: VideoFrame): Promise<GrayImage | null> {
  if (!LUMA_FIRST.has(frame.format ?? '')) return null;
  const { width, height } = frame.visibleRect ?? { width: 0, height: 0 };
  const buffer = new Uint8Array(frame.allocationSize());
  const [luma] = await frame.copyTo(buffer);
  if (!luma || width === 0) return null;
  if (luma.stride === width)
    return { data: buffer.subarray(luma.offset, luma.offset + width * height), width, height };
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    data.set(
      buffer.subarray(luma.offset + y * luma.stride, luma.offset + y * luma.stride + width),
      y * width,
    );
  return { data, width, height };
}

/**
 * A JPEG's gray pixels: the luma plane WebCodecs' ImageDecoder gives (no colour conversion, no canvas:
 * several times faster than a bitmap drawn and read back), else through createImageBitmap; null when
 * it does not decode. EXIF orientation is not applied, as PDF viewers do not apply it.
 */
async function jpegGray(bytes: Uint8Array): Promise<GrayImage | null> {
  const data = bytes as Uint8Array<ArrayBuffer>;
  if (typeof ImageDecoder !== 'undefined') {
    try {
      const decoder = new ImageDecoder({ data, type: 'image/jpeg', colorSpaceConversion: 'none' });
      try {
        const { image } = await decoder.decode();
        try {
          const gray = await lumaOf(image);
          if (gray) return gray;
        } finally {
          image.close();
        }
      } finally {
        decoder.close();
      }
    } catch {
      // Not decoded this way: the bitmap below.
    }
  }
  const options = { imageOrientation: 'none', colorSpaceConversion: 'none' } as const;
  const bitmap = await createImageBitmap(new Blob([data], { type: 'image/jpeg' }), options).catch(() => null);
  return bitmap ? bitmapGray(bitmap) : null;
}

/** The embedded image's gray pixels (null when they do not decode). */
function decodedGray(image: EmbeddedImage): Promise<GrayImage | null> {
  if (image.filter === 'DCTDecode') return jpegGray(image.bytes);
  try {
    return Promise.resolve(sampledGray(image));
  } catch {
    return Promise.resolve(null);
  }
}

export type OpenedPdf =
  { pages: number; read: () => AsyncGenerator<{ source: string; image: GrayImage }> } | { problem: string };

/** An opened PDF: its page count and its pages one at a time (`file:page` sources), or why not. */
export async function openPdf(name: string, bytes: Uint8Array): Promise<OpenedPdf> {
  const found = pdfPageImages(bytes, name);
  // Not read here (pdfjs repairs more): every page rendered, or the problem shown if pdfjs fails too.
  const images = found.ok ? found.value : null;
  let doc: Promise<PdfDoc> | null = images ? null : openPdfJs(bytes);
  const pages = images ? images.length : await doc!.then((d) => d.numPages).catch(() => -1);
  if (pages < 0) return { problem: found.ok ? 'файл PDF не читается' : found.error[0]!.message };
  async function* read() {
    const canvas = new OffscreenCanvas(1, 1);
    // JPEG pages decoded ahead of the reading (the browser decodes off this thread).
    const ahead = new Map<number, Promise<GrayImage | null>>();
    try {
      for (let i = 0; i < pages; i++) {
        for (let k = i; k <= i + DECODE_AHEAD && k < pages; k++) {
          const image = images?.[k];
          if (image?.filter === 'DCTDecode' && !ahead.has(k)) ahead.set(k, decodedGray(image));
        }
        const image = images?.[i];
        const gray = image ? await (ahead.get(i) ?? decodedGray(image)) : null;
        ahead.delete(i);
        let page = image && gray ? embeddedPage(image, gray) : null;
        if (!page) {
          doc ??= openPdfJs(bytes);
          page = await renderPage(await doc, i + 1, canvas);
        }
        yield { source: `${name}:${i + 1}`, image: page };
      }
    } finally {
      if (doc)
        await doc.then(
          (d) => d.destroy(),
          () => undefined,
        );
    }
  }
  return { pages, read };
}
