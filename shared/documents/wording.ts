/** Russian phrases the printed documents share (notice, ballots, later the protocol). */
import type { IsoDate, PartnershipKind, Person } from '../domain/types';
import type { Meeting, MeetingKind } from '../meetings/meeting';
import { paperCountEnd } from '../meetings/paperEnd';

/** «очередного общего собрания членов товарищества» (genitive). */
export function meetingOfPhrase(kind: PartnershipKind, meetingKind: MeetingKind): string {
  const which = meetingKind === 'regular' ? 'очередного' : 'внеочередного';
  const whose = kind === 'mkd' ? 'собственников помещений в многоквартирном доме' : 'членов товарищества';
  return `${which} общего собрания ${whose}`;
}

/** «на очередном общем собрании членов товарищества» (prepositional). */
export function atMeetingPhrase(kind: PartnershipKind, meetingKind: MeetingKind): string {
  const which = meetingKind === 'regular' ? 'очередном' : 'внеочередном';
  const whose = kind === 'mkd' ? 'собственников помещений в многоквартирном доме' : 'членов товарищества';
  return `на ${which} общем собрании ${whose}`;
}

/** «Участки: 12, 14 (доля 1/2)» / «Помещение: кв. 5». */
export function holdingsLine(person: Pick<Person, 'holdings'>, kind: PartnershipKind): string {
  const many = person.holdings.length > 1;
  const label = kind === 'mkd' ? (many ? 'Помещения' : 'Помещение') : many ? 'Участки' : 'Участок';
  const list = person.holdings
    .map((h) => (h.share ? `${h.plotNumber} (доля ${h.share})` : h.plotNumber))
    .join(', ');
  return `${label}: ${list || '—'}`;
}

/**
 * The last day a paper ballot must have arrived (not been posted) to be counted: the date the meeting
 * names for paper ballots, never later than the count takes paper (the end of voting, or the in-person
 * session when the charter says so). The notice and the ballots print this one date.
 */
export function paperBallotsUntil(
  meeting: Pick<Meeting, 'form' | 'paperBallotDeadline' | 'votingEnd' | 'sessionDate' | 'paperUntil'>,
): IsoDate | undefined {
  if (meeting.form === 'in_person') return undefined;
  const countEnd = paperCountEnd(meeting);
  const named = meeting.paperBallotDeadline;
  if (!named) return countEnd || undefined;
  return countEnd && countEnd < named ? countEnd : named;
}
