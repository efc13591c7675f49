// @vitest-environment jsdom
// The log's end anchored outside the database: entries deleted from the end are named missing; a
// restore is an audit entry naming the backup, and the anchor follows it.
import { appendAudit, readChain } from './auditLog';
import { readAnchor } from './auditAnchor';
import { loadIntegrity } from './integrity';
import { GolosDb } from '../db/db';
import { dumpDatabase, restoreDatabase } from '../backup/backupDb';

let db: GolosDb;
let n = 0;
beforeEach(async () => {
  localStorage.clear();
  db = new GolosDb(`anchor-test-${++n}`);
  for (let i = 0; i < 16; i++) {
    await db.transaction('rw', [db.meetings, db.audit], async () => {
      await appendAudit(db, {
        actor: 'тест',
        action: 'meeting.update',
        entity: 'meeting',
        entityId: `m${i}`,
      });
    });
  }
});

test('the anchor follows every committed entry', async () => {
  expect(await readAnchor(db.name)).toMatchObject({
    ok: true,
    value: { seq: 16, hash: (await readChain(db)).at(-1)!.hash },
  });
});

test('the last five entries deleted are named missing, though the chain stays intact', async () => {
  await db.audit.bulkDelete([12, 13, 14, 15, 16]);
  const integrity = await loadIntegrity(db);
  expect(integrity.issues).toHaveLength(1);
  expect(integrity.issues[0]).toMatch(
    /^Журнал изменений: нет записей № 12, № 13, № 14, № 15, № 16 — записи удалены из конца журнала \(последняя записанная программой запись № 16, /,
  );
});

test('a restore from a backup is an audit entry naming it, and moves the anchor', async () => {
  const snapshot = await dumpDatabase(db, { reason: 'manual', now: new Date('2026-06-01T10:00:00Z') });
  const backup = { ...snapshot, formatVersion: 1, sha256: 'c'.repeat(64) };
  await appendAudit(db, { actor: 'тест', action: 'meeting.update', entity: 'meeting', entityId: 'later' });
  expect((await restoreDatabase(db, backup)).ok).toBe(true);
  const chain = await readChain(db);
  expect(chain).toHaveLength(17);
  expect(chain.at(-1)).toMatchObject({
    seq: 17,
    action: 'backup.restore',
    entityId: 'c'.repeat(64),
    after: { createdAt: '2026-06-01T10:00:00.000Z', reason: 'manual' },
  });
  expect(await readAnchor(db.name)).toMatchObject({ ok: true, value: { seq: 17, hash: chain.at(-1)!.hash } });
  expect((await loadIntegrity(db)).issues).toEqual([]);
});
