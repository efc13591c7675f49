/**
 * The IPC contract between the renderer (through the preload bridge) and the Electron main process.
 *
 * This file is imported by the preload script, the main process and renderer/platform, so it must stay
 * free of Node, Electron and DOM imports: types and plain constants only.
 */
import type { BackupReason } from '../backup/backupNames';
import type { Result } from '../result';

/** Named IPC channels; the preload exposes one typed function per channel and nothing else. */
export const IPC_CHANNELS = {
  saveFile: 'golos:save-file',
  openFile: 'golos:open-file',
  writePackage: 'golos:write-package',
  backupSave: 'golos:backup-save',
  backupList: 'golos:backup-list',
  backupRead: 'golos:backup-read',
  anchorRead: 'golos:anchor-read',
  anchorWrite: 'golos:anchor-write',
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/** Limits checked on both sides of the bridge (renderer first, main process again). */
export const IPC_LIMITS = {
  /** Longest file or folder name, in UTF-8 bytes (file systems allow 255; temp-file suffixes need room). */
  maxNameBytes: 200,
  /** Largest single file written or read through the bridge. */
  maxFileBytes: 512 * 1024 * 1024,
  /** Largest protocol package (sum of its files). */
  maxPackageBytes: 2 * 1024 * 1024 * 1024,
  /** Most files in one protocol package. */
  maxPackageFiles: 10_000,
  /** Most files opened at once. */
  maxOpenFiles: 1_000,
  /** Largest sum of the files opened at once (each is read into memory and sent to the renderer). */
  maxOpenTotalBytes: 1024 * 1024 * 1024,
  /** Most extensions in an open-file filter. */
  maxAcceptExtensions: 20,
  /** Longest MIME type string. */
  maxMimeLength: 127,
} as const;

/** Name of the checksum list written last into every package; `sha256sum -c manifest.sha256` verifies it. */
export const MANIFEST_NAME = 'manifest.sha256';

export interface SaveFileRequest {
  /** File name proposed to the user (no folders), e.g. `Реестр 2025-05-01.xlsx`. */
  suggestedName: string;
  bytes: Uint8Array;
  /** MIME type, e.g. `application/pdf` (the browser uses it for the download). */
  mime: string;
  /** Files written into the same folder as the chosen file (the browser downloads them too). */
  beside?: PackageFile[];
}

export interface SavedFile {
  /** Electron: the full path written; browser: the file name offered for download. */
  savedAs: string;
}

export interface OpenFileRequest {
  /** Accepted extensions with a leading dot, e.g. `['.xlsx', '.csv']`. */
  accept: string[];
  multiple?: boolean;
}

export interface OpenedFile {
  /** File name without folders. */
  name: string;
  bytes: Uint8Array;
}

export interface PackageFile {
  /** Plain file name (no folders), unique in the package regardless of letter case. */
  name: string;
  bytes: Uint8Array;
}

export interface WritePackageRequest {
  /** Name of the folder created for the package (Electron) or of the zip (browser), e.g. `Протокол №3`. */
  folderName: string;
  files: PackageFile[];
}

export interface WrittenPackageFile {
  name: string;
  size: number;
  /** Lower-case hex SHA-256 of the bytes written. */
  sha256: string;
}

export interface WrittenPackage {
  /**
   * Electron: the full path of the package folder. When a folder of that name already exists, a new one
   * (`Имя (2)`) is created, never overwriting an earlier package. Browser: the zip file name downloaded.
   */
  location: string;
  files: WrittenPackageFile[];
  /** Always {@link MANIFEST_NAME}; listed last in the folder, not in `files`. */
  manifest: string;
  /**
   * true when every byte is flushed to the device (files and folders fsynced), so the removable drive can
   * be pulled out ("можно извлекать"); false in the browser, where the download is up to the browser.
   */
  flushed: boolean;
}

/** How many automatic backups the app's data folder keeps; older ones are removed after each new one. */
export const BACKUPS_KEPT = 30;

/** An automatic backup kept by the app (Electron: a file in the data folder). */
export interface BackupInfo {
  /** Opaque id to read it back (Electron: the file name). */
  id: string;
  /** ISO UTC time the backup was made. */
  createdAt: string;
  reason: BackupReason;
  /** Size in bytes. */
  size: number;
}

export interface BackupSaveRequest {
  /** ISO UTC time, exactly as `Date.prototype.toISOString` writes it. */
  createdAt: string;
  reason: BackupReason;
  /** The `.golos-backup` file content. */
  bytes: Uint8Array;
}

/** `golos:backup-list` takes no parameters: an empty object. */
export type BackupListRequest = Record<string, never>;

export interface BackupReadRequest {
  id: string;
}

/**
 * The audit trail's head (entry number, hash, time) kept outside the database, so entries deleted from
 * the log's end are noticed (renderer/audit/auditAnchor). Electron: one small file per database in
 * `<userData>/anchors`, written atomically; browser: localStorage.
 */
export interface AuditAnchor {
  seq: number;
  hash: string;
  at: string;
}

export interface AnchorReadRequest {
  /** The IndexedDB database the anchor belongs to (`golos`). */
  store: string;
}

export interface AnchorWriteRequest {
  store: string;
  anchor: AuditAnchor;
}

/**
 * What the preload exposes as `window.golos`. Every function resolves (never rejects on expected errors)
 * with a Result whose problems carry Russian messages. `null` means the user cancelled the dialog.
 */
export interface GolosBridge {
  saveFile(req: SaveFileRequest): Promise<Result<SavedFile | null>>;
  /** Resolves with an empty array when the user cancels. */
  openFile(req: OpenFileRequest): Promise<Result<OpenedFile[]>>;
  writePackage(req: WritePackageRequest): Promise<Result<WrittenPackage | null>>;
  /** Writes an automatic backup into the app's data folder (atomically), keeping the last {@link BACKUPS_KEPT}. */
  saveBackup(req: BackupSaveRequest): Promise<Result<BackupInfo>>;
  /** The automatic backups in the data folder, newest first. */
  listBackups(req: BackupListRequest): Promise<Result<BackupInfo[]>>;
  readBackup(req: BackupReadRequest): Promise<Result<Uint8Array>>;
  /** The audit anchor of a database, `null` when none was written yet. */
  readAnchor(req: AnchorReadRequest): Promise<Result<AuditAnchor | null>>;
  /** Replaces the audit anchor of a database atomically (temp file, fsync, rename, fsync folder). */
  writeAnchor(req: AnchorWriteRequest): Promise<Result<null>>;
}

/** Argument and result types per channel, for the main-process router and its tests. */
export interface IpcContract {
  [IPC_CHANNELS.saveFile]: { request: SaveFileRequest; response: Result<SavedFile | null> };
  [IPC_CHANNELS.openFile]: { request: OpenFileRequest; response: Result<OpenedFile[]> };
  [IPC_CHANNELS.writePackage]: { request: WritePackageRequest; response: Result<WrittenPackage | null> };
  [IPC_CHANNELS.backupSave]: { request: BackupSaveRequest; response: Result<BackupInfo> };
  [IPC_CHANNELS.backupList]: { request: BackupListRequest; response: Result<BackupInfo[]> };
  [IPC_CHANNELS.backupRead]: { request: BackupReadRequest; response: Result<Uint8Array> };
  [IPC_CHANNELS.anchorRead]: { request: AnchorReadRequest; response: Result<AuditAnchor | null> };
  [IPC_CHANNELS.anchorWrite]: { request: AnchorWriteRequest; response: Result<null> };
}
