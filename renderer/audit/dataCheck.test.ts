// The data checked against the audit trail: records written by the app match the state the log gives
// them; records edited, added or deleted through another connection (as developer tools would) are
// named in Russian.
import Dexie from 'dexie';
import type { Ballot, Person } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import { voterRefOf } from '../../shared/paper/voterRef';
import { saveKeyedBallot } from '../ballots/ballotRepo';
import { seededDb } from '../ballots/ballots.testkit';
import type { GolosDb } from '../db/db';
import { toPersonRecord } from '../db/personRecord';
import { deleteMeeting } from '../meetings/meetingRepo';
import { appendAudit, checkAuditChain } from './auditLog';
import { checkDataAgainstLog } from './dataCheck';
import { describeIssue } from './dataCheckText';

let db: GolosDb;
let persons: Person[];
let meeting: Meeting;

function ballot(person: Person, id: string, marks: Ballot['marks']): Ballot {
  return {
    id,
    channel: 'paper',
    voter: voterRefOf(person),
    copy: 'original',
    receivedAt: '2026-06-10',
    delivery: 'hand',
    voidReasons: [],
    marks,
    source: 'ввод с клавиатуры',
  };
}

/** A second connection without the app's middleware: writes the app does not see. */
async function outside<T>(run: (raw: Dexie) => Promise<T>): Promise<T> {
  const raw = new Dexie(db.name);
  await raw.open();
  try {
    return await run(raw);
  } finally {
    raw.close();
  }
}

beforeEach(async () => {
  ({ db, persons, meeting } = await seededDb(12));
  // The seed goes under the log as the app's own import would put it.
  await db.transaction('rw', [db.persons, db.meetings, db.audit], async () => {
    await db.persons.bulkPut(persons.map(toPersonRecord));
    await db.meetings.put(meeting);
    await appendAudit(db, { actor: 'тест', action: 'import.registry', entity: 'registry', entityId: 'seed' });
  });
  const ctx = { meeting, registry: persons, by: 'Иванова', at: '2026-06-14T20:00:00+03:00' };
  for (const [i, id] of ['b1', 'b2', 'b3'].entries()) {
    const saved = await saveKeyedBallot(db, ctx, {
      ballot: ballot(persons[i]!, id, { 1: 'for', 2: 'for', 3: 'for' }),
      correction: false,
    });
    expect(saved.ok).toBe(true);
  }
});

test('what the app wrote matches the log', async () => {
  const check = await checkDataAgainstLog(db);
  expect(check.issues).toEqual([]);
  expect(check.complete).toBe(true);
  expect(check.records).toBe(12 + 1 + 3);
});

test('names a ballot edited, one deleted and one added outside the program', async () => {
  await outside(async (raw) => {
    const b1 = await raw.table('paperBallots').get('b1');
    b1.versions.at(-1).ballot.marks[3] = 'against';
    await raw.table('paperBallots').put(b1);
    await raw.table('paperBallots').delete('b2');
    const b3 = await raw.table('paperBallots').get('b3');
    await raw.table('paperBallots').put({ ...b3, id: 'b9' });
  });
  const check = await checkDataAgainstLog(db);
  const text = check.issues.map((i) => describeIssue(i));
  const name = (p: Person) => `бюллетень ${p.fullName}, участок ${p.holdings[0]!.plotNumber}`;
  expect(text).toEqual([
    `${name(persons[0]!)}: изменён вне программы, вопрос 3: было «за», стало «против»`,
    `${name(persons[2]!)}: добавлен вне программы`,
    `${name(persons[1]!)}: удалён вне программы`,
  ]);
  // The chain itself is intact: only the comparison with the data finds this.
  expect((await checkAuditChain(db)).intact).toBe(true);
});

test('a registry person edited outside is named with the field', async () => {
  await outside((raw) => raw.table('persons').update(persons[4]!.id, { fullName: 'Подменов П. П.' }));
  const [issue, ...rest] = (await checkDataAgainstLog(db)).issues;
  expect(rest).toEqual([]);
  expect(describeIssue(issue!)).toBe(
    `участник реестра Подменов П. П.: изменён вне программы, fullName: «${persons[4]!.fullName}» → «Подменов П. П.»`,
  );
});

test('a write after the audit entry in the same transaction is added to that entry', async () => {
  await db.transaction('rw', [db.meetings, db.audit], async () => {
    await appendAudit(db, {
      actor: 'тест',
      action: 'meeting.update',
      entity: 'meeting',
      entityId: meeting.id,
    });
    await db.meetings.put({ ...meeting, title: 'Новое название' });
  });
  expect((await checkDataAgainstLog(db)).issues).toEqual([]);
  expect((await checkAuditChain(db)).intact).toBe(true);
});

test('deleting a meeting with its ballots (an index range) matches the log', async () => {
  await deleteMeeting(db, meeting.id);
  const check = await checkDataAgainstLog(db);
  expect(check.issues).toEqual([]);
  expect(check.records).toBe(12);
});
