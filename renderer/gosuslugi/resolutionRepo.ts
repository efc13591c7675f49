/**
 * The counting commission's decisions on conflicts (one person's ballots disagreeing on a question):
 * which ballot stands and why. Each save or removal is one transaction with its audit entry; the tally
 * reads them through loadMeetingTally.
 */
import { err, ok, problem, type Result } from '../../shared/result';
import { getOperator } from '../app/operator';
import { auditedWrite } from '../db/auditedWrite';
import { newId, type GolosDb } from '../db/db';
import type { ResolutionRecord } from '../db/records';

export interface ResolutionInput {
  meetingId: string;
  personId: string;
  question: number;
  /** The ballot whose decision stands; null: none does (the vote on this question is not counted). */
  ballotId: string | null;
  reason: string;
}

function reasonMissing(r: ResolutionInput) {
  return problem(
    'resolution_reason',
    `Вопрос ${r.question}: укажите причину решения — она попадёт в протокол.`,
    { field: 'Причина' },
  );
}

/**
 * Records decisions (a new one for a person and question replaces the earlier one), all in one
 * transaction with an audit entry each. Every decision needs a reason.
 */
export async function saveResolutions(
  db: GolosDb,
  inputs: readonly ResolutionInput[],
  opts: { now?: Date } = {},
): Promise<Result<ResolutionRecord[]>> {
  const missing = inputs.filter((r) => r.reason.trim() === '');
  if (missing.length > 0) return err(missing.map(reasonMissing));
  const now = opts.now ?? new Date();
  const actor = await getOperator(db);
  return auditedWrite(db, [db.resolutions], async (audit) => {
    const saved: ResolutionRecord[] = [];
    for (const r of inputs) {
      const before = await db.resolutions
        .where('[meetingId+personId+question]')
        .equals([r.meetingId, r.personId, r.question])
        .first();
      const record: ResolutionRecord = {
        id: before?.id ?? newId(),
        meetingId: r.meetingId,
        personId: r.personId,
        question: r.question,
        ballotId: r.ballotId,
        reason: r.reason.trim(),
        by: actor,
        at: now.toISOString(),
      };
      await db.resolutions.put(record);
      await audit(
        {
          actor,
          action: 'resolution.save',
          entity: 'resolution',
          entityId: record.id,
          ...(before ? { before } : {}),
          after: record,
          reason: record.reason,
        },
        now,
      );
      saved.push(record);
    }
    return ok(saved);
  });
}

/** Withdraws a decision: the conflict is open again (the meeting's policy applies until decided). */
export async function removeResolution(
  db: GolosDb,
  id: string,
  opts: { now?: Date } = {},
): Promise<Result<void>> {
  const now = opts.now ?? new Date();
  const actor = await getOperator(db);
  return auditedWrite(db, [db.resolutions], async (audit) => {
    const before = await db.resolutions.get(id);
    if (!before) return err([problem('resolution_missing', 'Это решение уже отменено.')]);
    await db.resolutions.delete(id);
    await audit({ actor, action: 'resolution.remove', entity: 'resolution', entityId: id, before }, now);
    return ok(undefined);
  });
}
