/**
 * Domain types for the whole product (glossary: docs/domain.md).
 * Later features extend these with optional fields; they do not rename or reshape them.
 * Dates are ISO calendar dates `YYYY-MM-DD` (local to the partnership), timestamps ISO 8601.
 */

export type IsoDate = string;
export type IsoTimestamp = string;

/** `snt`: gardening partnership (217-ФЗ); `mkd`: apartment building (Housing Code). */
export type PartnershipKind = 'snt' | 'mkd';

export interface Partnership {
  id: string;
  name: string;
  kind: PartnershipKind;
  inn?: string;
  ogrn?: string;
  address: string;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
}

/** member: член товарищества; gardener: садовод без членства; owner: собственник помещения (МКД). */
export type PersonStatus = 'member' | 'gardener' | 'owner';

/** A plot (СНТ) or premises (МКД) a person holds, with their share of it. */
export interface Holding {
  /** Plot or premises number as written by the partnership (`12`, `12а`, `кв. 5`). */
  plotNumber: string;
  cadastralNumber?: string;
  /** Area in m² as an exact decimal string with at most 2 decimals (`54.30`). */
  area?: string;
  /** Share of ownership as a fraction string (`1/2`) or decimal (`0.5`); absent means whole. */
  share?: string;
}

/** A registry entry: one person, whatever the number of plots. */
export interface Person {
  id: string;
  fullName: string;
  /** 11 digits, no separators. */
  snils?: string;
  status: PersonStatus;
  residentialAddress?: string;
  postalAddress?: string;
  email?: string;
  phone?: string;
  holdings: Holding[];
  note?: string;
  createdAt?: IsoTimestamp;
  updatedAt?: IsoTimestamp;
}

/** The registry frozen for a meeting (issue: meetings). */
export interface RegistrySnapshot {
  id: string;
  meetingId: string;
  takenAt: IsoTimestamp;
  /** Why it was (re)taken, shown in the meeting's history. */
  reason: string;
  persons: Person[];
}

export type MeetingForm = 'in_person' | 'mixed' | 'remote';

/** How a question is decided. */
export interface Rule {
  /** simple: more than half of the base; two_thirds: at least 2/3; unanimous: all of the base. */
  majority: 'simple' | 'two_thirds' | 'unanimous';
  /** Who may vote on it. In an `mkd` meeting every owner is in the electorate. */
  electorate: 'members' | 'members_and_gardeners';
  /** participants (default): votes of those who took part; all: all votes of the registry (МКД). */
  base?: 'participants' | 'all';
}

export interface Question {
  number: number;
  text: string;
  /** Proposed decision wording (проект решения). */
  proposal?: string;
  /** Who reported on the question (СЛУШАЛИ in the protocol). */
  speaker?: string;
  /** Agenda item of the rule profile (e.g. `21` of 217-ФЗ art. 17 part 1); sets the rule. */
  item?: string;
  /** Explicit rule; overrides the item's rule and is shown as an override. */
  rule?: Rule;
}

export type InvalidMarksPolicy = 'question' | 'ballot';
export type Channel = 'gosuslugi' | 'paper' | 'in_person';
/** flag (default): disagreeing question not counted; latest: last received wins; or a channel priority. */
export type ConflictPolicy = 'flag' | 'latest' | Channel[];

/** What the tally needs of a meeting; the app's meeting record extends it. */
export interface MeetingSpec {
  kind: PartnershipKind;
  form: MeetingForm;
  title: string;
  votingStart: IsoDate;
  votingEnd: IsoDate;
  sessionDate?: IsoDate;
  invalidMarks?: InvalidMarksPolicy;
  acceptScans?: boolean;
  conflicts?: ConflictPolicy;
  questions: Question[];
  /**
   * МКД: total area of the building's residential and non-residential premises, m² as a decimal string
   * (technical passport). When set, it is all owners' votes: the quorum and every "all votes" base.
   */
  buildingArea?: string;
  /** СНТ: the charter provides for voting with electronic means (217-ФЗ art. 17.1). */
  charterAllowsElectronic?: boolean;
  /** СНТ: an emergency or high-alert regime is in force (217-ФЗ art. 17 part 22). */
  emergencyRegime?: boolean;
  /**
   * Paper ballots of a mixed meeting count if received by: the end of voting (default, the regulation),
   * or the in-person part (a charter saying «до начала очной части»).
   */
  paperUntil?: 'votingEnd' | 'session';
}

export type Choice = 'for' | 'against' | 'abstain';
/** What is on a ballot for one question: a choice, several marks, every option crossed out, or nothing. */
export type Mark = Choice | 'several' | 'all_crossed' | 'none';

/** Reasons that void a paper ballot as a whole (regulation clause 5.6). */
export type VoidReason = 'no_signature' | 'no_details' | 'pencil' | 'corrections' | 'no_power_of_attorney';

/** original: the paper itself; scan: an image that came first (e-mail). Electronic ballots are originals. */
export type BallotCopy = 'original' | 'scan';
export type Delivery = 'mail' | 'hand' | 'email' | 'session' | 'platform';

export interface Representative {
  fullName: string;
  powerOfAttorney?: string;
  powerOfAttorneyDate?: IsoDate;
}

/** How a ballot names its voter; the tally resolves it against the registry. */
export interface VoterRef {
  personId?: string;
  snils?: string;
  plotNumber?: string;
  cadastralNumber?: string;
  fullName?: string;
}

/** One participant's decisions on the agenda, from one channel. */
export interface Ballot {
  id: string;
  channel: Channel;
  voter: VoterRef;
  copy: BallotCopy;
  receivedAt: IsoDate;
  delivery?: Delivery;
  trackingNumber?: string;
  voidReasons: VoidReason[];
  representative?: Representative;
  /** Marks by question number; a missing entry means nothing was marked. */
  marks: Record<number, Mark>;
  /** Where the ballot came from, as the user can find it: `paper.csv:12`, `ввод вручную`. */
  source: string;
}
