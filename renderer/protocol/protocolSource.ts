/**
 * What the protocol is built from: the meeting's tally as the command line computes it (one loader,
 * loadMeetingTally; the tally engine; results.json by buildResults), with the registry and ballots it
 * ran on. The preview, the PDF, the workbook and the package all start here, so they print the same.
 */
import { nextTask } from '../../shared/async/nextTask';
import type { Partnership } from '../../shared/domain/types';
import type { ExcludedRow, ProtocolSource } from '../../shared/documents/protocolModel';
import { tallyInputText } from '../../shared/documents/protocolProof';
import type { Meeting } from '../../shared/meetings/meeting';
import { buildResults, type ResultsJson } from '../../shared/results/buildResults';
import { resultsFileText } from '../../shared/results/resultsFile';
import { agendaWarnings } from '../../shared/rules/agendaWarnings';
import { profileFor } from '../../shared/rules/profiles';
import type { ConflictResolution } from '../../shared/tally/resolutions';
import { tally } from '../../shared/tally/tally';
import type { GolosDb } from '../db/db';
import type { PaperBallotRow } from '../db/records';
import { loadMeetingTally } from '../tally/meetingTally';
import { sha256HexOf } from './webSha256';

export type TalliedMeeting = ProtocolSource & {
  meeting: Meeting;
  results: ResultsJson;
  /** The registry is the meeting's frozen snapshot (false: the live registry, voting not started). */
  frozen: boolean;
  /** SHA-256 of what the tally counted (meeting, registry, ballots, resolutions), printed on the protocol. */
  inputSha256: string;
  /** SHA-256 of results.json as resultsFileText writes it (the protocol's QR code names it). */
  resultsSha256: string;
  /** The counting commission's decisions the tally applied (written to the package's meeting.json). */
  resolutions: readonly ConflictResolution[];
  /** The stored paper ballots with their versions (double entry: those not yet settled are warned of). */
  paperRecords: readonly PaperBallotRow[];
};

export async function loadProtocolSource(
  db: GolosDb,
  meeting: Meeting,
  partnership: Pick<Partnership, 'name' | 'address' | 'inn' | 'ogrn'>,
): Promise<TalliedMeeting> {
  const input = await loadMeetingTally(db, meeting);
  const profile = profileFor(meeting.kind);
  // Each step a task of its own: at 5,000 participants each takes 0.1-0.2 s, together most of a second
  // during which the window could neither paint nor answer (the protocol bench's frame-gap row).
  await nextTask();
  // The whole input goes in, so the commission's resolutions count where the engine takes them.
  const result = tally({ ...input, profile });
  await nextTask();
  const results = buildResults(result, meeting, profile, agendaWarnings(meeting, profile));
  await nextTask();
  const inputSha256 = await sha256HexOf(tallyInputText(input));
  await nextTask();
  const resultsSha256 = await sha256HexOf(resultsFileText(results));
  const excluded = await excludedRows(db, meeting.id);
  return {
    meeting,
    partnership,
    registry: input.registry,
    ballots: input.ballots,
    paperRecords: input.paperRecords,
    excluded,
    profile,
    result,
    results,
    frozen: input.frozen,
    inputSha256,
    resultsSha256,
    resolutions: input.resolutions,
  };
}

/** Electronic rows of the active imports that the user marked «не участник», with the reason given. */
async function excludedRows(db: GolosDb, meetingId: string): Promise<ExcludedRow[]> {
  const imports = await db.gosuslugiImports.where('meetingId').equals(meetingId).toArray();
  return imports
    .filter((i) => i.status === 'active')
    .flatMap((i) => i.notCounted)
    .filter((r) => r.reason === 'not_participant')
    .map((r) => ({ source: r.source, name: r.name, reason: r.note?.trim() || 'причина не указана' }));
}
