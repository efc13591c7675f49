import type { RegistryDiff } from '../../../shared/registry/diffRegistry';
import { err, problem, type Result } from '../../../shared/result';
import type { ImportRequest } from './importProtocol';
import { ImportSession, type ImportAnalysis } from './importSession';

export type ImportCommand = ImportRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

/**
 * The import's state machine: `open` reads the file, `remap` re-reads it with the user's header row and
 * mapping or status values, `edit` fixes one row in place. Runs inside the worker, or on the main thread where there is no Worker. Never rejects.
 */
export function createImportHandler(): (
  cmd: ImportCommand,
) => Promise<Result<ImportAnalysis | RegistryDiff>> {
  let session: ImportSession | null = null;
  return async (cmd) => {
    try {
      if (cmd.type === 'open') {
        session = null;
        const opened = await ImportSession.open(cmd.bytes, cmd.fileName, cmd.existing, cmd.kind);
        if (!opened.ok) return opened;
        session = opened.value;
        return { ok: true, value: session.analyze(cmd.options) };
      }
      if (!session) return err([problem('import_no_file', 'Сначала выберите файл.')]);
      if (cmd.type === 'edit') return { ok: true, value: session.edit(cmd.row, cmd.cells) };
      if (cmd.type === 'changes') return { ok: true, value: session.changes() };
      return { ok: true, value: session.analyze(cmd.options) };
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      return err([problem('import_failed', `Файл не удалось обработать: ${text}.`)]);
    }
  };
}
