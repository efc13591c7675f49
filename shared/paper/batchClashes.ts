/**
 * Clashes between laptops, found in the merged records (so every laptop holding the same records finds
 * the same ones, and they stay until the commission settles them):
 * - versions: one ballot changed differently on two laptops (two heads, see headVersions); settled by
 *   a version that follows both (settleVersions);
 * - voter: the same voter's ballot (voter, channel, copy, date) keyed with different content on two
 *   laptops; settled by withdrawing the wrong one.
 */
import type { Person } from '../domain/types';
import { err, ok, problem, type Result } from '../result';
import { ballotIdentity } from './ballotBatch';
import { diffBallots } from './ballotDiff';
import {
  appendVersion,
  currentVersion,
  headVersions,
  versionId,
  type BallotVersion,
  type PaperBallotRecord,
  type VersionMeta,
} from './ballotRecord';

export type LaptopClash =
  | { kind: 'versions'; record: PaperBallotRecord; heads: BallotVersion[] }
  | { kind: 'voter'; records: PaperBallotRecord[] };

/** The laptop a record was first keyed or logged on ('' for one made before laptops were named). */
export function originLaptop(record: PaperBallotRecord): string {
  return record.versions[0]?.laptop?.id ?? '';
}

/** Every open clash between laptops among the records, in a stable order. */
export function laptopClashes(
  records: readonly PaperBallotRecord[],
  registry: readonly Person[],
  questions: readonly number[],
): LaptopClash[] {
  const out: LaptopClash[] = [];
  const groups = new Map<string, PaperBallotRecord[]>();
  for (const r of records) {
    const heads = headVersions(r);
    if (heads.length > 1) {
      out.push({ kind: 'versions', record: r, heads });
      continue;
    }
    const cur = currentVersion(r);
    if (cur.withdrawn || !cur.marksEntered) continue;
    const key = ballotIdentity(cur.ballot, registry);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const group of groups.values()) {
    if (group.length < 2 || new Set(group.map(originLaptop)).size < 2) continue;
    const first = currentVersion(group[0]!).ballot;
    const differs = group.some((r) => {
      const d = diffBallots(first, currentVersion(r).ballot, questions);
      return d.questions.length + d.flags.length + d.fields.filter((f) => f !== 'voter').length > 0;
    });
    if (differs) out.push({ kind: 'voter', records: [...group].sort((a, b) => (a.id < b.id ? -1 : 1)) });
  }
  return out.sort((a, b) => (clashKey(a) < clashKey(b) ? -1 : 1));
}

/** A clash's stable key (the records it is about). */
export function clashKey(c: LaptopClash): string {
  return c.kind === 'versions' ? `v:${c.record.id}` : `b:${c.records.map((r) => r.id).join(',')}`;
}

/**
 * Settles a ballot changed differently on two laptops: the version the commission found right
 * (one of the heads, withdrawn or not) becomes the record's content, following every head.
 */
export function settleVersions(
  record: PaperBallotRecord,
  chosenVid: string,
  meta: VersionMeta,
): Result<PaperBallotRecord> {
  const heads = headVersions(record);
  const chosen = heads.find((v) => versionId(v) === chosenVid);
  if (heads.length < 2 || !chosen) {
    return err([problem('clash_settled', 'Это расхождение уже сверено: обновите экран.')]);
  }
  if (!meta.by.trim() || !meta.reason?.trim()) {
    return err([
      problem('operator_missing', 'Укажите, кто сверил бюллетень, и причину.', { field: 'Кто сверял' }),
    ]);
  }
  return ok(
    appendVersion(
      record,
      'settled',
      chosen.ballot,
      { ...meta, parents: heads.map(versionId) },
      { marksEntered: chosen.marksEntered, withdrawn: chosen.withdrawn },
    ),
  );
}
