/// <reference lib="webworker" />
// Reads scanned ballots off the main thread: builds the voters' sheet layouts, decodes image files
// (PNG/JPEG through the browser, TIFF through utif2) and rasterizes PDF pages (pdfjs on an
// OffscreenCanvas, pdfPages.ts), and reads each page with shared/omr. Messages are handled one at a
// time, in order; a page's note is posted as soon as it is read.
import { rgbaToGray, type GrayImage } from '../../shared/omr/gray';
import { decodeQrJs } from '../../shared/omr/qrRead';
import { ScanSession } from '../../shared/omr/scanSession';
import { loadPdfFonts } from '../documents/pdfFonts';
import { openPdf } from './pdfPages';
import type { ScanReply, ScanRequest } from './scanProtocol';

const post = (m: ScanReply, transfer: Transferable[] = []) => self.postMessage(m, transfer);
let session: ScanSession | null = null;
let queue: Promise<void> = Promise.resolve();

function bitmapGray(bitmap: ImageBitmap): GrayImage {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return rgbaToGray(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
}

async function filePages(name: string, bytes: Uint8Array): Promise<{ source: string; image: GrayImage }[]> {
  if (/\.tiff?$/i.test(name)) {
    const mod = await import('utif2');
    const UTIF = (mod as unknown as { default?: typeof mod }).default ?? mod;
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const ifds = UTIF.decode(buffer);
    return ifds.map((ifd, i) => {
      UTIF.decodeImage(buffer, ifd);
      return { source: `${name}:${i + 1}`, image: rgbaToGray(UTIF.toRGBA8(ifd), ifd.width, ifd.height) };
    });
  }
  const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  return [{ source: `${name}:1`, image: bitmapGray(bitmap) }];
}

async function handle(msg: ScanRequest): Promise<void> {
  if (msg.type === 'start') {
    session = await ScanSession.open(msg.setup, await loadPdfFonts(), decodeQrJs);
    post({ type: 'ready' });
    return;
  }
  if (!session) throw new Error('чтение сканов не начато');
  if (msg.type === 'finish') {
    const outcome = session.finish();
    session = null;
    post(
      { type: 'done', outcome },
      outcome.cards.flatMap((c) => (c.crop ? [c.crop.data.buffer as ArrayBuffer] : [])),
    );
    return;
  }
  const unreadable = (message: string) =>
    post({ type: 'pages', notes: [{ source: msg.name, read: false, message }] });
  if (/\.pdf$/i.test(msg.name)) {
    const pdf = await openPdf(msg.name, msg.bytes).catch(() => null);
    if (!pdf) return unreadable('файл PDF не читается');
    post({ type: 'pdf', name: msg.name, pages: pdf.pages });
    for await (const page of pdf.read()) post({ type: 'pages', notes: [await session.addPage(page)] });
    return;
  }
  const pages = await filePages(msg.name, msg.bytes).catch(() => null);
  if (!pages) return unreadable('файл не читается как изображение');
  const notes = [];
  for (const page of pages) notes.push(await session.addPage(page));
  post({ type: 'pages', notes });
}

self.onmessage = (e: MessageEvent<ScanRequest>) => {
  queue = queue
    .then(() => handle(e.data))
    .catch((error: unknown) =>
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
};
