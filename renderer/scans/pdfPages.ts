/// <reference lib="webworker" />
/**
 * PDF pages as gray images, rasterized inside the scans worker: pdfjs (loaded only for a PDF) draws
 * each page at 200 dpi on an OffscreenCanvas, so the window's thread never renders a page. pdfjs's
 * own canvases come from an OffscreenCanvas factory (its default one needs a document), and text is
 * drawn as outlines (no FontFace, which needs a document too).
 */
import { rgbaToGray, type GrayImage } from '../../shared/omr/gray';

const DPI = 200;

type PdfJs = typeof import('pdfjs-dist');
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

/** An opened PDF: its page count, and its pages one at a time (`file:page` sources). */
export async function openPdf(
  name: string,
  bytes: Uint8Array,
): Promise<{ pages: number; read: () => AsyncGenerator<{ source: string; image: GrayImage }> }> {
  const lib = await loadPdfJs();
  const doc = await lib.getDocument({
    // pdfjs takes the bytes over: a copy, the file itself is stored with the ballots.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    isOffscreenCanvasSupported: true,
    CanvasFactory: OffscreenCanvasFactory,
  }).promise;
  async function* read() {
    const canvas = new OffscreenCanvas(1, 1);
    try {
      for (let p = 1; p <= doc.numPages; p++) {
        const page = await doc.getPage(p);
        const viewport = page.getViewport({ scale: DPI / 72 });
        canvas.width = Math.round(viewport.width);
        canvas.height = Math.round(viewport.height);
        const context = canvas.getContext('2d', { willReadFrequently: true })!;
        await page.render({ canvasContext: context as unknown as CanvasRenderingContext2D, viewport })
          .promise;
        page.cleanup();
        const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
        yield { source: `${name}:${p}`, image: rgbaToGray(data, width, height) };
      }
    } finally {
      await doc.destroy();
    }
  }
  return { pages: doc.numPages, read };
}
