/// <reference lib="webworker" />
// Builds a meeting's PDF off the main thread, reporting progress; the page ends it to cancel.
import { buildDocument, type DocumentMessage, type DocumentRequest } from './documentJob';
import { loadPdfFonts } from './pdfFonts';

const post = (m: DocumentMessage, transfer: Transferable[] = []) => self.postMessage(m, transfer);

self.onmessage = async (e: MessageEvent<DocumentRequest>) => {
  try {
    const fonts = await loadPdfFonts();
    let last = 0;
    const bytes = await buildDocument(e.data.job, fonts, {
      onProgress: (done, total) => {
        const now = performance.now();
        // At most ~20 updates a second, plus the first and the last.
        if (done === 0 || done === total || now - last > 50) {
          last = now;
          post({ type: 'progress', done, total });
        }
      },
    });
    post({ type: 'done', bytes }, [bytes.buffer]);
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
