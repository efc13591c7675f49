import { todayIso } from '../meetings/dates';
/**
 * Why a backup was made, and how backup files are named. No imports: the Electron contract, validators
 * and preload use it too.
 */

export const BACKUP_REASONS = [
  'daily',
  'before-import',
  'before-protocol',
  'before-restore',
  'before-delete',
  'manual',
] as const;

export type BackupReason = (typeof BACKUP_REASONS)[number];

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  daily: 'ежедневная',
  'before-import': 'перед импортом',
  'before-protocol': 'перед выгрузкой протокола',
  'before-restore': 'перед восстановлением из копии',
  'before-delete': 'перед удалением собрания',
  manual: 'сделана вручную',
};

export function isBackupReason(value: unknown): value is BackupReason {
  return typeof value === 'string' && (BACKUP_REASONS as readonly string[]).includes(value);
}

export const BACKUP_EXTENSION = '.golos-backup';

/** A UTC timestamp exactly as `Date.prototype.toISOString` writes it, e.g. `2025-05-01T10:00:00.000Z`. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function isIsoUtc(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_UTC.test(value)) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value;
}

/**
 * The name of an automatic backup in the app's data folder: `golos-2025-05-01T10-00-00.000Z-daily.golos-backup`.
 * Names sort by time; no characters Windows refuses (the colons become dashes).
 */
export function storedBackupName(createdAt: string, reason: BackupReason): string {
  return `golos-${createdAt.replace(/:/g, '-')}-${reason}${BACKUP_EXTENSION}`;
}

const STORED_NAME = new RegExp(
  `^golos-(\\d{4}-\\d{2}-\\d{2}T\\d{2})-(\\d{2})-(\\d{2}\\.\\d{3}Z)-(${BACKUP_REASONS.join('|')})\\.golos-backup$`,
);

/** The time and reason of a stored backup's name, or null for any other name. */
export function parseStoredBackupName(name: string): { createdAt: string; reason: BackupReason } | null {
  const m = STORED_NAME.exec(name);
  if (!m) return null;
  const createdAt = `${m[1]}:${m[2]}:${m[3]}`;
  if (!isIsoUtc(createdAt)) return null;
  return { createdAt, reason: m[4] as BackupReason };
}

/** The name offered when a backup is saved or downloaded by the user: `Голос, копия 2025-05-01 13-00.golos-backup`. */
export function downloadBackupName(createdAt: string): string {
  const local = new Date(createdAt);
  const p = (n: number) => String(n).padStart(2, '0');
  const date = todayIso(local);
  return `Голос, копия ${date} ${p(local.getHours())}-${p(local.getMinutes())}${BACKUP_EXTENSION}`;
}
