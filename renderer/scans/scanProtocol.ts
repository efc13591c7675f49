/** Messages between the scans screen and its Web Worker (scans.worker.ts). */
import type { PageNote, ScanOutcome, ScanSetup } from '../../shared/omr/scanSession';

export type ScanRequest =
  | { type: 'start'; setup: ScanSetup }
  /**
   * A scan file, decoded in the worker: a PDF rasterized page by page (pdfPages.ts), an image one page
   * (TIFF: one per frame).
   */
  | { type: 'file'; name: string; bytes: Uint8Array }
  | { type: 'finish' };

export type ScanReply =
  | { type: 'ready' }
  /** A PDF opened: it has this many pages (the progress counted it as one until now). */
  | { type: 'pdf'; name: string; pages: number }
  | { type: 'pages'; notes: PageNote[] }
  | { type: 'done'; outcome: ScanOutcome }
  | { type: 'failed'; message: string };
