import { describe, expect, it } from 'vitest';
import { parseRegistry } from '../../../shared/registry/parseRegistry';
import { RegistryValidation } from '../../../shared/registry/registryValidation';
import { formatSnils } from '../../../shared/registry/snils';
import type { Table } from '../../../shared/spreadsheet/readTable';
import { makePersons } from '../../../test/fixtures/persons';
import { ImportSession, type ImportAnalysis } from './importSession';
import { refixRow } from './rowFix';

const [a, b, c, d, e, f] = makePersons(6, 77, { multiPlot: 0, coOwned: 0 });
const s = (p: typeof a) => formatSnils(p!.snils!);

/** A registry with something for every kind of check; row numbers in the comments (header is row 1). */
const ROWS: string[][] = [
  ['ФИО', 'СНИЛС', 'Участок', 'Площадь', 'Доля', 'Статус', 'Email'],
  [a!.fullName, s(a), '1', '600', '', 'член', 'a@example.ru'], // 2
  [b!.fullName, s(b), '2', '600', '1/2', 'член', 'b@@example'], // 3: bad e-mail
  [c!.fullName, s(b), '2', '600', '1/2', 'инд.', ''], // 4: СНИЛС of row 3; co-owner of plot 2
  ['', '', '5', '600', '', 'член', ''], // 5: no name (a plot of row 4's person)
  ['', '', '', '', '', 'член', ''], // 6: no name, no plot: an error row
  [d!.fullName, s(d), '7', '800', '', 'арендатор', ''], // 7: unknown status
  ['', '', '8', '800', '', '', ''], // 8: a second plot of row 7's person
  [e!.fullName, s(e), '9', '1000', '', 'член', ''], // 9
  [f!.fullName, s(f), '10', '1000', '', 'член', ''], // 10
];

function csv(rows: string[][]): Uint8Array {
  return new TextEncoder().encode(rows.map((r) => r.join(';')).join('\n'));
}

async function session(rows: string[][]): Promise<ImportSession> {
  const opened = await ImportSession.open(csv(rows), 'реестр.csv', [], 'snt');
  if (!opened.ok) throw new Error(opened.error[0]!.message);
  return opened.value;
}

/** Everything the preview shows, without what depends on how the rows were reached. */
const shown = (x: ImportAnalysis) => ({
  personCount: x.personCount,
  diffCounts: x.diffCounts,
  problems: x.problems,
  keptAside: x.keptAside,
  diff: x.diff,
  unknownStatuses: x.unknownStatuses,
  rowsRead: x.rowsRead,
  problemRows: x.problemRows,
});

/** Fixes in place, each against the same cells read from a file of their own. */
const FIXES: [string, number, (row: string[]) => string[]][] = [
  ['the e-mail corrected', 3, (r) => r.with(6, 'b@example.ru')],
  ['the СНИЛС of the duplicate corrected', 4, (r) => r.with(1, s(e).replace(/\d$/, '0'))],
  ['the СНИЛС made the same as another one', 9, (r) => r.with(1, s(f))],
  ['a name given to the row without one', 6, (r) => r.with(0, 'Новикова Анна Павловна')],
  ['a share taken from a co-owner', 3, (r) => r.with(4, '')],
  ['a plot moved onto another person’s plot', 10, (r) => r.with(2, '9')],
  ['the unknown status mapped by hand', 7, (r) => r.with(5, 'член')],
  ['a second plot of a person changed', 8, (r) => r.with(2, '11')],
  ['a name made the same as another person’s', 9, (r) => r.with(0, f!.fullName)],
  ['the row emptied', 2, (r) => r.map(() => '')],
];

describe('a fix in place', () => {
  for (const [what, row, change] of FIXES) {
    it(`gives what reading the whole file gives: ${what}`, async () => {
      const fixed = ROWS.map((r, i) => (i === row - 1 ? change(r) : r));
      const live = await session(ROWS);
      live.analyze();
      const after = live.edit(row, fixed[row - 1]!);
      expect(shown(after)).toEqual(shown((await session(fixed)).analyze()));
    });
  }

  it('goes on from fix to fix as the file would read', async () => {
    const live = await session(ROWS);
    live.analyze();
    let rows = ROWS;
    for (const [, row, change] of FIXES.slice(0, 8)) {
      rows = rows.map((r, i) => (i === row - 1 ? change(r) : r));
      const after = live.edit(row, rows[row - 1]!);
      expect(shown(after)).toEqual(shown((await session(rows)).analyze()));
    }
  });

  it('reads only the rows of the fixed person, unless the fix can change another row', () => {
    const table: Table = { fileName: 'реестр.csv', rows: ROWS.map((r) => r.slice()) };
    const reading = () => {
      const parsed = parseRegistry(table, { kind: 'snt', countNames: true });
      const validation = new RegistryValidation(parsed.persons, parsed.sourceRows, { kind: 'snt' });
      return { parsed, validation };
    };
    const fix = (row: number, change: (r: string[]) => string[]): boolean => {
      table.rows = ROWS.map((r) => r.slice());
      const before = reading();
      table.rows[row - 1] = change(ROWS[row - 1]!);
      return refixRow(before, table, row, 'snt', undefined);
    };
    expect(fix(3, (r) => r.with(6, 'b@example.ru'))).toBe(true);
    expect(fix(6, (r) => r.with(0, 'Новикова Анна Павловна'))).toBe(true);
    expect(fix(8, (r) => r.with(2, '11'))).toBe(true);
    // A name another person has: rows of one name are one person.
    expect(fix(9, (r) => r.with(0, f!.fullName))).toBe(false);
    // The row no longer starts a person: it joins the one above.
    expect(fix(9, (r) => r.with(0, '').with(1, ''))).toBe(false);
    // The row without a name given a plot: another plot of the person above.
    expect(fix(6, (r) => r.with(2, '6'))).toBe(false);
    // A name for row 4's plot row would take row 5 (no name) along: the person's rows change.
    expect(fix(5, (r) => r.with(0, 'Новикова Анна Павловна'))).toBe(false);
  });
});
