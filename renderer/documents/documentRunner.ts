/**
 * Runs document jobs in the documents Web Worker (started on first use, jobs told apart by id), or on
 * the main thread where there are no workers (tests). A job resolves with the document's bytes and
 * rejects with the signal's reason (an AbortError) when cancelled, or with an Error saying what failed.
 */
import type { PdfFonts } from '../../shared/documents/pdfFont';
import type { DocumentJob, DocumentReply, DocumentRequest, JobControl } from './documentJob';

export interface DocumentRunner {
  run(job: DocumentJob, ctl?: JobControl): Promise<Uint8Array>;
  /** Ends the worker; jobs still running reject with an AbortError. */
  dispose(): void;
}

const cancelled = () => new DOMException('Отменено', 'AbortError');

interface Pending {
  onProgress?: ((done: number, total: number) => void) | undefined;
  resolve: (bytes: Uint8Array) => void;
  reject: (error: unknown) => void;
}

function workerRunner(): DocumentRunner {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const failAll = (error: unknown) => {
    for (const job of [...pending.values()]) job.reject(error);
  };
  const start = (): Worker => {
    const w = new Worker(new URL('./documents.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<DocumentReply>) => {
      const m = e.data;
      const job = pending.get(m.id);
      if (!job) return; // cancelled meanwhile
      if (m.type === 'progress') job.onProgress?.(m.done, m.total);
      else if (m.type === 'done') job.resolve(m.bytes);
      else job.reject(new Error(m.message));
    };
    w.onerror = (e) => {
      e.preventDefault();
      w.terminate();
      worker = null;
      failAll(new Error(e.message || 'сбой обработчика документов'));
    };
    return w;
  };
  return {
    run(job, { onProgress, signal } = {}) {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason ?? cancelled());
          return;
        }
        const w = (worker ??= start());
        const id = nextId++;
        const settle = () => {
          pending.delete(id);
          signal?.removeEventListener('abort', onAbort);
        };
        const onAbort = () => {
          settle();
          w.postMessage({ type: 'cancel', id } satisfies DocumentRequest);
          reject(signal?.reason ?? cancelled());
        };
        pending.set(id, {
          onProgress,
          resolve: (bytes) => {
            settle();
            resolve(bytes);
          },
          reject: (error) => {
            settle();
            reject(error);
          },
        });
        signal?.addEventListener('abort', onAbort);
        w.postMessage({ type: 'run', id, job } satisfies DocumentRequest);
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      failAll(cancelled());
    },
  };
}

/** The same jobs on the main thread; the builders still load lazily. */
export function inlineDocumentRunner(loadFonts: () => Promise<PdfFonts>): DocumentRunner {
  return {
    async run(job, ctl = {}) {
      ctl.signal?.throwIfAborted();
      const { buildDocument } = await import('./documentJob');
      return buildDocument(job, loadFonts, ctl);
    },
    dispose() {},
  };
}

export function createDocumentRunner(): DocumentRunner {
  if (typeof Worker !== 'undefined') return workerRunner();
  return inlineDocumentRunner(() => import('./pdfFonts').then((m) => m.loadPdfFonts()));
}

/**
 * One job in a worker of its own, ended as soon as the job is done or cancelled (a meeting's notice and
 * ballots: cancelling frees the worker at once).
 */
export async function runDocumentJob(job: DocumentJob, ctl: Required<JobControl>): Promise<Uint8Array> {
  const runner = createDocumentRunner();
  try {
    return await runner.run(job, ctl);
  } finally {
    runner.dispose();
  }
}
