/**
 * Reading the marks of one located ballot sheet: every answer box of its layout scored, each question
 * classified, the signature line checked for ink.
 */
import type { BallotSheetLayout } from '../documents/ballotLayout';
import type { Choice } from '../domain/types';
import { scoreBox, signatureInk, type BoxScore } from './boxScore';
import { classifyQuestion, type QuestionReading } from './classify';
import type { GrayImage } from './gray';
import type { Homography } from './homography';
import type { OmrSettings } from './settings';

export interface ScoredBox {
  question: number;
  choice: Choice;
  score: BoxScore;
}

export interface SheetMarks {
  questions: { question: number; reading: QuestionReading }[];
  boxes: ScoredBox[];
  /** Ink share along the signature line, or null when the line is not on this sheet. */
  signature: number | null;
  signed: boolean | null;
}

export function readSheet(
  img: GrayImage,
  h: Homography,
  layout: BallotSheetLayout,
  s: OmrSettings,
): SheetMarks {
  const boxes = layout.boxes.map((b) => ({
    question: b.question,
    choice: b.choice,
    score: scoreBox(img, h, b.rect, s),
  }));
  const numbers = [...new Set(boxes.map((b) => b.question))];
  const questions = numbers.map((question) => ({
    question,
    reading: classifyQuestion(
      boxes.filter((b) => b.question === question),
      s,
    ),
  }));
  const signature = layout.signature ? signatureInk(img, h, layout.signature, s) : null;
  return { questions, boxes, signature, signed: signature === null ? null : signature >= s.signatureMin };
}
