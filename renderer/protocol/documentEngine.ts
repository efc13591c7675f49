/**
 * The protocol's documents built in a Web Worker (with progress), or on the main thread where there is
 * no Worker. Failures come back as Russian problems, never as exceptions.
 */
import type { PdfFonts } from '../../shared/documents/pdfFont';
import type { ProtocolModel } from '../../shared/documents/protocolModel';
import { err, ok, problem, type Result } from '../../shared/result';
import {
  createDocumentHandler,
  type DocumentKind,
  type DocumentProgress,
  type DocumentRequest,
  type DocumentResponse,
} from './documentHandler';

export interface DocumentEngine {
  build(kind: DocumentKind, model: ProtocolModel, onProgress?: DocumentProgress): Promise<Result<Uint8Array>>;
  dispose(): void;
}

const WHAT: Record<DocumentKind, string> = { pdf: 'PDF протокола', xlsx: 'таблицу итогов (XLSX)' };

function failure(kind: DocumentKind, detail: string): Result<never> {
  return err([problem('document_failed', `Не удалось составить ${WHAT[kind]}: ${detail}.`)]);
}

interface Pending {
  kind: DocumentKind;
  onProgress?: DocumentProgress | undefined;
  resolve: (r: Result<Uint8Array>) => void;
}

function workerEngine(): DocumentEngine {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const start = (): Worker => {
    const w = new Worker(new URL('./documents.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<DocumentResponse>) => {
      const job = pending.get(e.data.id);
      if (!job) return;
      const msg = e.data;
      if (msg.type === 'progress') return job.onProgress?.(msg.done, msg.total);
      pending.delete(msg.id);
      job.resolve(msg.type === 'done' ? ok(msg.bytes) : failure(job.kind, msg.message));
    };
    w.onerror = (e) => {
      e.preventDefault();
      for (const job of pending.values()) job.resolve(failure(job.kind, e.message || 'сбой обработчика'));
      pending.clear();
      w.terminate();
      worker = null;
    };
    return w;
  };
  return {
    build(kind, model, onProgress) {
      worker ??= start();
      const id = nextId++;
      const w = worker;
      return new Promise((resolve) => {
        pending.set(id, { kind, onProgress, resolve });
        w.postMessage({ id, kind, model } satisfies DocumentRequest);
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      pending.clear();
    },
  };
}

/** The same handler on the main thread (jsdom has no Worker); the builders still load lazily. */
export function inlineDocumentEngine(loadFonts: () => Promise<PdfFonts>): DocumentEngine {
  const handle = createDocumentHandler(loadFonts);
  return {
    async build(kind, model, onProgress) {
      try {
        return ok(await handle(kind, model, onProgress));
      } catch (e) {
        return failure(kind, e instanceof Error ? e.message : String(e));
      }
    },
    dispose() {},
  };
}

export function createDocumentEngine(): DocumentEngine {
  if (typeof Worker !== 'undefined') return workerEngine();
  return inlineDocumentEngine(() => import('./ptSansFonts').then((m) => m.fetchPtSansFonts()));
}
