/**
 * Everything counted in one meeting, gathered from the database for the tally engine: the registry
 * snapshot (or the live registry before voting starts), paper and in-person ballots as their counted
 * versions, active Gosuslugi imports, their rows that matched no one, and the commission's resolutions.
 * Live results, reconciliation and the protocol all count through this one function.
 */
import type { Person } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import { currentBallots } from '../../shared/paper/ballotRecord';
import type { TallyInput } from '../../shared/tally/tally';
import type { UnmatchedEntry } from '../../shared/tally/types';
import type { GolosDb } from '../db/db';
import { listPersons } from '../db/personRepo';
import type { ResolutionRecord } from '../db/records';

export interface MeetingTallyInput extends TallyInput {
  /** True when the registry is the meeting's frozen snapshot, false when it is the live registry. */
  frozen: boolean;
  resolutions: ResolutionRecord[];
}

export async function loadMeetingRegistry(
  db: GolosDb,
  meeting: Meeting,
): Promise<{ persons: Person[]; frozen: boolean }> {
  const snapshot = meeting.snapshotId ? await db.snapshots.get(meeting.snapshotId) : undefined;
  return snapshot
    ? { persons: snapshot.persons, frozen: true }
    : { persons: await listPersons(db), frozen: false };
}

export async function loadMeetingTally(db: GolosDb, meeting: Meeting): Promise<MeetingTallyInput> {
  return db.transaction(
    'r',
    [db.snapshots, db.persons, db.paperBallots, db.gosuslugiImports, db.resolutions],
    async () => {
      const { persons, frozen } = await loadMeetingRegistry(db, meeting);
      const paper = await db.paperBallots.where('meetingId').equals(meeting.id).toArray();
      const imports = (await db.gosuslugiImports.where('meetingId').equals(meeting.id).toArray()).filter(
        (i) => i.status === 'active',
      );
      const unmatched: UnmatchedEntry[] = imports.flatMap((i) =>
        i.notCounted
          .filter((r) => r.reason === 'not_found' || r.reason === 'ambiguous' || r.reason === 'no_details')
          .map((r) => ({
            source: r.source,
            name: r.name,
            channel: 'gosuslugi' as const,
            reason: r.reason as UnmatchedEntry['reason'],
          })),
      );
      return {
        registry: persons,
        frozen,
        meeting,
        ballots: [
          ...currentBallots(paper, { doubleEntry: meeting.doubleEntry === true }),
          ...imports.flatMap((i) => i.ballots),
        ],
        unmatched,
        resolutions: await db.resolutions.where('meetingId').equals(meeting.id).toArray(),
      };
    },
  );
}
