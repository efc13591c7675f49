/**
 * One first tally where `golos tally` runs it: `node dist/bench/first-tally.mjs case|baseline|objects DIR`
 * reads the meeting's files in DIR (meetingFileNames.ts) as the command does (cli/handOver.ts), in a
 * fresh process with the command's heap setting (cli/commandHeap.ts), through the same `tallyFiles`,
 * and prints the milliseconds of the one timed call made where the command counts. So each
 * side pays what the command's tally pays: cold code, and a heap the file readers have just filled, whose
 * collection falls inside the tally in about half the runs (docs/tally-performance.md).
 * - case: the tally, and every ballot's and person's outcome results.json and the protocol read;
 * - baseline: the bare loop counting one ballot per person (tallyBaseline.ts) from the codes the readers
 *   wrote, each person's first matched ballot chosen before the clock;
 * - objects (no target): the same loop reading the marks from those ballot objects.
 * After either baseline the real tally runs too, so tallyFiles returns as it does for the command.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useCommandHeap } from '../../cli/commandHeap';
import { handOver } from '../../cli/handOver';
import type { Ballot } from '../../shared/domain/types';
import { tallyFiles, type InputFile } from '../../shared/results/tallyFiles';
import { tally, type TallyInput } from '../../shared/tally/tally';
import type { TallyResult } from '../../shared/tally/types';
import { MEETING_FILE_NAMES, type MeetingFileRole } from './meetingFileNames';
import { countBallotObjects, countOneBallotPerPerson, firstOfEachPerson } from './tallyBaseline';

function baseline(input: TallyInput): number {
  const Q = input.meeting.questions.length;
  const codes = input.marks!.codes;
  const first = firstOfEachPerson(input.marks?.voters?.match, input.registry.length);
  const decisions = new Int8Array(first.length * Q);
  first.forEach((b, i) => decisions.set(codes.subarray(b * Q, b * Q + Q), i * Q));
  const counts = new Int32Array(Q * 8);
  const t = performance.now();
  countOneBallotPerPerson(decisions, Q, counts);
  return performance.now() - t;
}

function objects(input: TallyInput): number {
  const ballots: Ballot[] = firstOfEachPerson(input.marks?.voters?.match, input.registry.length).map(
    (b) => input.ballots[b]!,
  );
  const numbers = input.meeting.questions.map((q) => q.number);
  const counts = new Int32Array(numbers.length * 8);
  const t = performance.now();
  countBallotObjects(ballots, numbers, counts);
  return performance.now() - t;
}

function timedTally(input: TallyInput): { ms: number; result: TallyResult } {
  const t = performance.now();
  const result = tally(input);
  // What results.json and the protocol read: every ballot's and person's outcome.
  if (result.ballots.length + result.persons.length < 0) console.log('');
  return { ms: performance.now() - t, result };
}

useCommandHeap();
const [what, dir] = process.argv.slice(2);
if (!dir || !['case', 'baseline', 'objects'].includes(what!)) {
  throw new Error('usage: first-tally.mjs case|baseline|objects DIR');
}
const pathOf = (role: MeetingFileRole): string => join(dir!, MEETING_FILE_NAMES[role]);
/** A meeting's file from DIR, as the command reads it; a spreadsheet handed over as the command does. */
const read = (role: MeetingFileRole): InputFile => ({
  name: MEETING_FILE_NAMES[role],
  bytes: new Uint8Array(readFileSync(pathOf(role))),
});
const spreadsheet = (role: MeetingFileRole): InputFile => handOver(read(role), pathOf(role));
let ms = NaN;
const done = await tallyFiles(
  {
    registry: spreadsheet('registry'),
    meeting: read('meeting'),
    gosuslugi: [spreadsheet('gosuslugi')],
    paper: [spreadsheet('paper')],
  },
  {
    tally: (input) => {
      if (what === 'case') {
        const run = timedTally(input);
        ms = run.ms;
        return run.result;
      }
      ms = what === 'baseline' ? baseline(input) : objects(input);
      return tally(input);
    },
  },
);
if (!done.ok) throw new Error(JSON.stringify(done.error));
console.log(ms.toFixed(3));
