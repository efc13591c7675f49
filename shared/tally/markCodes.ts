/**
 * Ballots' marks as the tally reads them (TallyInput.marks): one packed column of codes, a row of
 * agenda-order codes per ballot, written once by whoever reads the ballots. The file importers write
 * each code as they read its cell (MarkCodesWriter), so a tally does not read the marks of every ballot
 * object again: the first tally of a meeting runs in cold code, where reading 1,000,000 marks out of
 * 25,000 objects cost more than the count itself. The codes are DECISIONS' order (votes.ts): none 0,
 * for 1, against 2, abstain 3, several 4, all_crossed 5. With them come each ballot's bad-mark flag and,
 * from an importer given the registry, each ballot's voter (voterMatches.ts).
 */
import { concatArrays } from '../bytes/concatBytes';
import type { Mark } from '../domain/types';
import type { VoterMatches } from './voterMatches';

export interface MarkCodes {
  /** Question numbers in agenda order. */
  readonly agenda: readonly number[];
  /** agenda.length codes per ballot, ballot b's at b × agenda.length. */
  readonly codes: Int8Array;
  /**
   * Per ballot, 1 when some question's code is not a choice (none, several, all crossed out), as the
   * writer saw the marks go in: then the tally does not look over every code of every ballot for it.
   */
  readonly bad?: Uint8Array;
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
  private bad: Uint8Array;
  private count = 0;
  /** Questions of the row begun whose code is a choice (for, against, abstain). */
  private choices = 0;

  constructor(agenda: readonly number[]) {
    this.agenda = agenda;
    agenda.forEach((n, q) => this.at.set(n, q));
    this.codes = new Int8Array(agenda.length * 64);
    this.bad = new Uint8Array(64);
  }

  begin(): void {
    const Q = this.agenda.length;
    if ((this.count + 1) * Q > this.codes.length) {
      const grown = new Int8Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    if (this.count === this.bad.length) {
      const grown = new Uint8Array(this.bad.length * 2);
      grown.set(this.bad);
      this.bad = grown;
    }
    this.codes.fill(0, this.count * Q, this.count * Q + Q);
    this.choices = 0;
  }

  /** The mark of question `number` in the row begun; a question not on the agenda is not counted. */
  mark(number: number, mark: Mark): void {
    const q = this.at.get(number);
    if (q === undefined) return;
    const o = this.count * this.agenda.length + q;
    const code = markCode(mark);
    this.choices += isChoice(code) - isChoice(this.codes[o]!);
    this.codes[o] = code;
  }

  commit(): void {
    this.bad[this.count] = this.choices === this.agenda.length ? 0 : 1;
    this.count++;
  }

  done(): MarkCodes {
    return {
      agenda: this.agenda,
      codes: this.codes.slice(0, this.count * this.agenda.length),
      bad: this.bad.slice(0, this.count),
    };
  }
}

/** 1 for the code of a choice (for, against, abstain), else 0. */
const isChoice = (code: number): number => (code >= 1 && code <= 3 ? 1 : 0);

/**
 * The columns of several files one after the other; undefined unless every part has one of this agenda.
 * Their bad-mark flags too when every part has them, and their voters when every part has them for the
 * same registry index.
 */
export function joinMarkCodes(
  agenda: readonly number[],
  parts: readonly (MarkCodes | undefined)[],
): MarkCodes | undefined {
  const key = agenda.join(',');
  if (!parts.every((p) => p && p.agenda.join(',') === key)) return undefined;
  const all = parts as readonly MarkCodes[];
  const codes = concatArrays(
    all.map((p) => p.codes),
    (n) => new Int8Array(n),
  );
  const bad = all.every((p) => p.bad)
    ? concatArrays(
        all.map((p) => p.bad!),
        (n) => new Uint8Array(n),
      )
    : undefined;
  const voters = joinVoterMatches(all.map((p) => p.voters));
  return { agenda, codes, ...(bad ? { bad } : {}), ...(voters ? { voters } : {}) };
}

/** The files' voter columns one after the other; undefined unless every file has one for the same index. */
export function joinVoterMatches(parts: readonly (VoterMatches | undefined)[]): VoterMatches | undefined {
  const index = parts[0]?.index;
  if (!index || !parts.every((p) => p?.index === index)) return undefined;
  return {
    index,
    match: concatArrays(
      parts.map((p) => p!.match),
      (n) => new Int32Array(n),
    ),
  };
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
