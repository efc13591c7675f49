/** What a backup holds, for the screen that asks "restore this?" before anything is replaced. */
import type { Backup } from './backupFile';
import { BACKUP_REASON_LABELS, type BackupReason } from './backupNames';
import { countBinary } from './taggedValue';

export interface BackupSummary {
  createdAt: string;
  reason: BackupReason;
  /** Russian, e.g. `перед импортом`. */
  reasonLabel: string;
  schemaVersion: number;
  appVersion?: string;
  /** The partnership's name, when the backup has a `partnership` table with a named row. */
  partnershipName?: string;
  /** Row count of every table, in the order the backup lists them. */
  tables: { name: string; rows: number }[];
  totalRows: number;
  /** Binary values (scans, attachments): how many, and their total size in bytes. */
  attachments: { count: number; bytes: number };
  sha256: string;
}

function partnershipName(backup: Backup): string | undefined {
  for (const table of ['partnership', 'partnerships']) {
    const row = backup.tables[table]?.rows[0];
    if (row && typeof row === 'object' && 'name' in row && typeof row.name === 'string' && row.name.trim()) {
      return row.name;
    }
  }
  return undefined;
}

export function summarizeBackup(backup: Backup): BackupSummary {
  const tables = Object.entries(backup.tables).map(([name, t]) => ({ name, rows: t.rows.length }));
  const attachments = { count: 0, bytes: 0 };
  for (const t of Object.values(backup.tables)) countBinary(t.rows, attachments);
  const summary: BackupSummary = {
    createdAt: backup.createdAt,
    reason: backup.reason,
    reasonLabel: BACKUP_REASON_LABELS[backup.reason],
    schemaVersion: backup.schemaVersion,
    tables,
    totalRows: tables.reduce((sum, t) => sum + t.rows, 0),
    attachments,
    sha256: backup.sha256,
  };
  const name = partnershipName(backup);
  if (name !== undefined) summary.partnershipName = name;
  if (backup.appVersion !== undefined) summary.appVersion = backup.appVersion;
  return summary;
}
