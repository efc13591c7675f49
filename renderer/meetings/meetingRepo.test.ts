import type { Person } from '../../shared/domain/types';
import { readChain } from '../audit/auditLog';
import { GolosDb } from '../db/db';
import { applyRegistryChanges, listPersons, savePerson } from '../db/personRepo';
import { loadMeetingRegistry } from '../tally/meetingTally';
import {
  addAttachment,
  copyMeetingInDb,
  createMeeting,
  deleteMeeting,
  describeContents,
  FIRST_SNAPSHOT_REASON,
  getMeeting,
  listAttachments,
  listMeetings,
  listSnapshots,
  meetingContents,
  saveMeeting,
  snapshotDrift,
  takeSnapshot,
} from './meetingRepo';

const seed: Person[] = [
  { id: '', fullName: 'Иванов Иван Иванович', status: 'member', holdings: [{ plotNumber: '1' }] },
  { id: '', fullName: 'Петрова Анна Сергеевна', status: 'gardener', holdings: [{ plotNumber: '2' }] },
];

/** The meeting feature's entries (the registry has its own). */
async function meetingTrail(db: GolosDb) {
  return (await readChain(db)).filter((e) => ['meeting', 'attachment', 'snapshot'].includes(e.entity));
}

async function setup() {
  const db = new GolosDb(`golos-meetings-${crypto.randomUUID()}`);
  await applyRegistryChanges(db, { added: seed, changed: [], removed: [] });
  const meeting = await createMeeting(db, {
    partnershipId: 'p',
    kind: 'snt',
    title: 'Собрание 2025 года',
    form: 'remote',
  });
  return { db, meeting };
}

describe('meetingRepo', () => {
  it('creates a meeting with an audit entry; an unchanged save writes nothing', async () => {
    const { db, meeting } = await setup();
    expect(meeting).toMatchObject({ kind: 'snt', form: 'remote', protocolDueDays: 7, questions: [] });
    expect(await listMeetings(db)).toEqual([meeting]);
    expect(await saveMeeting(db, { ...meeting }, 'meeting.update')).toEqual(meeting);
    const chain = await meetingTrail(db);
    expect(chain.map((e) => [e.action, e.entityId])).toEqual([['meeting.create', meeting.id]]);
  });

  it('an agenda save removes the files no question refers to, each with its audit entry', async () => {
    const { db, meeting } = await setup();
    const kept = await addAttachment(db, meeting.id, { name: 'Смета.pdf', bytes: new Uint8Array([1, 2, 3]) });
    const dropped = await addAttachment(db, meeting.id, {
      name: 'Черновик.docx',
      bytes: new Uint8Array([4]),
    });
    expect(kept.mime).toBe('application/pdf');
    await saveMeeting(
      db,
      { ...meeting, questions: [{ number: 1, text: 'Смета', item: '17', attachmentIds: [kept.id] }] },
      'meeting.agenda',
    );
    expect([...(await listAttachments(db, meeting.id)).keys()]).toEqual([kept.id]);
    const actions = (await meetingTrail(db)).map((e) => [e.action, e.entityId]);
    expect(actions).toEqual([
      ['meeting.create', meeting.id],
      ['attachment.add', kept.id],
      ['attachment.add', dropped.id],
      ['meeting.agenda', meeting.id],
      ['attachment.remove', dropped.id],
    ]);
    // The audit keeps the file's size and hash, not its bytes.
    expect((await meetingTrail(db))[1]!.after).toMatchObject({ name: 'Смета.pdf', bytes: { binary: 3 } });
  });

  it('never prunes or copies a ballot scan stored with the meeting', async () => {
    const { db, meeting } = await setup();
    const scan = {
      id: 'scan-1',
      meetingId: meeting.id,
      name: 'скан.jpg',
      mime: 'image/jpeg',
      size: 1,
      bytes: new Uint8Array([7]),
      addedAt: '2026-06-02T10:00:00.000Z',
      purpose: 'scan' as const,
    };
    await db.attachments.add(scan);
    await saveMeeting(
      db,
      { ...meeting, questions: [{ number: 1, text: 'Смета', attachmentIds: [] }] },
      'meeting.agenda',
    );
    expect(await db.attachments.get('scan-1')).toMatchObject({ name: 'скан.jpg' });
    const copy = await copyMeetingInDb(db, (await db.meetings.get(meeting.id))!);
    expect(await db.attachments.where('meetingId').equals(copy.id).count()).toBe(0);
  });

  it('copies next year’s meeting with its own copies of the agenda files', async () => {
    const { db, meeting } = await setup();
    const file = await addAttachment(db, meeting.id, { name: 'Отчёт.pdf', bytes: new Uint8Array([9, 9]) });
    const prepared = await saveMeeting(
      db,
      {
        ...meeting,
        votingStart: '2025-05-01',
        votingEnd: '2025-05-20',
        questions: [
          {
            number: 1,
            text: 'Отчёт правления',
            item: '18',
            rule: { majority: 'two_thirds', electorate: 'members' },
            attachmentIds: [file.id],
          },
        ],
      },
      'meeting.agenda',
    );
    await takeSnapshot(db, meeting.id, FIRST_SNAPSHOT_REASON);
    const source = (await getMeeting(db, meeting.id))!;
    const copy = await copyMeetingInDb(db, source);

    expect(copy.title).toBe('Собрание 2026 года');
    expect(copy).toMatchObject({ votingStart: '', votingEnd: '', form: 'remote' });
    expect(copy.snapshotId).toBeUndefined();
    expect(copy.questions[0]).toMatchObject({
      text: 'Отчёт правления',
      item: '18',
      rule: prepared.questions[0]!.rule,
    });
    const newFileId = copy.questions[0]!.attachmentIds[0]!;
    expect(newFileId).not.toBe(file.id);
    const copied = (await db.attachments.get(newFileId))!;
    expect(copied).toMatchObject({ meetingId: copy.id, name: 'Отчёт.pdf', bytes: new Uint8Array([9, 9]) });
    // Cleaning the copy's agenda leaves the source's file alone.
    await saveMeeting(db, { ...copy, questions: [] }, 'meeting.agenda');
    expect(await db.attachments.get(file.id)).toBeDefined();
    expect(await db.attachments.get(newFileId)).toBeUndefined();
    expect((await meetingTrail(db)).some((e) => e.action === 'meeting.copy' && e.entityId === copy.id)).toBe(
      true,
    );
  });

  it('freezes the registry when voting starts; later edits reach the meeting only through a re-snapshot', async () => {
    const { db, meeting } = await setup();
    const first = await takeSnapshot(db, meeting.id, FIRST_SNAPSHOT_REASON);
    expect(first.meeting.snapshotId).toBe(first.snapshot.id);
    expect(first.snapshot.persons.map((p) => p.fullName).sort()).toEqual([
      'Иванов Иван Иванович',
      'Петрова Анна Сергеевна',
    ]);

    const [ivanov] = (await listPersons(db)).filter((p) => p.fullName.startsWith('Иванов'));
    await savePerson(db, { ...ivanov!, status: 'gardener' });
    await savePerson(db, {
      id: '',
      fullName: 'Новиков Олег',
      status: 'member',
      holdings: [{ plotNumber: '3' }],
    });
    const drift = await snapshotDrift(db, first.snapshot.id);
    expect(drift?.added.map((p) => p.fullName)).toEqual(['Новиков Олег']);
    expect(drift?.removed).toEqual([]);
    expect(drift?.changed.map((c) => [c.before.fullName, c.before.status, c.after.status, c.fields])).toEqual(
      [['Иванов Иван Иванович', 'member', 'gardener', ['status']]],
    );
    expect(drift?.unchanged).toBe(1);
    const counted = await loadMeetingRegistry(db, first.meeting);
    expect(counted.frozen).toBe(true);
    expect(counted.persons).toHaveLength(2);
    expect(counted.persons.find((p) => p.id === ivanov!.id)?.status).toBe('member');

    const second = await takeSnapshot(db, meeting.id, '  Исправлен статус участника 1  ');
    expect(second.snapshot.reason).toBe('Исправлен статус участника 1');
    expect((await loadMeetingRegistry(db, second.meeting)).persons).toHaveLength(3);
    expect((await listSnapshots(db, meeting.id)).map((s) => [s.reason, s.persons])).toEqual([
      [FIRST_SNAPSHOT_REASON, 2],
      ['Исправлен статус участника 1', 3],
    ]);

    const chain = await meetingTrail(db);
    const snaps = chain.filter((e) => e.entity === 'snapshot');
    expect(snaps.map((e) => [e.action, e.reason])).toEqual([
      ['snapshot.create', FIRST_SNAPSHOT_REASON],
      ['snapshot.replace', 'Исправлен статус участника 1'],
    ]);
    // The trail records the snapshot's size and a hash of its persons, not the persons themselves.
    expect(snaps[0]!.after).toMatchObject({
      persons: 2,
      personsSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const updates = chain.filter((e) => e.action === 'meeting.update');
    expect(updates.map((e) => e.after)).toEqual([
      { snapshotId: first.snapshot.id },
      { snapshotId: second.snapshot.id },
    ]);
  });

  it('a failed write stores neither the change nor its audit entry', async () => {
    const { db, meeting } = await setup();
    const before = await meetingTrail(db);
    await expect(takeSnapshot(db, 'no-such-meeting', 'Причина')).rejects.toThrow('not found');
    await expect(
      saveMeeting(db, { ...meeting, id: 'no-such-meeting', title: 'Другое' }, 'meeting.update'),
    ).rejects.toThrow('not found');
    expect(await meetingTrail(db)).toEqual(before);
    expect(await db.snapshots.count()).toBe(0);
  });

  it('deletes a meeting with everything kept with it, and no other meeting’s rows, in one audited step', async () => {
    const { db, meeting } = await setup();
    const other = await createMeeting(db, {
      partnershipId: 'p',
      kind: 'snt',
      title: 'Другое',
      form: 'mixed',
    });
    for (const m of [meeting, other]) {
      await takeSnapshot(db, m.id, FIRST_SNAPSHOT_REASON);
      await addAttachment(db, m.id, { name: 'смета.pdf', bytes: new Uint8Array([1]) });
      await db.paperBallots.bulkAdd([
        { id: `${m.id}-b1`, meetingId: m.id, personId: 'x' },
        { id: `${m.id}-b2`, meetingId: m.id, personId: 'y' },
      ] as never);
      await db.gosuslugiImports.add({ id: `${m.id}-g`, meetingId: m.id, contentHash: m.id } as never);
      await db.resolutions.add({ id: `${m.id}-r`, meetingId: m.id, personId: 'x', question: 1 } as never);
      await db.attendance.add({ id: `${m.id}-a`, meetingId: m.id, personId: 'x' } as never);
    }
    const held = await meetingContents(db, meeting.id);
    expect(held).toEqual({
      paperBallots: 2,
      attendance: 1,
      gosuslugiImports: 1,
      resolutions: 1,
      snapshots: 1,
      attachments: 1,
    });
    expect(describeContents(held)).toBe(
      'бюллетеней (бумага, очно): 2, отметок о регистрации на очной части: 1, импортов Госуслуг: 1, ' +
        'решений комиссии по расхождениям: 1, снимков реестра: 1, файлов: 1',
    );

    expect(await deleteMeeting(db, meeting.id)).toEqual(held);
    expect(await getMeeting(db, meeting.id)).toBeUndefined();
    expect(await meetingContents(db, meeting.id)).toEqual({
      paperBallots: 0,
      attendance: 0,
      gosuslugiImports: 0,
      resolutions: 0,
      snapshots: 0,
      attachments: 0,
    });
    expect(await meetingContents(db, other.id)).toEqual(held);
    expect((await listMeetings(db)).map((m) => m.id)).toEqual([other.id]);

    const entry = (await meetingTrail(db)).at(-1)!;
    expect(entry).toMatchObject({ action: 'meeting.delete', entityId: meeting.id });
    expect(entry.before).toMatchObject({ id: meeting.id, title: 'Собрание 2025 года' });
    expect(entry.reason).toBe(`Удалено вместе с собранием: ${describeContents(held)}`);
    expect(describeContents(await meetingContents(db, 'none'))).toBe('ничего');
  });

  it('deleting a meeting that is not there deletes nothing and writes no audit entry', async () => {
    const { db, meeting } = await setup();
    await takeSnapshot(db, meeting.id, FIRST_SNAPSHOT_REASON);
    const before = await meetingTrail(db);
    await expect(deleteMeeting(db, 'no-such-meeting')).rejects.toThrow('not found');
    expect(await meetingTrail(db)).toEqual(before);
    expect((await meetingContents(db, meeting.id)).snapshots).toBe(1);
  });
});
