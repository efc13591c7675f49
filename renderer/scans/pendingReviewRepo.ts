/**
 * The review cards of a read stack wait in the database until the last one is answered, so leaving
 * the screen (or closing the app) loses none: the screen stores the stack's reading once, updates the
 * answers as they are given, and removes it when nothing is left to decide.
 */
import type { GolosDb } from '../db/db';
import type { ScanReviewRecord } from '../db/records';

/** The stacks of a meeting still waiting for answers, oldest first. */
export async function pendingReviews(db: GolosDb, meetingId: string): Promise<ScanReviewRecord[]> {
  const list = await db.scanReviews.where('meetingId').equals(meetingId).toArray();
  return list.sort((a, b) => a.readAt.localeCompare(b.readAt));
}

export async function putPendingReview(db: GolosDb, record: ScanReviewRecord): Promise<void> {
  await db.scanReviews.put(record);
}

export async function dropPendingReview(db: GolosDb, id: string): Promise<void> {
  await db.scanReviews.delete(id);
}
