/**
 * The count over the registry: each person's ballots in received order, merged with their scans, settled
 * where they disagree, and counted once per question. The first tally counts every person; the live tally
 * (recount.ts) counts again only the persons whose ballots changed, with the same `countPerson`.
 */
import type { ConflictPolicy, IsoDate, Person } from '../domain/types';
import { settleConflict, type SettleContext } from './conflicts';
import { countMarks, sameMarks, SLOT, type CountContext } from './countMarks';
import { CHANNELS, type DecodedBallots } from './decodeBallots';
import { SLOTS } from './decide';
import { ABSTAIN, ACCEPTED, FOR, NONE, REJECTED, type OutcomeExtra } from './outcomes';
import type { IndexedResolution } from './resolutions';
import { mergeScans, type ScanContext } from './scans';
import type { ConflictEntry } from './types';

// Basis codes (index into BASES).
const SINGLE = 0;
const AGREE = 1;
export const NOT_ELECTORATE = 5;

const GOSUSLUGI = CHANNELS.indexOf('gosuslugi');
const PAPER = CHANNELS.indexOf('paper');

/** What a ballot needs to count on its own: the voting period and the meeting's rules on marks. */
export interface Period {
  votingStart: IsoDate;
  votingEnd: IsoDate;
  /** Last day a paper ballot counts (the voting end, or the in-person part). */
  paperEnd: IsoDate;
  /** A paper ballot with a bad mark is void as a whole (meeting.invalidMarks 'ballot'). */
  ballotPolicy: boolean;
}

/** What one person's count reads besides the ballots: the same for every person of a tally. */
export interface CountRules {
  registry: readonly Person[];
  numbers: readonly number[];
  /** 1 for a member (every owner in МКД). */
  isMember: Uint8Array;
  useWeights: boolean;
  /** Each person's weight × the common denominator (empty without weights). */
  weightN: readonly bigint[];
  /** The quorum counts every registry person (МКД), not members only. */
  quorumOfAll: boolean;
  /** Per question: every registry person may vote on it. */
  openToAll: readonly boolean[];
  policy: ConflictPolicy;
  acceptScans: boolean;
  resolutions: Map<string, IndexedResolution> | undefined;
}

/** Each person's ballots as a list (head, next: ballot positions, highest first) and what is unfit. */
export interface BallotLists {
  /** Per person: the first ballot of its list, -1 for none. */
  head: Int32Array;
  /** Per ballot: the next one of the same person, -1 at the end. */
  next: Int32Array;
  /** 1: not acceptable on its own (date, void, bad marks under the ballot policy). */
  unfit: Uint8Array;
}

/**
 * The count: every person's decisions and ballot slots, and the sums the decisions are made from.
 * Ballot outcomes are compact while tallying (result.ballots builds the objects when first read): slot s
 * is ballots[slotBallot[s]] of registry person slotPerson[s] (-1: none); the rarer fields in extras.
 * A person's slots are ballotsFrom[i] .. ballotsTo[i], in registry order; `slots` is where they end.
 */
export interface PersonCount {
  slots: number;
  slotBallot: Int32Array;
  slotPerson: Int32Array;
  slotStatus: Uint8Array;
  extras: Map<number, OutcomeExtra>;
  /** Persons × questions: the code counted (-1: none), and on what basis; where the count writes. */
  decision: Int8Array;
  basis: Int8Array;
  /** The decisions as the result gives them (the same arrays after a count of everyone). */
  matrix: DecisionMatrix;
  tookPart: Uint8Array;
  ballotsFrom: Int32Array;
  ballotsTo: Int32Array;
  conflicts: ConflictEntry[];
  /** The registry index of the person of each conflict listed. */
  conflictPerson: number[];
  /** Persons per question and slot (q × SLOTS + slot), and their weights (× denominator). */
  counts: Int32Array;
  weightSums: bigint[];
  /** Per question: gardeners' marks not counted (the question is for members only). */
  ignored: Int32Array;
  /** Valid votes (for, against, abstain) of gardeners per question: members' ones are the rest. */
  gardenersVoted: Int32Array;
  /** Persons with an accepted ballot per channel (CHANNELS order). */
  channelPersons: Int32Array;
  partPersons: number;
  partMembers: number;
  /** Weight (× denominator) of the participants who count toward the quorum. */
  partQuorumN: bigint;
}

/**
 * Persons × questions decisions and their bases: a matrix nobody writes once it is here, and the rows of
 * the persons counted again since (live recounts, recount.ts): person → Q codes then Q bases.
 */
export interface DecisionMatrix {
  decision: Int8Array;
  basis: Int8Array;
  rows: Map<number, Int8Array>;
}

/** The matrix with its rows counted again in place (a copy when there are any). */
export function decisionsOf(m: DecisionMatrix, Q: number): { decision: Int8Array; basis: Int8Array } {
  if (m.rows.size === 0) return { decision: m.decision, basis: m.basis };
  const decision = m.decision.slice();
  const basis = m.basis.slice();
  for (const [i, row] of m.rows) {
    decision.set(row.subarray(0, Q), i * Q);
    basis.set(row.subarray(Q), i * Q);
  }
  return { decision, basis };
}

/** Whether ballot `b` cannot count on its own: out of the period, void, or bad marks under the ballot policy. */
export function unfitBallot(d: DecodedBallots, b: number, period: Period): boolean {
  const at = d.receivedAt[b]!;
  return (
    at < period.votingStart ||
    at > period.votingEnd ||
    (d.channel[b] === PAPER && at > period.paperEnd) ||
    d.voided[b] === 1 ||
    // Clause 5.6 is about paper: an electronic ballot with an unanswered question is never void as a whole.
    (period.ballotPolicy && d.badMark[b] === 1 && d.channel[b] !== GOSUSLUGI)
  );
}

/** Received order: date, channel, copy (original first), id. */
export function ballotOrder(d: DecodedBallots): (x: number, y: number) => number {
  return (x, y) => compareReceived(d, x, y);
}

/** Ballots x and y in received order (ballotOrder's comparison). */
function compareReceived(d: DecodedBallots, x: number, y: number): number {
  const { receivedAt, channel, scan } = d;
  if (receivedAt[x] !== receivedAt[y]) return receivedAt[x]! < receivedAt[y]! ? -1 : 1;
  if (channel[x] !== channel[y]) return channel[x]! - channel[y]!;
  if (scan[x] !== scan[y]) return scan[x]! - scan[y]!;
  const a = d.ballots[x]!.id;
  const b = d.ballots[y]!.id;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An empty count for P persons, Q questions and room for B ballot slots. */
export function emptyCount(P: number, Q: number, B: number, useWeights: boolean): PersonCount {
  // -1 (no decision) is written only where it applies, not first over the whole matrix.
  const decision = new Int8Array(P * Q);
  const basis = new Int8Array(P * Q);
  return {
    slots: 0,
    slotBallot: new Int32Array(B),
    slotPerson: new Int32Array(B),
    slotStatus: new Uint8Array(B),
    extras: new Map(),
    decision,
    basis,
    matrix: { decision, basis, rows: new Map() },
    tookPart: new Uint8Array(P),
    ballotsFrom: new Int32Array(P),
    ballotsTo: new Int32Array(P),
    conflicts: [],
    conflictPerson: [],
    counts: new Int32Array(Q * SLOTS),
    weightSums: new Array<bigint>(useWeights ? Q * SLOTS : 0).fill(0n),
    ignored: new Int32Array(Q),
    gardenersVoted: new Int32Array(Q),
    channelPersons: new Int32Array(CHANNELS.length),
    partPersons: 0,
    partMembers: 0,
    partQuorumN: 0n,
  };
}

/**
 * The count of one person, into `out`: its ballots settled and counted, its slots added at out.slots,
 * its decisions (a full row, -1 where none), its conflicts listed.
 */
export function personCounter(
  rules: CountRules,
  d: DecodedBallots,
  lists: BallotLists,
  out: PersonCount,
): (i: number) => void {
  const c: Counting = {
    rules,
    d,
    lists,
    out,
    Q: rules.numbers.length,
    allOpen: rules.openToAll.every(Boolean),
    counting: {
      Q: rules.numbers.length,
      codes: d.codes,
      decision: out.decision,
      counts: out.counts,
      useWeights: rules.useWeights,
      weightSums: out.weightSums,
      gardenersVoted: out.gardenersVoted,
    },
    settling: {
      resolutions: rules.resolutions,
      policy: rules.policy,
      ballots: d.ballots,
      codes: d.codes,
      numbers: rules.numbers,
      conflicts: out.conflicts,
    },
    scans: {
      ballots: d.ballots,
      codes: d.codes,
      numbers: rules.numbers,
      scan: d.scan,
      channel: d.channel,
      acceptScans: rules.acceptScans,
      slotStatus: out.slotStatus,
      extras: out.extras,
    },
    list: [],
    accepted: [],
  };
  return (i) => countPerson(c, i);
}

/**
 * What one count of persons reads and writes. The counting functions below are module functions over
 * it, not closures made for each tally: V8 then keeps their compiled code from one tally to the next
 * (a closure made anew is compiled anew, which cost a whole tally's count of time again, every tally).
 */
interface Counting {
  rules: CountRules;
  d: DecodedBallots;
  lists: BallotLists;
  out: PersonCount;
  Q: number;
  allOpen: boolean;
  counting: CountContext;
  settling: SettleContext;
  scans: ScanContext;
  /** A person's ballots in received order, and the accepted ones among them (scratch). */
  list: number[];
  accepted: number[];
}

function countPerson(c: Counting, i: number): void {
  const { out, Q } = c;
  const row = i * Q;
  const listed = out.conflicts.length;
  out.tookPart[i] = 0;
  countBallots(c, i);
  if (out.tookPart[i] === 0) {
    out.decision.fill(-1, row, row + Q);
    out.basis.fill(-1, row, row + Q);
  }
  for (let k = listed; k < out.conflicts.length; k++) out.conflictPerson.push(i);
}

function countBallots(c: Counting, i: number): void {
  const { rules, d, out, list, accepted } = c;
  const { isMember, useWeights, weightN, quorumOfAll } = rules;
  const { channel, scan } = d;
  const { head, next, unfit } = c.lists;
  const { slotBallot, slotPerson, slotStatus, ballotsFrom, ballotsTo, channelPersons } = out;
  const Q = c.Q;
  const member = isMember[i] === 1;
  const first = out.slots;
  ballotsFrom[i] = first;
  ballotsTo[i] = first;
  let b = head[i]!;
  if (b === -1) return;
  // The person's ballots in received order (insertion sort: a person has a handful at most). The same
  // ballot given twice (same id, date, channel and copy: a file imported twice) is one ballot: the one
  // at the highest position (the list runs from the highest).
  list.length = 0;
  for (; b !== -1; b = next[b]!) {
    let k = list.length;
    let order = 1;
    while (k > 0 && (order = compareReceived(d, list[k - 1]!, b)) > 0) k--;
    if (k > 0 && order === 0) continue;
    // Insert at k (no splice: it allocates the removed elements' array).
    for (let j = list.length; j > k; j--) list[j] = list[j - 1]!;
    list[k] = b;
  }

  accepted.length = 0;
  let hasScan = false;
  // Indexed loops, not for…of: the first tally runs this cold, where an iterator costs more than the body.
  for (let k = 0; k < list.length; k++) {
    const x = list[k]!;
    if (scan[x] === 1) hasScan = true;
    const s = out.slots++;
    slotBallot[s] = x;
    slotPerson[s] = i;
    slotStatus[s] = unfit[x] === 0 ? ACCEPTED : REJECTED;
  }
  // A scan is one ballot with the original of the same channel (whose marks count); alone, a setting.
  if (hasScan) mergeScans(c.scans, list, first);
  for (let k = 0; k < list.length; k++) {
    if (slotStatus[first + k] === ACCEPTED) accepted.push(list[k]!);
  }
  ballotsTo[i] = out.slots;
  if (accepted.length === 0) return;
  out.tookPart[i] = 1;

  out.partPersons++;
  if (member) out.partMembers++;
  if (member || quorumOfAll) out.partQuorumN += useWeights ? weightN[i]! : 1n;
  let seen = 0;
  for (let k = 0; k < accepted.length; k++) seen |= 1 << channel[accepted[k]!]!;
  for (let ch = 0; ch < CHANNELS.length; ch++) channelPersons[ch]! += (seen >> ch) & 1;

  // Fast path (most persons): a member (or every question open to all) whose accepted ballots are
  // one, or several identical ones: the decisions are that ballot's marks.
  const n = accepted.length;
  if ((member || c.allOpen) && (n === 1 || sameMarks(d.codes, accepted, Q))) {
    out.basis.fill(n > 1 ? AGREE : SINGLE, i * Q, i * Q + Q);
    countMarks(c.counting, accepted[0]!, i, member, useWeights ? weightN[i]! : 0n);
    return;
  }
  countByQuestion(c, i, first);
}

/** Person i question by question: a gardener on members' questions, or accepted ballots that disagree. */
function countByQuestion(c: Counting, i: number, first: number): void {
  const { rules, d, out, Q, list, accepted } = c;
  const { registry, isMember, useWeights, weightN, openToAll } = rules;
  const { codes } = d;
  const { slotStatus, decision, basis, counts, weightSums, ignored, gardenersVoted } = out;
  const person = registry[i]!;
  const member = isMember[i] === 1;
  const n = accepted.length;
  const a0 = accepted[0]! * Q;
  const row = i * Q;
  const w = useWeights ? weightN[i]! : 0n;
  for (let q = 0; q < Q; q++) {
    if (!member && !openToAll[q]) {
      basis[row + q] = NOT_ELECTORATE;
      decision[row + q] = -1;
      let marked = false;
      for (let k = 0; !marked && k < list.length; k++) {
        marked = slotStatus[first + k] === ACCEPTED && codes[list[k]! * Q + q] !== NONE;
      }
      if (marked) ignored[q]!++;
      continue;
    }
    let code = codes[a0 + q]!;
    let how = SINGLE;
    if (n > 1) {
      how = AGREE;
      for (let k = 1; k < n; k++) {
        if (codes[accepted[k]! * Q + q] !== code) {
          const settled = settleConflict(c.settling, person, accepted.slice(), q);
          code = settled.code;
          how = settled.how;
          break;
        }
      }
    }
    decision[row + q] = code;
    basis[row + q] = how;
    const slot = q * SLOTS + SLOT[code]!;
    counts[slot]!++;
    if (useWeights) weightSums[slot]! += w;
    if (!member && code >= FOR && code <= ABSTAIN) gardenersVoted[q]!++;
  }
}

/** Every person's ballot list, and which ballots are unfit, from the ballots as decoded. */
export function ballotLists(d: DecodedBallots, P: number, period: Period): BallotLists {
  const B = d.ballots.length;
  const head = new Int32Array(P).fill(-1);
  const next = new Int32Array(B);
  const unfit = new Uint8Array(B);
  const { match } = d;
  for (let b = 0; b < B; b++) {
    const m = match[b]!;
    if (m >= 0) {
      const i = m >> 3;
      next[b] = head[i]!;
      head[i] = b;
    }
    if (unfitBallot(d, b, period)) unfit[b] = 1;
  }
  return { head, next, unfit };
}

/** The count of every person (the first tally, or whenever the live one cannot reuse the last). */
export function countEveryone(rules: CountRules, d: DecodedBallots, lists: BallotLists): PersonCount {
  const P = rules.registry.length;
  const out = emptyCount(P, rules.numbers.length, d.ballots.length, rules.useWeights);
  const countPerson = personCounter(rules, d, lists, out);
  for (let i = 0; i < P; i++) countPerson(i);
  return out;
}
