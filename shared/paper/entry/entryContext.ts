/**
 * What the entry reducer needs to know and never changes while keying: the agenda and who votes on
 * what, the registry and its search index, the ballots already stored (duplicates, scans, logged
 * arrivals), and the defaults of the session (channel, copy, date received, delivery).
 */
import type {
  Ballot,
  BallotCopy,
  Channel,
  Delivery,
  IsoDate,
  MeetingSpec,
  Person,
  Representative,
} from '../../domain/types';
import { buildRegistryIndex, type RegistryIndex } from '../../registry/search';
import type { RuleProfile } from '../../rules/profile';
import { profileFor } from '../../rules/profiles';
import { resolveRule } from '../../rules/resolveRule';
import type { AttendanceRecord } from '../attendance';
import { currentVersion, type PaperBallotRecord } from '../ballotRecord';
import { pendingSecondEntry } from '../doubleEntry';
import { voterIndex } from '../voterRef';

/** A stored ballot as the entry screen sees it. */
export interface KnownBallot {
  ballot: Ballot;
  /** The record holding it (equals ballot.id). */
  recordId: string;
  /** False: only the arrival is logged; keying it fills this record. */
  marksEntered: boolean;
  /** Who keyed it. */
  by: string;
  /** Double entry: keyed once, waiting for the blind second entry. */
  awaitingSecond: boolean;
}

/** Arrival details of the ballots being keyed. */
export interface EntryFields {
  channel: Exclude<Channel, 'gosuslugi'>;
  copy: BallotCopy;
  receivedAt: IsoDate;
  delivery?: Delivery;
  trackingNumber?: string;
  representative?: Representative;
}

export interface EntryContext {
  meeting: MeetingSpec;
  /** Only QR codes of this meeting are taken. */
  meetingId?: string;
  registry: readonly Person[];
  search: RegistryIndex;
  byId: ReadonlyMap<string, number>;
  /** Question numbers, meeting order. */
  numbers: readonly number[];
  /** Per question: gardeners vote on it too (or an МКД, where everyone does). */
  openToAll: readonly boolean[];
  isMkd: boolean;
  /** Stored ballots by registry index of their voter. */
  known: ReadonlyMap<number, readonly KnownBallot[]>;
  /** Electronic (Gosuslugi) ballots by registry index of their voter: «уже голосовал: Госуслуги». */
  electronic: ReadonlyMap<number, readonly Ballot[]>;
  /**
   * Who is registered present at the in-person part, by registry index (with the representative who came
   * for them); undefined where attendance is not kept (the paper desk).
   */
  present?: ReadonlyMap<number, AttendanceRecord>;
  defaults: EntryFields;
  /** first: ordinary keying; second: the blind second entry of double entry. */
  pass: 'first' | 'second';
  /** Who is keying («Кто вводит»): a second entry is refused when the same person made the first. */
  operator?: string;
  /** New ballot ids are `${idPrefix}${n}`: make it unique per session (e.g. operator and time). */
  idPrefix: string;
  /** `source` of keyed ballots as the protocol lists it. */
  source: string;
}

export interface EntryContextInput {
  meeting: MeetingSpec;
  meetingId?: string;
  registry: readonly Person[];
  profile?: RuleProfile;
  known?: readonly KnownBallot[];
  defaults: EntryFields;
  pass?: 'first' | 'second';
  operator?: string;
  idPrefix?: string;
  source?: string;
  /** Reuse a search index built for this registry. */
  search?: RegistryIndex;
  /** Ballots of the Gosuslugi imports. */
  electronic?: readonly Ballot[];
  /** The attendance list of the in-person part (withdrawn arrivals are left out here). */
  attendance?: readonly AttendanceRecord[];
}

function byVoter<T>(list: readonly T[], voter: (x: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const x of list) {
    const i = voter(x);
    if (i < 0) continue;
    const at = out.get(i);
    if (at) at.push(x);
    else out.set(i, [x]);
  }
  return out;
}

export function createEntryContext(input: EntryContextInput): EntryContext {
  const { meeting, registry } = input;
  const profile = input.profile ?? profileFor(meeting.kind);
  const isMkd = meeting.kind === 'mkd';
  const known = byVoter(input.known ?? [], (k) => voterIndex(registry, k.ballot.voter));
  const byId = new Map(registry.map((p, i) => [p.id, i]));
  let present: Map<number, AttendanceRecord> | undefined;
  if (input.attendance) {
    present = new Map();
    for (const a of input.attendance) {
      const i = byId.get(a.personId);
      if (i !== undefined && !a.withdrawn) present.set(i, a);
    }
  }
  return {
    meeting,
    ...(input.meetingId !== undefined ? { meetingId: input.meetingId } : {}),
    registry,
    search: input.search ?? buildRegistryIndex(registry),
    byId,
    numbers: meeting.questions.map((q) => q.number),
    openToAll: meeting.questions.map(
      (q) => isMkd || resolveRule(q, profile).rule.electorate === 'members_and_gardeners',
    ),
    isMkd,
    known,
    electronic: byVoter(input.electronic ?? [], (b) => voterIndex(registry, b.voter)),
    ...(present ? { present } : {}),
    defaults: input.defaults,
    pass: input.pass ?? 'first',
    ...(input.operator ? { operator: input.operator } : {}),
    idPrefix: input.idPrefix ?? 'entry-',
    source: input.source ?? 'ввод с клавиатуры',
  };
}

/** The stored records as the entry screen sees them (current versions, withdrawn ones left out). */
export function knownFromRecords(records: readonly PaperBallotRecord[]): KnownBallot[] {
  const out: KnownBallot[] = [];
  for (const r of records) {
    const v = currentVersion(r);
    if (v.withdrawn) continue;
    out.push({
      ballot: v.ballot,
      recordId: r.id,
      marksEntered: v.marksEntered,
      by: v.by,
      awaitingSecond: v.marksEntered && v.kind !== 'settled' && !pendingSecondEntry(r),
    });
  }
  return out;
}
