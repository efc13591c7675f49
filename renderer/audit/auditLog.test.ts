import Dexie from 'dexie';
import { entryHash, GENESIS_HASH, verifyChain } from '../../shared/audit/auditChain';
import { sha256Hex } from '../../shared/crypto/sha256';
import {
  appendAudit,
  AUDIT_SCHEMA,
  checkAuditChain,
  describeAuditCheck,
  getAuditHead,
  readChain,
} from './auditLog';

let counter = 0;
function openDb(): Dexie {
  const db = new Dexie(`audit-test-${++counter}`);
  db.version(1).stores({ persons: 'id', ...AUDIT_SCHEMA });
  return db;
}

const actor = 'Секретарь Иванова';
const t = (minute: number) => new Date(Date.UTC(2025, 4, 1, 10, minute));

/** A person change and its audit entry, in one transaction, as the app's repositories do it. */
async function savePerson(db: Dexie, person: { id: string; fullName: string }, minute: number) {
  await db.transaction('rw', db.table('persons'), db.table('audit'), async () => {
    const before = await db.table('persons').get(person.id);
    await db.table('persons').put(person);
    await appendAudit(
      db,
      {
        actor,
        action: before ? 'person.update' : 'person.create',
        entity: 'person',
        entityId: person.id,
        before,
        after: person,
      },
      t(minute),
    );
  });
}

async function threeChanges(db: Dexie) {
  await savePerson(db, { id: 'a', fullName: 'Иванов Иван' }, 1);
  await savePerson(db, { id: 'b', fullName: 'Петрова Анна' }, 2);
  await savePerson(db, { id: 'a', fullName: 'Иванов Иван Петрович' }, 3);
}

test('entries appended inside the change transaction form an intact chain', async () => {
  const db = openDb();
  expect(await getAuditHead(db)).toEqual({ seq: 0, hash: GENESIS_HASH });
  await threeChanges(db);
  const chain = await readChain(db);
  expect(chain.map((e) => [e.seq, e.action, e.entityId])).toEqual([
    [1, 'person.create', 'a'],
    [2, 'person.create', 'b'],
    [3, 'person.update', 'a'],
  ]);
  expect(chain[0]!.prevHash).toBe(GENESIS_HASH);
  expect(chain[2]!.prevHash).toBe(chain[1]!.hash);
  expect(chain[2]).toMatchObject({
    at: '2025-05-01T10:03:00.000Z',
    before: { id: 'a', fullName: 'Иванов Иван' },
    after: { id: 'a', fullName: 'Иванов Иван Петрович' },
  });
  expect(verifyChain(chain)).toBeNull();
  expect(await getAuditHead(db)).toEqual({ seq: 3, hash: chain[2]!.hash });
  const check = await checkAuditChain(db);
  expect(check).toEqual({ intact: true, count: 3, headSeq: 3, headHash: chain[2]!.hash });
  expect(describeAuditCheck(check)).toBe(`Цепочка цела, 3 записи, последний хеш ${chain[2]!.hash}.`);
});

test('a change that fails takes its audit entry with it', async () => {
  const db = openDb();
  await savePerson(db, { id: 'a', fullName: 'Иванов' }, 1);
  await expect(
    db.transaction('rw', db.table('persons'), db.table('audit'), async () => {
      await appendAudit(db, { actor, action: 'person.create', entity: 'person', entityId: 'a' }, t(2));
      await db.table('persons').add({ id: 'a', fullName: 'Дубль' }); // key exists: fails
    }),
  ).rejects.toThrow();
  expect(await readChain(db)).toHaveLength(1);
  expect(await db.table('persons').get('a')).toEqual({ id: 'a', fullName: 'Иванов' });
});

test('appends started together in one transaction are chained one after the other', async () => {
  const db = openDb();
  await savePerson(db, { id: 'a', fullName: 'Иванов' }, 1);
  await db.transaction('rw', db.table('persons'), db.table('audit'), async () => {
    await db.table('persons').put({ id: 'b', fullName: 'Петрова' });
    await Promise.all(
      (['person.create', 'person.update', 'person.delete'] as const).map((action) =>
        appendAudit(db, { actor, action, entity: 'person', entityId: 'b' }, t(3)),
      ),
    );
  });
  const chain = await readChain(db);
  expect(chain.map((e) => [e.seq, e.action])).toEqual([
    [1, 'person.create'],
    [2, 'person.create'],
    [3, 'person.update'],
    [4, 'person.delete'],
  ]);
  expect(verifyChain(chain)).toBeNull();
});

test('inside a transaction that does not include the audit table, appending fails loudly', async () => {
  const db = openDb();
  await expect(
    db.transaction('rw', db.table('persons'), async () => {
      await db.table('persons').put({ id: 'a' });
      await appendAudit(db, { actor, action: 'person.create', entity: 'person', entityId: 'a' });
    }),
  ).rejects.toThrow(/audit/);
  expect(await db.table('persons').count()).toBe(0);
});

test('editing one stored entry directly is found at that entry', async () => {
  const db = openDb();
  await threeChanges(db);
  await db.table('audit').update(2, { after: { id: 'b', fullName: 'Петрова Анна Сергеевна' } });
  const check = await checkAuditChain(db);
  expect(check).toEqual({ intact: false, count: 3, break: { seq: 2, reason: 'hash_mismatch' } });
  expect(describeAuditCheck(check)).toBe(
    'Журнал изменений нарушен на записи № 2: содержимое записи изменено после её внесения.',
  );
});

test('an edit that also recomputes the entry hash is found at the next entry', async () => {
  const db = openDb();
  await threeChanges(db);
  const second = (await readChain(db))[1]!;
  const forged = { ...second, actor: 'Злоумышленник' };
  await db.table('audit').put({ ...forged, hash: entryHash(forged) });
  expect(await checkAuditChain(db)).toMatchObject({
    intact: false,
    break: { seq: 3, reason: 'prev_mismatch' },
  });
});

test('a removed entry is found as a gap', async () => {
  const db = openDb();
  await threeChanges(db);
  await db.table('audit').delete(2);
  const check = await checkAuditChain(db);
  expect(check).toMatchObject({ intact: false, break: { seq: 3, reason: 'gap' } });
  expect(describeAuditCheck(check)).toBe(
    'Журнал изменений нарушен на записи № 3: пропущены записи (запись удалена).',
  );
});

test('dates and binary data in before/after are stored as the JSON the hash covers', async () => {
  const db = openDb();
  const scan = new Uint8Array([1, 2, 3]);
  await appendAudit(
    db,
    {
      actor,
      action: 'ballot.logged',
      entity: 'ballot',
      entityId: '7',
      after: { receivedAt: new Date('2025-05-02T08:00:00Z'), scan, weight: 3n, note: undefined },
    },
    t(1),
  );
  const [entry] = await readChain(db);
  expect(entry!.after).toEqual({
    receivedAt: '2025-05-02T08:00:00.000Z',
    scan: { binary: 3, sha256: sha256Hex(scan) },
    weight: '3',
  });
  // So changing the date in storage is detected (a Date object would have been hashed as `{}`).
  await db.table('audit').update(1, { 'after.receivedAt': '2025-05-01T08:00:00.000Z' });
  expect(await checkAuditChain(db)).toMatchObject({
    intact: false,
    break: { seq: 1, reason: 'hash_mismatch' },
  });
});

test('an empty log is reported as such', async () => {
  expect(describeAuditCheck(await checkAuditChain(openDb()))).toBe('Журнал пуст: изменений ещё не было.');
});
