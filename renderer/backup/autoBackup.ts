/**
 * The automatic backup policy: at least once a day (the first time the app runs on a given day, and
 * then hourly checks while it stays open), and before every import or protocol export (callers ask for
 * `before-import` / `before-protocol` right before they change anything or write the package).
 * Backups go to the platform's store (./backupStore). An empty database is not backed up.
 */
import type Dexie from 'dexie';
import type { BackupReason } from '../../shared/backup/backupNames';
import { err, ok, problem, type Result } from '../../shared/result';
import type { BackupInfo, Platform } from '../platform/platform';
import { isEmptyDatabase } from './backupDb';
import { backupStoreFor, type BackupStore } from './backupStore';
import { makeBackupFile } from './makeBackupFile';

export interface AutoBackupOptions {
  now?: Date;
  /** Defaults to the platform's store. */
  store?: BackupStore;
  appVersion?: string;
}

function localDay(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

/**
 * Makes an automatic backup. For `daily`, only when none was made today (local time) for any reason;
 * resolves with `null` when skipped (already done today, or nothing stored yet).
 */
export async function autoBackup(
  db: Dexie,
  platform: Platform,
  reason: BackupReason,
  options: AutoBackupOptions = {},
): Promise<Result<BackupInfo | null>> {
  const now = options.now ?? new Date();
  const store = options.store ?? backupStoreFor(platform);
  if (reason === 'daily') {
    const listed = await store.list();
    if (!listed.ok) return listed;
    if (listed.value.some((b) => localDay(new Date(b.createdAt)) === localDay(now))) return ok(null);
  }
  let bytes: Uint8Array;
  try {
    if (await isEmptyDatabase(db)) return ok(null);
    bytes = await makeBackupFile(db, {
      reason,
      now,
      ...(options.appVersion ? { appVersion: options.appVersion } : {}),
    });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return err([problem('backup_failed', `Не удалось сделать резервную копию: ${detail}`)]);
  }
  return store.save({ createdAt: now.toISOString(), reason, bytes });
}

export const DAILY_CHECK_MS = 60 * 60 * 1000;

/**
 * Runs the daily backup now and checks again every hour while the app is open. `onProblem` receives
 * failures (to show a warning); returns a function that stops the checks.
 */
export function startDailyBackups(
  db: Dexie,
  platform: Platform,
  options: { onProblem?: (message: string) => void; intervalMs?: number; appVersion?: string } = {},
): () => void {
  const run = () => {
    void autoBackup(db, platform, 'daily', { appVersion: options.appVersion }).then((r) => {
      if (!r.ok) options.onProblem?.(r.error.map((p) => p.message).join(' '));
    });
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? DAILY_CHECK_MS);
  return () => clearInterval(timer);
}
