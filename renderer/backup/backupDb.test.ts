// Node environment: fake-indexeddb stores Node's Blob and File (jsdom's Blob does not survive it).
import Dexie from 'dexie';
import { decodeBackup, encodeBackup, type Backup } from '../../shared/backup/backupFile';
import { appendAudit, checkAuditChain, getAuditHead, readChain } from '../audit/auditLog';
import { checkRestorable, dumpDatabase, restoreDatabase } from './backupDb';

let counter = 0;
const NOW = new Date('2025-05-01T10:00:00.000Z');

const schemaV1 = {
  partnership: 'id',
  persons: 'id, snils',
  scans: '++id, personId',
  settings: '',
  audit: 'seq',
};

/** A small database of our own, shaped like the app's: inbound, auto-increment and outbound keys. */
function openV1(name = `backup-test-${++counter}`): Dexie {
  const db = new Dexie(name);
  db.version(1).stores(schemaV1);
  return db;
}

/** Version 2 adds a derived index; its upgrade fills it in, as the app's migrations do. */
function openV2(name = `backup-test-${++counter}`): Dexie {
  const db = new Dexie(name);
  db.version(1).stores(schemaV1);
  db.version(2)
    .stores({ ...schemaV1, persons: 'id, snils, nameKey' })
    .upgrade((tx) =>
      tx
        .table('persons')
        .toCollection()
        .modify((p: { fullName: string; nameKey?: string }) => {
          p.nameKey = p.fullName.toLowerCase();
        }),
    );
  return db;
}

async function fill(db: Dexie): Promise<void> {
  await db.table('partnership').add({
    id: 'p1',
    name: 'СНТ «Берёзка»',
    createdAt: new Date('2024-03-01T08:00:00Z'),
    requisites: { inn: '5003001234', address: { city: 'Видное', lines: ['ул. Лесная', undefined, 'д. 1'] } },
  });
  await db.table('persons').bulkAdd([
    {
      id: 'a',
      snils: '112-233-445 95',
      fullName: 'Иванов Иван',
      holdings: [{ plotNumber: '12а', share: '1/2' }],
    },
    {
      id: 'b',
      snils: null,
      fullName: 'Петрова Анна',
      weight: 12345678901234567890n,
      tags: new Set(['член']),
    },
  ]);
  await db.table('scans').bulkAdd([
    {
      personId: 'a',
      image: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], { type: 'image/jpeg' }),
      received: new Date(2025, 3, 20),
    },
    {
      personId: 'b',
      // (Node's structured clone stores a File as a plain Blob; File names are covered in blobValues.test.)
      original: new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46])], { type: 'application/pdf' }),
      thumbnail: new Uint8Array([9, 8, 7]),
      pages: new Map([[1, { ok: true }]]),
    },
  ]);
  await db.table('settings').put({ operator: 'Секретарь' }, 'session');
  await db.table('settings').put([1, 2, 3], ['meeting', 7]);
  await db.table('audit').add({ seq: 1, hash: 'ab', before: { n: NaN, z: -0 } });
}

async function backupOf(db: Dexie): Promise<Backup> {
  const r = decodeBackup(encodeBackup(await dumpDatabase(db, { reason: 'manual', now: NOW })));
  if (!r.ok) throw new Error(r.error[0]!.message);
  return r.value;
}

/** Every table's rows with Blobs read out, for comparing two databases. */
async function contents(db: Dexie): Promise<unknown> {
  return (await dumpDatabase(db, { now: NOW })).tables;
}

test('backup, then restore into an empty install: every table comes back exactly', async () => {
  const source = openV1();
  await fill(source);
  const backup = await backupOf(source);
  const target = openV1();
  expect(await restoreDatabase(target, backup)).toEqual({ ok: true, value: { tables: 5, rows: 8 } });
  // The restore is itself logged, after the restored log; without that entry the copy is exact.
  const logged = await target.table('audit').toCollection().last();
  expect(logged).toMatchObject({ action: 'backup.restore', entityId: backup.sha256 });
  await target.table('audit').delete(logged.seq);

  expect(await contents(target)).toEqual(await contents(source));
  // Byte for byte: the restored database backs up to the very same file.
  expect(encodeBackup(await dumpDatabase(target, { now: NOW }))).toEqual(
    encodeBackup(await dumpDatabase(source, { now: NOW })),
  );

  const [scanA, scanB] = await target.table('scans').toArray();
  expect(scanA.image).toBeInstanceOf(Blob);
  expect(scanA.image.type).toBe('image/jpeg');
  expect(new Uint8Array(await scanA.image.arrayBuffer())).toEqual(
    new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
  );
  expect(scanA.received).toEqual(new Date(2025, 3, 20));
  expect(scanB.original.type).toBe('application/pdf');
  expect(new Uint8Array(await scanB.original.arrayBuffer())).toEqual(
    new Uint8Array([0x25, 0x50, 0x44, 0x46]),
  );
  expect(scanB.thumbnail).toEqual(new Uint8Array([9, 8, 7]));
  expect(scanB.pages).toEqual(new Map([[1, { ok: true }]]));
  expect(await target.table('settings').get(['meeting', 7])).toEqual([1, 2, 3]);
  expect((await target.table('persons').get('b')).weight).toBe(12345678901234567890n);
  expect((await target.table('partnership').get('p1')).requisites.address.lines).toEqual([
    'ул. Лесная',
    undefined,
    'д. 1',
  ]);
  // Indexes work on the restored rows, and auto-increment continues after the restored keys.
  expect(await target.table('persons').where('snils').equals('112-233-445 95').primaryKeys()).toEqual(['a']);
  expect(await target.table('scans').add({ personId: 'c' })).toBe(3);
});

test('restore into an existing install replaces everything it holds', async () => {
  const source = openV1();
  await fill(source);
  const backup = await backupOf(source);
  const target = openV1();
  await target.table('persons').add({ id: 'z', snils: '1', fullName: 'Лишний' });
  await target.table('settings').put('x', 'only-here');
  expect((await restoreDatabase(target, backup)).ok).toBe(true);
  expect(await target.table('persons').toCollection().primaryKeys()).toEqual(['a', 'b']);
  expect(await target.table('settings').get('only-here')).toBeUndefined();
});

test('a restore that fails midway leaves every table as it was', async () => {
  const source = openV1();
  await fill(source);
  const backup = await backupOf(source);
  // A second row with the same key in a later table makes the transaction fail after earlier tables
  // were already cleared and refilled inside it.
  backup.tables.scans!.rows.push({ ...(backup.tables.scans!.rows[0] as object) });
  const target = openV1();
  await target.table('partnership').add({ id: 'mine', name: 'Моё СНТ' });
  await target.table('persons').add({ id: 'z', snils: '1', fullName: 'Свой' });
  const before = await contents(target);

  const r = await restoreDatabase(target, backup);
  expect(r.ok).toBe(false);
  expect(r.ok || r.error[0]).toMatchObject({ code: 'backup_restore_failed' });
  expect(r.ok || r.error[0]!.message).toMatch(
    /^Восстановление не выполнено, текущие данные остались прежними: /,
  );
  expect(await contents(target)).toEqual(before);
});

test('a backup from a newer schema version is refused and nothing changes', async () => {
  const newer = openV2();
  await newer.table('persons').add({ id: 'a', snils: '1', fullName: 'Иванов', nameKey: 'иванов' });
  const backup = await backupOf(newer);
  const target = openV1();
  await target.table('persons').add({ id: 'z', snils: '1', fullName: 'Свой' });
  const r = await restoreDatabase(target, backup);
  expect(r).toEqual({
    ok: false,
    error: [
      {
        code: 'backup_newer_schema',
        severity: 'error',
        message:
          'Копия сделана более новой версией программы (версия данных 2, у этой программы 1). Обновите «Голос», затем восстановите копию.',
      },
    ],
  });
  expect(await target.table('persons').toCollection().primaryKeys()).toEqual(['z']);
});

test('a backup from an older schema version goes through the migrations', async () => {
  const old = openV1();
  await fill(old);
  const backup = await backupOf(old);
  const target = openV2();
  await target.open();

  expect(checkRestorable(target, backup)).toMatchObject({
    ok: false,
    error: [{ code: 'backup_older_schema' }],
  });
  const r = await restoreDatabase(target, backup, { openMigrating: (name) => openV2(name) });
  expect(r.ok).toBe(true);
  expect(await target.table('persons').where('nameKey').equals('петрова анна').primaryKeys()).toEqual(['b']);
  const scan = (await target.table('scans').get(1)) as { image: Blob };
  expect(new Uint8Array(await scan.image.arrayBuffer())).toEqual(
    new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
  );
  // The temporary database is gone.
  expect((await Dexie.getDatabaseNames()).filter((n) => n.startsWith('golos-restore-'))).toEqual([]);
});

test('a backup whose tables do not match this schema version is refused', async () => {
  const source = openV1();
  await fill(source);
  const backup = await backupOf(source);
  delete backup.tables.audit;
  backup.tables.ballots = { schema: 'id', rows: [] };
  const target = openV1();
  await target.open();
  expect(checkRestorable(target, backup)).toMatchObject({
    ok: false,
    error: [
      {
        code: 'backup_tables_mismatch',
        message:
          'Копия не подходит к этой программе при той же версии данных 1: нет таблиц «audit»; лишние таблицы «ballots».',
      },
    ],
  });
});

test('the snapshot records the schema of every table and the schema version', async () => {
  const db = openV2();
  const snapshot = await dumpDatabase(db, { reason: 'before-import', now: NOW, appVersion: '0.1.0' });
  expect(snapshot).toMatchObject({
    schemaVersion: 2,
    createdAt: '2025-05-01T10:00:00.000Z',
    reason: 'before-import',
    appVersion: '0.1.0',
  });
  expect(Object.fromEntries(Object.entries(snapshot.tables).map(([n, t]) => [n, t.schema]))).toEqual({
    partnership: 'id',
    persons: 'id, snils, nameKey',
    scans: '++id, personId',
    settings: '',
    audit: 'seq',
  });
  expect(snapshot.tables.settings!.keys).toEqual([]);
  expect(snapshot.tables.persons!.keys).toBeUndefined();
});

test('the audit chain survives backup and restore: the restored head, then the restore entry', async () => {
  const source = openV1();
  for (const [i, name] of ['Иванов', 'Петрова', 'Сидоров'].entries()) {
    await source.transaction('rw', source.table('persons'), source.table('audit'), async () => {
      const person = { id: `p${i}`, snils: null, fullName: name, at: new Date(i) };
      await source.table('persons').put(person);
      await appendAudit(source, {
        actor: 'Секретарь',
        action: 'person.create',
        entity: 'person',
        entityId: person.id,
        after: person,
      });
    });
  }
  const head = await getAuditHead(source);
  const target = openV1();
  await fill(target);
  expect((await restoreDatabase(target, await backupOf(source))).ok).toBe(true);
  const chain = await readChain(target);
  expect(chain[2]!.hash).toBe(head.hash);
  expect(chain[3]).toMatchObject({ seq: 4, prevHash: head.hash, action: 'backup.restore' });
  expect(await checkAuditChain(target)).toMatchObject({ intact: true, count: 4, headSeq: 4 });
});
