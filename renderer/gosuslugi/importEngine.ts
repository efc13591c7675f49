/**
 * The wizard's side of the import worker: a command in, progress while it runs, a result out. Where
 * there is no Worker (jsdom) the same handler runs on the main thread, loaded lazily.
 */
import type { Result } from '../../shared/result';
import type { Ballot, IsoDate, Person } from '../../shared/domain/types';
import type { GosuslugiMapping } from '../../shared/gosuslugi/mapping';
import type { Progress } from './importHandler';
import type { ImportAnswer, ImportCommand, ImportMessage, Opened } from './importProtocol';
import type { BuiltImport, Corrections, OpenRequest, PreviewView } from './importSession';
import { createWorkerClient, fileFailure } from '../workers/workerClient';

export interface ImportEngine {
  open(req: OpenRequest, progress?: Progress): Promise<Result<Opened>>;
  header(first: number, last: number, progress?: Progress): Promise<Result<Opened>>;
  preview(
    mapping: GosuslugiMapping,
    corrections: Corrections,
    progress?: Progress,
  ): Promise<Result<PreviewView>>;
  build(receivedAt: IsoDate, replaces?: Ballot[], progress?: Progress): Promise<Result<BuiltImport>>;
  dispose(): void;
}

type Send = (cmd: ImportCommand, progress: Progress) => Promise<Result<ImportAnswer>>;
const none: Progress = () => {};

function engineOver(send: Send, dispose: () => void): ImportEngine {
  const run = <T extends ImportAnswer>(cmd: ImportCommand, progress: Progress = none) =>
    send(cmd, progress) as Promise<Result<T>>;
  // The registry crosses to the worker once; later files of the same meeting reuse it.
  let sent: Person[] | null = null;
  return {
    open: ({ registry, ...req }, progress) => {
      const again = registry === sent;
      sent = registry;
      return run<Opened>({ type: 'open', ...req, ...(again ? {} : { registry }) }, progress);
    },
    header: (first, last, progress) => run<Opened>({ type: 'header', first, last }, progress),
    preview: (mapping, corrections, progress) =>
      run<PreviewView>({ type: 'preview', mapping, corrections }, progress),
    build: (receivedAt, replaces, progress) =>
      run<BuiltImport>({ type: 'build', receivedAt, ...(replaces ? { replaces } : {}) }, progress),
    dispose,
  };
}

function workerEngine(): ImportEngine {
  const client = createWorkerClient<ImportCommand, ImportMessage>(
    () => new Worker(new URL('./gosuslugiWorker.ts', import.meta.url), { type: 'module' }),
  );
  return engineOver(
    (cmd, progress) =>
      client
        .call(cmd, (m) => {
          if (m.kind === 'done') return { value: m.result };
          progress(m.stage, m.step, m.steps);
          return undefined;
        })
        .catch(fileFailure('gosuslugi_failed')),
    () => client.dispose(),
  );
}

/** The same handler on the main thread, one command at a time (jsdom has no Worker). */
export function inlineEngine(): ImportEngine {
  const handler = import('./importHandler').then((m) => m.createImportHandler());
  let queue: Promise<unknown> = Promise.resolve();
  return engineOver(
    (cmd, progress) => {
      const next = queue.then(async () => (await handler)(cmd, progress));
      queue = next;
      return next;
    },
    () => {},
  );
}

export function createImportEngine(): ImportEngine {
  return typeof Worker === 'undefined' ? inlineEngine() : workerEngine();
}
