/** `golos:open-file`: an open dialog, then the chosen files read into memory (type and size checked). */
import * as nodeFs from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { err, ok, problem, type Problem, type Result } from '../../shared/result';
import { fsProblem } from '../fs/fsProblem';
import { IPC_LIMITS, type OpenedFile, type OpenFileRequest } from '../../shared/ipc/contract';
import type { Dialogs } from './dialogs';
import { formatMegabytes } from '../../shared/ipc/validate';

export interface OpenFileDeps {
  dialogs: Pick<Dialogs, 'chooseOpenPaths'>;
  fs?: Pick<typeof nodeFs, 'stat' | 'readFile'>;
}

export async function openFile(req: OpenFileRequest, deps: OpenFileDeps): Promise<Result<OpenedFile[]>> {
  const fs = deps.fs ?? nodeFs;
  const extensions = req.accept.map((e) => e.slice(1));
  const paths = await deps.dialogs.chooseOpenPaths({
    title: req.multiple ? 'Открыть файлы' : 'Открыть файл',
    filters: [{ name: `Файлы ${req.accept.join(', ')}`, extensions }],
    multiple: req.multiple === true,
  });
  if (paths.length === 0) return ok([]);
  if (!req.multiple && paths.length > 1) {
    return err([problem('open_too_many', 'Выберите один файл.')]);
  }
  if (paths.length > IPC_LIMITS.maxOpenFiles) {
    return err([
      problem(
        'open_too_many',
        `Выбрано слишком много файлов: ${paths.length}, допустимо не более ${IPC_LIMITS.maxOpenFiles}.`,
      ),
    ]);
  }

  const problems: Problem[] = [];
  let total = 0;
  for (const path of paths) {
    const name = basename(path);
    if (!req.accept.includes(extname(path).toLowerCase())) {
      problems.push(
        problem('open_wrong_type', `Файл «${name}» не подходит: ожидались файлы ${req.accept.join(', ')}.`, {
          file: name,
        }),
      );
      continue;
    }
    try {
      const stat = await fs.stat(path);
      total += stat.size;
      if (!stat.isFile()) {
        problems.push(problem('open_not_file', `«${name}» — не файл.`, { file: name }));
      } else if (stat.size > IPC_LIMITS.maxFileBytes) {
        problems.push(
          problem(
            'open_too_large',
            `Файл «${name}» слишком большой: ${formatMegabytes(stat.size)}, допустимо не более ${formatMegabytes(IPC_LIMITS.maxFileBytes)}.`,
            { file: name },
          ),
        );
      }
    } catch (e) {
      problems.push(fsProblem(e, path, 'read'));
    }
  }
  if (total > IPC_LIMITS.maxOpenTotalBytes && problems.length === 0) {
    problems.push(
      problem(
        'open_too_large',
        `Выбранные файлы вместе слишком велики: ${formatMegabytes(total)}, допустимо не более ${formatMegabytes(IPC_LIMITS.maxOpenTotalBytes)}. Откройте их по частям.`,
      ),
    );
  }
  if (problems.length > 0) return err(problems);

  const opened: OpenedFile[] = [];
  let read = 0;
  for (const path of paths) {
    try {
      const data = await fs.readFile(path);
      read += data.byteLength;
      if (read > IPC_LIMITS.maxOpenTotalBytes) {
        return err([problem('open_too_large', 'Выбранные файлы вместе слишком велики.')]);
      }
      // The size may have changed since stat(): check what was actually read.
      if (data.byteLength > IPC_LIMITS.maxFileBytes) {
        return err([
          problem('open_too_large', `Файл «${basename(path)}» слишком большой.`, { file: basename(path) }),
        ]);
      }
      // A copy: a Buffer may be a view on a larger pool, which must not cross the bridge.
      opened.push({ name: basename(path), bytes: new Uint8Array(data) });
    } catch (e) {
      return err([fsProblem(e, path, 'read')]);
    }
  }
  return ok(opened);
}
