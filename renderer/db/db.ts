import Dexie, { type EntityTable } from 'dexie';
import type { Partnership } from '../../shared/domain/types';
import type { PersonRecord } from './personRecord';
import type {
  AttachmentRecord,
  AttendanceRow,
  AuditRecord,
  GosuslugiImportRecord,
  ImportMappingRecord,
  MeetingRecord,
  PaperBallotRow,
  ResolutionRecord,
  ScanReviewRecord,
  SettingRecord,
  SnapshotRecord,
} from './records';
import { schemaV1, schemaV2, schemaV3, schemaV4, upgradeToV2 } from './schema';
import { recordStateMiddleware } from '../audit/recordState';

export const DEFAULT_DB_NAME = 'golos';

/** The app's IndexedDB database. Repositories (partnershipRepo, personRepo) are the only writers. */
export class GolosDb extends Dexie {
  partnership!: EntityTable<Partnership, 'id'>;
  persons!: EntityTable<PersonRecord, 'id'>;
  audit!: EntityTable<AuditRecord, 'seq'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  meetings!: EntityTable<MeetingRecord, 'id'>;
  snapshots!: EntityTable<SnapshotRecord, 'id'>;
  attachments!: EntityTable<AttachmentRecord, 'id'>;
  paperBallots!: EntityTable<PaperBallotRow, 'id'>;
  attendance!: EntityTable<AttendanceRow, 'id'>;
  gosuslugiImports!: EntityTable<GosuslugiImportRecord, 'id'>;
  importMappings!: EntityTable<ImportMappingRecord, 'signature'>;
  resolutions!: EntityTable<ResolutionRecord, 'id'>;
  scanReviews!: EntityTable<ScanReviewRecord, 'id'>;

  constructor(name: string = DEFAULT_DB_NAME) {
    super(name);
    this.version(1).stores(schemaV1);
    this.version(2).stores(schemaV2).upgrade(upgradeToV2);
    this.version(3).stores(schemaV3);
    this.version(4).stores(schemaV4);
    // Every write of a checked table is noted for the audit entry of its transaction.
    this.use(recordStateMiddleware);
  }
}

export function newId(): string {
  return crypto.randomUUID();
}
