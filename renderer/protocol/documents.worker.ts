/// <reference lib="webworker" />
// Builds the protocol PDF and the results workbook off the main thread, reporting progress, so the
// window stays responsive on a 5,000-participant appendix.
import { createDocumentHandler, type DocumentRequest, type DocumentResponse } from './documentHandler';
import { fetchPtSansFonts } from './ptSansFonts';

const handle = createDocumentHandler(fetchPtSansFonts);
const post = (message: DocumentResponse, transfer: Transferable[] = []) =>
  self.postMessage(message, transfer);

self.onmessage = async (e: MessageEvent<DocumentRequest>) => {
  const { id, kind, model } = e.data;
  try {
    const bytes = await handle(kind, model, (done, total) => post({ id, type: 'progress', done, total }));
    post({ id, type: 'done', bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    post({ id, type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
