/**
 * The body of «Проверить целостность»: the hash chain verified and the data compared with the log, given
 * the anchor. Plain Dexie reads and hashing, so it runs the same in the integrity worker and inline.
 */
import type Dexie from 'dexie';
import type { Result } from '../../shared/result';
import type { AuditAnchor } from './auditAnchor';
import { AUDIT_TABLE, checkChainOf, readChain, type AuditCheck } from './auditLog';
import type { CheckProgress } from './dataCheck';
import { checkIntegrity, type Integrity } from './integrity';

export interface IntegrityOutcome {
  check: AuditCheck;
  /** The data compared with the log; null for a database without the app's tables. */
  integrity: Integrity | null;
}

export type IntegrityRequest = { dbName: string; anchor: Result<AuditAnchor | null> };
/** The worker's replies, each with the id of its request (renderer/workers/workerClient). */
export type IntegrityReply = { id: number } & (
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; outcome: IntegrityOutcome }
  | { type: 'failed'; message: string }
);

/** Both checks on this thread (the worker's body, and the fallback without workers). */
export async function runIntegrityCheck(
  db: Dexie,
  anchor: Result<AuditAnchor | null>,
  onProgress?: CheckProgress,
): Promise<IntegrityOutcome> {
  // The log is read once: the chain is verified on it and the data compared with it.
  const log = await db.transaction('r', AUDIT_TABLE, () => readChain(db));
  const check = checkChainOf(log);
  const appTables = db.tables.some((t) => t.name === 'paperBallots');
  return { check, integrity: appTables ? await checkIntegrity(db, anchor, onProgress, log) : null };
}
