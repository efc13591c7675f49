/**
 * From box scores to what a question says, never guessing: one clear mark is that choice, no ink is
 * none, two or more clear marks are «несколько»; a faint or tiny mark, or a box filled and then crossed
 * out, sends the question to a person (review).
 */
import type { Choice } from '../domain/types';
import type { BoxScore } from './boxScore';
import type { OmrSettings } from './settings';

export type BoxState = 'empty' | 'marked' | 'faint' | 'crossed_out';

export function boxState(score: BoxScore, s: OmrSettings): BoxState {
  if (score.fill >= s.filledMin && score.outside >= s.crossOutMin) return 'crossed_out';
  if (score.fill >= s.markMin) return 'marked';
  if (score.fill > s.emptyMax || score.ink >= s.faintInkMin) return 'faint';
  return 'empty';
}

export type ReviewReason = 'faint' | 'crossed_out' | 'no_signature' | 'missing_sheet' | 'unreadable';

export const REVIEW_REASON_TEXT: Record<ReviewReason, string> = {
  faint: 'слабая или маленькая отметка',
  crossed_out: 'отметка закрашена и зачёркнута',
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
  const states = boxes.map((b) => ({ choice: b.choice, state: boxState(b.score, s) }));
  if (states.some((b) => b.state === 'crossed_out')) return { kind: 'review', reason: 'crossed_out' };
  if (states.some((b) => b.state === 'faint')) return { kind: 'review', reason: 'faint' };
  const marked = states.filter((b) => b.state === 'marked').map((b) => b.choice);
  if (marked.length === 0) return { kind: 'none' };
  if (marked.length === 1) return { kind: 'choice', choice: marked[0]! };
  return { kind: 'several', choices: marked };
}
