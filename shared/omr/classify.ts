/**
 * From box scores to what a question says, never guessing: one clear mark is that choice, no ink is
 * none, two or more clear marks are «несколько»; a faint or tiny mark, or a box filled and then crossed
 * out, sends the question to a person (review).
 */
import type { Choice } from '../domain/types';
import type { BoxScore } from './boxScore';
import type { OmrSettings } from './settings';

/**
 * A printed box's outline is at least this dark a share where it was found. On the suite's scans
 * (noise, JPEG, rotation, phone photos) the lowest of 1,362 boxes was 0.91; on a sheet read with
 * another header's layout the boxes are not found and every question goes to review.
 */
export const OUTLINE_MIN = 0.5;

export type BoxState = 'empty' | 'marked' | 'faint' | 'crossed_out';

export function boxState(score: BoxScore, s: OmrSettings): BoxState {
  if (score.fill >= s.filledMin && score.outside >= s.crossOutMin) return 'crossed_out';
  if (score.fill >= s.markMin) return 'marked';
  if (score.fill > s.emptyMax || score.ink >= s.faintInkMin) return 'faint';
  return 'empty';
}

export type ReviewReason =
  'faint' | 'crossed_out' | 'box_not_found' | 'no_signature' | 'missing_sheet' | 'unreadable';

export const REVIEW_REASON_TEXT: Record<ReviewReason, string> = {
  faint: 'слабая или маленькая отметка',
  crossed_out: 'отметка закрашена и зачёркнута',
  box_not_found:
    'клетки не найдены там, где их печатает Голос: бюллетень напечатан с другим заголовком ' +
    '(название товарищества, тема собрания) или лист сильно помят',
  no_signature: 'не найдена подпись',
  missing_sheet: 'лист бюллетеня не найден среди сканов',
  unreadable: 'отметки не удалось прочитать',
};

export type QuestionReading =
  | { kind: 'choice'; choice: Choice }
  | { kind: 'none' }
  | { kind: 'several'; choices: Choice[] }
  | { kind: 'review'; reason: ReviewReason };

export function classifyQuestion(
  boxes: readonly { choice: Choice; score: BoxScore }[],
  s: OmrSettings,
): QuestionReading {
  // Where the printed outline is not there, the fill was measured on something else: nothing is read.
  if (boxes.some((b) => b.score.outline < OUTLINE_MIN)) return { kind: 'review', reason: 'box_not_found' };
  const states = boxes.map((b) => ({ choice: b.choice, state: boxState(b.score, s) }));
  if (states.some((b) => b.state === 'crossed_out')) return { kind: 'review', reason: 'crossed_out' };
  if (states.some((b) => b.state === 'faint')) return { kind: 'review', reason: 'faint' };
  const marked = states.filter((b) => b.state === 'marked').map((b) => b.choice);
  if (marked.length === 0) return { kind: 'none' };
  if (marked.length === 1) return { kind: 'choice', choice: marked[0]! };
  return { kind: 'several', choices: marked };
}
