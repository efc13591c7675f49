/**
 * The protocol's plain-data shapes: what it is built from (source, options) and what it is (the model
 * the preview, the PDF and the workbook read). Structured-clone safe: no classes, BigInt or functions.
 */
import type { Ballot, IsoDate, MeetingSpec, Partnership, Person } from '../domain/types';
import type { Meeting } from '../meetings/meeting';
import type { Figure, ResultsJson } from '../results/buildResults';
import type { RuleProfile } from '../rules/profile';
import type { TallyResult } from '../tally/types';

/** The app's meeting record, or just the tally's meeting spec (command line). */
export type ProtocolMeeting = MeetingSpec & Partial<Omit<Meeting, keyof MeetingSpec>>;

export interface ProtocolSource {
  meeting: ProtocolMeeting;
  partnership?: Pick<Partnership, 'name'> & Partial<Pick<Partnership, 'address' | 'inn' | 'ogrn'>>;
  /** The registry snapshot the tally ran on (registry order). */
  registry: readonly Person[];
  /** Every ballot given to the tally (representatives and marks are read from them). */
  ballots: readonly Ballot[];
  profile: RuleProfile;
  result: TallyResult;
  /** Electronic rows the user marked «не участник» with their reason (the app's import): listed, not counted. */
  excluded?: readonly ExcludedRow[];
  /** results.json of this tally when already built (it is built here otherwise). */
  results?: ResultsJson;
}

export interface ExcludedRow {
  source: string;
  name: string;
  reason: string;
}

export interface ProtocolOptions {
  /** A copy for publication: СНИЛС printed as `***-***-789 01`. */
  maskSnils: boolean;
  /** SHA-256 of the audit chain's last entry, printed so a paper protocol can be matched to its data. */
  auditHeadHash?: string;
  /** Today's date; the protocol's date unless `date` or the meeting's protocol date is given. */
  today: IsoDate;
  /** Protocol number (e.g. `3`); printed as a blank to fill in when absent. */
  number?: string;
  /** Date the protocol is drawn up. */
  date?: IsoDate;
}

export interface ProtocolFact {
  label: string;
  value: string;
}

/** A figure of the summary: kept as a number or an exact decimal string; `text` is how it prints. */
export interface ProtocolFigure {
  label: string;
  /** count: persons; weight: votes (exact decimal string for МКД); share: decimal string 0..1 (4 places). */
  kind: 'count' | 'weight' | 'share' | 'text';
  value: Figure;
  text: string;
}

export type TallyKey = 'for' | 'against' | 'abstain' | 'invalid' | 'conflict';

export interface ProtocolTallyRow {
  key: TallyKey;
  label: string;
  value: Figure;
  /** Share of the base in percent as a decimal string (`47.37`); null when the base is zero. */
  percent: string | null;
  /** Persons behind the figure, when the figures are weights (МКД). */
  persons?: number;
}

export interface ProtocolQuestion {
  number: number;
  text: string;
  proposal?: string;
  /** СЛУШАЛИ: who reported (empty: a line to fill in by hand). */
  speaker: string;
  /** ПРЕДЛОЖЕНО: the proposed decision (the question's wording when no proposal is given). */
  proposed: string;
  /** The figures in words: «за — 18 (47,37 %), против — 8 (21,05 %), воздержались — 8 (21,05 %)». */
  figuresText: string;
  /** РЕШИЛИ: the decision with the wording adopted. */
  resolved: string;
  /** Voted against and asked for it to be recorded (ГК РФ art. 181.2 p. 4). */
  dissenters: string[];
  /** The rule in plain Russian with where it came from (describeRule). */
  rule: string;
  majority: ResultsJson['questions'][number]['majority'];
  electorate: ResultsJson['questions'][number]['electorate'];
  rows: ProtocolTallyRow[];
  base: Figure;
  baseLabel: string;
  /** Participants in this question's electorate (persons). */
  electorateParticipants: number;
  /** Marks of voters outside the electorate, not counted. */
  ignored: number;
  /**
   * Members (owners) who voted on the question (for, against or abstain) out of all; `applies`: the
   * 217-ФЗ (2024) requirement of more than half holds for this form of meeting.
   */
  questionQuorum: {
    applies: boolean;
    voted: number;
    total: number;
    reached: boolean;
    affectsDecision: boolean;
    text: string;
  };
  /** Set when the item may not be decided in the remote form. */
  remoteForbidden: string | null;
  decision: 'adopted' | 'rejected' | 'no_quorum';
  decisionText: string;
  /** Share of the base the decision needs (0.5, 2/3, 1) and how to say it, for the chart. */
  threshold: { share: number; label: string };
}

export type CellValue = string | number | null;

/** text: words; count: an integer; weight: an exact decimal string (2 places); decision: a decision word. */
export type ColumnKind = 'text' | 'count' | 'weight' | 'decision';

export interface ProtocolColumn {
  header: string;
  kind: ColumnKind;
  /** Relative width in the PDF (about millimetres at the table's font size). */
  width: number;
}

export type TableKey =
  | 'participants'
  | 'attendance'
  | 'rejected'
  | 'representatives'
  | 'conflicts'
  | 'scan_differences'
  | 'unmatched'
  | 'registry'
  | 'decisions'
  | 'margin';

export interface ProtocolTable {
  key: TableKey;
  title: string;
  /** Worksheet name (at most 31 characters). */
  sheetName: string;
  note?: string;
  columns: ProtocolColumn[];
  rows: CellValue[][];
  /** Printed as an appendix of the PDF; numbered in order among those that are. */
  inPdf: boolean;
  /** Written as a sheet of the results workbook. */
  inWorkbook: boolean;
}

export interface ProtocolSignature {
  role: string;
  name: string;
}

export interface ProtocolModel {
  kind: MeetingSpec['kind'];
  /** Figures are weights (area shares or plots), not head counts. */
  weighted: boolean;
  /** Unit of the weights (`кв. м` for area shares). */
  weightUnit: string;
  maskSnils: boolean;
  partnership: { name: string; address: string; details: string };
  /** `ПРОТОКОЛ № 3` (or `№ ____` without a number). */
  title: string;
  number: string;
  /** `очередного общего собрания членов товарищества`. */
  subtitle: string;
  meetingTitle: string;
  date: IsoDate;
  dateText: string;
  facts: ProtocolFact[];
  figures: ProtocolFigure[];
  quorum: { reached: boolean; share: string; percent: string; rule: string; text: string };
  questions: ProtocolQuestion[];
  /** The protocol's deadline: shown on screen beside the protocol, never printed in it. */
  due: { days: number; date: IsoDate | null; text: string; late: boolean; warning: string | null };
  /** Where the originals of the protocol and the decisions are kept (blank line when not given). */
  storage: string;
  /** Appendices kept on paper with the protocol (the notice, written decisions), after the tables. */
  paperAppendices: string[];
  signatures: ProtocolSignature[];
  auditHeadHash: string | null;
  tables: ProtocolTable[];
}
