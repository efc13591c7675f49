/// <reference lib="webworker" />
// The integrity check off the main thread (integrityCheck.ts, integrityRun.ts): opens the app's IndexedDB database by
// name without declaring its schema (Dexie reads the stores as they are), runs the check, reports
// progress at most ~20 times a second, and closes the database.
import Dexie from 'dexie';
import { runIntegrityCheck, type IntegrityReply, type IntegrityRequest } from './integrityRun';

self.onmessage = async (e: MessageEvent<IntegrityRequest & { id: number }>) => {
  const { dbName, anchor, id } = e.data;
  const post = (m: IntegrityReply) => self.postMessage(m);
  const db = new Dexie(dbName);
  let last = 0;
  try {
    await db.open();
    const outcome = await runIntegrityCheck(db, anchor, (done, total) => {
      const now = performance.now();
      if (done === total || now - last > 50) {
        last = now;
        post({ id, type: 'progress', done, total });
      }
    });
    post({ id, type: 'done', outcome });
  } catch (error) {
    post({ id, type: 'failed', message: error instanceof Error ? error.message : String(error) });
  } finally {
    db.close();
  }
};
