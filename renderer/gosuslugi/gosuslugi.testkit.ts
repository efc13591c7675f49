/** Test helpers: a meeting with its registry snapshot stored in a fresh database, and a fake platform. */
import type { Person, Question } from '../../shared/domain/types';
import { newMeeting, type Meeting } from '../../shared/meetings/meeting';
import { ok } from '../../shared/result';
import { GolosDb } from '../db/db';
import type { OpenedFile, Platform } from '../platform/platform';

export async function meetingWithSnapshot(
  registry: Person[],
  agenda: Question[],
  extra: Partial<Meeting> = {},
): Promise<{ db: GolosDb; meeting: Meeting }> {
  const db = new GolosDb(`golos-gosuslugi-${crypto.randomUUID()}`);
  const meeting: Meeting = {
    ...newMeeting({
      id: 'm1',
      partnershipId: 'snt',
      kind: 'snt',
      title: 'Общее собрание 2026',
      now: '2026-05-01T09:00:00.000Z',
    }),
    votingStart: '2026-06-01',
    votingEnd: '2026-06-14',
    questions: agenda.map((q) => ({ ...q, attachmentIds: [] })),
    snapshotId: 's1',
    ...extra,
  };
  await db.meetings.put(meeting);
  await db.snapshots.put({
    id: 's1',
    meetingId: meeting.id,
    takenAt: '2026-06-01T00:00:00.000Z',
    reason: 'начало голосования',
    persons: registry,
  });
  return { db, meeting };
}

/** A browser-like platform whose «open file» gives the files queued in `next`. */
export function fakePlatform(): { platform: Platform; next: OpenedFile[] } {
  const next: OpenedFile[] = [];
  const platform: Platform = {
    kind: 'browser',
    async saveFile(req) {
      return ok({ savedAs: req.suggestedName });
    },
    async openFile() {
      const f = next.shift();
      return ok(f ? [f] : []);
    },
    async writePackage() {
      return ok(null);
    },
  };
  return { platform, next };
}
