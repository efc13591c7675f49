import { createRecord, withdrawRecord, type PaperBallotRecord } from '../../shared/paper/ballotRecord';
import { createEntryContext, knownFromRecords } from '../../shared/paper/entry/entryContext';
import { voterRefOf } from '../../shared/paper/voterRef';
import { makePersons } from '../../test/fixtures/persons';
import { paperMeeting, storedRecords } from '../../test/fixtures/paperBallots';
import { KnownBallots, type KnownMap } from './knownBallots';

const meeting = paperMeeting();
const registry = makePersons(80, 4, { contacts: false });
const at = '2026-06-14T20:00:00+03:00';

function full(records: readonly PaperBallotRecord[]): KnownMap {
  return createEntryContext({
    meeting,
    registry,
    known: knownFromRecords(records),
    defaults: { channel: 'paper', copy: 'original', receivedAt: '2026-06-14' },
  }).known;
}

const shape = (m: KnownMap) =>
  [...m.entries()]
    .map(
      ([i, list]) =>
        [i, list.map((k) => `${k.recordId}:${k.marksEntered}:${k.ballot.marks[1]}`).sort()] as const,
    )
    .sort((a, b) => a[0] - b[0]);

test('kept up to date record by record, it equals indexing every stored ballot again', () => {
  const kb = new KnownBallots();
  let records = storedRecords(registry, meeting, 60, 8);
  const first = kb.update(registry, records);
  expect(shape(first)).toEqual(shape(full(records)));
  expect(kb.update(registry, records)).toBe(first);

  // A withdrawal (the record leaves the map), a new ballot, and a second ballot of a known person.
  const withdrawn = withdrawRecord(
    records.find((r) => r.versions.length === 1)!,
    { by: 'П', at, reason: 'дубль' },
  );
  if (!withdrawn.ok) throw new Error('fixture');
  const fresh = (id: string, personIndex: number) => {
    const r = createRecord(
      {
        id,
        channel: 'paper',
        voter: voterRefOf(registry[personIndex]!),
        copy: 'original',
        receivedAt: '2026-06-10',
        voidReasons: [],
        marks: { 1: 'against' },
        source: id,
      },
      { by: 'И', at },
    );
    if (!r.ok) throw new Error('fixture');
    return r.value;
  };
  records = records.map((r) => (r.id === withdrawn.value.id ? withdrawn.value : r));
  records = [...records, fresh('new-1', 70), fresh('new-2', 3)];
  const next = kb.update(registry, records);
  expect(next).not.toBe(first);
  expect(shape(next)).toEqual(shape(full(records)));
  expect(shape(first)).toEqual(shape(full(storedRecords(registry, meeting, 60, 8))));

  // A reload with fewer records: indexed again from scratch.
  const fewer = records.slice(10);
  expect(shape(kb.update(registry, fewer))).toEqual(shape(full(fewer)));
});
