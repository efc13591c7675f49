/**
 * The audit trail: an append-only log whose entries are hash-chained. Each entry holds the SHA-256 of
 * the previous one, and its own hash covers everything it says, so editing, removing or reordering any
 * stored entry breaks the chain at that point. The protocol prints the head hash.
 */
import { canonicalJson, sha256Hex } from '../crypto/sha256';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  /** Who did it (the operator's name as entered in the app). */
  actor: string;
  /** What was done, e.g. `person.update`, `ballot.create`, `import.registry`. */
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /** Why, where the user gave a reason (corrections, withdrawals). */
  reason?: string;
  /**
   * What the change made of the stored records it touched, `table/key` -> the record as stored (plain
   * JSON) or null when deleted. Present on every entry written since the integrity check compares the
   * data with the log (renderer/audit/recordState); older entries have none.
   */
  state?: Record<string, unknown>;
}

export interface AuditEntry extends AuditEvent {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

export type ChainBreak = { seq: number; reason: 'hash_mismatch' | 'prev_mismatch' | 'gap' };

export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, prevHash, actor, action, entity, entityId, before, after, reason, state } = entry;
  // `state` absent (older entries) leaves the hash as it was: canonical JSON drops undefined members.
  return sha256Hex(
    canonicalJson({ seq, at, prevHash, actor, action, entity, entityId, before, after, reason, state }),
  );
}

/** The entry that follows `head` (undefined for the first entry of an empty log). */
/** Synchronous, so it can be appended inside the same IndexedDB transaction as the change it records. */
export function nextEntry(head: AuditEntry | undefined, event: AuditEvent, at: string): AuditEntry {
  const partial = { ...event, seq: head ? head.seq + 1 : 1, at, prevHash: head ? head.hash : GENESIS_HASH };
  return { ...partial, hash: entryHash(partial) };
}

/** Verifies the whole chain in sequence order; returns the first break, or null when intact. */
export function verifyChain(entries: readonly AuditEntry[]): ChainBreak | null {
  let prev: AuditEntry | undefined;
  for (const e of entries) {
    if (e.seq !== (prev ? prev.seq + 1 : 1)) return { seq: e.seq, reason: 'gap' };
    if (e.prevHash !== (prev ? prev.hash : GENESIS_HASH)) return { seq: e.seq, reason: 'prev_mismatch' };
    if (entryHash(e) !== e.hash) return { seq: e.seq, reason: 'hash_mismatch' };
    prev = e;
  }
  return null;
}

export function describeBreak(b: ChainBreak): string {
  const why = {
    hash_mismatch: 'содержимое записи изменено после её внесения',
    prev_mismatch: 'запись не продолжает предыдущую (цепочка переставлена или подменена)',
    gap: 'пропущены записи (запись удалена)',
  }[b.reason];
  return `Журнал изменений нарушен на записи № ${b.seq}: ${why}.`;
}
