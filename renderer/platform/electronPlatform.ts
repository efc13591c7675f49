/**
 * The Electron implementation of Platform: every call goes through the preload bridge (`window.golos`)
 * to the main process. Arguments are validated here first (same validators as the main process, which
 * checks them again), and a failed IPC call becomes a Russian problem instead of a rejected promise.
 */
import { err, problem, type Result } from '../../shared/result';
import type { GolosBridge } from '../../shared/ipc/contract';
import {
  validateAnchorReadRequest,
  validateAnchorWriteRequest,
  validateBackupReadRequest,
  validateBackupSaveRequest,
  validateOpenFileRequest,
  validateSaveFileRequest,
  validateWritePackageRequest,
} from '../../shared/ipc/validate';
import type { Platform } from './platform';

async function call<T>(what: string, run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return err([problem('ipc_failed', `Не удалось ${what}: ошибка связи с приложением (${detail}).`)]);
  }
}

export function createElectronPlatform(bridge: GolosBridge): Platform {
  return {
    kind: 'electron',
    async saveFile(req) {
      const valid = validateSaveFileRequest(req);
      if (!valid.ok) return valid;
      return call('сохранить файл', () => bridge.saveFile(valid.value));
    },
    async openFile(req) {
      const valid = validateOpenFileRequest(req);
      if (!valid.ok) return valid;
      return call('открыть файл', () => bridge.openFile(valid.value));
    },
    async writePackage(req) {
      const valid = validateWritePackageRequest(req);
      if (!valid.ok) return valid;
      return call('записать пакет', () => bridge.writePackage(valid.value));
    },
    backups: {
      async save(req) {
        const valid = validateBackupSaveRequest(req);
        if (!valid.ok) return valid;
        return call('сохранить резервную копию', () => bridge.saveBackup(valid.value));
      },
      async list() {
        return call('получить список резервных копий', () => bridge.listBackups({}));
      },
      async read(id) {
        const valid = validateBackupReadRequest({ id });
        if (!valid.ok) return valid;
        return call('прочитать резервную копию', () => bridge.readBackup(valid.value));
      },
    },
    anchors: {
      async read(store) {
        const valid = validateAnchorReadRequest({ store });
        if (!valid.ok) return valid;
        return call('прочитать якорь журнала', () => bridge.readAnchor(valid.value));
      },
      async write(store, anchor) {
        const valid = validateAnchorWriteRequest({ store, anchor });
        if (!valid.ok) return valid;
        return call('записать якорь журнала', () => bridge.writeAnchor(valid.value));
      },
    },
  };
}
