import type { RegistryDiff } from '../../../shared/registry/diffRegistry';
import { err, problem, type Result } from '../../../shared/result';
import type { ImportRequest } from './importProtocol';
import { deltaSender, type AnalysisDelta } from './analysisDelta';
import { ImportSession } from './importSession';
import { warmUpImport } from './importWarmUp';

export type ImportCommand = ImportRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

/**
 * The import's state machine: `open` reads the file, `remap` re-reads it with the user's header row and
 * mapping or status values, `edit` fixes one row in place, `close` lets the file go, `warm` reads a sample
 * (nothing else changes). Runs inside the worker, or on the main thread where there is no Worker. Never rejects.
 * An analysis is answered with the parts that changed since the one before (all of them for `open`).
 */
export function createImportHandler(): (cmd: ImportCommand) => Promise<Result<AnalysisDelta | RegistryDiff>> {
  let session: ImportSession | null = null;
  let opens = 0;
  const delta = deltaSender();
  return async (cmd) => {
    try {
      if (cmd.type === 'open') {
        session = null;
        const open = ++opens;
        const opened = await ImportSession.open(cmd.bytes, cmd.fileName, cmd.existing, cmd.kind);
        // Another file was opened while this one was read: that one is the import now.
        if (open !== opens) return err([problem('import_superseded', 'Выбран другой файл.')]);
        if (!opened.ok) return opened;
        session = opened.value;
        return { ok: true, value: delta(session.analyze(cmd.options), true) };
      }
      if (cmd.type === 'warm') {
        await warmUpImport();
        return { ok: true, value: {} };
      }
      if (cmd.type === 'close') {
        session = null;
        opens++; // a file still being read is not kept either
        return { ok: true, value: { added: [], changed: [], removed: [], unchanged: 0 } };
      }
      if (!session) return err([problem('import_no_file', 'Сначала выберите файл.')]);
      if (cmd.type === 'edit') return { ok: true, value: delta(session.edit(cmd.row, cmd.cells), false) };
      if (cmd.type === 'changes') return { ok: true, value: session.changes() };
      return { ok: true, value: delta(session.analyze(cmd.options), false) };
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      return err([problem('import_failed', `Файл не удалось обработать: ${text}.`)]);
    }
  };
}
