import { describe, expect, it } from 'vitest';
import { formatSnils } from '../../../shared/registry/snils';
import { makePersons } from '../../../test/fixtures/persons';
import { spoilSnils } from '../../../test/fixtures/messyRegistry';
import { applyValueDelta, valueDelta } from './analysisDelta';
import { inlineEngine } from './importEngine';
import type { ImportAnalysis } from './importSession';

const people = makePersons(40, 913, { multiPlot: 0, coOwned: 0 });
const HEADER = ['ФИО', 'СНИЛС', 'Участок', 'Статус', 'Email'];
/** 40 people; every fifth with a СНИЛС failing its checksum, every seventh with a bad e-mail. */
const ROWS: string[][] = [
  HEADER,
  ...people.map((p, i) => [
    p.fullName,
    formatSnils(i % 5 === 0 ? spoilSnils(p.snils!) : p.snils!),
    p.holdings[0]!.plotNumber,
    'член',
    i % 7 === 0 ? 'x@@example' : `p${i}@example.ru`,
  ]),
];
const csv = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => r.join(';')).join('\n'));

async function opened(rows: string[][]): Promise<ImportAnalysis> {
  const result = await inlineEngine().open(csv(rows), 'реестр.csv', people.slice(0, 30), 'snt');
  if (!result.ok) throw new Error(result.error[0]!.message);
  return result.value;
}

describe('an analysis sent as what changed', () => {
  it('after each fix in place is what a fresh reading of the edited file gives', async () => {
    const engine = inlineEngine();
    const first = await engine.open(csv(ROWS), 'реестр.csv', people.slice(0, 30), 'snt');
    expect(first.ok && first.value).toEqual(await opened(ROWS));
    let rows = ROWS;
    const fixes: [number, number, string][] = [
      [2, 1, formatSnils(people[0]!.snils!)], // a СНИЛС corrected (row 2 is person 0)
      [9, 4, 'p7@example.ru'], // an e-mail corrected
      [12, 0, ''], // a name removed: an error, the person kept aside
      [12, 0, 'Новикова Анна Павловна'], // a new name: another person
      [41, 1, formatSnils(people[1]!.snils!)], // a СНИЛС another person has: both get an error
    ];
    for (const [row, col, value] of fixes) {
      rows = rows.map((r, i) => (i === row - 1 ? r.with(col, value) : r));
      const fixed = await engine.edit(row, rows[row - 1]!);
      expect(fixed.ok && fixed.value).toEqual(await opened(rows));
    }
  });

  it('keeps what a fix did not change the same objects', async () => {
    const engine = inlineEngine();
    const before = await engine.open(csv(ROWS), 'реестр.csv', people.slice(0, 30), 'snt');
    const after = await engine.edit(37, ROWS[36]!.with(4, 'p35@example.ru')); // person 35's e-mail
    if (!before.ok || !after.ok) throw new Error('not read');
    const [a, b] = [before.value, after.value];
    expect(b.problems.length).toBe(a.problems.length - 1);
    expect(b.mapping).toBe(a.mapping);
    expect(b.columns).toBe(a.columns);
    expect(b.topRows).toBe(a.topRows);
    expect(b.diff.changed).toBe(a.diff.changed);
    // The other rows' problems are the objects the window already had.
    expect(b.problems.every((p) => a.problems.some((q) => q === p))).toBe(true);
  });

  it('sends one item taken out of a long list as that alone', () => {
    const before = Array.from({ length: 1000 }, (_, i) => ({ row: i, message: `m${i}` }));
    const after = before.filter((_, i) => i !== 500);
    const delta = valueDelta({ problems: before }, { problems: after });
    expect(delta).toEqual({ fields: { problems: { splice: [500, 1, []] } } });
    const put = applyValueDelta({ problems: before }, delta!) as { problems: unknown[] };
    expect(put.problems).toEqual(after);
    expect(put.problems[999 - 1]).toBe(before[999]);
  });

  it('changes nothing when nothing changed, and puts a field away when it is gone', () => {
    const x = { a: [1, 2, 3], b: { c: 'd' }, e: 'f' };
    expect(valueDelta(x, { a: [1, 2, 3], b: { c: 'd' }, e: 'f' })).toBeNull();
    const delta = valueDelta(x, { a: [1, 2, 3], b: { c: 'd' } });
    expect(applyValueDelta(x, delta!)).toEqual({ a: [1, 2, 3], b: { c: 'd' } });
  });
});
