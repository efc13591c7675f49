/**
 * Every voter's sheet layouts for reading a stack, from the ballots PDF builder in its layout-only mode
 * (nothing drawn: the same rows, wrapping and pagination, so the same numbers as the printed ballots).
 */
import type { BallotSheetLayout } from '../documents/ballotLayout';
import type { BallotQr } from '../documents/qrPayload';
import { buildBallotsPdf } from '../documents/ballotsPdf';
import type { PdfFonts } from '../documents/pdfFont';
import type { Person } from '../domain/types';
import type { Meeting } from '../meetings/meeting';

export interface SheetLayouts {
  /** A blank ballot's first sheet: where the corner marks and the QR code are on every sheet. */
  frame: BallotSheetLayout;
  layoutOf: (qr: BallotQr) => BallotSheetLayout | undefined;
  /** How many sheets the layouts cover. */
  size: number;
}

export async function sheetLayouts(
  meeting: Meeting,
  registry: Person[],
  fonts: PdfFonts,
  opts: { partnershipName?: string; signal?: AbortSignal } = {},
): Promise<SheetLayouts> {
  const map = new Map<string, BallotSheetLayout>();
  const base = { ...opts, layoutOnly: true };
  await buildBallotsPdf(meeting, registry, fonts, {
    ...base,
    onSheet: (l) => map.set(`${l.qr.personId}|${l.qr.page}`, l),
  });
  let frame: BallotSheetLayout | undefined;
  await buildBallotsPdf(meeting, 'blank', fonts, { ...base, onSheet: (l) => (frame ??= l) });
  return {
    frame: frame!,
    layoutOf: (qr) => map.get(`${qr.personId}|${qr.page}`),
    size: map.size,
  };
}
