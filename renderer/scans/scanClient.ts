/**
 * Reads a stack of scan files in the scans worker: image files go to the worker as bytes; PDF pages are
 * rasterized here at 200 dpi by pdfjs (loaded only now; it renders in short slices, so the window stays
 * live), and handed over as bitmaps, a couple of pages ahead of the reader. Cancelling ends the worker.
 */
import type { PageNote, ScanOutcome, ScanSetup } from '../../shared/omr/scanSession';
import type { PickedFile } from '../ballots/ballotRepo';
import type { ScanReply, ScanRequest } from './scanProtocol';

const DPI = 200;
/** Pages handed to the worker and not read yet. */
const AHEAD = 2;

export interface ScanProgress {
  done: number;
  total: number;
  last: PageNote | null;
}

export interface ScanRun {
  outcome: ScanOutcome;
  /** Files that are not scans at all (read as nothing). */
  unreadable: PageNote[];
}

const cancelled = () => new DOMException('Отменено', 'AbortError');

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

const isPdf = (name: string) => /\.pdf$/i.test(name);

export async function readScans(
  setup: ScanSetup,
  files: readonly PickedFile[],
  ctl: { signal: AbortSignal; onProgress: (p: ScanProgress) => void },
): Promise<ScanRun> {
  const { signal } = ctl;
  signal.throwIfAborted();
  const worker = new Worker(new URL('./scans.worker.ts', import.meta.url), { type: 'module' });
  const docs: { destroy: () => Promise<void> }[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  let ready = false;
  let outcome: ScanOutcome | null = null;
  let inFlight = 0;
  const unreadable: PageNote[] = [];
  const progress: ScanProgress = { done: 0, total: 0, last: null };
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  worker.onmessage = (e: MessageEvent<ScanReply>) => {
    const m = e.data;
    if (m.type === 'ready') ready = true;
    else if (m.type === 'done') outcome = m.outcome;
    else if (m.type === 'failed') failure = new Error(m.message);
    else {
      inFlight--;
      for (const n of m.notes) {
        progress.done++;
        progress.last = n;
        if (!n.source.includes(':')) unreadable.push(n);
      }
      ctl.onProgress({ ...progress });
    }
    poke();
  };
  worker.onerror = (e) => {
    e.preventDefault();
    failure = new Error(e.message || 'сбой чтения сканов');
    poke();
  };
  const onAbort = () => poke();
  signal.addEventListener('abort', onAbort);
  /** Waits until `done()` holds (or the run fails or is cancelled). */
  const until = async (done: () => boolean) => {
    while (!done()) {
      if (signal.aborted) throw signal.reason ?? cancelled();
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    if (signal.aborted) throw signal.reason ?? cancelled();
  };
  const send = (m: ScanRequest, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
  try {
    send({ type: 'start', setup });
    const lib = files.some((f) => isPdf(f.name)) ? await loadPdfJs() : null;
    const opened = [];
    for (const f of files) {
      if (lib && isPdf(f.name)) {
        // pdfjs takes the bytes over: a copy, the file itself is stored with the ballots.
        const doc = await lib.getDocument({ data: f.bytes.slice(), isEvalSupported: false }).promise;
        docs.push(doc);
        opened.push({ file: f, doc });
        progress.total += doc.numPages;
      } else {
        opened.push({ file: f, doc: null });
        progress.total += 1;
      }
    }
    ctl.onProgress({ ...progress });
    await until(() => ready);
    const canvas = document.createElement('canvas');
    for (const { file, doc } of opened) {
      if (!doc) {
        await until(() => inFlight < AHEAD);
        inFlight++;
        send({ type: 'file', name: file.name, bytes: file.bytes });
        continue;
      }
      for (let p = 1; p <= doc.numPages; p++) {
        const page = await doc.getPage(p);
        const viewport = page.getViewport({ scale: DPI / 72 });
        canvas.width = Math.round(viewport.width);
        canvas.height = Math.round(viewport.height);
        const context = canvas.getContext('2d')!;
        await page.render({ canvasContext: context, viewport }).promise;
        page.cleanup();
        const bitmap = await createImageBitmap(canvas);
        await until(() => inFlight < AHEAD);
        inFlight++;
        send({ type: 'bitmap', source: `${file.name}:${p}`, bitmap }, [bitmap]);
      }
    }
    send({ type: 'finish' });
    await until(() => outcome !== null);
    return { outcome: outcome!, unreadable };
  } finally {
    signal.removeEventListener('abort', onAbort);
    worker.terminate();
    for (const d of docs) void d.destroy();
  }
}
