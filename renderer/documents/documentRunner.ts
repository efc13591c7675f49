/**
 * Runs document jobs in the documents Web Worker (started on first use, jobs told apart by id), or on
 * the main thread where there are no workers (tests). A job resolves with the document's bytes and
 * rejects with the signal's reason (an AbortError) when cancelled, or with an Error saying what failed.
 */
import type { PdfFonts } from '../../shared/documents/pdfFont';
import type { DocumentJob, DocumentReply, DocumentRequest, JobControl } from './documentJob';
import { createWorkerClient, WorkerFailed } from '../workers/workerClient';

export interface DocumentRunner {
  run(job: DocumentJob, ctl?: JobControl): Promise<Uint8Array>;
  /** Ends the worker; jobs still running reject with an AbortError. */
  dispose(): void;
}

type DocumentCommand = DocumentRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

function workerRunner(): DocumentRunner {
  const client = createWorkerClient<DocumentCommand, DocumentReply>(
    () => new Worker(new URL('./documents.worker.ts', import.meta.url), { type: 'module' }),
    { restartAfterFailure: true },
  );
  return {
    run: (job, { onProgress, signal } = {}) =>
      client
        .call<Uint8Array>(
          { type: 'run', job },
          (m) => {
            if (m.type === 'progress') onProgress?.(m.done, m.total);
            else if (m.type === 'done') return { value: m.bytes };
            else throw new Error(m.message);
            return undefined;
          },
          { signal, cancel: (id) => ({ type: 'cancel', id }) },
        )
        .catch((e: unknown) => {
          throw e instanceof WorkerFailed ? new Error(e.message || 'сбой обработчика документов') : e;
        }),
    dispose: () => client.dispose(),
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
