/**
 * The state of keyed ballot entry (see ./entryReducer.ts): what is typed, the voter chosen, the marks, the
 * message shown and the ballots saved but not yet stored by the app.
 */
import type { Ballot, Mark, VoidReason } from '../../domain/types';
import type { EntryContext, EntryFields } from './entryContext';

export interface VoterHit {
  /** Registry index. */
  index: number;
  by: 'plot' | 'name' | 'snils';
  plotNumber?: string;
}

export interface EntryMessage {
  level: 'error' | 'warning' | 'info';
  text: string;
}

/** Another ballot of the same person: shown as a warning the moment the voter is chosen. */
export interface DuplicateInfo {
  ballotId: string;
  channel: Ballot['channel'];
  copy: Ballot['copy'];
  receivedAt: string;
  by?: string;
  text: string;
}

export interface SavedBallot {
  seq: number;
  ballot: Ballot;
  /** Store into this record: a logged arrival, the first entry (double entry) or the corrected ballot. */
  recordId?: string;
  /** The ballot was loaded for correction: the app asks for the reason (unless it is given here). */
  correction: boolean;
  reason?: string;
}

export interface EntryState {
  ctx: EntryContext;
  phase: 'voter' | 'ballot';
  /** Voter search text (the QR code as typed, when `qr`). */
  query: string;
  qr: boolean;
  hits: VoterHit[];
  /** Highlighted hit. */
  hit: number;
  /** The operator chose the highlighted hit (an arrow key, or Enter after being told whom it opens). */
  chosen?: true;
  /** Registry index of the chosen voter; -1 while searching. */
  personIndex: number;
  /** «Иванов Иван Иванович, уч. 12, член». */
  voterNote: string;
  /** Indices (meeting order) of the questions this voter votes on. */
  enterable: number[];
  /** Position in `enterable`; `enterable.length` is the end (ready to save). */
  cursor: number;
  /** Per meeting question: the keyed mark, or null when not keyed yet. */
  marks: (Mark | null)[];
  voidReasons: VoidReason[];
  /** `0` was pressed: the next key gives the reason. */
  pendingInvalid: boolean;
  fields: EntryFields;
  /** Defaults the next ballot starts from. */
  sessionFields: EntryFields;
  recordId?: string;
  correcting: boolean;
  duplicateOf: DuplicateInfo[];
  /** The scan of this original, shown beside the form, and where the keyed marks differ from it. */
  scan?: Ballot;
  scanDiffers: number[];
  /** Esc was pressed once on a started ballot. */
  confirmDiscard: boolean;
  /** Enter was pressed once on a second ballot of the same person: the next Enter saves it. */
  confirmSave: boolean;
  /** A QR code being typed while a ballot is open. */
  qrCapture?: string;
  /** Keys that may be the start of a scanned QR code, and the state before them. */
  probe?: { text: string; before: EntryState };
  message?: EntryMessage;
  /**
   * The search this ballot was opened from by a plot number alone (no Enter), until the next key: a
   * space, a dash or Backspace then goes back to it (a СНИЛС or «12 Сидоров» being typed).
   */
  opened?: EntryState;
  /** The ballot saved last (Backspace on the empty search loads it again to correct it). */
  lastSaved?: Ballot;
  /** This correction is of the ballot saved last, reopened by Backspace (its reason is said so). */
  reopenedLast?: boolean;
  /** Saved ballots not yet acknowledged by the app. */
  outbox: SavedBallot[];
  /** Ballots saved so far (numbers new ids). */
  seq: number;
  /** Ballots saved in this session, for duplicate warnings. */
  session: { personIndex: number; ballot: Ballot }[];
}

export interface KeyInput {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

export type EntryAction =
  /** Choose a person from the hits (mouse or touch). */
  | { type: 'pick'; index: number }
  /** Arrival details from the form's fields; `session`: also for the next ballots. */
  | { type: 'fields'; fields: Partial<EntryFields>; session?: boolean }
  /** Load a stored ballot to correct it. */
  | { type: 'edit'; ballot: Ballot }
  /** The app stored the outbox up to this `seq`. */
  /** The app stored the outbox up to `seq`; `failed`: it could not, and says why (replaces «Сохранён…»). */
  | { type: 'ack'; seq: number; failed?: string }
  /** New context (ballots stored meanwhile, another pass, …), keeping what is typed. */
  | { type: 'context'; ctx: EntryContext };

export type EntryInput = string | KeyInput | EntryAction;

export function initialEntryState(ctx: EntryContext): EntryState {
  return {
    ctx,
    phase: 'voter',
    query: '',
    qr: false,
    hits: [],
    hit: 0,
    personIndex: -1,
    voterNote: '',
    enterable: [],
    cursor: 0,
    marks: ctx.numbers.map(() => null),
    voidReasons: [],
    pendingInvalid: false,
    fields: ctx.defaults,
    sessionFields: ctx.defaults,
    correcting: false,
    duplicateOf: [],
    scanDiffers: [],
    confirmDiscard: false,
    confirmSave: false,
    outbox: [],
    seq: 0,
    session: [],
  };
}

export function say(s: EntryState, level: EntryMessage['level'], text: string): EntryState {
  return { ...s, message: { level, text } };
}

/** Clears the message and a pending «Esc again» or «Enter again». */
export function quiet(s: EntryState): EntryState {
  if (s.message === undefined && !s.confirmDiscard && !s.confirmSave) return s;
  const { message: _m, ...rest } = s;
  return { ...rest, confirmDiscard: false, confirmSave: false };
}
