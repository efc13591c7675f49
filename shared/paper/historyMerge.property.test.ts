import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ballot, Mark } from '../domain/types';
import {
  correctRecord,
  createRecord,
  currentBallots,
  headVersions,
  versionId,
  withdrawRecord,
  restoreRecord,
  appendVersion,
  type PaperBallotRecord,
} from './ballotRecord';
import { mergeHistories } from './historyMerge';

/** What a laptop holds, compared across laptops: per record, each version's id, parents and content. */
function canonical(records: readonly PaperBallotRecord[]): string {
  return JSON.stringify(
    [...records]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((r) => ({
        id: r.id,
        // The set of versions with their links (the order is checked separately below).
        versions: r.versions
          .map((v) => ({
            vid: versionId(v),
            parents: v.parents ?? [],
            kind: v.kind,
            withdrawn: v.withdrawn,
            by: v.by,
            marks: v.ballot.marks,
          }))
          .sort((a, b) => (a.vid < b.vid ? -1 : 1)),
        heads: headVersions(r).map(versionId).sort(),
      })),
  );
}

function ballot(id: string, mark: Mark): Ballot {
  return {
    id,
    channel: 'paper',
    voter: { plotNumber: id },
    copy: 'original',
    receivedAt: '2026-11-20',
    voidReasons: [],
    marks: { 1: mark },
    source: id,
  };
}

type Op =
  | { op: 'key'; laptop: number; record: number; mark: Mark }
  | { op: 'correct'; laptop: number; record: number; mark: Mark }
  | { op: 'withdraw'; laptop: number; record: number }
  | { op: 'settle'; laptop: number; record: number }
  | { op: 'export'; laptop: number }
  | { op: 'import'; laptop: number; file: number };

const mark = fc.constantFrom<Mark>('for', 'against', 'abstain');

function ops(laptops: number) {
  const l = fc.integer({ min: 0, max: laptops - 1 });
  const rec = fc.integer({ min: 0, max: 3 });
  return fc.array(
    fc.oneof(
      fc.record({ op: fc.constant('key' as const), laptop: l, record: rec, mark }),
      fc.record({ op: fc.constant('correct' as const), laptop: l, record: rec, mark }),
      fc.record({ op: fc.constant('withdraw' as const), laptop: l, record: rec }),
      fc.record({ op: fc.constant('settle' as const), laptop: l, record: rec }),
      fc.record({ op: fc.constant('export' as const), laptop: l }),
      fc.record({ op: fc.constant('import' as const), laptop: l, file: fc.nat(20) }),
    ),
    { maxLength: 40 },
  );
}

/** Runs the operations on `n` laptops whose clocks may disagree (`skew` minutes each). */
function run(n: number, script: Op[], skew: number[]) {
  const held: Map<string, PaperBallotRecord>[] = Array.from({ length: n }, () => new Map());
  const files: PaperBallotRecord[][] = [];
  let tick = 0;
  const meta = (laptop: number, reason?: string) => {
    tick++;
    const at = new Date(Date.UTC(2026, 10, 20, 10, tick + skew[laptop]!)).toISOString();
    return {
      by: `Оператор ${laptop + 1}`,
      at,
      laptop: { id: `L${laptop}`, name: `Ноутбук ${laptop + 1}` },
      ...(reason ? { reason } : {}),
    };
  };
  const put = (laptop: number, r: { ok: true; value: PaperBallotRecord } | { ok: false }) => {
    if (r.ok) held[laptop]!.set(r.value.id, r.value);
  };
  const importInto = (laptop: number, file: readonly PaperBallotRecord[]) => {
    const m = mergeHistories([...held[laptop]!.values()], file);
    for (const c of m.changed) held[laptop]!.set(c.record.id, c.record);
    return m;
  };
  for (const s of script) {
    const mine = held[s.laptop]!;
    // Each laptop keys its own records (ids carry the laptop: uuids never meet by chance).
    const id = `r${s.laptop}-${'record' in s ? s.record : 0}`;
    const any = 'record' in s ? [...mine.values()][s.record % Math.max(1, mine.size)] : undefined;
    if (s.op === 'key' && !mine.has(id)) put(s.laptop, createRecord(ballot(id, s.mark), meta(s.laptop)));
    else if (s.op === 'correct' && any && headVersions(any).length === 1) {
      put(s.laptop, correctRecord(any, ballot(any.id, s.mark), meta(s.laptop, 'исправлено')));
    } else if (s.op === 'withdraw' && any && headVersions(any).length === 1) {
      const cur = any.versions[any.versions.length - 1]!;
      put(
        s.laptop,
        cur.withdrawn
          ? restoreRecord(any, meta(s.laptop, 'назад'))
          : withdrawRecord(any, meta(s.laptop, 'отозван')),
      );
    } else if (s.op === 'settle' && any && headVersions(any).length > 1) {
      const heads = headVersions(any);
      const settled = appendVersion(any, 'settled', heads[0]!.ballot, {
        ...meta(s.laptop, 'сверено'),
        parents: heads.map(versionId),
      });
      mine.set(any.id, settled);
    } else if (s.op === 'export') files.push(structuredClone([...mine.values()]));
    else if (s.op === 'import' && files.length > 0) importInto(s.laptop, files[s.file % files.length]!);
  }
  return { held, files, importInto };
}

describe('mergeHistories', () => {
  it('any interleaving of exports and imports between 2–3 laptops converges to the same histories', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 3 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              ops(n),
              fc.array(fc.integer({ min: -30, max: 30 }), { minLength: n, maxLength: n }),
            ),
          ),
        ([n, script, skew]) => {
          const { held, importInto } = run(n, script, skew);
          // Then every laptop exports and every one imports every file, in a laptop order.
          const finals = held.map((h) => structuredClone([...h.values()]));
          for (let l = 0; l < n; l++) for (const f of finals) importInto(l, f);
          const first = canonical([...held[0]!.values()]);
          for (let l = 1; l < n; l++) expect(canonical([...held[l]!.values()])).toBe(first);
          // The same order of versions and the same counted ballots on every laptop.
          const order = (l: number) =>
            [...held[l]!.values()].map((r) => `${r.id}:${r.versions.map(versionId).join(',')}`).sort();
          const counted = (l: number) =>
            currentBallots([...held[l]!.values()])
              .map((b) => `${b.id}=${b.marks[1]}`)
              .sort();
          for (let l = 1; l < n; l++) {
            expect(order(l)).toEqual(order(0));
            expect(counted(l)).toEqual(counted(0));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('importing any file twice changes nothing', () => {
    fc.assert(
      fc.property(ops(2), (script) => {
        const { held, files, importInto } = run(2, script, [0, 0]);
        for (const f of files) {
          importInto(0, f);
          const before = canonical([...held[0]!.values()]);
          const again = importInto(0, f);
          expect(again.changed).toEqual([]);
          expect(canonical([...held[0]!.values()])).toBe(before);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a ballot changed differently on two laptops has two heads and is not counted until settled', () => {
    const m = (l: number, minute: number, reason?: string) => ({
      by: `Оператор ${l}`,
      at: `2026-11-20T10:0${minute}:00+03:00`,
      laptop: { id: `L${l}`, name: `Ноутбук ${l}` },
      ...(reason ? { reason } : {}),
    });
    const keyed = createRecord(ballot('r', 'for'), m(1, 1));
    if (!keyed.ok) throw new Error('keyed');
    const onA = withdrawRecord(keyed.value, m(1, 2, 'отозван'));
    const onB = correctRecord(
      mergeHistories([], [keyed.value]).changed[0]!.record,
      ballot('r', 'against'),
      m(2, 3, 'ошибка'),
    );
    if (!onA.ok || !onB.ok) throw new Error('changed');
    const merged = mergeHistories([onA.value], [onB.value]).changed[0]!.record;
    const heads = headVersions(merged).map(versionId).sort();
    expect(heads).toEqual(['L1:2@2026-11-20T10:02:00+03:00', 'L2:2@2026-11-20T10:03:00+03:00']);
    expect(currentBallots([merged])).toEqual([]);
    const settled = appendVersion(merged, 'settled', ballot('r', 'against'), {
      ...m(2, 4, 'сверено с бумагой'),
      parents: heads,
    });
    expect(currentBallots([settled]).map((b) => b.marks[1])).toEqual(['against']);
  });
});
