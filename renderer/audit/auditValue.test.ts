// sameAuditJson against its reference: two plain-JSON values are the same record exactly when their
// canonical JSON (sorted keys, the form the audit hash covers) is the same text.
import { canonicalJson } from '../../shared/crypto/sha256';
import { auditValue, sameAuditJson } from './auditValue';

const cases: unknown[] = [
  null,
  0,
  1,
  1.5,
  '',
  '1',
  'за',
  true,
  false,
  [],
  [1, 2],
  [2, 1],
  [1, [2, 3]],
  [1, [3, 2]],
  {},
  { a: 1 },
  { a: '1' },
  { a: 1, b: 2 },
  { b: 2, a: 1 },
  { a: 1, b: null },
  { a: [1, { x: 'за', y: null }] },
  { a: [1, { y: null, x: 'за' }] },
  { a: [1, { x: 'против', y: null }] },
  { marks: { q1: 'for', q2: 'against' }, id: 'b1' },
  { id: 'b1', marks: { q2: 'against', q1: 'for' } },
  { id: 'b1', marks: { q2: 'against', q1: 'abstain' } },
  { id: 'b1', marks: [] },
  { id: 'b1', marks: {} },
];

test('the same exactly when the canonical JSON is the same, for every pair', () => {
  let same = 0;
  for (const a of cases)
    for (const b of cases) {
      const want = canonicalJson(a) === canonicalJson(b);
      expect([a, b, sameAuditJson(a, b)]).toEqual([a, b, want]);
      if (want && a !== b) same += 1;
    }
  // Reordered keys are the only equal pairs of distinct cases: 3 pairs, each both ways.
  expect(same).toBe(6);
});

test('a stored record against its logged form: a Date as its ISO text is the same, a changed mark is not', () => {
  const logged = auditValue({ id: 'p1', at: new Date('2026-12-02T10:00:00Z'), marks: { q3: 'for' } });
  expect(
    sameAuditJson(
      logged,
      auditValue({ marks: { q3: 'for' }, at: new Date('2026-12-02T10:00:00Z'), id: 'p1' }),
    ),
  ).toBe(true);
  expect(
    sameAuditJson(
      logged,
      auditValue({ id: 'p1', at: new Date('2026-12-02T10:00:00Z'), marks: { q3: 'against' } }),
    ),
  ).toBe(false);
  // A value that is not plain JSON never equals the plain form, though JSON would write both alike.
  expect(sameAuditJson({ at: new Date('2026-12-02T10:00:00Z') }, { at: '2026-12-02T10:00:00.000Z' })).toBe(
    false,
  );
});

test('a record state keeps the fields in sorted order at every depth and the same canonical JSON', () => {
  const record = {
    id: 'p1',
    fullName: 'Иванов',
    holdings: [{ plotNumber: '12', area: 600 }],
    at: new Date(0),
  };
  const state = auditValue(record, true) as Record<string, unknown>;
  expect(Object.keys(state)).toEqual(['at', 'fullName', 'holdings', 'id']);
  expect(Object.keys((state.holdings as object[])[0]!)).toEqual(['area', 'plotNumber']);
  expect(Object.keys(auditValue(record) as object)).toEqual(['id', 'fullName', 'holdings', 'at']);
  expect(JSON.stringify(state)).toBe(canonicalJson(record));
});
