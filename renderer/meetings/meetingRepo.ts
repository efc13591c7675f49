import type { Meeting } from '../../shared/meetings/meeting';
import type { GolosDb } from '../db/db';

/** Meetings of the partnership, newest voting first (meetings without dates last). */
export async function listMeetings(db: GolosDb): Promise<Meeting[]> {
  const all = await db.meetings.toArray();
  return all.sort((a, b) => (b.votingStart || '0').localeCompare(a.votingStart || '0'));
}

export async function getMeeting(db: GolosDb, id: string): Promise<Meeting | undefined> {
  return db.meetings.get(id);
}
