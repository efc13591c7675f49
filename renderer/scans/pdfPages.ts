/// <reference lib="webworker" />
/**
 * PDF pages as gray images, inside the scans worker. A scanner's or copier's PDF holds each page as
 * one image (shared/omr/pdfImages): its JPEG is decoded by the browser (createImageBitmap, a page or
 * two ahead of the reading), its Flate samples by shared/omr/embeddedGray, and the page is taken as
 * it is, without rendering. Any other page (the app's own ballots PDF, a CCITT or JBIG2 scan, an image
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

/** The embedded image's gray pixels (null when they do not decode). */
async function decodedGray(image: EmbeddedImage, jpeg: Promise<ImageBitmap | null> | undefined) {
  if (image.filter !== 'DCTDecode') {
    try {
      return sampledGray(image);
    } catch {
      return null;
    }
  }
  const bitmap = await jpeg;
  return bitmap ? bitmapGray(bitmap) : null;
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
    const jpegs = new Map<number, Promise<ImageBitmap | null>>();
    const decode = (i: number) => {
      const image = images?.[i];
      if (image?.filter !== 'DCTDecode' || jpegs.has(i)) return;
      const blob = new Blob([image.bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' });
      const options = { imageOrientation: 'none', colorSpaceConversion: 'none' } as const;
      jpegs.set(
        i,
        createImageBitmap(blob, options).catch(() => null),
      );
    };
    try {
      for (let i = 0; i < pages; i++) {
        for (let k = i; k <= i + DECODE_AHEAD && k < pages; k++) decode(k);
        const image = images?.[i];
        const gray = image ? await decodedGray(image, jpegs.get(i)) : null;
        jpegs.delete(i);
        let page = image && gray ? embeddedPage(image, gray) : null;
        if (!page) {
          doc ??= openPdfJs(bytes);
          page = await renderPage(await doc, i + 1, canvas);
        }
        yield { source: `${name}:${i + 1}`, image: page };
      }
    } finally {
      for (const bitmap of jpegs.values()) void bitmap.then((b) => b?.close());
      if (doc)
        await doc.then(
          (d) => d.destroy(),
          () => undefined,
        );
    }
  }
  return { pages, read };
}
