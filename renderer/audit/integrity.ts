/**
 * The data check as the screens use it: the differences in Russian, and the commission's decision to go
 * on despite them. A decision is an audit entry (`integrity.accept`) naming the differences it covers and
 * the reason; it holds for exactly that list, so a new difference needs a new decision.
 */
import type Dexie from 'dexie';
import type { AuditEntry } from '../../shared/audit/auditChain';
import { getOperator } from '../app/operator';
import type { GolosDb } from '../db/db';
import { compareWithAnchor, readAnchor } from './auditAnchor';
import { appendAudit, AUDIT_TABLE } from './auditLog';
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

async function personNames(db: GolosDb): Promise<Map<string, string>> {
  const persons = await db.persons.toArray();
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
async function anchorIssues(db: GolosDb): Promise<string[]> {
  const anchor = readAnchor(db.name);
  if (!anchor) return [];
  const [head, atAnchor] = await db.transaction('r', db.audit, () =>
    Promise.all([db.audit.orderBy('seq').last(), db.audit.get(anchor.seq)]),
  );
  return compareWithAnchor(anchor, head?.seq ?? 0, atAnchor);
}

export async function loadIntegrity(db: GolosDb, onProgress?: CheckProgress): Promise<Integrity> {
  const missing = await anchorIssues(db);
  const check = await checkDataAgainstLog(db, onProgress);
  const names = check.issues.some((i) => i.table !== 'persons') ? await personNames(db) : undefined;
  const issues = [...missing, ...check.issues.map((i) => describeIssue(i, names))];
  return { issues, reason: await acceptedReason(db, issues), records: check.records };
}

/** Records the commission's decision to produce the protocol despite these differences. */
export async function acceptDifferences(
  db: GolosDb,
  issues: readonly string[],
  reason: string,
): Promise<void> {
  const actor = await getOperator(db);
  await appendAudit(db, {
    actor,
    action: INTEGRITY_ACCEPT,
    entity: 'integrity',
    entityId: '',
    after: { issues: [...issues] },
    reason: reason.trim(),
  });
}
