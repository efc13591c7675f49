/// <reference lib="webworker" />
// Reads scanned ballots off the main thread: reads the picked files, builds the voters' sheet layouts,
// decodes image files (PNG/JPEG through the browser, TIFF through utif2) and PDF pages (a copier's
// images as embedded, or pdfjs: pdfPages.ts), and reads each page with shared/omr. Messages are handled one at
// a time, in order; a page's note is posted as soon as it is read. When the screen asks, the files are
// stored here too, once the last page is read (scanRepo's storeScanFiles: one transaction with their
// audit entries), so the window's thread never serializes a file of many megabytes into IndexedDB.
import { readNewest } from '../audit/auditLog';
import { GolosDb } from '../db/db';
import type { PickedFile } from '../ballots/ballotRepo';
import { rgbaToGray, type GrayImage } from '../../shared/omr/gray';
import { decodeQrJs } from '../../shared/omr/qrRead';
import { ScanSession, type ScanSetup } from '../../shared/omr/scanSession';
import { loadPdfFonts } from '../documents/pdfFonts';
import { bitmapGray, openPdf } from './pdfPages';
import type { ScanFileStore, ScanReply, ScanRequest, StoredScanFiles } from './scanProtocol';
import { storeScanFiles } from './scanRepo';
import { withCropFiles } from './cropFiles';

const post = (m: ScanReply, transfer: Transferable[] = []) => self.postMessage(m, transfer);
let session: ScanSession | null = null;
/** The reading's setup and store, and the files read so far (kept to be stored at the end). */
let stack: { setup: ScanSetup; store: ScanFileStore | null; files: PickedFile[] } | null = null;
let queue: Promise<void> = Promise.resolve();

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

/** The files stored as the meeting's scans (with their audit entries), and the trail's head after. */
async function store(to: ScanFileStore, setup: ScanSetup, files: PickedFile[]): Promise<StoredScanFiles> {
  const db = new GolosDb(to.dbName);
  try {
    const ids = await storeScanFiles(
      db,
      { meeting: setup.meeting, registry: setup.registry, by: to.by },
      files,
    );
    const head = (await readNewest(db, 1))[0];
    return { ids: [...ids], head: head ? { seq: head.seq, hash: head.hash, at: head.at } : null };
  } finally {
    db.close();
  }
}

async function handle(msg: ScanRequest): Promise<void> {
  if (msg.type === 'start') {
    session = await ScanSession.open(msg.setup, await loadPdfFonts(), decodeQrJs);
    stack = { setup: msg.setup, store: msg.store ?? null, files: [] };
    post({ type: 'ready' });
    return;
  }
  if (!session || !stack) throw new Error('чтение сканов не начато');
  if (msg.type === 'finish') {
    // The cards' crops leave as PNG files in one Blob: the window stores and shows them, never pixels.
    const outcome = withCropFiles(session.finish());
    const { setup, store: to, files } = stack;
    session = null;
    stack = null;
    const stored = to ? await store(to, setup, files) : null;
    post({ type: 'done', outcome, stored });
    return;
  }
  const name = msg.file.name;
  const bytes = new Uint8Array(await msg.file.arrayBuffer());
  if (stack.store) stack.files.push({ name, bytes });
  const unreadable = (message: string) =>
    post({ type: 'pages', notes: [{ source: name, read: false, message }] });
  if (/\.pdf$/i.test(name)) {
    const pdf = await openPdf(name, bytes).catch(() => ({ problem: 'файл PDF не читается' }));
    if ('problem' in pdf) return unreadable(pdf.problem);
    post({ type: 'pdf', name, pages: pdf.pages });
    for await (const page of pdf.read()) post({ type: 'pages', notes: [await session.addPage(page)] });
    return;
  }
  const pages = await filePages(name, bytes).catch(() => null);
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
