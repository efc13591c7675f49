import { auditedWrite } from '../db/auditedWrite';
import type { GolosDb } from '../db/db';

const KEY = 'operator';
export const DEFAULT_OPERATOR = 'Секретарь правления';

type Listener = (name: string) => void;
const listeners = new Set<Listener>();

/** Who is at the keyboard: recorded in the audit trail and in every ballot version. */
export async function getOperator(db: GolosDb): Promise<string> {
  const row = await db.settings.get(KEY);
  return typeof row?.value === 'string' && row.value.trim() ? row.value : DEFAULT_OPERATOR;
}

/**
 * Records who is at the keyboard from now on, with an audit entry naming the one before (nothing is
 * written when the name stays the same).
 */
export async function setOperator(db: GolosDb, name: string): Promise<void> {
  const next = name.trim() || DEFAULT_OPERATOR;
  const changed = await auditedWrite(db, [db.settings], async (audit) => {
    const before = await getOperator(db);
    if (before === next) return false;
    await db.settings.put({ key: KEY, value: name.trim() });
    await audit({
      actor: next,
      action: 'operator.change',
      entity: 'operator',
      entityId: KEY,
      before: before,
      after: next,
    });
    return true;
  });
  if (changed) for (const listener of listeners) listener(next);
}

/** Calls `listener` with the new name after every `setOperator` in this window; returns the unsubscribe. */
export function onOperatorChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
