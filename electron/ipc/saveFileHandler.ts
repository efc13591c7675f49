/** `golos:save-file`: a save dialog, then an atomic write of the bytes to the chosen path. */
import { ok, type Result } from '../../shared/result';
import { atomicWrite, type AtomicFs } from '../../node/fs/atomicWrite';
import type { SavedFile, SaveFileRequest } from '../../shared/ipc/contract';
import type { Dialogs, FileFilter } from './dialogs';

export interface SaveFileDeps {
  dialogs: Pick<Dialogs, 'chooseSavePath'>;
  fs?: AtomicFs;
}

export function filtersFor(name: string): FileFilter[] {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return ext ? [{ name: `Файлы ${ext.toUpperCase()}`, extensions: [ext] }] : [];
}

export async function saveFile(req: SaveFileRequest, deps: SaveFileDeps): Promise<Result<SavedFile | null>> {
  const path = await deps.dialogs.chooseSavePath({
    title: 'Сохранить файл',
    defaultName: req.suggestedName,
    filters: filtersFor(req.suggestedName),
  });
  if (path === null) return ok(null);
  const written = await atomicWrite(path, req.bytes, deps.fs);
  if (!written.ok) return written;
  return ok({ savedAs: path });
}
