/**
 * Where the fill scores of a stack fall against the thresholds: counts of boxes per bin of the dark
 * share (0..1), so the operator sees empty boxes piled near 0, marks spread above `markMin`, and how
 * many sit in between (the review band).
 */
import type { ReadSheet } from './readStack';
import type { OmrSettings } from './settings';

export interface FillHistogram {
  /** Lower edges of the bins (0, 1/n, …). */
  edges: number[];
  counts: number[];
  /** Boxes by band: empty (≤ emptyMax), review band, marked (≥ markMin). */
  bands: { empty: number; between: number; marked: number };
}

export function fillHistogram(sheets: readonly ReadSheet[], s: OmrSettings, bins = 20): FillHistogram {
  const counts = new Array<number>(bins).fill(0);
  const bands = { empty: 0, between: 0, marked: 0 };
  for (const sheet of sheets) {
    for (const { score } of sheet.marks.boxes) {
      counts[Math.min(bins - 1, Math.floor(score.fill * bins))]!++;
      if (score.fill >= s.markMin) bands.marked++;
      else if (score.fill <= s.emptyMax) bands.empty++;
      else bands.between++;
    }
  }
  return { edges: counts.map((_, i) => i / bins), counts, bands };
}
