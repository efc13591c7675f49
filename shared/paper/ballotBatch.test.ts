import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BATCH_COLUMNS, parseBallotBatch } from './parseBallotBatch';
import type { Ballot, Mark, MeetingSpec, Person, VoidReason } from '../domain/types';
import { readTable } from '../spreadsheet/readTable';
import { tally } from '../tally/tally';
import type { TallyResult } from '../tally/types';
import { meeting, persons } from '../tally/tally.testkit';
import { makeBallots } from '../../test/bench/tallyData';
import { makePersons } from '../../test/fixtures/persons';
import { mergeBallotBatch, writeBallotBatch } from './ballotBatch';
import { voterRefOf } from './voterRef';

async function readBack(
  csv: string,
  questions: readonly number[],
  fileName = 'ballots.csv',
): Promise<Ballot[]> {
  const table = await readTable(new TextEncoder().encode(csv), fileName);
  if (!table.ok) throw new Error(JSON.stringify(table.error));
  const parsed = parseBallotBatch(table.value, { questions });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.slice(0, 3)));
  return parsed.value.ballots;
}

/**
 * Every figure of the tally that does not depend on ballot ids or sources (a person's ballots received
 * the same day are ordered by id, so ballot outcomes are compared as a sorted list).
 */
function figures(r: TallyResult) {
  return {
    participation: r.participation,
    quorum: r.quorum,
    questions: r.questions.map((q) => ({
      n: q.number,
      counts: q.counts,
      weights: q.weights,
      decision: q.decision,
    })),
    statuses: r.ballots
      .map((b) =>
        JSON.stringify([
          b.personId,
          b.channel,
          b.copy,
          b.receivedAt,
          b.status,
          b.reasons,
          b.invalidQuestions ?? [],
          b.scanDiffers ?? [],
        ]),
      )
      .sort(),
    conflicts: r.conflicts.map((c) => [c.personId, c.question, c.choices.map((x) => x.mark).sort()]),
  };
}

const numbers = (m: MeetingSpec) => m.questions.map((q) => q.number);

describe('writeBallotBatch', () => {
  const registry = persons(3);

  it('writes UTF-8 CSV with BOM and exactly the columns parseBallotBatch reads', () => {
    const b: Ballot = {
      id: 'k1',
      channel: 'in_person',
      voter: { personId: 'p2' },
      copy: 'original',
      receivedAt: '2026-06-14',
      delivery: 'session',
      voidReasons: ['pencil', 'no_signature'],
      representative: {
        fullName: 'Петров; Пётр "Старший"',
        powerOfAttorney: '№ 7',
        powerOfAttorneyDate: '2026-05-20',
      },
      marks: { 1: 'several', 2: 'all_crossed' },
      source: 'k1',
    };
    const csv = writeBallotBatch([b, { ...b, id: 'g', channel: 'gosuslugi' }], [1, 2], registry);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe([...BATCH_COLUMNS, '1', '2'].join(';'));
    expect(lines[1]).toBe(
      '000-000-000 02;2;Участник p2;очно;оригинал;14.06.2026;на собрании;нет подписи, карандаш;"Петров; Пётр ""Старший""";№ 7 от 20.05.2026;несколько;все зачеркнуты',
    );
    expect(lines).toHaveLength(3); // header, one row, the final line break; the electronic ballot is left out
  });

  it('round trip: written, read by parseBallotBatch and tallied, gives the same results as the originals', async () => {
    const reg = makePersons(300, 11, { contacts: false });
    const spec: MeetingSpec = {
      ...meeting([]),
      questions: Array.from({ length: 10 }, (_, i) => ({
        number: i + 1,
        text: `В${i + 1}`,
        ...(i === 3 ? { item: '21' } : {}),
      })),
    };
    const ballots = makeBallots(reg, spec, 5).filter((b) => b.channel !== 'gosuslugi');
    // Keyed ballots name the voter by registry id (and carry СНИЛС, plot, name); some have representatives.
    ballots.forEach((b, i) => {
      if (i % 3 === 0)
        b.voter = voterRefOf(
          reg.find((p) => p.snils === b.voter.snils || p.holdings[0]!.plotNumber === b.voter.plotNumber)!,
        );
      if (i % 17 === 0)
        b.representative = {
          fullName: 'Сидоров С.С.',
          powerOfAttorney: `№ ${i}`,
          powerOfAttorneyDate: '2026-05-01',
        };
      if (i % 29 === 0) b.representative = { fullName: 'Без Доверенности' };
    });
    const back = await readBack(writeBallotBatch(ballots, numbers(spec), reg), numbers(spec));
    expect(back).toHaveLength(ballots.length);
    const before = tally({ registry: reg, meeting: spec, ballots });
    const after = tally({ registry: reg, meeting: spec, ballots: back });
    expect(before.participation.persons).toBeGreaterThan(200);
    expect(figures(after)).toEqual(figures(before));
    // Importing the file into the laptop it came from changes nothing.
    const merge = mergeBallotBatch(ballots, back, { registry: reg, questions: numbers(spec) });
    expect(merge.added).toEqual([]);
    expect(merge.clashes).toEqual([]);
    expect(merge.identical).toHaveLength(ballots.length);
  });
});

describe('mergeBallotBatch', () => {
  const registry = persons(4);
  const base = (personId: string, marks: Record<number, Mark>, extra: Partial<Ballot> = {}): Ballot => ({
    id: `k-${personId}`,
    channel: 'paper',
    voter: voterRefOf(registry.find((p) => p.id === personId)!),
    copy: 'original',
    receivedAt: '2026-06-05',
    voidReasons: [],
    marks,
    source: 'ввод',
    ...extra,
  });

  it('adds new ballots, skips identical ones and lists clashes', async () => {
    const stored = [base('p1', { 1: 'for', 2: 'for' }), base('p2', { 1: 'against', 2: 'for' })];
    const other = [
      base('p1', { 1: 'for', 2: 'for' }, { id: 'other-1' }),
      base('p2', { 1: 'for', 2: 'for' }, { id: 'other-2' }),
      base('p3', { 1: 'abstain', 2: 'none' }, { id: 'k-p1' }),
    ];
    const imported = await readBack(writeBallotBatch(other, [1, 2], registry), [1, 2], 'laptop2.csv');
    const merge = mergeBallotBatch(stored, imported, { registry, questions: [1, 2] });
    expect(merge.identical.map((b) => b.source)).toEqual(['laptop2.csv:2']);
    expect(merge.clashes).toHaveLength(1);
    expect(merge.clashes[0]!.stored.id).toBe('k-p2');
    expect(merge.clashes[0]!.diff).toEqual({
      questions: [{ number: 1, a: 'against', b: 'for' }],
      flags: [],
      fields: [],
    });
    expect(merge.added.map((b) => [b.id, b.voter.snils])).toEqual([['laptop2.csv:4', '00000000003']]);
    // ids stay unique against the stored ones
    const again = mergeBallotBatch(stored, [{ ...imported[2]!, id: 'k-p1' }], { registry });
    expect(again.added[0]!.id).toBe('k-p1#2');
  });

  const voidReason = fc.constantFrom<VoidReason>('no_signature', 'pencil', 'corrections', 'no_details');
  const mark = fc.constantFrom<Mark>('for', 'against', 'abstain', 'several', 'all_crossed', 'none');
  const arbBallot = (reg: readonly Person[]) =>
    fc.record({
      p: fc.integer({ min: 0, max: reg.length - 1 }),
      channel: fc.constantFrom<'paper' | 'in_person'>('paper', 'in_person'),
      copy: fc.constantFrom<'original' | 'scan'>('original', 'scan'),
      day: fc.integer({ min: 1, max: 4 }),
      voids: fc.uniqueArray(voidReason, { maxLength: 2 }),
      marks: fc.tuple(mark, mark, mark),
      rep: fc.option(
        fc.record({
          name: fc.constantFrom('Петров П.П.', 'Сидорова А.А.'),
          poa: fc.option(fc.constantFrom('№ 1', '12/3')),
        }),
      ),
      byId: fc.boolean(),
    });
  type Generated = ReturnType<typeof arbBallot> extends fc.Arbitrary<infer T> ? T : never;
  const toBallot = (reg: readonly Person[], x: Generated, i: number): Ballot => {
    const p = reg[x.p]!;
    return {
      id: `b${i}`,
      channel: x.channel,
      voter: x.byId ? voterRefOf(p) : { snils: p.snils!, fullName: p.fullName },
      copy: x.copy,
      receivedAt: `2026-06-0${x.day}`,
      voidReasons: x.voids,
      ...(x.rep
        ? { representative: { fullName: x.rep.name, ...(x.rep.poa ? { powerOfAttorney: x.rep.poa } : {}) } }
        : {}),
      marks: { 1: x.marks[0], 2: x.marks[1], 3: x.marks[2] },
      source: `b${i}`,
    };
  };

  it('property: merging a batch twice changes nothing the second time', async () => {
    const reg = persons(5);
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbBallot(reg), { maxLength: 12 }),
        fc.array(arbBallot(reg), { maxLength: 12 }),
        async (s, imp) => {
          const stored = s.map((x, i) => toBallot(reg, x, i));
          const imported = await readBack(
            writeBallotBatch(
              imp.map((x, i) => toBallot(reg, x, 100 + i)),
              [1, 2, 3],
              reg,
            ),
            [1, 2, 3],
          );
          const first = mergeBallotBatch(stored, imported, { registry: reg, questions: [1, 2, 3] });
          expect(first.added.length + first.identical.length + first.clashes.length).toBe(imported.length);
          const second = mergeBallotBatch([...stored, ...first.added], imported, {
            registry: reg,
            questions: [1, 2, 3],
          });
          expect(second.added).toEqual([]);
          expect(second.clashes.length).toBe(first.clashes.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('property: batch round trip keeps every tally figure', async () => {
    const reg = persons(5);
    const spec = meeting(
      [1, 2, 3].map((n) => ({ number: n, text: `В${n}` })),
      { votingStart: '2026-06-02', votingEnd: '2026-06-03' },
    );
    await fc.assert(
      // Distinct ballots (a person's two ballots of one channel, copy and day would be ordered by id).
      fc.asyncProperty(
        fc.uniqueArray(arbBallot(reg), {
          minLength: 1,
          maxLength: 15,
          selector: (x) => `${x.p}|${x.channel}|${x.copy}|${x.day}`,
        }),
        async (xs) => {
          const ballots = xs.map((x, i) => toBallot(reg, x, i));
          const back = await readBack(writeBallotBatch(ballots, [1, 2, 3], reg), [1, 2, 3]);
          expect(figures(tally({ registry: reg, meeting: spec, ballots: back }))).toEqual(
            figures(tally({ registry: reg, meeting: spec, ballots })),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
