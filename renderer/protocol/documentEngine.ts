/**
 * The protocol's documents, the PDF (with progress through the appendix rows) and the results workbook,
 * built by the documents runner: in the documents worker, or on the main thread where there is no Worker.
 * Failures come back as Russian problems, never as exceptions.
 */
import type { PdfFonts } from '../../shared/documents/pdfFont';
import type { ProtocolModel } from '../../shared/documents/protocolModel';
import { err, ok, problem, type Result } from '../../shared/result';
import { createDocumentRunner, inlineDocumentRunner, type DocumentRunner } from '../documents/documentRunner';

export type DocumentKind = 'pdf' | 'xlsx';

export type DocumentProgress = (done: number, total: number) => void;

export interface DocumentEngine {
  build(kind: DocumentKind, model: ProtocolModel, onProgress?: DocumentProgress): Promise<Result<Uint8Array>>;
  dispose(): void;
}

const WHAT: Record<DocumentKind, string> = { pdf: 'PDF протокола', xlsx: 'таблицу итогов (XLSX)' };

function documentEngine(runner: DocumentRunner): DocumentEngine {
  return {
    async build(kind, model, onProgress) {
      const job =
        kind === 'pdf'
          ? { type: 'protocolPdf' as const, model }
          : { type: 'resultsWorkbook' as const, model };
      try {
        return ok(await runner.run(job, onProgress ? { onProgress } : {}));
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        return err([problem('document_failed', `Не удалось составить ${WHAT[kind]}: ${detail}.`)]);
      }
    },
    dispose: () => runner.dispose(),
  };
}

/** On the main thread with the fonts given (tests: jsdom has no Worker). */
export function inlineDocumentEngine(loadFonts: () => Promise<PdfFonts>): DocumentEngine {
  return documentEngine(inlineDocumentRunner(loadFonts));
}

export function createDocumentEngine(): DocumentEngine {
  return documentEngine(createDocumentRunner());
}
