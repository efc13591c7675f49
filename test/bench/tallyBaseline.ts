/**
 * The tally benchmark's baseline: the least any count of a meeting can cost. One decision per person
 * (the one that counts: the real work is one ballot per participant, not every ballot received), held
 * in an Int8Array, counted into 8 slots per question.
 */
import type { Ballot, Mark, MeetingSpec } from '../../shared/domain/types';

const CODE: Record<Mark, number> = { none: 0, for: 1, against: 2, abstain: 3, several: 4, all_crossed: 5 };

/** The first ballot of each person who has one, as codes: persons × questions. */
export function oneBallotPerPerson(data: { meeting: MeetingSpec; ballots: readonly Ballot[] }): {
  decisions: Int8Array;
  questions: number;
} {
  const first = firstBallots(data);
  const Q = data.meeting.questions.length;
  const decisions = new Int8Array(first.length * Q);
  let i = 0;
  for (const b of first) {
    data.meeting.questions.forEach((q, k) => (decisions[i * Q + k] = CODE[b.marks[q.number] ?? 'none']));
    i++;
  }
  return { decisions, questions: Q };
}

export function countOneBallotPerPerson(decisions: Int8Array, Q: number, counts: Int32Array): void {
  counts.fill(0);
  for (let i = 0; i < decisions.length; i += Q) {
    for (let k = 0; k < Q; k++) counts[k * 8 + decisions[i + k]!]!++;
  }
}

/** The first ballot of each person who has one, as the ballot objects themselves (oneBallotPerPerson's choice). */
function firstBallots(data: { ballots: readonly Ballot[] }): Ballot[] {
  const first = new Map<string, Ballot>();
  for (const b of data.ballots) {
    const who = b.voter.personId ?? b.voter.snils ?? b.voter.plotNumber ?? b.voter.fullName ?? b.id;
    if (!first.has(who)) first.set(who, b);
  }
  return [...first.values()];
}

/**
 * The same count read from the ballot objects (one per person, chosen beforehand): what any first count
 * pays before its data is decoded, so the first tally's cold cost can be told from its own work.
 */
export function countBallotObjects(
  ballots: readonly Ballot[],
  numbers: readonly number[],
  counts: Int32Array,
): void {
  counts.fill(0);
  const Q = numbers.length;
  for (const b of ballots) {
    for (let k = 0; k < Q; k++) counts[k * 8 + CODE[b.marks[numbers[k]!] ?? 'none']]!++;
  }
}

/**
 * Each matched person's first ballot, by the voter column the importers hand the tally (voterMatches.ts:
 * registry index × 8 + key, negative for no one): the ballots the bare loop counts where `golos tally`
 * runs, one per participant.
 */
export function firstOfEachPerson(match: Int32Array | undefined, persons: number): number[] {
  if (!match) throw new Error('the readers handed over no voter column');
  const seen = new Uint8Array(persons);
  const first: number[] = [];
  for (let b = 0; b < match.length; b++) {
    const m = match[b]!;
    if (m >= 0 && seen[m >> 3] === 0) {
      seen[m >> 3] = 1;
      first.push(b);
    }
  }
  return first;
}
