import { describeChange, diffSummary } from './auditDiff';

test('an update lists only the fields that changed, added or removed', () => {
  const d = diffSummary(
    { id: 'a', fullName: 'Иванов', snils: '1', holdings: [{ plot: '1' }] },
    { id: 'a', fullName: 'Петров', holdings: [{ plot: '1' }], phone: '+7' },
  );
  expect(d.kind).toBe('changed');
  expect(d.changes.map(describeChange)).toEqual([
    'fullName: «Иванов» → «Петров»',
    'snils: удалено «1»',
    'phone: добавлено «+7»',
  ]);
});

test('creation, deletion, no change, plain values and long values', () => {
  expect(diffSummary(undefined, { id: 'a' })).toEqual({
    kind: 'created',
    changes: [{ field: 'id', after: '«a»' }],
  });
  expect(diffSummary({ id: 'a' }, undefined)).toEqual({
    kind: 'deleted',
    changes: [{ field: 'id', before: '«a»' }],
  });
  expect(diffSummary({ a: 1 }, { a: 1 })).toEqual({ kind: 'unchanged', changes: [] });
  expect(diffSummary(undefined, undefined)).toEqual({ kind: 'none', changes: [] });
  expect(diffSummary(1, 2).changes.map(describeChange)).toEqual(['1 → 2']);
  const long = diffSummary(undefined, { text: 'я'.repeat(100) }).changes[0]!.after!;
  expect(long).toHaveLength(60);
  expect(long.endsWith('…')).toBe(true);
});
