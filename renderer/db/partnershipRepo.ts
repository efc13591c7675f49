import type { Partnership } from '../../shared/domain/types';
import { auditedWrite } from './auditedWrite';
import { getOperator } from '../app/operator';
import { newId, type GolosDb } from './db';

export type PartnershipInput = Omit<Partnership, 'id' | 'createdAt' | 'updatedAt'>;

/** The one partnership this desk serves, or undefined on first run. */
export async function getPartnership(db: GolosDb): Promise<Partnership | undefined> {
  return db.partnership.toCollection().first();
}

/**
 * Creates the partnership on first run, updates it afterwards (keeps its id and creation time); the
 * change and its audit entry are stored together.
 */
export async function savePartnership(db: GolosDb, input: PartnershipInput): Promise<Partnership> {
  const actor = await getOperator(db);
  return auditedWrite(db, [db.partnership], async (audit) => {
    const existing = await db.partnership.toCollection().first();
    const now = new Date().toISOString();
    const saved: Partnership = {
      ...clean(input),
      id: existing?.id ?? newId(),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await db.partnership.put(saved);
    await audit({
      actor,
      action: existing ? 'partnership.update' : 'partnership.create',
      entity: 'partnership',
      entityId: saved.id,
      ...(existing ? { before: existing } : {}),
      after: saved,
    });
    return saved;
  });
}

/** Optional fields left empty in a form are stored as absent, not as ''. */
function clean(input: PartnershipInput): PartnershipInput {
  const out: PartnershipInput = { name: input.name.trim(), kind: input.kind, address: input.address.trim() };
  if (input.inn?.trim()) out.inn = input.inn.trim();
  if (input.ogrn?.trim()) out.ogrn = input.ogrn.trim();
  return out;
}
