import type { Ballot, Person } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import { currentBallots, currentVersion } from '../../shared/paper/ballotRecord';
import { doubleEntryState } from '../../shared/paper/doubleEntry';
import { voterRefOf } from '../../shared/paper/voterRef';
import { checkAuditChain, readChain } from '../audit/auditLog';
import type { GolosDb } from '../db/db';
import {
  addImportedBallots,
  recordArrival,
  registerArrival,
  restoreBallot,
  saveKeyedBallot,
  settleBallot,
  strikeArrival,
  withdrawBallot,
} from './ballotRepo';
import { seededDb, testMeeting } from './ballots.testkit';

function ballot(person: Person, id: string, marks: Ballot['marks'], extra: Partial<Ballot> = {}): Ballot {
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
    ...extra,
  };
}

const allFor = (meeting: Meeting) =>
  Object.fromEntries(meeting.questions.map((q) => [q.number, 'for' as const]));

let db: GolosDb;
let persons: Person[];
let meeting: Meeting;
const at = '2026-06-14T20:00:00+03:00';

beforeEach(async () => {
  ({ db, persons, meeting } = await seededDb(30));
});

describe('ballot repository: every write in one transaction with its audit entry', () => {
  it('a keyed ballot, its correction (reason required), withdrawal and restore keep every version and log each', async () => {
    const member = persons.find((p) => p.status === 'member')!;
    const ctx = { meeting, registry: persons, by: 'Иванова', at };
    const saved = await saveKeyedBallot(db, ctx, {
      ballot: ballot(member, 'b1', allFor(meeting)),
      correction: false,
    });
    expect(saved.ok).toBe(true);

    // A correction without a reason is refused and stores nothing.
    const changed = ballot(member, 'b1', { ...allFor(meeting), 3: 'against' });
    const noReason = await saveKeyedBallot(db, ctx, { ballot: changed, recordId: 'b1', correction: true });
    expect(noReason.ok).toBe(false);
    expect(!noReason.ok && noReason.error[0]!.message).toBe('Исправление бюллетеня: укажите причину.');
    expect((await db.paperBallots.get('b1'))!.versions).toHaveLength(1);

    const fixed = await saveKeyedBallot(
      db,
      { ...ctx, by: 'Петров' },
      {
        ballot: changed,
        recordId: 'b1',
        correction: true,
        reason: 'опечатка',
      },
    );
    expect(fixed.ok).toBe(true);
    expect((await withdrawBallot(db, ctx, 'b1', '  ')).ok).toBe(false);
    expect((await withdrawBallot(db, ctx, 'b1', 'подан повторно')).ok).toBe(true);
    expect(currentBallots([(await db.paperBallots.get('b1'))!])).toEqual([]);
    expect((await restoreBallot(db, ctx, 'b1', 'ошибочно отозван')).ok).toBe(true);

    const row = (await db.paperBallots.get('b1'))!;
    expect(row.personId).toBe(member.id);
    expect(row.meetingId).toBe(meeting.id);
    expect(row.versions.map((v) => [v.kind, v.by, v.reason])).toEqual([
      ['entered', 'Иванова', undefined],
      ['corrected', 'Петров', 'опечатка'],
      ['withdrawn', 'Иванова', 'подан повторно'],
      ['restored', 'Иванова', 'ошибочно отозван'],
    ]);
    expect(row.versions[0]!.ballot.marks[3]).toBe('for');
    expect(currentVersion(row).ballot.marks[3]).toBe('against');
    const audit = await readChain(db);
    expect(audit.map((e) => [e.action, e.actor, e.reason])).toEqual([
      ['ballot.entered', 'Иванова', undefined],
      ['ballot.corrected', 'Петров', 'опечатка'],
      ['ballot.withdrawn', 'Иванова', 'подан повторно'],
      ['ballot.restored', 'Иванова', 'ошибочно отозван'],
    ]);
    expect((audit[1]!.before as Ballot).marks[3]).toBe('for');
    expect((await checkAuditChain(db)).intact).toBe(true);
  });

  it('a keyed ballot goes into the record of its logged arrival, with the scan file kept', async () => {
    const member = persons.find((p) => p.status === 'member')!;
    const ctx = { meeting, registry: persons, by: 'Иванова', at };
    const logged = await recordArrival(
      db,
      ctx,
      { personId: member.id, copy: 'scan', delivery: 'email', receivedAt: '2026-06-05' },
      [{ name: 'скан.pdf', bytes: new Uint8Array([37, 80, 68, 70]) }],
    );
    if (!logged.ok) throw new Error(logged.error[0]!.message);
    const { row, attachments } = logged.value;
    expect(attachments).toEqual([
      expect.objectContaining({ name: 'скан.pdf', mime: 'application/pdf', size: 4 }),
    ]);
    expect((await db.attachments.get(attachments[0]!.id))!.bytes).toEqual(new Uint8Array([37, 80, 68, 70]));
    expect(currentVersion(row).attachmentIds).toEqual([attachments[0]!.id]);

    const keyed = await saveKeyedBallot(db, ctx, {
      ballot: {
        ...ballot(member, 'ignored', allFor(meeting)),
        copy: 'scan',
        delivery: 'email',
        receivedAt: '2026-06-05',
      },
      recordId: row.id,
      correction: false,
    });
    if (!keyed.ok) throw new Error(keyed.error[0]!.message);
    expect(keyed.value.versions.map((v) => v.kind)).toEqual(['logged', 'entered']);
    expect(currentVersion(keyed.value).attachmentIds).toEqual([attachments[0]!.id]);
    expect((await readChain(db)).map((e) => e.action)).toEqual([
      'attachment.add',
      'ballot.logged',
      'ballot.entered',
    ]);
  });

  it('a wrong arrival names its field and stores neither the record nor its files', async () => {
    const member = persons.find((p) => p.status === 'member')!;
    const ctx = { meeting, registry: persons, by: 'Иванова', at };
    const bad = await recordArrival(
      db,
      ctx,
      { personId: member.id, copy: 'original', delivery: 'mail', receivedAt: '2026-06-31' },
      [{ name: 'конверт.jpg', bytes: new Uint8Array([1, 2, 3]) }],
    );
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.map((p) => p.field)).toEqual(['Дата получения', 'Номер отправления']);
    expect(await db.paperBallots.count()).toBe(0);
    expect(await db.attachments.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('double entry: the same operator may not key the second time; agreeing entries settle at once, others wait for settling', async () => {
    const dm = testMeeting('m-double', { doubleEntry: true });
    await db.meetings.put(dm);
    const [a, b] = persons.filter((p) => p.status === 'member');
    const first = { meeting: dm, registry: persons, by: 'Иванова', at };
    const second = { ...first, by: 'Петров' };
    await saveKeyedBallot(db, first, { ballot: ballot(a!, 'd1', allFor(dm)), correction: false });
    await saveKeyedBallot(db, first, { ballot: ballot(b!, 'd2', allFor(dm)), correction: false });

    const same = await saveKeyedBallot(db, first, {
      ballot: ballot(a!, 'x', allFor(dm)),
      recordId: 'd1',
      correction: false,
    });
    expect(!same.ok && same.error[0]!.code).toBe('second_entry_same_operator');

    const agree = await saveKeyedBallot(db, second, {
      ballot: ballot(a!, 'x', allFor(dm)),
      recordId: 'd1',
      correction: false,
    });
    if (!agree.ok) throw new Error(agree.error[0]!.message);
    expect(agree.value.versions.map((v) => v.kind)).toEqual(['entered', 'second_entry', 'settled']);

    const differ = { ...allFor(dm), 2: 'against' as const };
    const disagree = await saveKeyedBallot(db, second, {
      ballot: ballot(b!, 'x', differ),
      recordId: 'd2',
      correction: false,
    });
    if (!disagree.ok) throw new Error(disagree.error[0]!.message);
    const numbers = dm.questions.map((q) => q.number);
    expect(doubleEntryState(disagree.value, numbers).state).toBe('disagree');
    expect(currentBallots([disagree.value], { doubleEntry: true })).toEqual([]);

    const settled = await settleBallot(
      db,
      { ...first, by: 'Иванова, Петров' },
      'd2',
      { ...currentVersion(disagree.value).ballot, marks: differ },
      'сверено с бумагой',
    );
    if (!settled.ok) throw new Error(settled.error[0]!.message);
    expect(currentBallots([settled.value], { doubleEntry: true })[0]!.marks[2]).toBe('against');
    expect((await readChain(db)).at(-1)).toMatchObject({
      action: 'ballot.settled',
      actor: 'Иванова, Петров',
    });
  });

  it('imported ballots become records with their audit entries; a ballot id taken by another meeting is refused', async () => {
    const [a, b] = persons;
    const ctx = { meeting, registry: persons, by: 'Иванова', at };
    const added = await addImportedBallots(db, ctx, [
      ballot(a!, 'f.csv:2', allFor(meeting)),
      ballot(b!, 'f.csv:3', allFor(meeting)),
    ]);
    if (!added.ok) throw new Error(added.error[0]!.message);
    expect(added.value.map((r) => r.personId)).toEqual([a!.id, b!.id]);
    expect(await db.audit.count()).toBe(2);

    const other = testMeeting('m-other');
    const clash = await saveKeyedBallot(
      db,
      { ...ctx, meeting: other },
      { ballot: ballot(a!, 'f.csv:2', allFor(other)), correction: false },
    );
    expect(!clash.ok && clash.error[0]!.code).toBe('ballot_id_taken');
    expect((await db.paperBallots.get('f.csv:2'))!.meetingId).toBe(meeting.id);
  });

  it('attendance: registered once per person, a representative needs the power of attorney, struck out with a reason', async () => {
    const [a, b] = persons;
    const ctx = { meeting, registry: persons, by: 'Сидорова', at };
    const arrived = await registerArrival(db, ctx, {
      personId: a!.id,
      arrivedAt: '2026-06-14T10:05:00+03:00',
    });
    if (!arrived.ok) throw new Error(arrived.error[0]!.message);
    const twice = await registerArrival(db, ctx, { personId: a!.id, arrivedAt: '2026-06-14T10:07:00+03:00' });
    expect(!twice.ok && twice.error[0]!.message).toContain('уже отмечен(а) в 10:05');
    const noPoa = await registerArrival(db, ctx, {
      personId: b!.id,
      arrivedAt: '2026-06-14T10:10:00+03:00',
      representative: { fullName: 'Петров Пётр Петрович' },
    });
    expect(!noPoa.ok && noPoa.error.map((p) => p.field)).toEqual(['Доверенность', 'Дата доверенности']);
    expect(await db.attendance.count()).toBe(1);

    expect((await strikeArrival(db, ctx, arrived.value.id, '')).ok).toBe(false);
    const struck = await strikeArrival(db, ctx, arrived.value.id, 'ушёл до голосования');
    if (!struck.ok) throw new Error(struck.error[0]!.message);
    expect(struck.value.withdrawn).toMatchObject({ by: 'Сидорова', reason: 'ушёл до голосования' });
    expect((await readChain(db)).map((e) => e.action)).toEqual([
      'attendance.register',
      'attendance.withdraw',
    ]);
  });
});
