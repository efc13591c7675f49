import type { PartnershipKind, Person } from '../../../shared/domain/types';
import type { RegistryDiff } from '../../../shared/registry/diffRegistry';
import type { Result } from '../../../shared/result';
import type { ImportCommand } from './importHandler';
import type { ImportResponse } from './importProtocol';
import type { ImportAnalysis, RemapOptions } from './importSession';
import { createWorkerClient, fileFailure } from '../../workers/workerClient';

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

type Reply = Result<ImportAnalysis | RegistryDiff>;

function engineOver(send: (cmd: ImportCommand) => Promise<Reply>, dispose: () => void): ImportEngine {
  const analysis = (cmd: ImportCommand) => send(cmd) as Promise<Result<ImportAnalysis>>;
  return {
    open: (bytes, fileName, existing, kind, options) =>
      analysis({ type: 'open', bytes, fileName, existing, kind, ...(options ? { options } : {}) }),
    remap: (options) => analysis({ type: 'remap', options }),
    edit: (row, cells) => analysis({ type: 'edit', row, cells }),
    changes: () => send({ type: 'changes' }) as Promise<Result<RegistryDiff>>,
    dispose,
  };
}

/** Parsing, validation and the comparison with the stored registry run off the main thread. */
function workerEngine(): ImportEngine {
  const client = createWorkerClient<ImportCommand, ImportResponse>(
    () => new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' }),
  );
  return engineOver(
    (cmd) => client.call(cmd, (m) => ({ value: m.result })).catch(fileFailure('import_failed')),
    () => client.dispose(),
  );
}

/** The same handler on the main thread (jsdom has no Worker); the parser still loads lazily. */
export function inlineEngine(): ImportEngine {
  const handler = import('./importHandler').then((m) => m.createImportHandler());
  return engineOver(
    async (cmd) => (await handler)(cmd),
    () => {},
  );
}

export function createImportEngine(): ImportEngine {
  return typeof Worker === 'undefined' ? inlineEngine() : workerEngine();
}
