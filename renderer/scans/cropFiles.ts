/**
 * Review-card crops as files: the scans worker turns each crop's pixels into a PNG (shared/omr/grayPng)
 * and puts the stack's PNGs one after another in one Blob before the reading leaves it. The window's
 * thread then posts, stores and keeps one Blob handle for the whole stack (the raw pixels of hundreds
 * of crops took it most of a second to store; a Blob each, a handle each), and the browser decodes the
 * one crop a card shows off that thread.
 */
import type { GrayImage } from '../../shared/omr/gray';
import { grayPng } from '../../shared/omr/grayPng';
import type { ScanOutcome } from '../../shared/omr/scanSession';
import type { CropSpan, StoredReviewCard, StoredScanOutcome } from '../db/records';

const isPixels = (crop: CropSpan | GrayImage): crop is GrayImage => 'data' in crop;

/** The stack's reading with every card's crop a PNG in the stack's crop file. */
export function withCropFiles(outcome: ScanOutcome): StoredScanOutcome {
  const pngs: Uint8Array<ArrayBuffer>[] = [];
  let at = 0;
  const cards = outcome.cards.map((c): StoredReviewCard => {
    if (!c.crop) return { ...c, crop: null };
    const png = grayPng(c.crop) as Uint8Array<ArrayBuffer>;
    pngs.push(png);
    at += png.length;
    return { ...c, crop: { from: at - png.length, to: at } };
  });
  return { ...outcome, cards, crops: new Blob(pngs) };
}

/** A card's crop as a PNG file: its part of the stack's crop file, or (stored as pixels) made of them. */
export function cropPng(crop: CropSpan | GrayImage, crops: Blob | undefined): Blob {
  if (isPixels(crop)) return new Blob([grayPng(crop) as Uint8Array<ArrayBuffer>], { type: 'image/png' });
  return (crops ?? new Blob()).slice(crop.from, crop.to, 'image/png');
}
