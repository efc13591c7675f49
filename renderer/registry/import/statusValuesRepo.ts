/**
 * Status values the user mapped in registry imports, remembered per partnership in the settings table
 * (no schema change) and used by every later import.
 */
import type { PersonStatus } from '../../../shared/domain/types';
import type { StatusValues } from '../../../shared/registry/statusVocabulary';
import { auditedWrite } from '../../db/auditedWrite';
import { getOperator } from '../../app/operator';
import type { GolosDb } from '../../db/db';

const STATUSES: readonly PersonStatus[] = ['member', 'gardener', 'owner'];

export function statusValuesKey(partnershipId: string): string {
  return `registry.statusValues.${partnershipId}`;
}

/** The remembered values (only well-formed entries are read back). */
export async function getStatusValues(db: GolosDb, partnershipId: string): Promise<StatusValues> {
  const row = await db.settings.get(statusValuesKey(partnershipId));
  const out: Record<string, PersonStatus> = {};
  if (row && typeof row.value === 'object' && row.value !== null) {
    for (const [k, v] of Object.entries(row.value as Record<string, unknown>)) {
      if (STATUSES.includes(v as PersonStatus)) out[k] = v as PersonStatus;
    }
  }
  return out;
}

/** Adds the values mapped in one import to those remembered, with an audit entry; nothing when none. */
export async function rememberStatusValues(
  db: GolosDb,
  partnershipId: string,
  values: StatusValues,
): Promise<void> {
  if (Object.keys(values).length === 0) return;
  const actor = await getOperator(db);
  const key = statusValuesKey(partnershipId);
  await auditedWrite(db, [db.settings], async (audit) => {
    const before = await getStatusValues(db, partnershipId);
    const after = { ...before, ...values };
    await db.settings.put({ key, value: after });
    await audit({
      actor,
      action: 'settings.statusValues',
      entity: 'settings',
      entityId: key,
      before,
      after,
    });
  });
}
