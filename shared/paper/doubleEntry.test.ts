import { describe, expect, it } from 'vitest';
import type { Ballot } from '../domain/types';
import { ballot } from '../tally/tally.testkit';
import { currentBallots, currentVersion, withdrawRecord, type PaperBallotRecord } from './ballotRecord';
import { compareScanOriginal } from './ballotDiff';
import {
  awaitingSecondFor,
  compareEntries,
  doubleEntryQueue,
  doubleEntryState,
  recordEntry,
  settle,
} from './doubleEntry';

const Q = [1, 2, 3];
const at = '2026-06-15T19:00:00+03:00';
const opts = { doubleEntry: true, questions: Q };

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

function first(b: Ballot): PaperBallotRecord {
  return unwrap(recordEntry(undefined, b, { by: 'Иванова', at }, opts));
}

describe('compareEntries', () => {
  it('lists disagreements by question, whole-ballot flag and field', () => {
    const a = ballot('p1', { 1: 'for', 2: 'against', 3: 'none' }, { id: 'x' });
    const b = ballot(
      'p1',
      { 1: 'for', 2: 'abstain' },
      { id: 'y', voidReasons: ['pencil'], receivedAt: '2026-06-06' },
    );
    const c = compareEntries(a, b, Q);
    expect(c.agree).toBe(false);
    expect(c.questions).toEqual([{ number: 2, first: 'against', second: 'abstain' }]);
    expect(c.flags).toEqual([{ reason: 'pencil', first: false, second: true }]);
    expect(c.fields).toEqual(['receivedAt']);
  });

  it('a missing mark and an explicit «none» agree; a different voter does not', () => {
    const a = ballot('p1', { 1: 'for' }, { id: 'x' });
    expect(compareEntries(a, { ...a, marks: { 1: 'for', 2: 'none', 3: 'none' } }, Q).agree).toBe(true);
    expect(compareEntries(a, { ...a, voter: { personId: 'p2' } }, Q).fields).toEqual(['voter']);
  });

  it('scan and original are compared on marks and flags only', () => {
    const scan = ballot(
      'p1',
      { 1: 'for', 2: 'for' },
      { copy: 'scan', delivery: 'email', receivedAt: '2026-06-02' },
    );
    const original = ballot('p1', { 1: 'for', 2: 'against' }, { delivery: 'mail', receivedAt: '2026-06-09' });
    expect(compareScanOriginal(scan, original, Q)).toEqual({
      differs: [2],
      questions: [{ number: 2, scan: 'for', original: 'against' }],
      flags: [],
    });
  });
});

describe('double entry', () => {
  const keyedFirst = ballot('p1', { 1: 'for', 2: 'against', 3: 'abstain' }, { id: 'b1' });

  it('agreeing blind entries are settled at once, by both operators, and then count', () => {
    const r1 = first(keyedFirst);
    expect(currentBallots([r1], { doubleEntry: true })).toEqual([]);
    expect(doubleEntryState(r1, Q)).toEqual({ state: 'awaiting_second', firstBy: 'Иванова' });
    const r2 = unwrap(recordEntry(r1, { ...keyedFirst, id: 'other-id' }, { by: 'Петров', at }, opts));
    expect(r2.versions.map((v) => v.kind)).toEqual(['entered', 'second_entry', 'settled']);
    expect(currentVersion(r2).by).toBe('Иванова, Петров');
    expect(currentBallots([r2], { doubleEntry: true })).toEqual([keyedFirst]);
  });

  it('the second entry must be made by someone else', () => {
    const r1 = first(keyedFirst);
    const res = recordEntry(r1, keyedFirst, { by: ' иванова ', at }, opts);
    expect(res.ok || res.error.map((p) => p.code)).toEqual(['second_entry_same_operator']);
    expect(res.ok || res.error[0]!.message).toMatch(
      /^Повторный ввод бюллетеня \(.+\) не принят: первый ввод сделал\(а\) Иванова, а повторный должен делать другой член комиссии\./,
    );
  });

  it('what waits for a member’s second entry leaves out their own first entries and settled ones', () => {
    const mine = first(keyedFirst);
    const theirs = unwrap(recordEntry(undefined, { ...keyedFirst, id: 'b2' }, { by: 'Петров', at }, opts));
    const settled = unwrap(recordEntry(mine, keyedFirst, { by: 'Петров', at }, opts));
    expect(awaitingSecondFor([mine, theirs], Q, 'Иванова').map((r) => r.id)).toEqual(['b2']);
    expect(awaitingSecondFor([mine, theirs], Q, 'ПЕТРОВ ').map((r) => r.id)).toEqual(['b1']);
    expect(awaitingSecondFor([settled, theirs], Q, 'Сидоров').map((r) => r.id)).toEqual(['b2']);
  });

  it('disagreements wait to be settled; the settled version is what counts', () => {
    const r1 = first(keyedFirst);
    const second = { ...keyedFirst, marks: { 1: 'for', 2: 'for', 3: 'abstain' } } as Ballot;
    const r2 = unwrap(recordEntry(r1, second, { by: 'Петров', at }, opts));
    const state = doubleEntryState(r2, Q);
    expect(state.state).toBe('disagree');
    if (state.state === 'disagree') {
      expect(state.comparison.questions).toEqual([{ number: 2, first: 'against', second: 'for' }]);
    }
    expect(currentBallots([r2], { doubleEntry: true })).toEqual([]);
    // Without double entry the first entry counts as keyed.
    expect(currentBallots([r2])).toEqual([keyedFirst]);
    const queue = doubleEntryQueue([r2, first({ ...keyedFirst, id: 'b2' })], Q);
    expect(queue.disagree.map((d) => d.record.id)).toEqual(['b1']);
    expect(queue.awaitingSecond.map((r) => r.id)).toEqual(['b2']);
    // A third entry is refused: the two settle.
    expect(recordEntry(r2, second, { by: 'Сидоров', at }, opts).ok).toBe(false);
    const r3 = unwrap(
      settle(r2, second, { by: 'Иванова, Петров', at, reason: 'сверено с бумагой: вопрос 2 — за' }),
    );
    expect(currentBallots([r3], { doubleEntry: true })[0]!.marks[2]).toBe('for');
    expect(doubleEntryQueue([r3], Q).settled).toBe(1);
    expect(settle(r3, second, { by: 'Иванова, Петров', at }).ok).toBe(false);
  });

  it('without double entry a keyed ballot cannot be keyed again (corrections need a reason)', () => {
    const r1 = unwrap(recordEntry(undefined, keyedFirst, { by: 'Иванова', at }, { questions: Q }));
    const again = recordEntry(r1, keyedFirst, { by: 'Петров', at }, { questions: Q });
    expect(again.ok || again.error.map((p) => p.code)).toEqual(['record_already_entered']);
  });

  it('a withdrawn ballot is not keyed', () => {
    const r1 = unwrap(withdrawRecord(first(keyedFirst), { by: 'И', at, reason: 'дубликат' }));
    expect(recordEntry(r1, keyedFirst, { by: 'Петров', at }, opts).ok).toBe(false);
    expect(doubleEntryState(r1, Q).state).toBe('withdrawn');
  });
});
