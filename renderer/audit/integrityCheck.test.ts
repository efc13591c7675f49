// @vitest-environment jsdom
// The integrity check's client: in a worker it opens the same database by name with no schema of its
// own (what integrity.worker.ts does, run here through a stand-in Worker) and gives the same outcome as
// the check on the page, differences included; a worker that cannot start leaves the check to the page.
import Dexie from 'dexie';
import { GolosDb } from '../db/db';
import { appendAudit } from './auditLog';
import { verifyIntegrity } from './integrityCheck';
import { runIntegrityCheck, type IntegrityReply, type IntegrityRequest } from './integrityRun';

let n = 0;
const started: string[] = [];

/** Runs the worker's body on a second connection opened by name, as the real worker does. */
class StandInWorker {
  onmessage: ((e: { data: IntegrityReply }) => void) | null = null;
  onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
  constructor(url: URL) {
    started.push(url.pathname.split('/').pop()!);
  }
  postMessage({ dbName, anchor, id }: IntegrityRequest & { id: number }) {
    const db = new Dexie(dbName);
    void db
      .open()
      .then(() => runIntegrityCheck(db, anchor))
      .then((outcome) => this.onmessage?.({ data: { id, type: 'done', outcome } }))
      .finally(() => db.close());
  }
  terminate() {}
}

class BrokenWorker extends StandInWorker {
  override postMessage() {
    setTimeout(() => this.onerror?.({ message: 'script failed', preventDefault() {} }), 0);
  }
}

async function seeded(): Promise<GolosDb> {
  const db = new GolosDb(`integrity-client-${++n}`);
  await db.transaction('rw', [db.meetings, db.audit], async () => {
    await db.meetings.add({ id: 'm1', title: 'Собрание' } as never);
    await appendAudit(db, { actor: 'тест', action: 'meeting.create', entity: 'meeting', entityId: 'm1' });
  });
  return db;
}

afterEach(() => {
  vi.unstubAllGlobals();
  started.length = 0;
});

test('in the worker: the same outcome as on the page, an edit outside the app named', async () => {
  const db = await seeded();
  // Edited outside the app: a raw IndexedDB connection, not seen by the audit middleware.
  const raw = new Dexie(db.name);
  await raw.open();
  await raw.table('meetings').put({ id: 'm1', title: 'Подменено' });
  raw.close();
  const inline = await verifyIntegrity(db);
  vi.stubGlobal('Worker', StandInWorker);
  const viaWorker = await verifyIntegrity(db);
  expect(started).toEqual(['integrity.worker.ts']);
  expect(viaWorker).toEqual(inline);
  expect(viaWorker.check).toMatchObject({ intact: true, count: 1 });
  expect(viaWorker.integrity?.issues).toHaveLength(1);
  expect(viaWorker.integrity?.issues[0]).toBe(
    'собрание «Подменено»: изменено вне программы, title: «Собрание» → «Подменено»',
  );
});

test('a worker that cannot start: the page runs the check itself', async () => {
  const db = await seeded();
  vi.stubGlobal('Worker', BrokenWorker);
  const outcome = await verifyIntegrity(db);
  expect(started).toEqual(['integrity.worker.ts']);
  expect(outcome.check).toMatchObject({ intact: true, count: 1 });
  expect(outcome.integrity).toMatchObject({ issues: [], records: 1 });
});
