import Dexie from 'dexie';
import { GolosDb } from './db';
import { CURRENT_SCHEMA_VERSION, schemaV1, schemaV2, schemaV3 } from './schema';
import { listPersons } from './personRepo';

const v1Person = {
  id: 'p1',
  fullName: '  Семёнова  Марина Викторовна ',
  snils: '11223344595',
  status: 'member',
  holdings: [{ plotNumber: '12А' }, { plotNumber: ' 7 ', cadastralNumber: '50:20:0010203:45', area: '600' }],
};

describe('database migrations', () => {
  it('opens a database written by schema version 1 and derives the version 2 search keys', async () => {
    const name = `golos-migration-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(schemaV1);
    await old
      .table('partnership')
      .put({ id: 'x', name: 'СНТ «Ромашка»', kind: 'snt', address: 'д. Берёзки' });
    await old
      .table('persons')
      .bulkPut([v1Person, { ...v1Person, id: 'p2', fullName: 'Иванов Иван', holdings: [] }]);
    old.close();

    const db = new GolosDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);

    const byName = await db.persons.where('nameKey').equals('семенова марина викторовна').toArray();
    expect(byName.map((p) => p.id)).toEqual(['p1']);
    const byPlot = await db.persons.where('plotNumbers').equals('12а').toArray();
    expect(byPlot.map((p) => p.id)).toEqual(['p1']);
    expect((await db.persons.get('p1'))?.plotNumbers).toEqual(['12а', '7']);
    expect((await db.persons.get('p2'))?.plotNumbers).toEqual([]);

    // The domain view is unchanged by the migration: no derived keys leak out.
    const persons = await listPersons(db);
    expect(persons.find((p) => p.id === 'p1')).toEqual(v1Person);
    expect(await db.partnership.get('x')).toMatchObject({ name: 'СНТ «Ромашка»' });
    db.close();
  });

  it('opens a database written by schema version 2 and adds the meeting tables, keeping the registry', async () => {
    const name = `golos-migration-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(2).stores(schemaV2);
    await old
      .table('persons')
      .put({ ...v1Person, nameKey: 'семенова марина викторовна', plotNumbers: ['12а', '7'] });
    old.close();

    const db = new GolosDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect((await listPersons(db)).map((p) => p.id)).toEqual(['p1']);
    await db.meetings.put({ id: 'm1' } as never);
    expect(await db.meetings.count()).toBe(1);
    expect(await db.audit.count()).toBe(0);
    db.close();
  });

  it('opens a database written by schema version 3 and adds the waiting scan reviews, keeping the rest', async () => {
    const name = `golos-migration-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(3).stores(schemaV3);
    await old.table('meetings').put({ id: 'm1', title: 'Собрание' });
    await old.table('paperBallots').put({ id: 'b1', meetingId: 'm1', personId: 'p1' });
    old.close();

    const db = new GolosDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.meetings.get('m1')).toEqual({ id: 'm1', title: 'Собрание' });
    expect(await db.paperBallots.count()).toBe(1);
    expect(await db.scanReviews.count()).toBe(0);
    await db.scanReviews.put({ id: 's1', meetingId: 'm1' } as never);
    expect((await db.scanReviews.where('meetingId').equals('m1').toArray()).map((r) => r.id)).toEqual(['s1']);
    db.close();
  });
});
