import type { IsoDate, MeetingSpec } from '../domain/types';

/**
 * The last day the count takes paper ballots: the end of voting, or (a charter's choice, mixed form
 * only) the day of the in-person session. The tally applies it; the notice and the ballots print it.
 */
export function paperCountEnd(
  meeting: Pick<MeetingSpec, 'form' | 'votingEnd' | 'sessionDate' | 'paperUntil'>,
): IsoDate {
  return meeting.paperUntil === 'session' && meeting.form === 'mixed' && meeting.sessionDate
    ? meeting.sessionDate
    : meeting.votingEnd;
}
