import type { Transaction } from 'dexie';
import type { Person } from '../../shared/domain/types';
import { toPersonRecord } from './personRecord';

/**
 * Every schema version the app has shipped, oldest first. A released version is never edited:
 * a change is a new version with its own `upgrade` that brings existing rows along.
 */

/** Version 1: the partnership and the registry as entered. */
export const schemaV1 = {
  partnership: 'id',
  persons: 'id, snils, fullName',
};

/**
 * Version 2: persons gain derived search keys, stored so IndexedDB can index them: `nameKey` (normalised
 * full name) and `plotNumbers` (multiEntry: one index entry per plot the person holds).
 */
export const schemaV2 = {
  partnership: 'id',
  persons: 'id, snils, nameKey, *plotNumbers',
};

/** Computes the derived keys for rows written by version 1. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('persons')
    .toCollection()
    .modify((row: Person & Record<string, unknown>) => {
      const record = toPersonRecord(row);
      row.nameKey = record.nameKey;
      row.plotNumbers = record.plotNumbers;
    });
}

/**
 * Version 3: meetings and everything counted in them, the audit trail and settings. New tables only,
 * so no upgrade is needed.
 */
export const schemaV3 = {
  ...schemaV2,
  audit: 'seq',
  settings: 'key',
  meetings: 'id, partnershipId, votingStart',
  snapshots: 'id, meetingId',
  attachments: 'id, meetingId',
  paperBallots: 'id, meetingId, personId',
  attendance: 'id, meetingId, personId',
  gosuslugiImports: 'id, meetingId, contentHash',
  importMappings: 'signature',
  resolutions: 'id, meetingId, [meetingId+personId+question]',
};

/**
 * Version 4: `scanReviews`, the review cards of a read stack of scans not all answered yet (what the
 * screen shows for them, and the answers given), so leaving the screen or the app loses none. A new
 * table only: no upgrade is needed.
 */
export const schemaV4 = {
  ...schemaV3,
  scanReviews: 'id, meetingId',
};

export const CURRENT_SCHEMA_VERSION = 4;
