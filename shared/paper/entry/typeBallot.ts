/**
 * The keys a trained operator presses for a given ballot (and what a USB scanner types for its QR
 * code), to replay through `entryReducer` in tests, benchmarks and end-to-end specs.
 *
 * What counts as an operator keystroke: every key press, including Enter, Tab and the letters typed
 * into the search; a chord (Shift+Tab) is one. What a scanner types (the QR code and its Enter) is not
 * the operator's. Finding the voter by plot number types the number, and Enter (plus ↓ when another plot
 * ranks above) only when the number alone does not open the ballot; by name, the shortest beginning
 * that puts the person first; by СНИЛС, a space and then the same. The whole-ballot problems are keyed
 * before the marks; Enter ends the ballot only where the last mark did not save it (the operator sees
 * that on the screen: here the keys are replayed to know), twice for a second ballot of the person.
 */
import type { Ballot, Mark, VoidReason } from '../../domain/types';
import { encodeBallotQr } from '../../documents/qrPayload';
import { searchRegistry } from '../../registry/search';
import { unchosenHit } from './deskIdentity';
import type { EntryContext } from './entryContext';
import { entryReducer, initialEntryState, type EntryState, type KeyInput } from './entryReducer';
import { KEYMAP } from './keymap';
import { soleByPlot } from './voterSearch';

export interface TypedKey {
  key: KeyInput;
  by: 'operator' | 'scanner';
}

/** qr: the ballot's QR code read by a scanner; plot / name / snils: typed into the search. */
export type FindBy = 'qr' | 'plot' | 'name' | 'snils';

export interface BallotToType {
  /** Registry index of the voter. */
  personIndex: number;
  /** Marks by question number; questions the voter does not vote on are skipped by the form. */
  marks: Record<number, Mark>;
  voidReasons?: readonly VoidReason[];
  findBy: FindBy;
  /** For findBy 'qr': the meeting id the QR code carries. */
  meetingId?: string;
  /**
   * The person has voted already in a way the replayed state does not know (a ballot stored on the
   * page): the last mark does not save, and saving takes Enter twice.
   */
  second?: boolean;
}

const MARK_KEYS: Record<Mark, string[]> = {
  for: ['1'],
  against: ['2'],
  abstain: ['3'],
  several: ['0', '1'],
  none: ['0', '2'],
  all_crossed: ['0', '3'],
};

/** The Cyrillic key of each whole-ballot problem, from KEYMAP. */
const FLAG_KEY: Record<VoidReason, string> = {
  no_signature: flagKey('flag_no_signature'),
  no_details: flagKey('flag_no_details'),
  pencil: flagKey('flag_pencil'),
  corrections: flagKey('flag_corrections'),
  no_power_of_attorney: flagKey('flag_no_power_of_attorney'),
};

function flagKey(command: string): string {
  return KEYMAP.find((b) => b.command === command)!.keys[0]!.toUpperCase();
}

const op = (key: string, shiftKey = false): TypedKey => ({
  key: shiftKey ? { key, shiftKey } : { key },
  by: 'operator',
});

/**
 * Choosing the person among the hits of `text`: ↓ to them, or, when they are the first hit and the desk
 * asks which person is meant (unchosenHit), a second Enter once it has said whom it opens.
 */
function chooseHit(ctx: EntryContext, text: string, personIndex: number): TypedKey[] {
  const hits = searchRegistry(ctx.search, text, 8);
  const at = hits.findIndex((h) => h.index === personIndex);
  if (at < 0) throw new RangeError(`Search for «${text}» does not find person ${personIndex}`);
  const asked = at === 0 && unchosenHit(ctx.search, text, hits) !== undefined;
  return [...Array.from({ length: at }, () => op('ArrowDown')), op('Enter'), ...(asked ? [op('Enter')] : [])];
}

/** Characters of `text` typed by the operator until Enter opens the person, then Enter. */
function typeUntilFirst(ctx: EntryContext, text: string, personIndex: number): TypedKey[] {
  for (let n = 1; n <= text.length; n++) {
    const typed = text.slice(0, n);
    const hits = searchRegistry(ctx.search, typed, 8);
    if (hits[0]?.index === personIndex && typed.trim() !== '' && !unchosenHit(ctx.search, typed, hits)) {
      return [...[...typed].map((c) => op(c)), op('Enter')];
    }
  }
  return [...[...text].map((c) => op(c)), ...chooseHit(ctx, text, personIndex)];
}

/** The keys that find the voter and open the ballot, from the empty voter search. */
export function keysToOpen(ctx: EntryContext, b: BallotToType): TypedKey[] {
  const person = ctx.registry[b.personIndex]!;
  switch (b.findBy) {
    case 'qr': {
      const code = encodeBallotQr({ meetingId: b.meetingId ?? '', personId: person.id, page: 1, pages: 1 });
      return [...[...code].map((c): TypedKey => ({ key: { key: c }, by: 'scanner' })), scannerEnter];
    }
    case 'plot': {
      const plot = person.holdings[0]!.plotNumber;
      const digits = [...plot].map((c) => op(c));
      if (soleByPlot(ctx.search, plot) === b.personIndex) return digits;
      return [...digits, ...chooseHit(ctx, plot, b.personIndex)];
    }
    case 'name':
      return typeUntilFirst(ctx, person.fullName, b.personIndex);
    case 'snils':
      return typeUntilFirst(ctx, ` ${person.snils ?? ''}`, b.personIndex);
  }
}

const scannerEnter: TypedKey = { key: { key: 'Enter' }, by: 'scanner' };

/**
 * The keys for one ballot, from the empty voter search until it is saved. `from`: the desk's state
 * before it (its session decides whether the last mark saves the ballot); an empty desk by default.
 */
export function keysForBallot(ctx: EntryContext, b: BallotToType, from?: EntryState): TypedKey[] {
  const person = ctx.registry[b.personIndex]!;
  const keys = keysToOpen(ctx, b);
  for (const r of b.voidReasons ?? []) keys.push(op(FLAG_KEY[r]));
  const member = ctx.isMkd || person.status === 'member';
  ctx.numbers.forEach((n, q) => {
    if (!member && !ctx.openToAll[q]) return;
    for (const k of MARK_KEYS[b.marks[n] ?? 'none']) keys.push(op(k));
  });
  // Enter until the ballot is saved: none when the last mark saved it, two for a second ballot.
  const start = from ?? initialEntryState(ctx);
  let s = replayKeys(start, keys);
  let enters = 0;
  for (; enters < 2 && s.outbox.length === start.outbox.length; enters++) s = entryReducer(s, 'Enter');
  if (s.outbox.length === start.outbox.length) {
    throw new RangeError(`Ballot of person ${b.personIndex} is not saved: ${s.message?.text ?? ''}`);
  }
  for (let i = 0; i < Math.max(enters, b.second ? 2 : 0); i++) keys.push(op('Enter'));
  return keys;
}

/** Operator keystrokes in a key sequence (what the scanner types is not counted). */
export function operatorKeystrokes(keys: readonly TypedKey[]): number {
  let n = 0;
  for (const k of keys) if (k.by === 'operator') n++;
  return n;
}

/** Feeds the keys to the reducer. */
export function replayKeys(state: EntryState, keys: readonly TypedKey[]): EntryState {
  let s = state;
  for (const k of keys) s = entryReducer(s, k.key);
  return s;
}

export interface KeystrokeReport {
  /** Operator keystrokes of each ballot, in order. */
  counts: number[];
  mean: number;
  max: number;
  /** The ballots the replay saved, in order. */
  saved: Ballot[];
}

/** Replays the ballots one after another from an empty form, counting the operator's keystrokes. */
export function keystrokesPerBallot(ctx: EntryContext, ballots: readonly BallotToType[]): KeystrokeReport {
  let s = initialEntryState(ctx);
  const counts: number[] = [];
  for (const b of ballots) {
    const keys = keysForBallot(ctx, b, s);
    counts.push(operatorKeystrokes(keys));
    s = replayKeys(s, keys);
  }
  const total = counts.reduce((a, n) => a + n, 0);
  return {
    counts,
    mean: counts.length ? total / counts.length : 0,
    max: counts.length ? Math.max(...counts) : 0,
    saved: s.outbox.map((o) => o.ballot),
  };
}
