/**
 * The import's state machine behind the worker boundary: one session per file, commands answered in
 * order, progress reported by stage. Runs inside the Web Worker, or on the main thread where there is
 * no Worker (tests). Never rejects: a failure is a Russian message.
 */
import type { Person } from '../../shared/domain/types';
import { err, problem, type Result } from '../../shared/result';
import type { ImportAnswer, ImportCommand } from './importProtocol';
import { GosuslugiSession, NO_CORRECTIONS } from './importSession';

export type Progress = (stage: string, step: number, steps: number) => void;

export function createImportHandler(): (
  cmd: ImportCommand,
  progress: Progress,
) => Promise<Result<ImportAnswer>> {
  let session: GosuslugiSession | null = null;
  /** The registry last sent: its voter index is built once (indexVoters caches it per array). */
  let registry: Person[] = [];
  return async (cmd, progress) => {
    try {
      if (cmd.type === 'open') {
        session = null;
        const { type: _type, registry: sent, ...rest } = cmd;
        if (sent) registry = sent;
        const req = { ...rest, registry };
        const steps = 4;
        let step = 0;
        const opened = await GosuslugiSession.open(req, (stage) => progress(stage, ++step, steps));
        if (!opened.ok) return opened;
        session = opened.value;
        progress('Поиск заголовка и столбцов', 3, steps);
        const view = session.propose();
        if (!view.mapping) return { ok: true, value: { view, preview: null } };
        progress('Сопоставление участников с реестром', 4, steps);
        return { ok: true, value: { view, preview: session.preview(view.mapping, NO_CORRECTIONS) } };
      }
      if (!session) return err([problem('gosuslugi_no_file', 'Сначала выберите файл.')]);
      switch (cmd.type) {
        case 'header': {
          progress('Поиск столбцов', 1, 2);
          const view = session.propose({ first: cmd.first, last: cmd.last });
          if (!view.mapping) return { ok: true, value: { view, preview: null } };
          progress('Сопоставление участников с реестром', 2, 2);
          return { ok: true, value: { view, preview: session.preview(view.mapping, NO_CORRECTIONS) } };
        }
        case 'preview':
          progress('Сопоставление участников с реестром', 1, 1);
          return { ok: true, value: session.preview(cmd.mapping, cmd.corrections) };
        case 'build':
          progress('Подготовка бюллетеней', 1, 1);
          return session.build(cmd.receivedAt, cmd.replaces);
      }
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      return err([problem('gosuslugi_failed', `Файл не удалось обработать: ${text}.`)]);
    }
  };
}
