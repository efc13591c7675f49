import { err, ok, problem, type Problem, type Result } from '../result';
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

/** The thresholds a commission may change for a meeting (the rest are the reader's own). */
export const OMR_THRESHOLD_LABELS = {
  emptyMax: 'Пустая клетка: закрашено не больше, %',
  markMin: 'Отметка: закрашено не меньше, %',
  faintInkMin: 'Слабые чернила, на проверку от, %',
  signatureMin: 'Подпись: чернил на линии не меньше, %',
} as const satisfies Partial<Record<keyof OmrSettings, string>>;

export type OmrThreshold = keyof typeof OMR_THRESHOLD_LABELS;

/** Thresholds as typed (shares 0..1) checked: each within 0..1, an empty box below a mark. */
export function checkOmrSettings(s: OmrSettings): Result<OmrSettings> {
  const problems: Problem[] = [];
  for (const [key, label] of Object.entries(OMR_THRESHOLD_LABELS) as [OmrThreshold, string][]) {
    const v = s[key];
    if (!Number.isFinite(v) || v < 0 || v > 1) {
      problems.push(problem('omr_threshold_range', `${label}: нужно число от 0 до 100.`, { field: label }));
    }
  }
  if (problems.length === 0 && s.emptyMax >= s.markMin) {
    problems.push(
      problem('omr_threshold_order', 'Порог пустой клетки должен быть меньше порога отметки.', {
        field: OMR_THRESHOLD_LABELS.emptyMax,
      }),
    );
  }
  return problems.length ? err(problems) : ok(s);
}
