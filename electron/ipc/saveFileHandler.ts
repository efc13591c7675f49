/**
 * `golos:save-file`: a save dialog, then an atomic write of the bytes to the chosen path, and of the files
 * `beside` it into the same folder (e.g. the meeting.json the command line reads beside a ballot batch).
 */
import { dirname, join } from 'node:path';
import { ok, type Result } from '../../shared/result';
import { atomicWrite, type AtomicFs } from '../fs/atomicWrite';
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
  for (const file of req.beside ?? []) {
    const also = await atomicWrite(join(dirname(path), file.name), file.bytes, deps.fs);
    if (!also.ok) return also;
  }
  return ok({ savedAs: path });
}
