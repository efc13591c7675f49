/**
 * Reads a stack of scan files in the scans worker: every file goes to the worker as the picked File (a
 * Blob: nothing is copied), and the worker reads and decodes it (a PDF rasterized there by pdfjs on an
 * OffscreenCanvas) and, given a store, stores the files once the stack is read, so the window's thread
 * only posts files and shows progress. Cancelling ends the worker (a store not yet committed is undone).
 */
import type { PageNote, ScanSetup } from '../../shared/omr/scanSession';
import type { StoredScanOutcome } from '../db/records';
import type { ScanFileStore, ScanReply, ScanRequest, StoredScanFiles } from './scanProtocol';

export interface ScanProgress {
  done: number;
  total: number;
  last: PageNote | null;
}

export interface ScanRun {
  outcome: StoredScanOutcome;
  /** Files that are not scans at all (read as nothing). */
  unreadable: PageNote[];
}

const cancelled = () => new DOMException('Отменено', 'AbortError');

export async function readScans(
  setup: ScanSetup,
  files: readonly File[],
  ctl: { signal: AbortSignal; onProgress: (p: ScanProgress) => void; store?: ScanFileStore },
): Promise<ScanRun & { stored: StoredScanFiles | null }> {
  const { signal } = ctl;
  signal.throwIfAborted();
  const worker = new Worker(new URL('./scans.worker.ts', import.meta.url), { type: 'module' });
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  let outcome: StoredScanOutcome | null = null;
  let stored: StoredScanFiles | null = null;
  const unreadable: PageNote[] = [];
  // Each file counts as one page until the worker says how many a PDF has.
  const progress: ScanProgress = { done: 0, total: files.length, last: null };
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  worker.onmessage = (e: MessageEvent<ScanReply>) => {
    const m = e.data;
    if (m.type === 'done') {
      outcome = m.outcome;
      stored = m.stored;
    } else if (m.type === 'failed') failure = new Error(m.message);
    else if (m.type === 'pdf') {
      progress.total += m.pages - 1;
      ctl.onProgress({ ...progress });
    } else if (m.type === 'pages') {
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
  const send = (m: ScanRequest) => worker.postMessage(m);
  try {
    ctl.onProgress({ ...progress });
    send({ type: 'start', setup, ...(ctl.store ? { store: ctl.store } : {}) });
    for (const file of files) send({ type: 'file', file });
    send({ type: 'finish' });
    while (outcome === null) {
      if (signal.aborted) throw signal.reason ?? cancelled();
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    if (signal.aborted) throw signal.reason ?? cancelled();
    return { outcome, unreadable, stored };
  } finally {
    signal.removeEventListener('abort', onAbort);
    worker.terminate();
  }
}
