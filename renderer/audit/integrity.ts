/**
 * The data check as the screens use it: the differences in Russian, and the commission's decision to go
 * on despite them. A decision is an audit entry (`integrity.accept`) naming the differences it covers and
 * the reason; it holds for exactly that list, so a new difference needs a new decision.
 */
import type Dexie from 'dexie';
import type { AuditEntry } from '../../shared/audit/auditChain';
import type { Result } from '../../shared/result';
import { getOperator } from '../app/operator';
import type { GolosDb } from '../db/db';
import { compareWithAnchor, readAnchor, type AuditAnchor } from './auditAnchor';
import { auditedWrite } from '../db/auditedWrite';
import { AUDIT_TABLE } from './auditLog';
import { checkDataAgainstLog, type CheckProgress } from './dataCheck';
import { describeIssue } from './dataCheckText';

export const INTEGRITY_ACCEPT = 'integrity.accept';

export interface Integrity {
  /** Every difference between the data and the log, one Russian line each. */
  issues: string[];
  /** The commission's reason covering exactly these differences, if recorded. */
  reason: string | null;
  records: number;
}

async function personNames(db: Dexie): Promise<Map<string, string>> {
  const persons = await db.table<{ id: string; fullName: string }>('persons').toArray();
  return new Map(persons.map((p) => [p.id, p.fullName]));
}

const sameList = (a: unknown, b: readonly string[]) =>
  Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);

async function acceptedReason(db: Dexie, issues: readonly string[]): Promise<string | null> {
  if (issues.length === 0) return null;
  const entry = await db
    .table<AuditEntry, number>(AUDIT_TABLE)
    .reverse()
    .filter((e) => e.action === INTEGRITY_ACCEPT)
    .first();
  const after = entry?.after as { issues?: unknown } | undefined;
  return entry && sameList(after?.issues, issues) ? (entry.reason ?? '') : null;
}

/** The log's end compared with the anchor kept outside the database (auditAnchor). */
async function anchorIssues(db: Dexie, found: Result<AuditAnchor | null>): Promise<string[]> {
  if (!found.ok)
    return [`Журнал изменений: якорь не прочитан. ${found.error.map((p) => p.message).join(' ')}`];
  const anchor = found.value;
  if (!anchor) return [];
  const audit = db.table<AuditEntry, number>(AUDIT_TABLE);
  const [head, atAnchor] = await db.transaction('r', audit, () =>
    Promise.all([audit.orderBy(':id').last(), audit.get(anchor.seq)]),
  );
  return compareWithAnchor(anchor, head?.seq ?? 0, atAnchor);
}

/**
 * The check itself, given the anchor (read on the main thread through the platform): plain Dexie reads
 * and hashing, so it runs the same in the integrity worker (integrityCheck) and inline.
 */
export async function checkIntegrity(
  db: Dexie,
  anchor: Result<AuditAnchor | null>,
  onProgress?: CheckProgress,
  log?: readonly AuditEntry[],
): Promise<Integrity> {
  const missing = await anchorIssues(db, anchor);
  const check = await checkDataAgainstLog(db, onProgress, log);
  const names = check.issues.some((i) => i.table !== 'persons') ? await personNames(db) : undefined;
  const issues = [...missing, ...check.issues.map((i) => describeIssue(i, names))];
  return { issues, reason: await acceptedReason(db, issues), records: check.records };
}

/** The check on this thread, with the anchor as last written. */
export async function loadIntegrity(db: Dexie, onProgress?: CheckProgress): Promise<Integrity> {
  return checkIntegrity(db, await readAnchor(db.name), onProgress);
}

/** Records the commission's decision to produce the protocol despite these differences. */
export async function acceptDifferences(
  db: GolosDb,
  issues: readonly string[],
  reason: string,
): Promise<void> {
  const actor = await getOperator(db);
  await auditedWrite(db, [], (audit) =>
    audit({
      actor,
      action: INTEGRITY_ACCEPT,
      entity: 'integrity',
      entityId: '',
      after: { issues: [...issues] },
      reason: reason.trim(),
    }),
  );
}
