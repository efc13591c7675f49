/// <reference lib="webworker" />
// Builds the documents (documentJob.ts) off the main thread, so the window stays responsive on
// thousands of ballots or appendix rows: reports each job's progress and stops a job the page cancels.
import { buildDocument, type DocumentReply, type DocumentRequest } from './documentJob';
import { loadPdfFonts } from './pdfFonts';

const post = (m: DocumentReply, transfer: Transferable[] = []) => self.postMessage(m, transfer);
const running = new Map<number, AbortController>();

self.onmessage = async (e: MessageEvent<DocumentRequest>) => {
  const msg = e.data;
  if (msg.type === 'cancel') {
    running.get(msg.id)?.abort();
    return;
  }
  const { id, job } = msg;
  const controller = new AbortController();
  running.set(id, controller);
  let last = 0;
  try {
    const bytes = await buildDocument(job, loadPdfFonts, {
      signal: controller.signal,
      onProgress: (done, total) => {
        const now = performance.now();
        // At most ~20 updates a second, plus the first and the last.
        if (done === 0 || done === total || now - last > 50) {
          last = now;
          post({ id, type: 'progress', done, total });
        }
      },
    });
    // A cancelled job's page has stopped listening.
    if (!controller.signal.aborted) post({ id, type: 'done', bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    if (!controller.signal.aborted) {
      post({ id, type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  } finally {
    running.delete(id);
  }
};
