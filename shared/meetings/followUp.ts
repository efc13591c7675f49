/**
 * The follow-up meeting the law allows after a meeting without a quorum: СНТ (217-ФЗ art. 17 part 23):
 * очно-заочная form with the same agenda; МКД (Housing Code art. 47 part 1): заочное голосование by
 * written decisions with the same agenda. Pure: the UI offers it and stores the copy.
 *
 * Same exports as the rules side's version of this file (issue 11a), which replaces it on merge.
 */
import type { IsoTimestamp, MeetingForm, PartnershipKind } from '../domain/types';
import { copyMeeting, type Meeting } from './meeting';

export interface FollowUpRule {
  form: MeetingForm;
  /** Where the law allows it, printed with the offer. */
  cite: string;
  /** The offer in Russian: «Провести повторное собрание в очно-заочной форме с той же повесткой». */
  text: string;
}

export const FOLLOW_UP: Record<PartnershipKind, FollowUpRule> = {
  snt: {
    form: 'mixed',
    cite: 'ч. 23 ст. 17 Федерального закона № 217-ФЗ',
    text: 'Провести повторное общее собрание в очно-заочной форме с той же повесткой',
  },
  mkd: {
    form: 'remote',
    cite: 'ч. 1 ст. 47 ЖК РФ',
    text: 'Провести общее собрание с той же повесткой в форме заочного голосования (опросным путём)',
  },
};

/**
 * Whether the meeting may be followed up so: it had no quorum (the tally says so); for МКД only an
 * in-person meeting is followed by заочное voting (art. 47 part 1).
 */
export function followUpAllowed(meeting: Pick<Meeting, 'kind' | 'form'>, quorumReached: boolean): boolean {
  if (quorumReached) return false;
  return meeting.kind === 'snt' || meeting.form === 'in_person';
}

/**
 * The follow-up meeting: same partnership, agenda (wording, proposals, items, rule overrides,
 * attachments), people and settings, in the form the law gives; every date cleared; the title says it
 * is repeated and names the first meeting.
 */
export function followUpMeeting(meeting: Meeting, newId: string, now: IsoTimestamp): Meeting {
  const copy = copyMeeting(meeting, newId, now);
  const title = /^Повторное/i.test(meeting.title) ? meeting.title : `Повторное: ${meeting.title}`;
  return { ...copy, title, form: FOLLOW_UP[meeting.kind].form, meetingKind: meeting.meetingKind };
}
