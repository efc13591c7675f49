/**
 * The entry context's stored ballots by registry person (`EntryContext.known`: duplicate warnings, logged
 * arrivals, scans), kept up to date from one records array to the next by looking only at the records
 * that changed (the store replaces changed records and keeps the rest as they were), so a saved ballot
 * does not re-index thousands of stored ones.
 */
import type { Person } from '../../shared/domain/types';
import { knownFromRecords, type KnownBallot } from '../../shared/paper/entry/entryContext';
import { voterIndex } from '../../shared/paper/voterRef';
import type { PaperBallotRecord } from '../../shared/paper/ballotRecord';

export type KnownMap = ReadonlyMap<number, readonly KnownBallot[]>;

/** Above this many changed records it is cheaper to index everything again. */
const REBUILD_OVER = 200;

export class KnownBallots {
  private registry: readonly Person[] | null = null;
  private records: readonly PaperBallotRecord[] = [];
  private known = new Map<number, KnownBallot[]>();
  /** Record id -> registry index it is filed under. */
  private filed = new Map<string, number>();

  /** The known ballots of `records`; a new map whenever something changed, the same one otherwise. */
  update(registry: readonly Person[], records: readonly PaperBallotRecord[]): KnownMap {
    if (registry !== this.registry) {
      this.registry = registry;
      this.records = [];
      this.known = new Map();
      this.filed = new Map();
    }
    if (records === this.records) return this.known;
    const changed: PaperBallotRecord[] = [];
    const prev = this.records;
    const sameStart = prev.length <= records.length;
    if (sameStart) {
      for (let i = 0; i < records.length; i++) {
        if (records[i] !== prev[i]) changed.push(records[i]!);
        if (changed.length > REBUILD_OVER) break;
      }
    }
    if (!sameStart || changed.length > REBUILD_OVER) return this.rebuild(registry, records);
    const known = new Map(this.known);
    for (const r of changed) {
      const was = this.filed.get(r.id);
      if (was !== undefined) {
        const rest = (known.get(was) ?? []).filter((k) => k.recordId !== r.id);
        if (rest.length) known.set(was, rest);
        else known.delete(was);
        this.filed.delete(r.id);
      }
      this.file(known, registry, r);
    }
    this.records = records;
    this.known = known;
    return known;
  }

  private rebuild(registry: readonly Person[], records: readonly PaperBallotRecord[]): KnownMap {
    const known = new Map<number, KnownBallot[]>();
    this.filed = new Map();
    for (const r of records) this.file(known, registry, r);
    this.records = records;
    this.known = known;
    return known;
  }

  private file(known: Map<number, KnownBallot[]>, registry: readonly Person[], r: PaperBallotRecord): void {
    const k = knownFromRecords([r])[0];
    if (!k) return;
    const i = voterIndex(registry, k.ballot.voter);
    if (i < 0) return;
    known.set(i, [...(known.get(i) ?? []), k]);
    this.filed.set(r.id, i);
  }
}
