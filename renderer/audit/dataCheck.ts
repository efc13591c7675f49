/**
 * The data checked against its history: replays the audit trail's `state` notes (renderer/audit/
 * recordState) into the state every checked record must have, then compares each stored record with it.
 * A record edited, added or deleted outside the app is named in Russian (dataCheckText).
 *
 * Reads in chunks, each in its own read transaction, yielding to the event loop between them, so the
 * window stays responsive over tens of thousands of records.
 */
import type Dexie from 'dexie';
import type { AuditEntry } from '../../shared/audit/auditChain';
import { auditValue, sameAuditJson } from './auditValue';
import { AUDIT_TABLE } from './auditLog';
import { CHECKED_TABLES, stateKey, type CheckedTable } from './recordState';
import { nextTask } from '../../shared/async/nextTask';

export type DataIssueKind = 'changed' | 'added' | 'deleted';

export interface DataIssue {
  table: CheckedTable;
  key: string;
  kind: DataIssueKind;
  /** The record as the audit trail gives it (absent: added outside the app). */
  expected?: unknown;
  /** The record as stored (absent: deleted outside the app). */
  stored?: unknown;
}

export interface DataCheck {
  issues: DataIssue[];
  /** Records compared. */
  records: number;
  /** Audit entries read. */
  entries: number;
  /**
   * False when the log has entries written before the app noted record states: records it has no note
   * of are then not reported as added (they may predate the notes).
   */
  complete: boolean;
}

const CHUNK = 2000;

export type CheckProgress = (done: number, total: number) => void;

/**
 * Compares the stored records with the log. `log`: the whole audit trail when the caller has already
 * read it (the integrity check reads it once, for the chain and for this); otherwise it is read here.
 */
export async function checkDataAgainstLog(
  db: Dexie,
  onProgress?: CheckProgress,
  log?: readonly AuditEntry[],
): Promise<DataCheck> {
  const tables = CHECKED_TABLES.filter((t) => db.tables.some((x) => x.name === t));
  const counts = await db.transaction('r', [AUDIT_TABLE, ...tables], () =>
    Promise.all([db.table(AUDIT_TABLE).count(), ...tables.map((t) => db.table(t).count())]),
  );
  const total = counts.reduce((s, n) => s + n, 0);
  let done = 0;

  // table/key -> the record as the log says it must be (null: deleted).
  const expected = new Map<string, unknown>();
  let complete = true;
  let entries = 0;
  const replay = (chunk: readonly AuditEntry[]) => {
    for (const e of chunk) {
      if (!e.state) {
        complete = false;
        continue;
      }
      for (const [key, value] of Object.entries(e.state)) expected.set(key, value);
    }
    entries += chunk.length;
    onProgress?.((done += chunk.length), total);
  };
  if (log) replay(log);
  for (let after = 0; !log;) {
    const chunk = await db
      .table<AuditEntry, number>(AUDIT_TABLE)
      .where(':id')
      .above(after)
      .limit(CHUNK)
      .toArray();
    if (chunk.length === 0) break;
    replay(chunk);
    after = chunk.at(-1)!.seq;
    await nextTask();
  }

  const issues: DataIssue[] = [];
  let records = 0;
  for (const table of tables) {
    const primary = db.table(table).schema.primKey.keyPath as string;
    let last: unknown = undefined;
    for (;;) {
      const where = db.table(table).where(':id');
      const rows = await (last === undefined ? where.above(-Infinity) : where.above(last))
        .limit(CHUNK)
        .toArray();
      if (rows.length === 0) break;
      for (const row of rows) {
        const id = (row as Record<string, unknown>)[primary];
        const key = stateKey(table, id);
        const stored = auditValue(row) ?? null;
        const want = expected.get(key);
        expected.delete(key);
        if (want === undefined) {
          if (complete) issues.push({ table, key: String(id), kind: 'added', stored });
        } else if (want === null) {
          issues.push({ table, key: String(id), kind: 'added', stored });
        } else if (!sameAuditJson(want, stored)) {
          issues.push({ table, key: String(id), kind: 'changed', expected: want, stored });
        }
      }
      records += rows.length;
      last = (rows.at(-1) as Record<string, unknown>)[primary];
      onProgress?.((done += rows.length), total);
      await nextTask();
    }
  }
  // What the log says exists but is not stored: deleted outside the app.
  for (const [key, want] of expected) {
    if (want === null) continue;
    const slash = key.indexOf('/');
    const table = key.slice(0, slash) as CheckedTable;
    if (!tables.includes(table)) continue;
    issues.push({ table, key: key.slice(slash + 1), kind: 'deleted', expected: want });
  }
  return { issues, records, entries, complete };
}
