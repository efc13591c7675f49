/** Messages between the scans screen and its Web Worker (scans.worker.ts). */
import type { AuditEntry } from '../../shared/audit/auditChain';
import type { PageNote, ScanSetup } from '../../shared/omr/scanSession';
import type { StoredScanOutcome } from '../db/records';

/** Where the worker stores the scan files once the stack is read (the app's database, the operator). */
export interface ScanFileStore {
  dbName: string;
  by: string;
}

/** The files as stored: their ids by file name, and the audit trail's head after their entries. */
export interface StoredScanFiles {
  ids: [string, string][];
  head: Pick<AuditEntry, 'seq' | 'hash' | 'at'> | null;
}

export type ScanRequest =
  | { type: 'start'; setup: ScanSetup; store?: ScanFileStore }
  /**
   * A scan file as the user picked it (a Blob: posting it copies nothing), read and decoded in the
   * worker: a PDF page by page (a copier's page images as embedded, other pages rasterized: pdfPages.ts),
   * an image one page (TIFF: one per frame).
   */
  | { type: 'file'; file: File }
  | { type: 'finish' };

export type ScanReply =
  | { type: 'ready' }
  /** A PDF opened: it has this many pages (the progress counted it as one until now). */
  | { type: 'pdf'; name: string; pages: number }
  | { type: 'pages'; notes: PageNote[] }
  /**
   * The stack read (its cards' crops PNG files, cropFiles.ts); with a store, its files stored (after the
   * last page, so a cancel stores nothing).
   */
  | { type: 'done'; outcome: StoredScanOutcome; stored: StoredScanFiles | null }
  | { type: 'failed'; message: string };
