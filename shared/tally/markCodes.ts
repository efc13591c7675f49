/**
 * Ballots' marks as the tally reads them (TallyInput.marks): one packed column of codes, a row of
 * agenda-order codes per ballot, written once by whoever reads the ballots. The file importers write
 * each code as they read its cell (MarkCodesWriter), so a tally does not read the marks of every ballot
 * object again: the first tally of a meeting runs in cold code, where reading 1,000,000 marks out of
 * 25,000 objects cost more than the count itself. The codes are DECISIONS' order (votes.ts): none 0,
 * for 1, against 2, abstain 3, several 4, all_crossed 5.
 */
import type { Mark } from '../domain/types';
import { joinVoterMatches, type VoterMatches } from './voterMatches';

export interface MarkCodes {
  /** Question numbers in agenda order. */
  readonly agenda: readonly number[];
  /** agenda.length codes per ballot, ballot b's at b × agenda.length. */
  readonly codes: Int8Array;
  /** The same ballots' voters, where the importer matched them against the registry (voterMatches.ts). */
  readonly voters?: VoterMatches;
}

/** A mark's code; an absent mark is `none`. */
export function markCode(m: Mark | undefined): number {
  switch (m) {
    case 'for':
      return 1;
    case 'against':
      return 2;
    case 'abstain':
      return 3;
    case 'several':
      return 4;
    case 'all_crossed':
      return 5;
    default:
      return 0;
  }
}

/**
 * The column an importer fills as it reads: `begin` a ballot's row (every question none), `mark` the
 * questions the row answers, `commit` when the row became a ballot (a row begun and not committed is
 * overwritten by the next one).
 */
export class MarkCodesWriter {
  readonly agenda: readonly number[];
  private readonly at = new Map<number, number>();
  private codes: Int8Array;
  private count = 0;

  constructor(agenda: readonly number[]) {
    this.agenda = agenda;
    agenda.forEach((n, q) => this.at.set(n, q));
    this.codes = new Int8Array(agenda.length * 64);
  }

  begin(): void {
    const Q = this.agenda.length;
    if ((this.count + 1) * Q > this.codes.length) {
      const grown = new Int8Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes.fill(0, this.count * Q, this.count * Q + Q);
  }

  /** The mark of question `number` in the row begun; a question not on the agenda is not counted. */
  mark(number: number, mark: Mark): void {
    const q = this.at.get(number);
    if (q !== undefined) this.codes[this.count * this.agenda.length + q] = markCode(mark);
  }

  commit(): void {
    this.count++;
  }

  done(): MarkCodes {
    return { agenda: this.agenda, codes: this.codes.slice(0, this.count * this.agenda.length) };
  }
}

/**
 * The columns of several files one after the other; undefined unless every part has one of this agenda.
 * Their voters too, when every part has them for the same registry index.
 */
export function joinMarkCodes(
  agenda: readonly number[],
  parts: readonly (MarkCodes | undefined)[],
): MarkCodes | undefined {
  const key = agenda.join(',');
  let length = 0;
  for (const p of parts) {
    if (!p || p.agenda.join(',') !== key) return undefined;
    length += p.codes.length;
  }
  const codes = new Int8Array(length);
  let at = 0;
  for (const p of parts) {
    codes.set(p!.codes, at);
    at += p!.codes.length;
  }
  const voters = joinVoterMatches(parts.map((p) => p!.voters));
  return { agenda, codes, ...(voters ? { voters } : {}) };
}

/** The column of ballot objects (for callers holding only the objects, and the tests). */
export function encodeMarks(
  ballots: readonly { marks: Record<number, Mark> }[],
  agenda: readonly number[],
): MarkCodes {
  const w = new MarkCodesWriter(agenda);
  for (const b of ballots) {
    w.begin();
    for (const n of agenda) {
      const m = b.marks[n];
      if (m !== undefined) w.mark(n, m);
    }
    w.commit();
  }
  return w.done();
}
