/**
 * What each audit entry says the stored records became. A Dexie middleware sees every write to the
 * tables the integrity check covers (registry, snapshots, ballots, imports, resolutions, attendance,
 * meetings) and notes, per IndexedDB transaction, each record's new value (or null when deleted). The
 * next audit entry appended in that transaction (appendAudit, called by the one write helper
 * renderer/db/auditedWrite) takes those notes as its `state`, which its hash covers; a write that comes
 * after the entry in the same transaction is added to that entry (it is still the head: nothing can
 * follow it before the transaction ends).
 *
 * A write made outside the app (developer tools, another program) is not seen by the middleware, so
 * the record no longer equals the state the audit trail gives it: renderer/audit/dataCheck finds it.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { nextEntry, type AuditEntry } from '../../shared/audit/auditChain';
import { auditValue, type AuditJson } from './auditValue';

/** The tables whose records are checked against the audit trail. */
export const CHECKED_TABLES = [
  'persons',
  'snapshots',
  'paperBallots',
  'gosuslugiImports',
  'resolutions',
  'attendance',
  'meetings',
] as const;
export type CheckedTable = (typeof CHECKED_TABLES)[number];

const CHECKED = new Set<string>(CHECKED_TABLES);

/** `persons/<id>`: how a record is named in an entry's state. */
export function stateKey(table: string, key: unknown): string {
  return `${table}/${String(key)}`;
}

interface TxNotes {
  /** Records written since the last entry of this transaction. */
  changes: Map<string, AuditJson | null>;
  /** The last entry appended in this transaction, to add later writes to. */
  last?: AuditEntry;
  /** Called with the last entry once the transaction has committed (the anchor is written then). */
  onCommit?: (last: AuditEntry) => void;
}

const notes = new WeakMap<object, TxNotes>();

function notesOf(trans: object): TxNotes {
  let n = notes.get(trans);
  if (!n) {
    n = { changes: new Map() };
    notes.set(trans, n);
  }
  return n;
}

/** The state for the entry being appended in `trans` (the IDBTransaction), and forgets it. */
export function takeState(trans: object | undefined): Record<string, AuditJson | null> {
  if (!trans) return {};
  const n = notes.get(trans);
  if (!n) return {};
  // In sorted order, as canonical JSON writes it (the entry hash then copies nothing).
  const state = Object.fromEntries([...n.changes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  n.changes.clear();
  return state;
}

/**
 * Remembers the entry just appended in `trans`: later writes of the transaction are added to it, and
 * `onCommit` gets the transaction's last entry (as amended) once it has committed.
 */
export function noteAppended(
  trans: object | undefined,
  entry: AuditEntry,
  onCommit?: (last: AuditEntry) => void,
): void {
  if (!trans) return;
  const n = notesOf(trans);
  n.last = entry;
  if (onCommit && !n.onCommit) {
    n.onCommit = onCommit;
    (trans as EventTarget).addEventListener?.('complete', () => n.onCommit?.(n.last!));
  }
}

/** Forgets the writes noted in `trans` (a restore: the restored log vouches for the restored records). */
export function discardState(trans: object | undefined): void {
  if (trans) notes.get(trans)?.changes.clear();
}

async function amendLast(audit: DBCoreTable, trans: object, n: TxNotes): Promise<void> {
  const { hash: _hash, ...rest } = n.last!;
  const state = { ...(rest.state ?? {}), ...Object.fromEntries(n.changes) };
  n.changes.clear();
  // The same entry with the later writes added: same place in the chain, hash computed afresh.
  const previous = { seq: rest.seq - 1, hash: rest.prevHash } as AuditEntry;
  const amended = nextEntry(rest.seq === 1 ? undefined : previous, { ...rest, state }, rest.at);
  await audit.mutate({ type: 'put', trans: trans as IDBTransaction, values: [amended] });
  n.last = amended;
}

function watched(table: DBCoreTable, name: string, down: DBCore): DBCoreTable {
  const keyPath = table.schema.primaryKey.keyPath;
  const keyOf = (value: unknown): unknown =>
    typeof keyPath === 'string' ? (value as Record<string, unknown>)[keyPath] : undefined;
  return {
    ...table,
    async mutate(req: DBCoreMutateRequest) {
      let deleted: unknown[] | undefined;
      if (req.type === 'deleteRange') {
        const found = await table.query({
          trans: req.trans,
          query: { index: table.schema.primaryKey, range: req.range },
          values: false,
        });
        deleted = found.result;
      } else if (req.type === 'delete') {
        deleted = req.keys;
      }
      const res = await table.mutate(req);
      const n = notesOf(req.trans);
      if (deleted) for (const key of deleted) n.changes.set(stateKey(name, key), null);
      if (req.type === 'add' || req.type === 'put') {
        req.values.forEach((value, i) => {
          if (res.failures[i]) return;
          const key = res.results?.[i] ?? req.keys?.[i] ?? keyOf(value);
          n.changes.set(stateKey(name, key), auditValue(value, true) ?? null);
        });
      }
      if (n.last && n.changes.size > 0) await amendLast(down.table('audit'), req.trans, n);
      return res;
    },
  };
}

/** The middleware to `use` on the app's database. */
export const recordStateMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'auditRecordState',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        return CHECKED.has(name) ? watched(table, name, down) : table;
      },
    };
  },
};
