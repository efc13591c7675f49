/**
 * Merging the ballot histories of two laptops (the batch file v2, docs/ballot-batch.md). A record is
 * the set of its versions, each with an id unique within the record and the ids of the versions it
 * follows. Merging is the union of those sets, put in one order every laptop computes the same way
 * (the order versions were made in, ties by time then id), so any exchange of files in any order
 * ends with the same histories, and importing a file twice changes nothing.
 *
 * Two laptops changing one ballot differently leave it with two heads (headVersions): a clash, not
 * counted until the commission settles it with a version that follows both.
 */
import { parentIds, versionId, type BallotVersion, type PaperBallotRecord } from './ballotRecord';

/** The version with its id and parents written out (as a file carries them). */
function explicit(record: PaperBallotRecord, v: BallotVersion): BallotVersion {
  return { ...v, vid: versionId(v), parents: parentIds(record, v) };
}

/**
 * Versions in the one order every laptop agrees on: each after the versions it follows; among those
 * ready at once, the earlier made first (time, then id). Renumbers `n`.
 */
function ordered(versions: readonly BallotVersion[]): BallotVersion[] {
  const byId = new Map(versions.map((v) => [v.vid!, v]));
  const placed = new Set<string>();
  const out: BallotVersion[] = [];
  const rank = (a: BallotVersion, b: BallotVersion) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : a.vid! < b.vid! ? -1 : a.vid! > b.vid! ? 1 : 0;
  let waiting = [...versions].sort(rank);
  while (waiting.length > 0) {
    // A parent missing from the set (a file cut short) does not hold a version back.
    const i = waiting.findIndex((v) => v.parents!.every((p) => placed.has(p) || !byId.has(p)));
    const next = waiting[i === -1 ? 0 : i]!;
    waiting = waiting.filter((v) => v !== next);
    placed.add(next.vid!);
    out.push({ ...next, n: out.length + 1 });
  }
  return out;
}

export interface RecordMerge {
  record: PaperBallotRecord;
  /** Versions the incoming history brought (in merged order). */
  added: BallotVersion[];
}

/** The union of two histories of one record (`local` may be absent: a ballot new here). */
export function mergeRecord(local: PaperBallotRecord | undefined, incoming: PaperBallotRecord): RecordMerge {
  const mine = local ? local.versions.map((v) => explicit(local, v)) : [];
  const known = new Set(mine.map((v) => v.vid!));
  const theirs = incoming.versions.map((v) => explicit(incoming, v)).filter((v) => !known.has(v.vid!));
  if (theirs.length === 0 && local) return { record: local, added: [] };
  const versions = ordered([...mine, ...theirs]);
  const added = new Set(theirs.map((v) => v.vid!));
  return {
    record: { id: incoming.id, versions },
    added: versions.filter((v) => added.has(v.vid!)),
  };
}

export interface HistoryMerge {
  /** Records to store: new here or with new versions. */
  changed: RecordMerge[];
  /** Incoming records this laptop already holds exactly. */
  unchanged: number;
}

/** Merges every incoming record into the local ones (a pure function: see the property test). */
export function mergeHistories(
  local: readonly PaperBallotRecord[],
  incoming: readonly PaperBallotRecord[],
): HistoryMerge {
  const byId = new Map(local.map((r) => [r.id, r]));
  const out: HistoryMerge = { changed: [], unchanged: 0 };
  for (const r of incoming) {
    const m = mergeRecord(byId.get(r.id), r);
    if (m.added.length === 0) out.unchanged++;
    else {
      out.changed.push(m);
      byId.set(r.id, m.record);
    }
  }
  return out;
}
