/**
 * Where things are on a printed ballot sheet, in page millimetres from the top-left corner of an A4
 * sheet: corner marks, QR code, the answer boxes of each question and the signature line. The ballots
 * PDF builder (ballotsPdf.ts) reports one layout per sheet as it draws it, from the same numbers it
 * draws with, so a scan reader (shared/omr) looks exactly where the ink went.
 */
import type { Choice } from '../domain/types';
import type { BallotQr } from './qrPayload';

export interface MmRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LayoutBox {
  question: number;
  choice: Choice;
  rect: MmRect;
}

export interface BallotSheetLayout {
  qr: BallotQr;
  /** The sheet, mm. */
  page: { width: number; height: number };
  /** Filled squares: top-left, top-right, bottom-left, bottom-right. */
  corners: [MmRect, MmRect, MmRect, MmRect];
  /** The QR code's square (without its quiet zone). */
  qrRect: MmRect;
  /** Answer boxes in question order, each question's in the order За, Против, Воздержался. */
  boxes: LayoutBox[];
  /** The line the voter signs on, if it is on this sheet. */
  signature: { x1: number; x2: number; y: number } | null;
}

export const BOX_CHOICES: readonly Choice[] = ['for', 'against', 'abstain'];
export const SIGNATURE_LABEL = 'Подпись';

/** The parts of the builder's rows that have a place on the sheet (structurally its Row type). */
export type LayoutRow =
  | {
      kind: 'boxes';
      options: readonly string[];
      box: number;
      indent: number;
      step: number;
      height: number;
    }
  | { kind: 'fields'; segments: { label: string; width: number }[]; size: number; height: number }
  | { kind: 'line' | 'space'; height: number };

/** Rows placed on a sheet: `owner` is the index of the question they belong to, or -1. */
export interface PlacedRows {
  rows: readonly LayoutRow[];
  y: number;
  owner: number;
}

/** Box squares of a boxes row whose top is at `top`; same arithmetic as the builder's drawing. */
export function boxRects(row: LayoutRow & { kind: 'boxes' }, left: number, top: number): MmRect[] {
  const boxTop = top + (row.height - row.box) / 2;
  return row.options.map((_, n) => ({
    x: left + row.indent + n * row.step,
    y: boxTop,
    w: row.box,
    h: row.box,
  }));
}

/** The underline after each label of a fields row whose top is at `top`. */
export function fieldLines(
  row: LayoutRow & { kind: 'fields' },
  left: number,
  top: number,
  textWidth: (label: string, size: number) => number,
): { label: string; x1: number; x2: number; y: number }[] {
  const baseline = top + row.height - 1.5;
  let x = left;
  return row.segments.map((seg) => {
    const line = {
      label: seg.label,
      x1: x + textWidth(seg.label, row.size) + 1.5,
      x2: x + seg.width - 3,
      y: baseline + 0.6,
    };
    x += seg.width;
    return line;
  });
}

/** The boxes (of question rows) and the signature line among rows placed on one sheet. */
export function placedGeometry(
  placed: readonly PlacedRows[],
  questions: readonly number[],
  left: number,
  textWidth: (label: string, size: number) => number,
): Pick<BallotSheetLayout, 'boxes' | 'signature'> {
  const boxes: LayoutBox[] = [];
  let signature: BallotSheetLayout['signature'] = null;
  for (const p of placed) {
    let y = p.y;
    for (const row of p.rows) {
      const question = questions[p.owner];
      if (row.kind === 'boxes' && question !== undefined) {
        boxRects(row, left, y).forEach((rect, n) => {
          const choice = BOX_CHOICES[n];
          if (choice) boxes.push({ question, choice, rect });
        });
      } else if (row.kind === 'fields') {
        const sign = fieldLines(row, left, y, textWidth).find((l) => l.label === SIGNATURE_LABEL);
        if (sign) signature = { x1: sign.x1, x2: sign.x2, y: sign.y };
      }
      y += row.height;
    }
  }
  return { boxes, signature };
}
