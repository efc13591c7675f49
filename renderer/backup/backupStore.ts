/**
 * Where automatic backups are kept. Electron: files in the app's data folder, through the platform
 * (the last 30). Browser: a separate IndexedDB database `golos-backups` (the last few), so a browser
 * user has automatic backups too; wiping the app's own database leaves them in place.
 */
import Dexie, { type Table } from 'dexie';
import type { BackupReason } from '../../shared/backup/backupNames';
import { err, ok, problem, type Result } from '../../shared/result';
import { BACKUPS_KEPT, type BackupInfo, type BackupSaveRequest, type Platform } from '../platform/platform';

export interface BackupStore {
  /** Russian, for the screen: where the automatic backups are. */
  readonly where: string;
  save(req: BackupSaveRequest): Promise<Result<BackupInfo>>;
  /** Newest first. */
  list(): Promise<Result<BackupInfo[]>>;
  read(id: string): Promise<Result<Uint8Array>>;
}

export const BROWSER_BACKUPS_DB = 'golos-backups';
/** Backups kept in the browser's storage (each is a full copy; the browser's quota is limited). */
export const BROWSER_BACKUPS_KEPT = 7;

interface StoredInfo {
  id?: number;
  createdAt: string;
  reason: BackupReason;
  size: number;
}

class BrowserBackupsDb extends Dexie {
  backups!: Table<StoredInfo, number>;
  backupBytes!: Table<{ id: number; bytes: Uint8Array }, number>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({ backups: '++id, createdAt', backupBytes: 'id' });
  }
}

function failure(code: string, what: string, e: unknown): Result<never> {
  const name = e instanceof Error ? e.name : '';
  const detail = e instanceof Error ? e.message : String(e);
  const quota = name === 'QuotaExceededError' || /quota/i.test(detail);
  return err([
    problem(
      code,
      quota
        ? `${what}: в хранилище браузера не хватает места. Сохраните копию в файл вручную («Сохранить копию в файл»).`
        : `${what}: ${detail}.`,
    ),
  ]);
}

function toInfo(row: StoredInfo): BackupInfo {
  return { id: String(row.id), createdAt: row.createdAt, reason: row.reason, size: row.size };
}

export function createBrowserBackupStore(
  name = BROWSER_BACKUPS_DB,
  keep = BROWSER_BACKUPS_KEPT,
): BackupStore {
  const db = new BrowserBackupsDb(name);
  return {
    where: `в хранилище этого браузера (последние ${keep})`,
    async save({ createdAt, reason, bytes }) {
      try {
        const info = await db.transaction('rw', db.backups, db.backupBytes, async () => {
          const row: StoredInfo = { createdAt, reason, size: bytes.byteLength };
          const id = await db.backups.add(row);
          await db.backupBytes.add({ id, bytes });
          const old = await db.backups.orderBy('createdAt').reverse().offset(keep).primaryKeys();
          await db.backups.bulkDelete(old);
          await db.backupBytes.bulkDelete(old);
          return toInfo({ ...row, id });
        });
        return ok(info);
      } catch (e) {
        return failure('backup_store_failed', 'Резервная копия не сохранена', e);
      }
    },
    async list() {
      try {
        return ok((await db.backups.orderBy('createdAt').reverse().toArray()).map(toInfo));
      } catch (e) {
        return failure('backup_store_failed', 'Не удалось получить список резервных копий', e);
      }
    },
    async read(id) {
      try {
        const row = await db.backupBytes.get(Number(id));
        if (!row) {
          return err([problem('backup_missing', 'Этой резервной копии больше нет в хранилище браузера.')]);
        }
        return ok(row.bytes);
      } catch (e) {
        return failure('backup_store_failed', 'Не удалось прочитать резервную копию', e);
      }
    },
  };
}

function platformStore(backups: NonNullable<Platform['backups']>): BackupStore {
  return {
    where: `в папке данных программы (последние ${BACKUPS_KEPT})`,
    save: (req) => backups.save(req),
    list: () => backups.list(),
    read: (id) => backups.read(id),
  };
}

const stores = new WeakMap<Platform, BackupStore>();

/** The store for this platform (one per platform object). */
export function backupStoreFor(platform: Platform): BackupStore {
  let store = stores.get(platform);
  if (!store) {
    store = platform.backups ? platformStore(platform.backups) : createBrowserBackupStore();
    stores.set(platform, store);
  }
  return store;
}
