/**
 * «Проверить целостность» as the screens run it: the hash chain verified and the data compared with the
 * log, in a Web Worker of its own (integrity.worker.ts) that opens the same IndexedDB database, so hashing
 * a multi-megabyte entry (a registry import) never blocks the window. The anchor is read here first,
 * through the platform (Electron IPC or localStorage), which the worker cannot reach. Where there are no
 * workers (unit tests) the same check runs inline.
 */
import type Dexie from 'dexie';
import { createWorkerClient, WorkerFailed } from '../workers/workerClient';
import { readAnchor } from './auditAnchor';
import type { CheckProgress } from './dataCheck';
import {
  runIntegrityCheck,
  type IntegrityOutcome,
  type IntegrityReply,
  type IntegrityRequest,
} from './integrityRun';

export type { IntegrityOutcome };

async function inWorker(request: IntegrityRequest, onProgress?: CheckProgress): Promise<IntegrityOutcome> {
  const client = createWorkerClient<IntegrityRequest, IntegrityReply>(
    () => new Worker(new URL('./integrity.worker.ts', import.meta.url), { type: 'module' }),
  );
  try {
    return await client.call(request, (m) => {
      if (m.type === 'progress') onProgress?.(m.done, m.total);
      else if (m.type === 'done') return { value: m.outcome };
      else throw new Error(m.message);
      return undefined;
    });
  } finally {
    client.dispose();
  }
}

/** The whole check, off the main thread where the browser has workers. */
export async function verifyIntegrity(db: Dexie, onProgress?: CheckProgress): Promise<IntegrityOutcome> {
  const anchor = await readAnchor(db.name);
  if (typeof Worker === 'undefined') return runIntegrityCheck(db, anchor, onProgress);
  try {
    return await inWorker({ dbName: db.name, anchor }, onProgress);
  } catch (e) {
    // The worker itself failed (its script could not load or run): the page runs the check instead.
    if (!(e instanceof WorkerFailed)) throw e;
    console.warn(
      'Проверка целостности выполняется без фонового обработчика:',
      e.message || 'сбой фоновой проверки',
    );
    return runIntegrityCheck(db, anchor, onProgress);
  }
}
