/**
 * Everything counted in one meeting, gathered from the database for the tally engine: the registry
 * snapshot (or the live registry before voting starts), paper and in-person ballots as their counted
 * versions, active Gosuslugi imports, their rows that matched no one, and the commission's resolutions.
 * Live results, reconciliation and the protocol all count through this one function.
 */
import type { Ballot, Person } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import { currentBallots } from '../../shared/paper/ballotRecord';
import type { TallyInput } from '../../shared/tally/tally';
import type { UnmatchedEntry } from '../../shared/tally/types';
import type { GolosDb } from '../db/db';
import { listPersons } from '../db/personRepo';
import type { PaperBallotRow, ResolutionRecord } from '../db/records';

export interface MeetingTallyInput extends TallyInput {
  meeting: Meeting;
  /** True when the registry is the meeting's frozen snapshot, false when it is the live registry. */
  frozen: boolean;
  resolutions: ResolutionRecord[];
  /** Every stored paper and in-person ballot record of the meeting, with all its versions. */
  paperRecords: PaperBallotRow[];
  /** Ballots of the active Gosuslugi imports. */
  gosuslugiBallots: Ballot[];
}

/**
 * What the tally counts: the Gosuslugi ballots, then the counted version of each paper record. In this
 * order a newly saved paper ballot (appended, or replacing its record in place) leaves every other
 * ballot where it was, so the live tally decodes only that one (shared/tally/decodeBallots.ts).
 */
function meetingBallots(
  meeting: Meeting,
  paperRecords: readonly PaperBallotRow[],
  gosuslugiBallots: readonly Ballot[],
): Ballot[] {
  return [
    ...gosuslugiBallots,
    ...currentBallots(paperRecords, { doubleEntry: meeting.doubleEntry === true }),
  ];
}

/**
 * The same input after a change the screen made itself (a saved ballot, a changed meeting record), without
 * reading the database again: the counted ballots are recomputed from the records given.
 */
export function withPaperRecords(
  input: MeetingTallyInput,
  paperRecords: PaperBallotRow[],
  meeting: Meeting = input.meeting,
): MeetingTallyInput {
  return {
    ...input,
    meeting,
    paperRecords,
    ballots: meetingBallots(meeting, paperRecords, input.gosuslugiBallots),
  };
}

export async function loadMeetingRegistry(
  db: GolosDb,
  meeting: Pick<Meeting, 'snapshotId'>,
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
      const gosuslugiBallots = imports.flatMap((i) => i.ballots);
      return {
        registry: persons,
        frozen,
        meeting,
        ballots: meetingBallots(meeting, paper, gosuslugiBallots),
        unmatched,
        resolutions: await db.resolutions.where('meetingId').equals(meeting.id).toArray(),
        paperRecords: paper,
        gosuslugiBallots,
      };
    },
  );
}
