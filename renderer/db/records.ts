/**
 * Stored record shapes of the tables added in schema version 3. Each feature owns its record and may
 * add optional fields; a reshaping is a new schema version with an upgrade.
 */
import type { Ballot, IsoTimestamp, RegistrySnapshot } from '../../shared/domain/types';
import type { AuditEntry } from '../../shared/audit/auditChain';
import type { Meeting } from '../../shared/meetings/meeting';
import type { PaperBallotRecord } from '../../shared/paper/ballotRecord';
import type { AttendanceRecord } from '../../shared/paper/attendance';
import type { GosuslugiMapping } from '../../shared/gosuslugi/mapping';
import type { NotCountedRow } from '../../shared/gosuslugi/buildBallots';
import type { ReviewAnswer } from '../../shared/omr/reviewAnswers';
import type { GrayImage } from '../../shared/omr/gray';
import type { PageNote, ReviewCard, ScanOutcome } from '../../shared/omr/scanSession';
import type { OmrSettings } from '../../shared/omr/settings';

export type MeetingRecord = Meeting;
export type SnapshotRecord = RegistrySnapshot;
export type AuditRecord = AuditEntry;

/** A file kept with a meeting: agenda materials, ballot scans. */
export interface AttachmentRecord {
  id: string;
  meetingId: string;
  name: string;
  mime: string;
  size: number;
  bytes: Uint8Array;
  addedAt: IsoTimestamp;
  /**
   * material: a file of the agenda (pruned when no question refers to it, copied with the meeting);
   * anything else (ballot scans) belongs to its ballot and is never touched by agenda edits.
   */
  purpose?: 'material' | 'scan';
}

export interface PaperBallotRow extends PaperBallotRecord {
  meetingId: string;
  /** The registry person the current version names, where it is known (index for the mail log). */
  personId?: string;
}

export interface AttendanceRow extends AttendanceRecord {
  meetingId: string;
}

/** One confirmed import of a Gosuslugi results file; a corrected file replaces it (status `replaced`). */
export interface GosuslugiImportRecord {
  id: string;
  meetingId: string;
  fileName: string;
  contentHash: string;
  importedAt: IsoTimestamp;
  importedBy: string;
  status: 'active' | 'replaced';
  replacedBy?: string;
  mapping: GosuslugiMapping;
  ballots: Ballot[];
  notCounted: NotCountedRow[];
}

/** A column mapping the user confirmed, remembered for the next file of the same layout. */
export interface ImportMappingRecord {
  signature: string;
  mapping: GosuslugiMapping;
  savedAt: IsoTimestamp;
}

/** How the commission resolved one person's conflicting decisions on one question. */
export interface ResolutionRecord {
  id: string;
  meetingId: string;
  personId: string;
  question: number;
  /**
   * The ballot whose decision stands; null: the commission decided that none does (the meeting's
   * `flag` policy applied: the person's vote on this question is not counted).
   */
  ballotId: string | null;
  reason: string;
  by: string;
  at: IsoTimestamp;
}

/**
 * A read stack of scans whose review cards are not all answered: everything the scans screen shows
 * for it, and the answers given so far (by the card's reviewKey). Removed when the last card is
 * answered. The ballots read clearly are stored as paper ballots already; this holds only the wait.
 */
/** Where a card's crop is in its stack's crop file (`StoredScanOutcome.crops`): bytes [from, to), a PNG. */
export interface CropSpan {
  from: number;
  to: number;
}

/**
 * A review card as the screen and the database keep it: its crop a PNG inside the stack's one crop
 * file (renderer/scans/cropFiles.ts); a stack stored before crops were files keeps the crop's pixels.
 */
export type StoredReviewCard = Omit<ReviewCard, 'crop'> & { crop: CropSpan | GrayImage | null };

/** A stack's reading as stored: `crops` the PNG files of its cards' crops, one after another. */
export type StoredScanOutcome = Omit<ScanOutcome, 'cards'> & { cards: StoredReviewCard[]; crops?: Blob };

export interface ScanReviewRecord {
  id: string;
  meetingId: string;
  /** When the stack was read. */
  readAt: IsoTimestamp;
  run: { outcome: StoredScanOutcome; unreadable: PageNote[] };
  kind: Pick<Ballot, 'copy' | 'receivedAt' | 'delivery'>;
  settings: OmrSettings;
  /** Stored scan file id by file name. */
  files: [string, string][];
  saved: number;
  notes: { personId: string; source: string; message: string }[];
  given: [string, ReviewAnswer][];
}

/** Small app settings: the operator's name, the last automatic backup… */
export interface SettingRecord {
  key: string;
  value: unknown;
}
