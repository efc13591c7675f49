import { err, ok, problem } from '../../shared/result';
import { checkAuditChain, readChain } from '../audit/auditLog';
import { auditedWrite } from './auditedWrite';
import { GolosDb } from './db';
import { toPersonRecord } from './personRecord';
import type { SettingRecord } from './records';

const freshDb = () => new GolosDb(`golos-test-${crypto.randomUUID()}`);
const actor = 'Секретарь Иванова';
const setting: SettingRecord = { key: 'timeline.settings', value: { noticeDaysLaw: 7 } };
const person = toPersonRecord({ id: 'p1', fullName: 'Петров Пётр', status: 'member', holdings: [] });
const event = { actor, action: 'settings.timeline', entity: 'settings', entityId: setting.key } as const;

describe('auditedWrite', () => {
  it('stores the change and its entry together, the entry naming the record as written', async () => {
    const db = freshDb();
    const value = await auditedWrite(db, [db.settings, db.persons], async (audit) => {
      await db.settings.put(setting);
      await db.persons.put(person);
      await audit({ ...event, after: setting.value });
      return 'готово';
    });
    expect(value).toBe('готово');
    expect(await db.settings.get(setting.key)).toEqual(setting);
    const chain = await readChain(db);
    expect(chain.map((e) => [e.seq, e.action, e.actor, e.after])).toEqual([
      [1, 'settings.timeline', actor, { noticeDaysLaw: 7 }],
    ]);
    // The person written in the same transaction is the entry's state (the settings table is not checked).
    expect(Object.keys(chain[0]!.state ?? {})).toEqual(['persons/p1']);
    expect(await checkAuditChain(db)).toMatchObject({ intact: true, count: 1 });
  });

  it('appends several entries in order, each at the time given', async () => {
    const db = freshDb();
    const at = new Date(Date.UTC(2026, 11, 2, 9, 30));
    await auditedWrite(db, [db.settings], async (audit) => {
      await audit({ ...event, after: 1 }, at);
      await audit({ ...event, action: 'settings.omr', after: 2 });
    });
    const chain = await readChain(db);
    expect(chain.map((e) => [e.seq, e.action, e.after])).toEqual([
      [1, 'settings.timeline', 1],
      [2, 'settings.omr', 2],
    ]);
    expect(chain[0]!.at).toBe('2026-12-02T09:30:00.000Z');
    expect(chain[1]!.prevHash).toBe(chain[0]!.hash);
  });

  it('stores neither data nor entry when the work throws after writing both', async () => {
    const db = freshDb();
    await auditedWrite(db, [db.settings], async (audit) => {
      await db.settings.put({ key: 'before', value: 1 });
      await audit({ ...event, entityId: 'before' });
    });
    const failing = auditedWrite(db, [db.settings, db.persons], async (audit) => {
      await db.settings.put(setting);
      await db.persons.put(person);
      await audit({ ...event, after: setting.value });
      throw new Error('диск переполнен');
    });
    await expect(failing).rejects.toThrow('диск переполнен');
    expect(await db.settings.get(setting.key)).toBeUndefined();
    expect(await db.persons.count()).toBe(0);
    expect((await readChain(db)).map((e) => e.entityId)).toEqual(['before']);
  });

  it('rolls back a refused change and gives back its Result', async () => {
    const db = freshDb();
    const refused = err([problem('refused', 'Так нельзя: причина не указана.')]);
    const result = await auditedWrite(db, [db.settings], async (audit) => {
      await db.settings.put(setting);
      await audit({ ...event, after: setting.value });
      return refused;
    });
    expect(result).toBe(refused);
    expect(await db.settings.count()).toBe(0);
    expect(await readChain(db)).toEqual([]);
  });

  it('stores an accepted change that comes as a Result', async () => {
    const db = freshDb();
    const result = await auditedWrite(db, [db.settings], async (audit) => {
      await db.settings.put(setting);
      await audit({ ...event, after: setting.value });
      return ok(setting.key);
    });
    expect(result).toEqual({ ok: true, value: setting.key });
    expect(await db.settings.get(setting.key)).toEqual(setting);
    expect(await readChain(db)).toHaveLength(1);
  });

  it('runs inside an enclosing transaction, committed with it', async () => {
    const db = freshDb();
    await db.transaction('rw', db.tables, async () => {
      await db.settings.put(setting);
      await auditedWrite(db, [], (audit) => audit({ ...event, after: setting.value }));
    });
    expect(await db.settings.get(setting.key)).toEqual(setting);
    expect((await readChain(db)).map((e) => e.action)).toEqual(['settings.timeline']);
  });
});
