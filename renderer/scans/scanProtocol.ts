/** Messages between the scans screen and its Web Worker (scans.worker.ts). */
import type { PageNote, ScanOutcome, ScanSetup } from '../../shared/omr/scanSession';

export type ScanRequest =
  | { type: 'start'; setup: ScanSetup }
  /** A PDF page rasterized on the main thread. */
  | { type: 'bitmap'; source: string; bitmap: ImageBitmap }
  /** An image file (PNG, JPEG, TIFF): decoded in the worker, one page per image (TIFF: per frame). */
  | { type: 'file'; name: string; bytes: Uint8Array }
  | { type: 'finish' };

export type ScanReply =
  | { type: 'ready' }
  | { type: 'pages'; notes: PageNote[] }
  | { type: 'done'; outcome: ScanOutcome }
  | { type: 'failed'; message: string };
