import { describe, expect, it } from 'vitest';
import { parseBallotBatch } from '../paper/parseBallotBatch';
import type { Ballot } from '../domain/types';
import { SOURCE_COLUMN, writeScannedBatch } from '../omr/scannedBatch';
import { writeBallotBatch } from '../paper/ballotBatch';
import { parseCsv } from './readCsv';
import { readTable } from './readTable';
import { csvCell, writeCsv } from './writeCsv';

// What Excel takes for a formula (OWASP "CSV injection"), and what only looks like one.
const HOSTILE = [
  "=cmd|' /C calc'!A0",
  '@SUM(1+1)',
  '+7 (900) 000-00-00',
  '-5',
  '=1+1;2',
  '\t=HYPERLINK("x")',
];

describe('csvCell: formula-like cells are neutralised', () => {
  it('puts an apostrophe before a cell starting with = + - @ tab or CR, quoting as needed', () => {
    expect(HOSTILE.map(csvCell)).toEqual([
      "'=cmd|' /C calc'!A0",
      "'@SUM(1+1)",
      "'+7 (900) 000-00-00",
      "'-5",
      `"'=1+1;2"`,
      `"'\t=HYPERLINK(""x"")"`,
    ]);
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    // Ordinary cells, an apostrophe or a sign inside, are written as they are.
    expect(['Иванов И.И.', "д'Артаньян", 'A-5', '5-', "'"].map(csvCell)).toEqual([
      'Иванов И.И.',
      "д'Артаньян",
      'A-5',
      '5-',
      "'",
    ]);
  });

  it('is read back by parseCsv as the text it was (as the reader gives that text written raw)', () => {
    const written = writeCsv([HOSTILE, ["'=already quoted", "'", "д'Артаньян"]]).slice(1);
    const raw = HOSTILE.map((t) => t.replace(/\s+/g, ' ').trim());
    expect(parseCsv(written, ';')).toEqual([raw, ["'=already quoted", "'", "д'Артаньян", '', '', '']]);
  });
});

describe('the ballot batch file', () => {
  const ballot = (id: string, fullName: string, rep: string): Ballot => ({
    id,
    channel: 'paper',
    voter: { plotNumber: id, fullName },
    copy: 'original',
    receivedAt: '2026-06-10',
    voidReasons: [],
    representative: { fullName: rep, powerOfAttorney: '=2+2' },
    marks: { 1: 'for' },
    source: id,
  });
  const ballots = HOSTILE.slice(0, 5).map((name, i) => ballot(`${i + 1}`, name, `@${name}`));

  it('writes no cell Excel would run, and reads every name back unchanged', async () => {
    const csv = writeBallotBatch(ballots, [1]);
    for (const line of csv.slice(1).split('\r\n').slice(1, -1)) {
      for (const cell of line.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
        expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    const table = await readTable(new TextEncoder().encode(csv), 'batch.csv');
    if (!table.ok) throw new Error(table.error[0]!.message);
    const parsed = parseBallotBatch(table.value, { questions: [1] });
    if (!parsed.ok) throw new Error(parsed.error[0]!.message);
    expect(parsed.value.ballots.map((b) => b.voter.fullName)).toEqual(HOSTILE.slice(0, 5));
    expect(parsed.value.ballots.map((b) => b.representative?.fullName)).toEqual(
      HOSTILE.slice(0, 5).map((n) => `@${n}`),
    );
    expect(parsed.value.ballots.map((b) => b.representative?.powerOfAttorney)).toEqual(Array(5).fill('=2+2'));
  });
});

describe('the batch file of a read scan stack (golos scan: scanned.csv)', () => {
  it('neutralises the «Источник» column too (a scan file may be named like a formula), read back as written', async () => {
    const ballots: Ballot[] = HOSTILE.slice(0, 4).map((name, i) => ({
      id: `scan-${i + 1}`,
      channel: 'paper',
      voter: { personId: `p${i + 1}` },
      copy: 'original',
      receivedAt: '2026-06-10',
      voidReasons: [],
      marks: { 1: 'for' },
      source: `${name}.pdf:${i + 1}`,
    }));
    const registry = HOSTILE.slice(0, 4).map((fullName, i) => ({
      id: `p${i + 1}`,
      fullName,
      status: 'member' as const,
      holdings: [{ plotNumber: String(i + 1) }],
    }));
    const csv = writeScannedBatch(ballots, [1], registry);
    for (const line of csv.slice(1).split('\r\n').slice(1, -1)) {
      for (const cell of line.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
        expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    const table = await readTable(new TextEncoder().encode(csv), 'scanned.csv');
    if (!table.ok) throw new Error(table.error[0]!.message);
    const column = table.value.rows[0]!.indexOf(SOURCE_COLUMN);
    expect(column).toBeGreaterThan(0);
    expect(table.value.rows.slice(1).map((r) => r[column])).toEqual(ballots.map((b) => b.source));
    const parsed = parseBallotBatch(table.value, { questions: [1] });
    if (!parsed.ok) throw new Error(parsed.error[0]!.message);
    expect(parsed.value.ballots.map((b) => b.voter.fullName)).toEqual(HOSTILE.slice(0, 4));
  });
});
