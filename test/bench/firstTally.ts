/**
 * One first tally in a fresh Node process, as `golos tally` pays it (cold code, nothing decoded):
 * `node dist/bench/first-tally.mjs case|baseline|objects` prints the milliseconds of the one timed call. The
 * data (10,000 persons × 40 questions) is generated before the clock starts, and so is what golos tally's
 * importers hand the tally with the ballots (shared/results/tallyFiles.ts): the marks as codes, written
 * as they read the cells (shared/tally/markCodes.ts), and each ballot's voter as the tally matches it,
 * matched in the registry index the importers build anyway (the Gosuslugi rows are all matched against
 * the registry to list the unmatched ones; shared/tally/voterMatches.ts). That importers' work is not
 * timed here: `golos tally` end to end is its own row.
 */
import { indexVoters } from '../../shared/registry/voterIndex';
import { tally } from '../../shared/tally/tally';
import { matchVoters } from '../../shared/tally/voterMatches';
import {
  countBallotObjects,
  countOneBallotPerPerson,
  firstBallots,
  oneBallotPerPerson,
} from './tallyBaseline';
import { makeTallyData } from './tallyData';

const data = makeTallyData(10_000, 40, 7);
const what = process.argv[2];
let ms: number;
if (what === 'baseline') {
  const { decisions, questions } = oneBallotPerPerson(data);
  const counts = new Int32Array(questions * 8);
  const t = performance.now();
  countOneBallotPerPerson(decisions, questions, counts);
  ms = performance.now() - t;
} else if (what === 'objects') {
  const ballots = firstBallots(data);
  const numbers = data.meeting.questions.map((q) => q.number);
  const counts = new Int32Array(numbers.length * 8);
  const t = performance.now();
  countBallotObjects(ballots, numbers, counts);
  ms = performance.now() - t;
} else {
  const voters = matchVoters(indexVoters(data.registry), data.ballots);
  const input = { ...data, marks: { ...data.marks, voters } };
  const t = performance.now();
  const r = tally(input);
  // What results.json and the protocol read: every ballot's and person's outcome.
  if (r.ballots.length + r.persons.length < 0) console.log('');
  ms = performance.now() - t;
}
console.log(ms.toFixed(3));
