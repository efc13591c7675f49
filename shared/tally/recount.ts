/**
 * The live tally runs after every saved ballot, and all but that ballot's person come out as last time.
 * So the last count is kept (with each person's ballot list), and when the registry, the agenda and the
 * rules are the same and only a few places of the ballot list hold another ballot (one replaced, added
 * at the end, removed, moved), only the persons of those ballots, before and after, are counted again:
 * their last contribution is taken out of the sums, they are counted as the first tally counts them
 * (countPersons.ts), and every other person's slots, decisions and conflicts are copied. Anything else
 * is counted afresh. Like decodeBallots.ts this relies on what TallyInput asks: a ballot, once passed,
 * is not changed in place (a changed ballot is a new object).
 *
 * What a result holds (slots, conflicts, the decision matrix) is never changed after it is returned:
 * the next count copies the slots and conflicts, and keeps the decisions of the persons it counted again
 * as rows over the same matrix (result.votes puts them together when read). The ballot lists, the sums
 * and the scratch matrix belong to the kept count alone.
 */
import type { ConflictPolicy } from '../domain/types';
import {
  ballotLists,
  countEveryone,
  decisionsOf,
  NOT_ELECTORATE,
  personCounter,
  unfitBallot,
  type BallotLists,
  type CountRules,
  type Period,
  type PersonCount,
} from './countPersons';
import { SLOT } from './countMarks';
import { CHANNELS, type DecodedBallots } from './decodeBallots';
import { SLOTS } from './decide';
import { ABSTAIN, ACCEPTED, FOR, NONE } from './outcomes';
import type { ConflictResolution } from './resolutions';

/** More places changed than this: counted afresh (a file imported, the list read in another order). */
const MOST_CHANGED = 64;
/** More rows counted again since the decision matrix was copied than this: it is copied again. */
const mostRows = (P: number): number => 4 + (P >> 4);

/** A count kept for the next live tally, with what it was made from. */
interface KeptCount {
  rules: CountRules;
  /** The weights' common denominator (weightN is over it). */
  denominator: bigint;
  period: Period;
  resolutions: readonly ConflictResolution[] | undefined;
  decoded: DecodedBallots;
  lists: BallotLists;
  count: PersonCount;
  /** Where a recount writes the decisions of the persons it counts (copied out as rows; no result's). */
  scratch?: { decision: Int8Array; basis: Int8Array };
}

/** The last two counts: the app's scan figures alternate two tallies (with and without scans). */
const kept: KeptCount[] = [];

/**
 * The count of every person for these rules and ballots: the kept count's, recounted where ballots
 * changed, or a fresh one. `coded`: the marks came from an importer's column (the command line's one
 * tally): counted afresh and not kept.
 */
export function countPersons(
  rules: CountRules,
  denominator: bigint,
  period: Period,
  resolutions: readonly ConflictResolution[] | undefined,
  d: DecodedBallots,
  coded: boolean,
): PersonCount {
  const at = coded ? -1 : kept.findIndex((k) => sameBasis(k, rules, denominator, period, resolutions));
  // Taken out while recounting: its ballot lists change in place, so it is kept again only when done.
  const last = at >= 0 ? kept.splice(at, 1)[0] : undefined;
  let count = last && recount(last, rules, period, d);
  let lists = last?.lists;
  const scratch = count ? last?.scratch : undefined;
  if (!count || !lists) {
    lists = ballotLists(d, rules.registry.length, period);
    count = countEveryone(rules, d, lists);
  }
  if (!coded) {
    kept.unshift({ rules, denominator, period, resolutions, decoded: d, lists, count, scratch });
    kept.length = Math.min(kept.length, 2);
  }
  return count;
}

/** Whether the kept count was made for the same registry, agenda, weights and rules. */
function sameBasis(
  k: KeptCount,
  rules: CountRules,
  denominator: bigint,
  period: Period,
  resolutions: readonly ConflictResolution[] | undefined,
): boolean {
  const a = k.rules;
  return (
    a.registry === rules.registry &&
    sameList(a.isMember, rules.isMember) &&
    a.numbers.join(',') === rules.numbers.join(',') &&
    a.openToAll.join(',') === rules.openToAll.join(',') &&
    policyKey(a.policy) === policyKey(rules.policy) &&
    a.acceptScans === rules.acceptScans &&
    a.useWeights === rules.useWeights &&
    a.quorumOfAll === rules.quorumOfAll &&
    k.denominator === denominator &&
    sameList(a.weightN, rules.weightN) &&
    k.period.votingStart === period.votingStart &&
    k.period.votingEnd === period.votingEnd &&
    k.period.paperEnd === period.paperEnd &&
    k.period.ballotPolicy === period.ballotPolicy &&
    sameResolutions(k.resolutions, resolutions)
  );
}

const policyKey = (p: ConflictPolicy): string => (Array.isArray(p) ? `[${p.join(',')}]` : p);

function sameList<T>(a: ArrayLike<T>, b: ArrayLike<T>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameResolutions(
  a: readonly ConflictResolution[] | undefined,
  b: readonly ConflictResolution[] | undefined,
): boolean {
  if (a === b) return true;
  if ((a?.length ?? 0) !== (b?.length ?? 0)) return false;
  return (a ?? []).every((x, k) => {
    const y = b![k]!;
    return (
      x.personId === y.personId &&
      x.question === y.question &&
      x.ballotId === y.ballotId &&
      x.mark === y.mark &&
      x.reason === y.reason
    );
  });
}

/** The places holding another ballot than last time (appended and removed ones too), or undefined: too many. */
function changedPlaces(before: DecodedBallots, now: DecodedBallots): number[] | undefined {
  const old = before.ballots;
  const cur = now.ballots;
  const common = Math.min(old.length, cur.length);
  const longer = Math.max(old.length, cur.length);
  if (longer - common > MOST_CHANGED) return undefined;
  const changed: number[] = [];
  for (let b = 0; b < common; b++) {
    if (old[b] !== cur[b] && changed.push(b) > MOST_CHANGED) return undefined;
  }
  for (let b = common; b < longer; b++) changed.push(b);
  return changed.length > MOST_CHANGED ? undefined : changed;
}

/** The kept count with the persons of the changed places counted again, or undefined: count afresh. */
function recount(
  last: KeptCount,
  rules: CountRules,
  period: Period,
  d: DecodedBallots,
): PersonCount | undefined {
  const changed = changedPlaces(last.decoded, d);
  if (!changed) return undefined;
  const before = last.decoded;
  const prev = last.count;
  const { registry } = rules;
  const P = registry.length;
  const B = d.ballots.length;

  // The persons' ballot lists: each changed place out of its last person's list, into its new one's.
  const affected = new Set<number>();
  const { head } = last.lists;
  let { next, unfit } = last.lists;
  for (const b of changed) {
    const m = b < before.ballots.length ? before.match[b]! : -1;
    if (m >= 0) {
      unlink(head, next, m >> 3, b);
      affected.add(m >> 3);
    }
  }
  if (next.length !== B) {
    next = resized(next, new Int32Array(B));
    unfit = resized(unfit, new Uint8Array(B));
  }
  for (const b of changed) {
    if (b >= B) continue;
    unfit[b] = unfitBallot(d, b, period) ? 1 : 0;
    const m = d.match[b]!;
    if (m >= 0) {
      link(head, next, m >> 3, b);
      affected.add(m >> 3);
    }
  }
  last.lists = { head, next, unfit };
  const order = [...affected].sort((x, y) => x - y);

  // The persons counted again write their decisions in the scratch matrix, then as rows of the result's.
  const Q = rules.numbers.length;
  const scratch = (last.scratch ??= { decision: new Int8Array(P * Q), basis: new Int8Array(P * Q) });
  const out: PersonCount = {
    ...prev,
    slots: 0,
    slotBallot: new Int32Array(B),
    slotPerson: new Int32Array(B),
    slotStatus: new Uint8Array(B),
    extras: new Map(),
    decision: scratch.decision,
    basis: scratch.basis,
    matrix: { ...prev.matrix, rows: new Map(prev.matrix.rows) },
    tookPart: prev.tookPart.slice(),
    ballotsFrom: new Int32Array(P),
    ballotsTo: new Int32Array(P),
    conflicts: [],
    conflictPerson: [],
    counts: prev.counts.slice(),
    weightSums: prev.weightSums.slice(),
    ignored: prev.ignored.slice(),
    gardenersVoted: prev.gardenersVoted.slice(),
    channelPersons: prev.channelPersons.slice(),
  };
  for (const i of order) withdraw(out, prev, before, rules, i);

  // The commission's resolutions: what was applied for the other persons stands.
  const again = new Set(order.map((i) => registry[i]!.id));
  const used = last.rules.resolutions;
  if (rules.resolutions && used) {
    for (const [key, r] of rules.resolutions) {
      const was = again.has(r.personId) ? undefined : used.get(key)?.used;
      if (was) r.used = was;
    }
  }

  // In registry order: runs of persons as they were (slots moved as one), and the ones counted again.
  const countPerson = personCounter(rules, d, last.lists, out);
  let c = 0;
  const copyRun = (from: number, to: number): void => {
    while (c < prev.conflicts.length && prev.conflictPerson[c]! < from) c++;
    for (; c < prev.conflictPerson.length && prev.conflictPerson[c]! < to; c++) {
      out.conflicts.push(prev.conflicts[c]!);
      out.conflictPerson.push(prev.conflictPerson[c]!);
    }
    if (to <= from) return;
    const s0 = prev.ballotsFrom[from]!;
    const s1 = to < P ? prev.ballotsFrom[to]! : prev.slots;
    const shift = out.slots - s0;
    out.slotBallot.set(prev.slotBallot.subarray(s0, s1), out.slots);
    out.slotPerson.set(prev.slotPerson.subarray(s0, s1), out.slots);
    out.slotStatus.set(prev.slotStatus.subarray(s0, s1), out.slots);
    out.slots += s1 - s0;
    for (let i = from; i < to; i++) {
      out.ballotsFrom[i] = prev.ballotsFrom[i]! + shift;
      out.ballotsTo[i] = prev.ballotsTo[i]! + shift;
    }
  };
  let from = 0;
  for (const i of order) {
    copyRun(from, i);
    countPerson(i);
    const row = new Int8Array(2 * Q);
    row.set(scratch.decision.subarray(i * Q, i * Q + Q));
    row.set(scratch.basis.subarray(i * Q, i * Q + Q), Q);
    out.matrix.rows.set(i, row);
    from = i + 1;
  }
  copyRun(from, P);
  if (out.matrix.rows.size > mostRows(P)) out.matrix = { ...decisionsOf(out.matrix, Q), rows: new Map() };
  // The rarer fields of the slots moved (the persons counted again have new ones; orphans come later).
  for (const [s, e] of prev.extras) {
    if (s >= prev.slots) continue;
    const i = prev.slotPerson[s]!;
    if (!affected.has(i)) out.extras.set(s + out.ballotsFrom[i]! - prev.ballotsFrom[i]!, e);
  }
  return out;
}

/** Takes person i's contribution in the last count (`prev`, of the ballots `before`) out of the sums. */
function withdraw(
  out: PersonCount,
  prev: PersonCount,
  before: DecodedBallots,
  rules: CountRules,
  i: number,
): void {
  if (prev.tookPart[i] === 0) return;
  const { isMember, useWeights, weightN, quorumOfAll } = rules;
  const Q = rules.numbers.length;
  const member = isMember[i] === 1;
  const w = useWeights ? weightN[i]! : 0n;
  out.partPersons--;
  if (member) out.partMembers--;
  if (member || quorumOfAll) out.partQuorumN -= useWeights ? w : 1n;
  const first = prev.ballotsFrom[i]!;
  const end = prev.ballotsTo[i]!;
  // The person's last decisions: a row counted again since the matrix, or the matrix's.
  const counted = prev.matrix.rows.get(i);
  const decision = counted ?? prev.matrix.decision;
  const basis = counted ? counted.subarray(Q) : prev.matrix.basis;
  const row = counted ? 0 : i * Q;
  let seen = 0;
  for (let s = first; s < end; s++) {
    if (prev.slotStatus[s] === ACCEPTED) seen |= 1 << before.channel[prev.slotBallot[s]!]!;
  }
  for (let k = 0; k < CHANNELS.length; k++) out.channelPersons[k]! -= (seen >> k) & 1;
  for (let q = 0; q < Q; q++) {
    if (basis[row + q] === NOT_ELECTORATE) {
      let marked = false;
      for (let s = first; !marked && s < end; s++) {
        marked = prev.slotStatus[s] === ACCEPTED && before.codes[prev.slotBallot[s]! * Q + q] !== NONE;
      }
      if (marked) out.ignored[q]!--;
      continue;
    }
    const code = decision[row + q]!;
    const slot = q * SLOTS + SLOT[code]!;
    out.counts[slot]!--;
    if (useWeights) out.weightSums[slot]! -= w;
    if (!member && code >= FOR && code <= ABSTAIN) out.gardenersVoted[q]!--;
  }
}

/** Takes ballot b out of person i's list. */
function unlink(head: Int32Array, next: Int32Array, i: number, b: number): void {
  if (head[i] === b) {
    head[i] = next[b]!;
    return;
  }
  let p = head[i]!;
  while (p !== -1 && next[p] !== b) p = next[p]!;
  if (p !== -1) next[p] = next[b]!;
}

/** Puts ballot b into person i's list, which runs from the highest position down (as ballotLists builds it). */
function link(head: Int32Array, next: Int32Array, i: number, b: number): void {
  if (head[i]! < b) {
    next[b] = head[i]!;
    head[i] = b;
    return;
  }
  let p = head[i]!;
  while (next[p]! > b) p = next[p]!;
  next[b] = next[p]!;
  next[p] = b;
}

function resized<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from.length > to.length ? from.subarray(0, to.length) : from);
  return to;
}
