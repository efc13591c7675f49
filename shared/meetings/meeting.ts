/**
 * The app's meeting record (общее собрание): what the secretary prepares and what the documents print.
 * It extends the tally's MeetingSpec, so a meeting can be tallied as is.
 *
 * Dates not chosen yet are empty strings: MeetingSpec requires `votingStart`/`votingEnd`, and a
 * copied meeting has its dates cleared (see `copyMeeting`). Every reader treats `''` as "not set".
 */
import type { IsoDate, IsoTimestamp, MeetingSpec, PartnershipKind, Question } from '../domain/types';

/** очередное (regular, yearly) or внеочередное (extraordinary). */
export type MeetingKind = 'regular' | 'extraordinary';

/** An agenda question as the meeting stores it. */
export interface MeetingQuestion extends Question {
  /** Materials attached to the question (files stored with the meeting), by id. */
  attachmentIds: string[];
}

export interface Meeting extends MeetingSpec {
  id: string;
  partnershipId: string;
  meetingKind: MeetingKind;
  /** In-person part (очная часть): date is MeetingSpec.sessionDate; time as `HH:MM`. */
  sessionPlace?: string;
  sessionTime?: string;
  /** Where paper ballots are handed in or mailed, and the last day they are accepted. */
  paperBallotAddress?: string;
  paperBallotDeadline?: IsoDate;
  /** Counting of votes (подсчёт голосов). */
  countDate?: IsoDate;
  countPlace?: string;
  /** Председательствующий, секретарь, счётная комиссия: full names. */
  chair?: string;
  secretary?: string;
  countingCommission: string[];
  /** When the notice is (or was) published and when the materials are available to read. */
  noticeDate?: IsoDate;
  materialsDate?: IsoDate;
  /** Where and how members can read the materials (e.g. the board office hours, a website). */
  materialsAccess?: string;
  /** How to reach the board with questions: phone, e-mail. */
  contact?: string;
  /** МКД: the meeting is held through ГИС ЖКХ (Housing Code art. 47.1): notice 14 days, voting 7-60 days. */
  viaGisZhkh?: boolean;
  /** The protocol is due this many days after the end of voting (default 7 for СНТ, 10 for МКД). */
  protocolDueDays: number;
  /** Double entry of paper originals: a second commission member keys them blind; only settled ones count. */
  doubleEntry?: boolean;
  /** Printed in the protocol: МКД the building's address; the initiator with their details. */
  address?: string;
  initiator?: string;
  /** Where the originals of the protocol and of the decisions (ballots) are kept. */
  originalsStorage?: string;
  /** МКД: the meeting's number in ГИС ЖКХ. */
  gisNumber?: string;
  /** Those who voted against and asked for it to be recorded (ГК РФ art. 181.2 p. 4). */
  dissents?: Dissent[];
  /** МКД: total area of residential and non-residential premises, m² as a decimal string. */
  buildingArea?: string;
  /** Protocol number as the partnership numbers them. */
  protocolNumber?: string;
  /** Date the protocol was drawn up; set by the protocol feature, clears the "past due" warning. */
  protocolDate?: IsoDate;
  questions: MeetingQuestion[];
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
  /** The registry snapshot frozen when voting started. */
  snapshotId?: string;
}

/** A person who voted against a question and asked for it to be recorded in the protocol. */
export interface Dissent {
  question: number;
  name: string;
}

export const DEFAULT_PROTOCOL_DUE_DAYS: Record<PartnershipKind, number> = { snt: 7, mkd: 10 };

/** Fields a new meeting needs; everything else starts empty. */
export interface NewMeetingInput {
  id: string;
  partnershipId: string;
  kind: PartnershipKind;
  title: string;
  now: IsoTimestamp;
  meetingKind?: MeetingKind;
  form?: MeetingSpec['form'];
}

export function newMeeting(input: NewMeetingInput): Meeting {
  return {
    id: input.id,
    partnershipId: input.partnershipId,
    kind: input.kind,
    meetingKind: input.meetingKind ?? 'regular',
    form: input.form ?? 'mixed',
    title: input.title,
    votingStart: '',
    votingEnd: '',
    countingCommission: [],
    protocolDueDays: DEFAULT_PROTOCOL_DUE_DAYS[input.kind],
    questions: [],
    createdAt: input.now,
    updatedAt: input.now,
  };
}

/**
 * Next year's meeting from this one: same partnership, form, places, people, settings and agenda
 * (wording, proposals, items, rule overrides, attachments); every date is cleared, the protocol date,
 * the registry snapshot, the dissents and the ГИС ЖКХ number are dropped, and years in the title move on by one (`2025` -> `2026`).
 */
export function copyMeeting(meeting: Meeting, newId: string, now: IsoTimestamp = meeting.updatedAt): Meeting {
  const {
    sessionDate: _sessionDate,
    paperBallotDeadline: _paperBallotDeadline,
    countDate: _countDate,
    noticeDate: _noticeDate,
    materialsDate: _materialsDate,
    protocolDate: _protocolDate,
    snapshotId: _snapshotId,
    dissents: _dissents,
    gisNumber: _gisNumber,
    ...kept
  } = meeting;
  return {
    ...kept,
    id: newId,
    title: meeting.title.replace(/(?<!\d)(20\d\d)(?!\d)/g, (y) => String(Number(y) + 1)),
    votingStart: '',
    votingEnd: '',
    countingCommission: [...meeting.countingCommission],
    questions: meeting.questions.map((q) => ({
      ...q,
      attachmentIds: [...q.attachmentIds],
      ...(q.rule ? { rule: { ...q.rule } } : {}),
    })),
    ...(Array.isArray(meeting.conflicts) ? { conflicts: [...meeting.conflicts] } : {}),
    createdAt: now,
    updatedAt: now,
  };
}
