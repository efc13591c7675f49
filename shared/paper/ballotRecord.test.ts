import { describe, expect, it } from 'vitest';
import type { Ballot } from '../domain/types';
import { ballot } from '../tally/tally.testkit';
import {
  correctRecord,
  countedVersion,
  createRecord,
  currentBallots,
  currentVersion,
  restoreRecord,
  versionAuditEvent,
  withdrawRecord,
  type PaperBallotRecord,
} from './ballotRecord';

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const at = (h: number) => `2026-06-10T${String(h).padStart(2, '0')}:00:00+03:00`;

function keyed(id: string, marks: Ballot['marks'] = { 1: 'for', 2: 'against' }): PaperBallotRecord {
  return unwrap(createRecord(ballot('p1', marks, { id }), { by: 'Иванова', at: at(9) }));
}

describe('stored ballot with history', () => {
  it('a correction appends a version with who, when and why, and keeps the old one as it was', () => {
    const r1 = keyed('b1');
    const first = r1.versions[0]!;
    const r2 = unwrap(
      correctRecord(
        r1,
        { ...first.ballot, marks: { 1: 'against', 2: 'against' } },
        {
          by: 'Петров',
          at: at(10),
          reason: 'ошибка ввода по вопросу 1',
        },
      ),
    );
    expect(r2.versions).toHaveLength(2);
    expect(r2.versions[0]).toEqual(first);
    expect(r2.versions[1]).toMatchObject({
      n: 2,
      kind: 'corrected',
      by: 'Петров',
      at: at(10),
      reason: 'ошибка ввода по вопросу 1',
    });
    expect(currentBallots([r2])[0]!.marks[1]).toBe('against');
    // the input record is not changed
    expect(r1.versions).toHaveLength(1);
  });

  it('a correction needs a reason and an operator, and must change something', () => {
    const r = keyed('b1');
    const same = correctRecord(r, r.versions[0]!.ballot, { by: 'Петров', at: at(10), reason: 'так' });
    const noReason = correctRecord(r, { ...r.versions[0]!.ballot, marks: {} }, { by: 'Петров', at: at(10) });
    const noOne = correctRecord(
      r,
      { ...r.versions[0]!.ballot, marks: {} },
      { by: ' ', at: at(10), reason: 'x' },
    );
    expect(same.ok || same.error.map((p) => p.code)).toEqual(['record_unchanged']);
    expect(noReason.ok || noReason.error[0]!.message).toBe('Исправление бюллетеня: укажите причину.');
    expect(noOne.ok || noOne.error.map((p) => p.code)).toEqual(['operator_missing']);
  });

  it('a correction of another ballot is refused', () => {
    const r = keyed('b1');
    const res = correctRecord(
      r,
      { ...r.versions[0]!.ballot, id: 'b2' },
      { by: 'П', at: at(10), reason: 'x' },
    );
    expect(res.ok || res.error.map((p) => p.code)).toEqual(['record_mismatch']);
  });

  it('withdrawal is a version with withdrawn: true and a reason; the ballot stops counting; restore brings it back', () => {
    const r1 = keyed('b1');
    expect(withdrawRecord(r1, { by: 'Иванова', at: at(11) }).ok).toBe(false);
    const r2 = unwrap(withdrawRecord(r1, { by: 'Иванова', at: at(11), reason: 'бюллетень подан повторно' }));
    expect(r2.versions[1]).toMatchObject({
      kind: 'withdrawn',
      withdrawn: true,
      reason: 'бюллетень подан повторно',
    });
    expect(r2.versions[1]!.ballot).toEqual(r1.versions[0]!.ballot);
    expect(currentBallots([r2])).toEqual([]);
    expect(withdrawRecord(r2, { by: 'И', at: at(12), reason: 'ещё раз' }).ok).toBe(false);
    const edit = correctRecord(
      r2,
      { ...r1.versions[0]!.ballot, marks: {} },
      { by: 'И', at: at(12), reason: 'x' },
    );
    expect(edit.ok || edit.error.map((p) => p.code)).toEqual(['record_withdrawn']);
    const r3 = unwrap(restoreRecord(r2, { by: 'Петров', at: at(12), reason: 'отозван по ошибке' }));
    expect(r3.versions.map((v) => v.kind)).toEqual(['entered', 'withdrawn', 'restored']);
    expect(currentBallots([r3])).toEqual([r1.versions[0]!.ballot]);
  });

  it('a logged arrival is not counted until its marks are keyed, and keying needs no reason', () => {
    const logged = unwrap(
      createRecord(ballot('p1', {}, { id: 'b9' }), { by: 'Секретарь', at: at(9) }, false),
    );
    expect(currentVersion(logged).kind).toBe('logged');
    expect(currentBallots([logged])).toEqual([]);
    const keyedRecord = unwrap(
      correctRecord(
        logged,
        { ...logged.versions[0]!.ballot, marks: { 1: 'for' } },
        { by: 'Иванова', at: at(18) },
      ),
    );
    expect(keyedRecord.versions.map((v) => v.kind)).toEqual(['logged', 'entered']);
    expect(currentBallots([keyedRecord])).toHaveLength(1);
  });

  it('with double entry only a settled version counts', () => {
    const r = keyed('b1');
    expect(countedVersion(r, { doubleEntry: false })).not.toBeNull();
    expect(countedVersion(r, { doubleEntry: true })).toBeNull();
    expect(currentBallots([r], { doubleEntry: true })).toEqual([]);
  });

  it('receipt mark and attachments carry over to later versions and only grow', () => {
    const r1 = unwrap(
      createRecord(
        ballot('p1', {}, { id: 'b1' }),
        { by: 'С', at: at(9), receiptMark: 'принял Сидоров 05.06', attachmentIds: ['f1'] },
        false,
      ),
    );
    const r2 = unwrap(
      correctRecord(
        r1,
        { ...r1.versions[0]!.ballot, marks: { 1: 'for' } },
        { by: 'И', at: at(10), attachmentIds: ['f2'] },
      ),
    );
    expect(currentVersion(r2)).toMatchObject({
      receiptMark: 'принял Сидоров 05.06',
      attachmentIds: ['f1', 'f2'],
    });
  });

  it('each version gives an audit event with the content before and after', () => {
    const r1 = keyed('b1');
    const r2 = unwrap(
      correctRecord(
        r1,
        { ...r1.versions[0]!.ballot, marks: { 1: 'abstain' } },
        { by: 'Петров', at: at(10), reason: 'опечатка' },
      ),
    );
    const e = versionAuditEvent(r2, 2);
    expect(e).toMatchObject({
      actor: 'Петров',
      action: 'ballot.corrected',
      entity: 'ballot',
      entityId: 'b1',
      reason: 'опечатка',
    });
    expect(e.before).toEqual(r1.versions[0]!.ballot);
    expect((e.after as Ballot).marks).toEqual({ 1: 'abstain' });
    expect(versionAuditEvent(r2, 1).before).toBeUndefined();
  });
});
