/**
 * Reads a stack of scan files in the scans worker: every file goes to the worker as bytes, and the
 * worker decodes it (a PDF rasterized there by pdfjs on an OffscreenCanvas), so the window's thread
 * only posts files and shows progress. Cancelling ends the worker.
 */
import type { PageNote, ScanOutcome, ScanSetup } from '../../shared/omr/scanSession';
import type { PickedFile } from '../ballots/ballotRepo';
import type { ScanReply, ScanRequest } from './scanProtocol';

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

export async function readScans(
  setup: ScanSetup,
  files: readonly PickedFile[],
  ctl: { signal: AbortSignal; onProgress: (p: ScanProgress) => void },
): Promise<ScanRun> {
  const { signal } = ctl;
  signal.throwIfAborted();
  const worker = new Worker(new URL('./scans.worker.ts', import.meta.url), { type: 'module' });
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  let outcome: ScanOutcome | null = null;
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
    if (m.type === 'done') outcome = m.outcome;
    else if (m.type === 'failed') failure = new Error(m.message);
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
    send({ type: 'start', setup });
    for (const f of files) send({ type: 'file', name: f.name, bytes: f.bytes });
    send({ type: 'finish' });
    while (outcome === null) {
      if (signal.aborted) throw signal.reason ?? cancelled();
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    if (signal.aborted) throw signal.reason ?? cancelled();
    return { outcome, unreadable };
  } finally {
    signal.removeEventListener('abort', onAbort);
    worker.terminate();
  }
}
