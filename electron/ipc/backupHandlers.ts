/**
 * `golos:backup-save`, `golos:backup-list`, `golos:backup-read`: automatic backups in the app's data
 * folder (`<userData>/backups`). Each is written atomically under a name carrying its time and reason
 * (shared/backup/backupNames), and only the newest {@link BACKUPS_KEPT} are kept. The renderer never
 * names a path: it gives a time and a reason, and reads back by a name the validators check strictly.
 */
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import { parseStoredBackupName, storedBackupName } from '../../shared/backup/backupNames';
import { err, ok, problem, type Result } from '../../shared/result';
import { atomicWrite, type AtomicFs } from '../fs/atomicWrite';
import { errorCode, fsProblem } from '../fs/fsProblem';
import {
  BACKUPS_KEPT,
  IPC_LIMITS,
  type BackupInfo,
  type BackupReadRequest,
  type BackupSaveRequest,
} from '../../shared/ipc/contract';
import { formatMegabytes } from '../../shared/ipc/validate';

export type BackupFs = AtomicFs & Pick<typeof nodeFs, 'mkdir' | 'readdir' | 'stat' | 'readFile'>;

export interface BackupDeps {
  /** The folder holding the automatic backups; created when missing. */
  dir: string;
  fs?: BackupFs;
}

/** Stored backup names in the folder, oldest first (names sort by time). */
async function storedNames(fs: BackupFs, dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).filter((n) => parseStoredBackupName(n) !== null).sort();
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return [];
    throw e;
  }
}

export async function saveBackup(req: BackupSaveRequest, deps: BackupDeps): Promise<Result<BackupInfo>> {
  const fs = deps.fs ?? nodeFs;
  const name = storedBackupName(req.createdAt, req.reason);
  const path = join(deps.dir, name);
  try {
    await fs.mkdir(deps.dir, { recursive: true });
  } catch (e) {
    return err([fsProblem(e, path)]);
  }
  const written = await atomicWrite(path, req.bytes, fs);
  if (!written.ok) {
    return err(written.error.map((p) => ({ ...p, message: `Резервная копия не сохранена. ${p.message}` })));
  }
  // Keep the newest ones; a failed removal only leaves an extra old copy behind.
  const names = await storedNames(fs, deps.dir).catch(() => [] as string[]);
  for (const old of names.slice(0, Math.max(0, names.length - BACKUPS_KEPT))) {
    await fs.unlink(join(deps.dir, old)).catch(() => undefined);
  }
  return ok({ id: name, createdAt: req.createdAt, reason: req.reason, size: req.bytes.byteLength });
}

export async function listBackups(deps: BackupDeps): Promise<Result<BackupInfo[]>> {
  const fs = deps.fs ?? nodeFs;
  let names: string[];
  try {
    names = await storedNames(fs, deps.dir);
  } catch (e) {
    return err([fsProblem(e, deps.dir, 'read')]);
  }
  const list: BackupInfo[] = [];
  for (const name of names.reverse()) {
    const parsed = parseStoredBackupName(name)!;
    try {
      const stat = await fs.stat(join(deps.dir, name));
      if (stat.isFile()) list.push({ id: name, ...parsed, size: stat.size });
    } catch (e) {
      // Removed between readdir and stat (pruned by another save): not listed.
      if (errorCode(e) !== 'ENOENT') return err([fsProblem(e, join(deps.dir, name), 'read')]);
    }
  }
  return ok(list);
}

export async function readBackup(req: BackupReadRequest, deps: BackupDeps): Promise<Result<Uint8Array>> {
  const fs = deps.fs ?? nodeFs;
  const path = join(deps.dir, req.id);
  try {
    const stat = await fs.stat(path);
    if (stat.size > IPC_LIMITS.maxFileBytes) {
      return err([
        problem(
          'open_too_large',
          `Резервная копия «${req.id}» слишком большая: ${formatMegabytes(stat.size)}, допустимо не более ${formatMegabytes(IPC_LIMITS.maxFileBytes)}.`,
          { file: req.id },
        ),
      ]);
    }
    const data = await fs.readFile(path);
    return ok(new Uint8Array(data));
  } catch (e) {
    if (errorCode(e) === 'ENOENT') {
      return err([
        problem('backup_missing', `Резервной копии «${req.id}» больше нет в папке данных программы.`, {
          file: req.id,
        }),
      ]);
    }
    return err([fsProblem(e, path, 'read')]);
  }
}
