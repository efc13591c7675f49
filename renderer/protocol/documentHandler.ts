/**
 * Builds the protocol's documents from its model: the PDF (with progress through the appendix rows) or
 * the results workbook. Runs in the documents worker; the same handler runs on the main thread where
 * there is no Worker (tests). The builders load lazily: jsPDF and exceljs never reach the initial bundle.
 */
import type { PdfFonts } from '../../shared/documents/pdfFont';
import type { ProtocolModel } from '../../shared/documents/protocolModel';

export type DocumentKind = 'pdf' | 'xlsx';

export type DocumentProgress = (done: number, total: number) => void;

export type DocumentHandler = (
  kind: DocumentKind,
  model: ProtocolModel,
  onProgress?: DocumentProgress,
) => Promise<Uint8Array>;

export function createDocumentHandler(loadFonts: () => Promise<PdfFonts>): DocumentHandler {
  let fonts: Promise<PdfFonts> | null = null;
  const fontsOnce = (): Promise<PdfFonts> => {
    fonts ??= loadFonts().catch((e: unknown) => {
      fonts = null;
      throw e;
    });
    return fonts;
  };
  return async (kind, model, onProgress) => {
    if (kind === 'pdf') {
      const [{ buildProtocolPdf }, loaded] = await Promise.all([
        import('../../shared/documents/protocolPdf'),
        fontsOnce(),
      ]);
      return buildProtocolPdf(model, loaded, onProgress ? { onProgress } : {});
    }
    const { buildResultsWorkbook } = await import('../../shared/documents/resultsWorkbook');
    return buildResultsWorkbook(model);
  };
}

/** Messages between the page and the documents worker. */
export interface DocumentRequest {
  id: number;
  kind: DocumentKind;
  model: ProtocolModel;
}

export type DocumentResponse =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; bytes: Uint8Array }
  | { id: number; type: 'failed'; message: string };
