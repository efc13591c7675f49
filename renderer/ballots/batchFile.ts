/**
 * The ballot batch file for moving ballots between laptops: the format `golos tally --paper` reads
 * (shared/paper/ballotBatch). Export: the ballots the tally counts now. Import: read and merged against
 * every stored ballot, so importing the same file twice adds nothing and clashes are listed.
 * Loaded on demand (the spreadsheet reader is heavy).
 */
import type { Ballot } from '../../shared/domain/types';
import { parseBallotBatch } from '../../shared/ballots/parseBallotBatch';
import { currentBallots, currentVersion } from '../../shared/paper/ballotRecord';
import { mergeBallotBatch, writeBallotBatch, type BatchMerge } from '../../shared/paper/ballotBatch';
import type { Result } from '../../shared/result';
import { readTable } from '../../shared/spreadsheet/readTable';
import type { MeetingTallyInput } from '../tally/meetingTally';

/** The counted paper and in-person ballots as the batch file (UTF-8 CSV). */
export function exportBatch(input: MeetingTallyInput): { bytes: Uint8Array; count: number } {
  const ballots = currentBallots(input.paperRecords, { doubleEntry: input.meeting.doubleEntry === true });
  const text = writeBallotBatch(
    ballots,
    input.meeting.questions.map((q) => q.number),
    input.registry,
  );
  return { bytes: new TextEncoder().encode(text), count: ballots.length };
}

/** Every ballot of a batch file, or its problems (row and field named). */
export async function readBatch(
  bytes: Uint8Array,
  fileName: string,
  input: MeetingTallyInput,
): Promise<Result<{ ballots: Ballot[]; warnings: string[] }>> {
  const table = await readTable(bytes, fileName);
  if (!table.ok) return table;
  const parsed = parseBallotBatch(table.value, { questions: input.meeting.questions.map((q) => q.number) });
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    value: { ballots: parsed.value.ballots, warnings: parsed.value.problems.map((p) => p.message) },
  };
}

/** What importing would do: new ballots, ones already stored, clashes (same ballot, other content). */
export function planImport(input: MeetingTallyInput, imported: readonly Ballot[]): BatchMerge {
  // Every stored ballot, withdrawn ones too, so a withdrawn ballot is not brought back.
  const stored = input.paperRecords.map((r) => currentVersion(r).ballot);
  return mergeBallotBatch(stored, imported, {
    questions: input.meeting.questions.map((q) => q.number),
    registry: input.registry,
  });
}
