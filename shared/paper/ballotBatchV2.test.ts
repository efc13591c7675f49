import { describe, expect, it } from 'vitest';
import { parseBallotBatch } from './parseBallotBatch';
import type { Ballot, Person } from '../domain/types';
import { readTable } from '../spreadsheet/readTable';
import { writeBallotBatch } from './ballotBatch';
import { ballotSetFingerprint, readBatchV2, writeBatchV2 } from './ballotBatchV2';
import { correctRecord, createRecord, withdrawRecord, type PaperBallotRecord } from './ballotRecord';
import { mergeHistories } from './historyMerge';

const registry: Person[] = [
  {
    id: 'p1',
    fullName: '=HYPERLINK("x") Иванов Иван',
    snils: '11223344595',
    holdings: [{ plotNumber: '12', share: { num: 1, den: 1 } }],
  } as unknown as Person,
  {
    id: 'p2',
    fullName: 'Петрова Анна',
    holdings: [{ plotNumber: '-7', share: { num: 1, den: 1 } }],
  } as unknown as Person,
];

function ballot(id: string, personId: string, mark: 'for' | 'against'): Ballot {
  return {
    id,
    channel: 'paper',
    voter: { personId },
    copy: 'original',
    receivedAt: '2026-11-20',
    delivery: 'mail',
    voidReasons: [],
    marks: { 1: mark, 2: 'abstain' },
    source: id,
  };
}

const laptop = { id: 'L1', name: 'Ноутбук 1' };
const meta = (minute: number, reason?: string) => ({
  by: 'Сидорова О. П.',
  at: `2026-11-21T10:0${minute}:00+03:00`,
  laptop,
  ...(reason ? { reason } : {}),
});

function records(): PaperBallotRecord[] {
  const a = createRecord(ballot('a', 'p1', 'for'), meta(1));
  const b = createRecord(ballot('b', 'p2', 'for'), meta(2));
  if (!a.ok || !b.ok) throw new Error('create');
  const aFixed = correctRecord(a.value, ballot('a', 'p1', 'against'), meta(3, 'ошибка ввода'));
  const bOut = withdrawRecord(b.value, meta(4, 'отозван участником'));
  if (!aFixed.ok || !bOut.ok) throw new Error('change');
  return [aFixed.value, bOut.value];
}

async function table(text: string) {
  const t = await readTable(new TextEncoder().encode(text), 'Бюллетени.csv');
  if (!t.ok) throw new Error(t.error[0]!.message);
  return t.value;
}

const origin = {
  meeting: { id: 'm1', title: 'Общее собрание СНТ «Ромашка»', date: '2026-11-28' },
  laptop,
  exportedAt: '2026-11-21T10:05:00+03:00',
  fingerprint: 'АБ23',
};

describe('batch file v2', () => {
  it('carries the meeting, the laptop and every version; the CLI reader counts the current ones only', async () => {
    const text = writeBatchV2(records(), { origin, questions: [1, 2], registry, doubleEntry: false });
    // A name that starts like a formula is guarded in its visible cell.
    expect(text).toContain(';"\'=HYPERLINK(');
    const t = await table(text);
    const read = readBatchV2(t);
    expect(read?.ok).toBe(true);
    if (!read?.ok) return;
    expect(read.value.origin).toEqual(origin);
    const t1 = '2026-11-21T10:0';
    expect(read.value.records.map((r) => r.versions.map((v) => `${v.kind}:${v.by}:${v.vid}`))).toEqual([
      [`entered:Сидорова О. П.:L1:1@${t1}1:00+03:00`, `corrected:Сидорова О. П.:L1:2@${t1}3:00+03:00`],
      [`entered:Сидорова О. П.:L1:1@${t1}2:00+03:00`, `withdrawn:Сидорова О. П.:L1:2@${t1}4:00+03:00`],
    ]);
    // The history names the voter so another laptop can match it, without this laptop's registry id.
    expect(read.value.records[0]!.versions[1]!.ballot.voter).toEqual({
      snils: '11223344595',
      plotNumber: '12',
      fullName: '=HYPERLINK("x") Иванов Иван',
    });
    // Merging the file into an empty laptop gives the same histories and the same fingerprint.
    const merged = mergeHistories([], read.value.records).changed.map((c) => c.record);
    expect(ballotSetFingerprint(merged)).toBe(ballotSetFingerprint(records()));
    expect(ballotSetFingerprint(merged)).toMatch(/^[2-9А-Я]{4}$/);

    const cli = parseBallotBatch(t, { questions: [1, 2] });
    expect(cli.ok).toBe(true);
    if (!cli.ok) return;
    // The withdrawn ballot is history only; the corrected one counts as corrected.
    expect(cli.value.ballots.map((b) => [b.voter.fullName, b.marks[1]])).toEqual([
      ['=HYPERLINK("x") Иванов Иван', 'against'],
    ]);
  });

  it('a version 1 file is not read as version 2 and still reads as before', async () => {
    const t = await table(writeBallotBatch([ballot('a', 'p2', 'for')], [1, 2], registry));
    expect(readBatchV2(t)).toBeNull();
    const v1 = parseBallotBatch(t, { questions: [1, 2] });
    expect(v1.ok && v1.value.ballots.map((b) => b.voter.plotNumber)).toEqual(['-7']);
  });

  it('a damaged history is refused with its row and field', async () => {
    const text = writeBatchV2(records(), { origin, questions: [1, 2], registry, doubleEntry: false });
    const t = await table(text.replace('"[{', '"[{x'));
    const read = readBatchV2(t);
    expect(read?.ok).toBe(false);
    if (read?.ok !== false) return;
    expect(read.error[0]!.message).toMatch(/^Строка 7, поле «История»: история бюллетеня повреждена/);
  });

  it('the fingerprint changes with any version and not with the order of records', () => {
    const rs = records();
    expect(ballotSetFingerprint([rs[1]!, rs[0]!])).toBe(ballotSetFingerprint(rs));
    const again = correctRecord(rs[0]!, ballot('a', 'p1', 'for'), meta(6, 'ещё раз'));
    if (!again.ok) throw new Error('again');
    expect(ballotSetFingerprint([again.value, rs[1]!])).not.toBe(ballotSetFingerprint(rs));
  });
});
