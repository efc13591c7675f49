/**
 * The one interface through which the renderer talks to the operating system: saving a file, opening
 * files, writing the protocol package. Two implementations: Electron (the preload bridge `window.golos`)
 * and the plain browser (downloads and file inputs). Screens call `getPlatform()` and never touch
 * `window.golos`, anchors or file inputs themselves.
 */
import type { Result } from '../../shared/result';
import type {
  AuditAnchor,
  BackupInfo,
  BackupSaveRequest,
  GolosBridge,
  OpenedFile,
  OpenFileRequest,
  SavedFile,
  SaveFileRequest,
  WritePackageRequest,
  WrittenPackage,
} from '../../shared/ipc/contract';
import { createBrowserPlatform } from './browserPlatform';
import { createElectronPlatform } from './electronPlatform';

export type {
  AuditAnchor,
  BackupInfo,
  BackupSaveRequest,
  OpenedFile,
  OpenFileRequest,
  PackageFile,
  SavedFile,
  SaveFileRequest,
  WritePackageRequest,
  WrittenPackage,
  WrittenPackageFile,
} from '../../shared/ipc/contract';
export { BACKUPS_KEPT, IPC_LIMITS, MANIFEST_NAME } from '../../shared/ipc/contract';

/** Automatic backups kept by the app itself, outside the browser's storage (Electron: the data folder). */
export interface PlatformBackups {
  /** Writes one atomically; the oldest beyond the last {@link BACKUPS_KEPT} are removed. */
  save(req: BackupSaveRequest): Promise<Result<BackupInfo>>;
  /** Newest first. */
  list(): Promise<Result<BackupInfo[]>>;
  read(id: string): Promise<Result<Uint8Array>>;
}

/**
 * The audit trail's head kept outside the database (renderer/audit/auditAnchor), per database name.
 * Electron: a file in the app's data folder written atomically through IPC; browser: localStorage.
 */
export interface PlatformAnchors {
  read(store: string): Promise<Result<AuditAnchor | null>>;
  write(store: string, anchor: AuditAnchor): Promise<Result<null>>;
}

export interface Platform {
  readonly kind: 'electron' | 'browser';
  /**
   * Electron: a save dialog, then an atomic write; `null` when the user cancels.
   * Browser: a download of `suggestedName` (never `null`: the browser does not report a cancel).
   */
  saveFile(req: SaveFileRequest): Promise<Result<SavedFile | null>>;
  /** Files the user picked, read into memory; an empty array when the user cancels. */
  openFile(req: OpenFileRequest): Promise<Result<OpenedFile[]>>;
  /**
   * The protocol package. Electron: the user picks a folder or removable drive; a new folder `folderName`
   * receives every file and `manifest.sha256`, all or nothing; resolves only after everything is flushed
   * (`flushed: true`, the stick can be pulled out). `null` when the user cancels.
   * Browser: one zip `folderName.zip` holding the folder with the same files and manifest.
   */
  writePackage(req: WritePackageRequest): Promise<Result<WrittenPackage | null>>;
  /**
   * Electron only: backups in the app's data folder. Absent in the browser, where renderer/backup keeps
   * them in a separate IndexedDB database instead.
   */
  backups?: PlatformBackups;
  /** Where the audit anchor is kept (both real implementations have it; test fakes may leave it out). */
  anchors?: PlatformAnchors;
}

declare global {
  interface Window {
    /** Present only inside Electron, exposed by electron/preload.ts. */
    golos?: GolosBridge;
  }
}

/** The Electron implementation when the preload bridge exists, else the browser implementation. */
export function getPlatform(win: Window = window): Platform {
  const bridge = win.golos;
  if (bridge && typeof bridge.saveFile === 'function') return createElectronPlatform(bridge);
  return createBrowserPlatform(win);
}
