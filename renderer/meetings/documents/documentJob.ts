/**
 * The documents the meeting prints, as jobs for the document worker: the notice, and the ballots for a
 * list of voters or one blank ballot. Messages between the page and the worker are plain data.
 */
import type { Partnership, Person } from '../../../shared/domain/types';
import type { Meeting } from '../../../shared/meetings/meeting';
import type { PdfFonts } from '../../../shared/documents/pdfFont';

export type DocumentJob =
  | { type: 'notice'; meeting: Meeting; partnership: Partnership }
  | { type: 'ballots'; meeting: Meeting; partnershipName: string; voters: Person[] | 'blank' };

/** Page -> worker: the one job this worker runs. */
export interface DocumentRequest {
  job: DocumentJob;
}

/** Worker -> page. */
export type DocumentMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; bytes: Uint8Array }
  | { type: 'failed'; message: string };

export interface BuildOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Builds the job's PDF; the builders (jsPDF, qrcode) load only here. */
export async function buildDocument(
  job: DocumentJob,
  fonts: PdfFonts,
  opts: BuildOptions = {},
): Promise<Uint8Array> {
  if (job.type === 'notice') {
    const { buildNoticePdf } = await import('../../../shared/documents/noticePdf');
    opts.onProgress?.(0, 1);
    const bytes = await buildNoticePdf(job.meeting, job.partnership, fonts);
    opts.onProgress?.(1, 1);
    return bytes;
  }
  const { buildBallotsPdf } = await import('../../../shared/documents/ballotsPdf');
  return buildBallotsPdf(job.meeting, job.voters, fonts, {
    partnershipName: job.partnershipName,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
}
