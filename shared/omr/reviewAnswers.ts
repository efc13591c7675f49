/**
 * What a person's answers to the review cards make of a read ballot. Keys as on the entry desk: 1 за,
 * 2 против, 3 воздержался, 0 недействителен (stored as «несколько», void for that question). For an
 * item about the whole ballot: a missing signature — 1 the ballot is signed after all, 0 void for want
 * of a signature; a missing sheet — 1 enter it without that sheet's questions, 0 do not enter it (key
 * it by hand when the sheet turns up).
 */
import type { Ballot, Choice, Mark, VoidReason } from '../domain/types';
import type { ReadBallot, ReviewItem } from './readStack';

export type ReviewAnswer = '1' | '2' | '3' | '0';

export const ANSWER_KEYS: readonly ReviewAnswer[] = ['1', '2', '3', '0'];

const CHOICE_OF: Record<'1' | '2' | '3', Choice> = { '1': 'for', '2': 'against', '3': 'abstain' };

/** One card per item: source, person and question tell it apart. */
export function reviewKey(item: Pick<ReviewItem, 'source' | 'personId' | 'question'>): string {
  return `${item.source}|${item.personId}|${item.question ?? '-'}`;
}

/** What the answer means, in the card's words. */
export function answerText(item: Pick<ReviewItem, 'question' | 'reason'>, answer: ReviewAnswer): string {
  if (item.question !== null) {
    return { '1': 'за', '2': 'против', '3': 'воздержался', '0': 'недействителен' }[answer];
  }
  if (item.reason === 'missing_sheet') {
    return answer === '0' ? 'не вносить бюллетень' : answer === '1' ? 'внести без этого листа' : '';
  }
  return answer === '0' ? 'недействителен: нет подписи' : answer === '1' ? 'подпись есть' : '';
}

/** Whether the key answers the item (a whole-ballot item takes only 1 and 0). */
export function answers(item: Pick<ReviewItem, 'question'>, answer: string): answer is ReviewAnswer {
  return item.question !== null
    ? ANSWER_KEYS.includes(answer as ReviewAnswer)
    : answer === '1' || answer === '0';
}

export type AnsweredBallot =
  | { state: 'open'; left: number }
  | { state: 'skipped' }
  | { state: 'ready'; marks: Record<number, Mark>; voidReasons: VoidReason[] };

/** The ballot once every item of it is answered; `open` while some are not. */
export function answeredBallot(ballot: ReadBallot, given: ReadonlyMap<string, ReviewAnswer>): AnsweredBallot {
  const left = ballot.review.filter((r) => !given.has(reviewKey(r))).length;
  if (left > 0) return { state: 'open', left };
  const marks: Record<number, Mark> = { ...ballot.marks };
  const voidReasons: VoidReason[] = [];
  for (const r of ballot.review) {
    const a = given.get(reviewKey(r))!;
    if (r.question !== null) marks[r.question] = a === '0' ? 'several' : CHOICE_OF[a];
    else if (r.reason === 'missing_sheet' && a === '0') return { state: 'skipped' };
    else if (r.reason === 'no_signature' && a === '0') voidReasons.push('no_signature');
  }
  return { state: 'ready', marks, voidReasons };
}

/** A read ballot as a paper ballot of the stack (kind, date and delivery from the operator). */
export function scannedBallot(
  read: ReadBallot,
  content: { marks: Record<number, Mark>; voidReasons: VoidReason[] },
  kind: Pick<Ballot, 'copy' | 'receivedAt' | 'delivery'>,
  id: string,
): Ballot {
  return {
    id,
    channel: 'paper',
    voter: { personId: read.personId },
    copy: kind.copy,
    receivedAt: kind.receivedAt,
    ...(kind.delivery ? { delivery: kind.delivery } : {}),
    voidReasons: content.voidReasons,
    marks: content.marks,
    source: `скан ${read.sources.join(', ')}`,
  };
}
