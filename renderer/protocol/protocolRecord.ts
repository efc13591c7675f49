/**
 * The protocol's number and date kept on the meeting. Producing a protocol (a PDF, a workbook, the
 * package) stores the date it is drawn up (`protocolDate`, which clears the "past due" warning) and its
 * number, with an audit entry in the same transaction. Producing it again with the same values writes
 * nothing, so the audit head printed on the protocol stays the same.
 */
import type { IsoDate } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import { auditedWrite } from '../db/auditedWrite';
import { getOperator } from '../app/operator';
import type { GolosDb } from '../db/db';

export interface ProtocolDetails {
  date: IsoDate;
  /** Empty: the number is left blank to fill in by hand. */
  number: string;
}

export async function recordProtocolProduced(
  db: GolosDb,
  meetingId: string,
  details: ProtocolDetails,
): Promise<Meeting> {
  const actor = await getOperator(db);
  return auditedWrite(db, [db.meetings], async (audit) => {
    const stored = await db.meetings.get(meetingId);
    if (!stored) throw new Error('Собрание не найдено: возможно, оно удалено.');
    const number = details.number.trim();
    if (stored.protocolDate === details.date && (stored.protocolNumber ?? '') === number) return stored;
    const next: Meeting = { ...stored, protocolDate: details.date, updatedAt: new Date().toISOString() };
    if (number) next.protocolNumber = number;
    else delete next.protocolNumber;
    await db.meetings.put(next);
    await audit({
      actor,
      action: 'meeting.protocol',
      entity: 'meeting',
      entityId: meetingId,
      before: { protocolDate: stored.protocolDate ?? null, protocolNumber: stored.protocolNumber ?? null },
      after: { protocolDate: details.date, protocolNumber: number || null },
    });
    return next;
  });
}
