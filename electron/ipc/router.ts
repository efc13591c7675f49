/**
 * Wires the IPC channels to their handlers: checks the sender is our own page, validates the single
 * argument, runs the handler, and turns an unexpected exception into a Russian problem (the renderer
 * always receives a Result). Takes an `ipcMain`-like object, so it is tested without Electron.
 */
import { err, problem, type Result } from '../../shared/result';
import { readAnchorFile, writeAnchorFile, type AnchorFs } from './anchorHandlers';
import { listBackups, readBackup, saveBackup, type BackupFs } from './backupHandlers';
import { IPC_CHANNELS, type IpcChannel } from '../../shared/ipc/contract';
import type { Dialogs } from './dialogs';
import { openFile, type OpenFileDeps } from './openFileHandler';
import { saveFile, type SaveFileDeps } from './saveFileHandler';
import {
  validateAnchorReadRequest,
  validateAnchorWriteRequest,
  validateBackupListRequest,
  validateBackupReadRequest,
  validateBackupSaveRequest,
  validateOpenFileRequest,
  validateSaveFileRequest,
  validateWritePackageRequest,
} from '../../shared/ipc/validate';
import { writePackage, type WritePackageDeps } from './writePackageHandler';

export interface IpcInvokeEventLike {
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>,
  ): void;
}

export interface RouterDeps {
  dialogs: Dialogs;
  /** True only for the URL of our own renderer page. */
  isTrustedSender(url: string): boolean;
  /** The folder of automatic backups (`<userData>/backups`). */
  backupDir: string;
  /** The folder of audit anchors (`<userData>/anchors`), apart from the backups. */
  anchorDir: string;
  fs?: SaveFileDeps['fs'] & OpenFileDeps['fs'] & WritePackageDeps['fs'] & BackupFs & AnchorFs;
}

type Route = (arg: unknown) => Promise<Result<unknown>>;

function route<T, R>(validate: (value: unknown) => Result<T>, run: (req: T) => Promise<Result<R>>): Route {
  return async (arg) => {
    const valid = validate(arg);
    if (!valid.ok) return valid;
    return run(valid.value);
  };
}

export function createRoutes(deps: RouterDeps): Record<IpcChannel, Route> {
  const { dialogs, fs } = deps;
  const backups = { dir: deps.backupDir, fs };
  const anchors = { dir: deps.anchorDir, fs };
  return {
    [IPC_CHANNELS.saveFile]: route(validateSaveFileRequest, (req) => saveFile(req, { dialogs, fs })),
    [IPC_CHANNELS.openFile]: route(validateOpenFileRequest, (req) => openFile(req, { dialogs, fs })),
    [IPC_CHANNELS.writePackage]: route(validateWritePackageRequest, (req) =>
      writePackage(req, { dialogs, fs }),
    ),
    [IPC_CHANNELS.backupSave]: route(validateBackupSaveRequest, (req) => saveBackup(req, backups)),
    [IPC_CHANNELS.backupList]: route(validateBackupListRequest, () => listBackups(backups)),
    [IPC_CHANNELS.backupRead]: route(validateBackupReadRequest, (req) => readBackup(req, backups)),
    [IPC_CHANNELS.anchorRead]: route(validateAnchorReadRequest, (req) => readAnchorFile(req, anchors)),
    [IPC_CHANNELS.anchorWrite]: route(validateAnchorWriteRequest, (req) => writeAnchorFile(req, anchors)),
  };
}

/** The listener for one channel, as registered with ipcMain.handle. */
export function createListener(
  channel: IpcChannel,
  routeFn: Route,
  deps: Pick<RouterDeps, 'isTrustedSender'>,
) {
  return async (event: IpcInvokeEventLike, ...args: unknown[]): Promise<Result<unknown>> => {
    const url = event.senderFrame?.url ?? '';
    if (!deps.isTrustedSender(url)) {
      return err([
        problem('ipc_untrusted_sender', 'Запрос отклонён: он пришёл не из окна приложения «Голос».'),
      ]);
    }
    if (args.length !== 1) {
      return err([
        problem(
          'ipc_invalid_argument',
          `Запрос ${channel}: ожидался один аргумент, получено ${args.length}.`,
        ),
      ]);
    }
    try {
      return await routeFn(args[0]);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      return err([problem('ipc_internal', `Непредвиденная ошибка при выполнении ${channel}: ${detail}.`)]);
    }
  };
}

export function registerIpcHandlers(ipc: IpcMainLike, deps: RouterDeps): IpcChannel[] {
  const routes = createRoutes(deps);
  const channels = Object.keys(routes) as IpcChannel[];
  for (const channel of channels) ipc.handle(channel, createListener(channel, routes[channel], deps));
  return channels;
}
