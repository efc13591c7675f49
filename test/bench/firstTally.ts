/**
 * One first tally in a fresh Node process, as `golos tally` pays it (cold code, nothing decoded):
 * `node dist/bench/first-tally.mjs case|baseline|objects` prints the milliseconds of the one timed call. The
 * data (10,000 persons × 40 questions) is generated before the clock starts, with the ballots' marks
 * also as codes, written as they are made, as golos tally's importers write them as they read the
 * cells (shared/tally/markCodes.ts); the voter index is built inside the timed call.
 */
import { tally } from '../../shared/tally/tally';
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
  const t = performance.now();
  const r = tally(data);
  // What results.json and the protocol read: every ballot's and person's outcome.
  if (r.ballots.length + r.persons.length < 0) console.log('');
  ms = performance.now() - t;
}
console.log(ms.toFixed(3));
