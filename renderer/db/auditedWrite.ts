/**
 * The one way the app stores a change with its audit entries. `work` runs in one read-write transaction
 * over `tables` and the audit table, and appends each entry through the `audit` it is given (an entry
 * takes as its state the records the transaction wrote before it: renderer/audit/recordState). Either
 * every write and every entry is stored, or nothing is: when `work` throws, or returns a failed Result
 * (a refused change), the transaction is rolled back and that Result comes back as the value.
 *
 *   return auditedWrite(db, [db.persons], async (audit) => {
 *     await db.persons.put(next);
 *     await audit({ actor, action: 'person.update', entity: 'person', entityId: next.id, before, after: next });
 *     return next;
 *   });
 *
 * Called inside another transaction (a restore), it runs as a Dexie sub-transaction of it.
 */
import type Dexie from 'dexie';
import type { Table } from 'dexie';
import type { AuditEntry } from '../../shared/audit/auditChain';
import type { AuditWrite } from '../../shared/audit/auditCatalogue';
import { appendAudit, AUDIT_TABLE } from '../audit/auditLog';

/** Appends the next audit entry in the write's transaction (`at`: when, by default now). */
export type AuditAppend = (event: AuditWrite, at?: Date) => Promise<AuditEntry>;

/** A failed Result: `{ ok: false, error }` (shared/result). */
function isFailure(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}

/** Carries a refused change's Result out of the transaction it aborts. */
class Refusal {
  constructor(readonly value: unknown) {}
}

export async function auditedWrite<T>(
  db: Dexie,
  tables: readonly (Table | string)[],
  work: (audit: AuditAppend) => Promise<T>,
): Promise<T> {
  const audit: AuditAppend = (event, at) => appendAudit(db, event, at);
  try {
    return await db.transaction('rw', [...tables, AUDIT_TABLE], async () => {
      const value = await work(audit);
      if (isFailure(value)) throw new Refusal(value);
      return value;
    });
  } catch (e) {
    if (e instanceof Refusal) return e.value as T;
    throw e;
  }
}
