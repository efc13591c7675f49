import type { PartnershipKind, Person } from '../../../shared/domain/types';
import type { RegistryDiff } from '../../../shared/registry/diffRegistry';
import type { Result } from '../../../shared/result';
import { applyDelta, type AnalysisDelta } from './analysisDelta';
import type { ImportCommand } from './importHandler';
import type { ImportResponse } from './importProtocol';
import type { ImportAnalysis, RemapOptions } from './importSession';
import { createWorkerClient, fileFailure, type WorkerClient } from '../../workers/workerClient';

/** Reads an import file and re-reads it with another mapping; in a Web Worker where there is one. */
export interface ImportEngine {
  open(
    bytes: Uint8Array,
    fileName: string,
    existing: Person[],
    kind: PartnershipKind,
    options?: RemapOptions,
  ): Promise<Result<ImportAnalysis>>;
  remap(options: RemapOptions): Promise<Result<ImportAnalysis>>;
  /** A fix in place: the row's cells as the user corrected them. */
  edit(row: number, cells: string[]): Promise<Result<ImportAnalysis>>;
  /** Everything the last reading would import. */
  changes(): Promise<Result<RegistryDiff>>;
  dispose(): void;
}

type Reply = Result<AnalysisDelta | RegistryDiff>;

/**
 * The last time the preview sent a command, had its answer, and drew it (`golos-import-sent`, `-answered`,
 * `-drawn` in the page's performance timeline, one of each kept): the benchmark reads where a fix's time goes.
 */
export function importMark(what: 'sent' | 'answered' | 'drawn'): void {
  performance.clearMarks(`golos-import-${what}`);
  performance.mark(`golos-import-${what}`);
}

/**
 * Commands over `send`. Analyses come as the parts that changed: each is put into the last one, so the
 * parts a fix did not change stay the same objects (the preview redraws only what changed).
 */
function engineOver(send: (cmd: ImportCommand) => Promise<Reply>, dispose: () => void): ImportEngine {
  let last: ImportAnalysis | null = null;
  const analysis = async (cmd: ImportCommand): Promise<Result<ImportAnalysis>> => {
    if (cmd.type === 'open') last = null;
    importMark('sent');
    const reply = (await send(cmd)) as Result<AnalysisDelta>;
    importMark('answered');
    if (!reply.ok) return reply;
    last = applyDelta(last, reply.value);
    return { ok: true, value: last };
  };
  return {
    open: (bytes, fileName, existing, kind, options) =>
      analysis({ type: 'open', bytes, fileName, existing, kind, ...(options ? { options } : {}) }),
    remap: (options) => analysis({ type: 'remap', options }),
    edit: (row, cells) => analysis({ type: 'edit', row, cells }),
    changes: () => send({ type: 'changes' }) as Promise<Result<RegistryDiff>>,
    dispose,
  };
}

type ImportClient = WorkerClient<ImportCommand, ImportResponse>;
/** The import worker, one for the window's life, started by the first import. */
let client: ImportClient | null = null;

/**
 * Parsing, validation and the comparison with the stored registry run off the main thread, in one worker
 * kept for the window's life: a second import does not load and compile the reader again (a fresh worker
 * runs its first file several times slower). A worker that failed is not used again: the next import
 * starts a new one. Closing an import lets its file go (`close`).
 */
function importClient(): ImportClient {
  client ??= createWorkerClient<ImportCommand, ImportResponse>(
    () => new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' }),
    { restartAfterFailure: true },
  );
  return client;
}

function workerEngine(): ImportEngine {
  const c = importClient();
  const send = (cmd: ImportCommand): Promise<Reply> =>
    c.call(cmd, (m) => ({ value: m.result })).catch(fileFailure('import_failed'));
  return engineOver(send, () => void send({ type: 'close' }));
}

/** The same handler on the main thread (jsdom has no Worker); the parser still loads lazily. */
export function inlineEngine(): ImportEngine {
  const handler = import('./importHandler').then((m) => m.createImportHandler());
  return engineOver(
    async (cmd) => (await handler)(cmd),
    () => {},
  );
}

/**
 * Starts the import worker and has it read a small sample, while the user picks a file: the first import
 * of a session then runs in a worker that has its code loaded and compiled. Nothing where there is no Worker.
 */
export function warmUpImportWorker(): void {
  if (typeof Worker === 'undefined') return;
  importClient()
    .call({ type: 'warm' }, () => ({ value: undefined }))
    .catch(() => {});
}

export function createImportEngine(): ImportEngine {
  return typeof Worker === 'undefined' ? inlineEngine() : workerEngine();
}
