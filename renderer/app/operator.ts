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

export async function setOperator(db: GolosDb, name: string): Promise<void> {
  await db.settings.put({ key: KEY, value: name.trim() });
  for (const listener of listeners) listener(name.trim() || DEFAULT_OPERATOR);
}

/** Calls `listener` with the new name after every `setOperator` in this window; returns the unsubscribe. */
export function onOperatorChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
