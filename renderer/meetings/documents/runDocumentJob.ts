/**
 * Runs a document job in a Web Worker (one per job, ended on cancel), or on the main thread where there
 * are no workers (tests). Resolves with the PDF bytes; rejects with an AbortError when cancelled.
 */
import type { DocumentJob, DocumentMessage } from './documentJob';

export interface JobControl {
  onProgress: (done: number, total: number) => void;
  signal: AbortSignal;
}

function aborted(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('Отменено', 'AbortError');
}

function inWorker(job: DocumentJob, ctl: JobControl): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    if (ctl.signal.aborted) {
      reject(aborted(ctl.signal));
      return;
    }
    const worker = new Worker(new URL('./documents.worker.ts', import.meta.url), { type: 'module' });
    const finish = () => {
      worker.terminate();
      ctl.signal.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(aborted(ctl.signal));
    };
    ctl.signal.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<DocumentMessage>) => {
      const m = e.data;
      if (m.type === 'progress') ctl.onProgress(m.done, m.total);
      else if (m.type === 'done') {
        finish();
        resolve(m.bytes);
      } else {
        finish();
        reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      finish();
      reject(new Error(e.message || 'сбой обработчика документов'));
    };
    worker.postMessage({ job });
  });
}

async function inline(job: DocumentJob, ctl: JobControl): Promise<Uint8Array> {
  const [{ buildDocument }, { loadPdfFonts }] = await Promise.all([
    import('./documentJob'),
    import('./pdfFonts'),
  ]);
  return buildDocument(job, await loadPdfFonts(), { onProgress: ctl.onProgress, signal: ctl.signal });
}

export function runDocumentJob(job: DocumentJob, ctl: JobControl): Promise<Uint8Array> {
  return typeof Worker === 'undefined' ? inline(job, ctl) : inWorker(job, ctl);
}
