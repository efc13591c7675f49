import type { Ballot, Person } from '../../shared/domain/types';
import { currentVersion } from '../../shared/paper/ballotRecord';
import { voterRefOf } from '../../shared/paper/voterRef';
import { checkAuditChain, readChain } from '../audit/auditLog';
import { saveKeyedBallot } from '../ballots/ballotRepo';
import { seededDb, testMeeting } from '../ballots/ballots.testkit';
import { saveScannedBallots, storeScanFiles } from './scanRepo';

const scanned = (p: Person, marks: Ballot['marks']): Ballot => ({
  id: '',
  channel: 'paper',
  voter: { personId: p.id },
  copy: 'scan',
  receivedAt: '2026-06-10',
  delivery: 'email',
  voidReasons: [],
  marks,
  source: 'скан stack.pdf:1',
});

const keyed = (p: Person, id: string, marks: Ballot['marks']): Ballot => ({
  ...scanned(p, marks),
  id,
  voter: voterRefOf(p),
  source: 'ввод с клавиатуры',
});

describe('storing scanned ballots', () => {
  it('stores the file and a new ballot linked to it, audited', async () => {
    const { db, persons, meeting } = await seededDb(5);
    const ctx = { meeting, registry: persons, by: 'Иванова А. П.' };
    const files = await storeScanFiles(db, ctx, [
      { name: 'stack.pdf', bytes: new Uint8Array([37, 80, 68, 70]) },
    ]);
    const fileId = files.get('stack.pdf')!;
    expect(await db.attachments.get(fileId)).toMatchObject({
      name: 'stack.pdf',
      purpose: 'scan',
      mime: 'application/pdf',
    });
    const r = await saveScannedBallots(db, ctx, [
      { ballot: scanned(persons[0]!, { 1: 'for' }), attachmentIds: [fileId] },
    ]);
    expect(r.ok && r.value.notes).toEqual([]);
    const rows = await db.paperBallots.toArray();
    expect(rows).toHaveLength(1);
    const v = currentVersion(rows[0]!);
    expect([rows[0]!.personId, v.kind, v.by, v.attachmentIds, v.ballot.marks]).toEqual([
      persons[0]!.id,
      'entered',
      'Иванова А. П. (скан)',
      [fileId],
      { 1: 'for' },
    ]);
    const actions = (await readChain(db)).map((e) => e.action);
    expect(actions).toEqual(['attachment.add', 'ballot.entered']);
    expect((await checkAuditChain(db)).intact).toBe(true);
  });

  it('a voter already keyed by hand: an agreeing scan adds nothing, a disagreeing one is listed, not written', async () => {
    const { db, persons, meeting } = await seededDb(5);
    const ctx = { meeting, registry: persons, by: 'Иванова А. П.' };
    await saveKeyedBallot(db, ctx, {
      ballot: keyed(persons[1]!, 'k1', { 1: 'for', 2: 'against' }),
      correction: false,
    });
    await saveKeyedBallot(db, ctx, { ballot: keyed(persons[2]!, 'k2', { 1: 'for' }), correction: false });
    const r = await saveScannedBallots(db, ctx, [
      { ballot: scanned(persons[1]!, { 1: 'for', 2: 'against' }), attachmentIds: [] },
      { ballot: scanned(persons[2]!, { 1: 'abstain' }), attachmentIds: [] },
    ]);
    if (!r.ok) throw new Error('save');
    expect(r.value.rows).toEqual([]);
    expect(r.value.notes.map((n) => [n.personId, n.message])).toEqual([
      [persons[1]!.id, 'совпадает с уже введённым бюллетенем'],
      [
        persons[2]!.id,
        'расходится с уже введённым бюллетенем (вопросы 1): сверьте его с бумагой и исправьте на вкладке «Ввод бюллетеней»',
      ],
    ]);
    expect((await db.paperBallots.get('k2'))!.versions).toHaveLength(1);
  });

  it('under double entry the scan is the second entry: agreement settles, a difference waits for «Сверка»', async () => {
    const meeting = testMeeting('m-2026', { doubleEntry: true });
    const { db, persons } = await seededDb(5, meeting);
    const ctx = { meeting, registry: persons, by: 'Иванова А. П.' };
    await saveKeyedBallot(db, ctx, { ballot: keyed(persons[1]!, 'k1', { 1: 'for' }), correction: false });
    await saveKeyedBallot(db, ctx, { ballot: keyed(persons[2]!, 'k2', { 1: 'for' }), correction: false });
    const r = await saveScannedBallots(db, ctx, [
      { ballot: scanned(persons[1]!, { 1: 'for' }), attachmentIds: [] },
      { ballot: scanned(persons[2]!, { 1: 'against' }), attachmentIds: [] },
    ]);
    expect(r.ok && r.value.notes).toEqual([]);
    expect((await db.paperBallots.get('k1'))!.versions.map((v) => v.kind)).toEqual([
      'entered',
      'second_entry',
      'settled',
    ]);
    expect((await db.paperBallots.get('k2'))!.versions.map((v) => v.kind)).toEqual([
      'entered',
      'second_entry',
    ]);
  });
});
