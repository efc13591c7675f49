/**
 * The audit trail in the database: table `audit`, keyed by `seq` (schema `audit: 'seq'`). Every change
 * appends one hash-chained entry (shared/audit/auditChain) in the SAME read-write transaction as the
 * change itself, so a change without its entry (or the reverse) can never be stored. The app's writes
 * do it through renderer/db/auditedWrite, which opens that transaction and hands the work its append.
 *
 * Each append runs as a Dexie sub-transaction of the caller's, so appends started together (Promise.all)
 * still run one after another, each reading the head the previous one wrote.
 */
import Dexie from 'dexie';
import {
  describeBreak,
  GENESIS_HASH,
  nextEntry,
  verifyChain,
  type AuditEntry,
  type AuditEvent,
  type ChainBreak,
} from '../../shared/audit/auditChain';
import { plural } from '../../shared/meetings/dates';
import type { AuditWrite } from '../../shared/audit/auditCatalogue';
import { auditValue } from './auditValue';
import { writeAnchor } from './auditAnchor';
import { noteAppended, takeState } from './recordState';

export const AUDIT_TABLE = 'audit';
/** The declaration to add to the app's Dexie schema. */
export const AUDIT_SCHEMA = { [AUDIT_TABLE]: 'seq' } as const;

function auditTable(db: Dexie) {
  return db.table<AuditEntry, number>(AUDIT_TABLE);
}

/** The event with its values in the plain-JSON form the hash covers, and no undefined members. */
function normalized(event: AuditEvent): AuditEvent {
  const out: AuditEvent = {
    actor: event.actor,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId,
  };
  const before = auditValue(event.before);
  const after = auditValue(event.after);
  if (before !== undefined) out.before = before;
  if (after !== undefined) out.after = after;
  if (event.reason !== undefined) out.reason = event.reason;
  return out;
}

/**
 * Appends the next entry. Call it inside the caller's read-write transaction, which must include the
 * `audit` table (Dexie throws when it does not); called outside any transaction it runs in its own.
 */
export async function appendAudit(db: Dexie, event: AuditWrite, at: Date = new Date()): Promise<AuditEntry> {
  const entry = normalized(event);
  return db.transaction('rw', AUDIT_TABLE, async () => {
    const table = auditTable(db);
    const head = await table.toCollection().last();
    // The records this transaction wrote, as stored (renderer/audit/recordState).
    const trans = Dexie.currentTransaction?.idbtrans;
    const next = nextEntry(head, { ...entry, state: takeState(trans) }, at.toISOString());
    await table.add(next);
    // The head is anchored outside the database once the transaction has committed.
    noteAppended(trans, next, (last) => writeAnchor(db.name, last));
    return next;
  });
}

/** Every entry, in sequence order. */
export async function readChain(db: Dexie): Promise<AuditEntry[]> {
  return auditTable(db).toArray();
}

/** The newest entries first, for the list on screen. */
export async function readNewest(db: Dexie, limit: number): Promise<AuditEntry[]> {
  return auditTable(db).reverse().limit(limit).toArray();
}

export async function countEntries(db: Dexie): Promise<number> {
  return auditTable(db).count();
}

/**
 * The head of the chain, as printed on the protocol: the last entry's sequence number and hash
 * (`seq` 0 and the all-zero genesis hash when nothing was logged yet).
 */
export async function getAuditHead(db: Dexie): Promise<{ seq: number; hash: string }> {
  const head = await auditTable(db).toCollection().last();
  return head ? { seq: head.seq, hash: head.hash } : { seq: 0, hash: GENESIS_HASH };
}

export type AuditCheck =
  | { intact: true; count: number; headSeq: number; headHash: string }
  | { intact: false; count: number; break: ChainBreak };

/** Verifies the whole chain as stored (read in one transaction). */
export async function checkAuditChain(db: Dexie): Promise<AuditCheck> {
  return checkChainOf(await db.transaction('r', AUDIT_TABLE, () => readChain(db)));
}

/** Verifies the chain given as read (every entry, in sequence order). */
export function checkChainOf(entries: readonly AuditEntry[]): AuditCheck {
  const found = verifyChain(entries);
  if (found) return { intact: false, count: entries.length, break: found };
  const head = entries.at(-1);
  return {
    intact: true,
    count: entries.length,
    headSeq: head?.seq ?? 0,
    headHash: head?.hash ?? GENESIS_HASH,
  };
}

/** Russian: «Цепочка цела, 12 записей, последний хеш …» or where and why it breaks. */
export function describeAuditCheck(check: AuditCheck): string {
  if (!check.intact) return describeBreak(check.break);
  if (check.count === 0) return 'Журнал пуст: изменений ещё не было.';
  const records = plural(check.count, ['запись', 'записи', 'записей']);
  return `Цепочка цела, ${check.count} ${records}, последний хеш ${check.headHash}.`;
}
