/**
 * Keyboard entry of paper ballots as a pure state machine: `entryReducer(state, key)` with no DOM, so
 * every keystroke of the counting evening can be replayed in a test. Keys: see ./keymap.ts (KEYMAP).
 *
 * Flow: find the voter (type a plot number, name or СНИЛС and press Enter, or read the ballot's QR
 * code with a USB scanner, which types it and presses Enter); then one key per question (the cursor
 * moves on by itself; a gardener's members-only questions are skipped); Enter saves the ballot into
 * `outbox` and starts the next one. The app stores what is in `outbox` and acknowledges it (`ack`).
 *
 * Parts: ./entryState.ts (the state), ./voterSearch.ts, ./startBallot.ts, ./ballotKeys.ts, ./saveBallot.ts.
 */
import { ballotKey } from './ballotKeys';
import { say, type EntryAction, type EntryInput, type EntryState, type KeyInput } from './entryState';
import { editBallot, startBallot } from './startBallot';
import { voterKey } from './voterSearch';

export * from './entryState';

/** The next state after a key (or an app action); the state given is never changed. */
export function entryReducer(state: EntryState, input: EntryInput): EntryState {
  if (typeof input !== 'string' && 'type' in input) return action(state, input);
  const k: KeyInput = typeof input === 'string' ? { key: input } : input;
  if (k.ctrlKey || k.altKey || k.metaKey) return state;
  const shift = k.shiftKey === true;
  return state.phase === 'voter' ? voterKey(state, k.key, shift) : ballotKey(state, k.key, shift);
}

function action(s: EntryState, a: EntryAction): EntryState {
  switch (a.type) {
    case 'pick':
      return s.phase === 'voter' && s.ctx.registry[a.index] ? startBallot(s, a.index) : s;
    case 'fields': {
      const fields = { ...s.fields, ...a.fields };
      return { ...s, fields, ...(a.session ? { sessionFields: { ...s.sessionFields, ...a.fields } } : {}) };
    }
    case 'edit':
      return editBallot(s, a.ballot);
    case 'ack': {
      const acked = { ...s, outbox: s.outbox.filter((o) => o.seq > a.seq) };
      return a.failed ? say(acked, 'error', a.failed) : acked;
    }
    case 'context':
      return { ...s, ctx: a.ctx };
  }
}
