/**
 * Thresholds of the scan reader. Scores are shares (0..1) of the sampled pixels that are dark: darker
 * than `darkRatio` × the paper's local white; `inkRatio` × white counts light (faint) ink.
 */
export interface OmrSettings {
  /** A box whose inner dark share is at least this is clearly marked. */
  markMin: number;
  /** Below this (and no faint ink) a box is empty; between this and `markMin` it goes to review. */
  emptyMax: number;
  /** Share of faint ink inside a box that sends it to review even with no dark ink. */
  faintInkMin: number;
  /** A box at least this dark inside is filled... */
  filledMin: number;
  /** ...and with at least this much ink just outside, filled then crossed out: review. */
  crossOutMin: number;
  /** Ink share along the signature line below which the signature is missing (review). */
  signatureMin: number;
  darkRatio: number;
  inkRatio: number;
  /** How far around its expected place each box is looked for, mm. */
  searchMm: number;
}

export const DEFAULT_OMR_SETTINGS: Readonly<OmrSettings> = {
  markMin: 0.12,
  emptyMax: 0.03,
  faintInkMin: 0.06,
  filledMin: 0.75,
  crossOutMin: 0.1,
  signatureMin: 0.01,
  darkRatio: 0.6,
  inkRatio: 0.84,
  searchMm: 1,
};
