/**
 * Keys of paper ballot entry, one table for the reducer and for the on-screen help.
 *
 * Keys are `KeyboardEvent.key` values. Letters work in both layouts: each whole-ballot problem has the
 * Cyrillic letter of its Russian word and the Latin letter on the same physical key (П is G, Р is H,
 * К is R, И is B, Д is L), in either case (Shift or Caps Lock). Digits are the same in both layouts
 * and on the numeric keypad.
 *
 *   Finding the voter (the search field has the focus):
 *     type          plot number (the ballot opens by itself once the number can only mean one person),
 *                   name, or a space and the СНИЛС; or read the QR code with a USB scanner (it types
 *                   `GOLOS1|…`, or `ПЩДЩЫ1…` in the Russian layout, and Enter)
 *     ↓ / Tab       next person in the list        ↑ / Shift+Tab  previous person
 *     Enter         take the highlighted person (the first one) or the scanned QR code
 *     Esc           clear the search
 *     Backspace     on the empty search: load the ballot saved last to correct it
 *   The ballot (the cursor is on a question; it moves on by itself after each mark):
 *     1 / 2 / 3     за / против / воздержался
 *     0, then 1     invalid: several options marked
 *     0, then 2     invalid: nothing marked
 *     0, then 3     invalid: every option crossed out
 *     ↓ → Tab       next question                  ↑ ← Shift+Tab  previous question
 *     Home / End    first question / end of the ballot
 *     Backspace     erase the mark (on an empty question: step back and erase the previous one)
 *     Delete        erase the mark of the current question
 *     П Р К И Д     whole-ballot problem on/off: no signature, no voter details, pencil, corrections,
 *                   representative without a power of attorney
 *     Enter         save and start the next ballot
 *     Esc           cancel a started `0`; otherwise back to the voter search (twice when marks were
 *                   keyed: the ballot is dropped)
 */
import type { VoidReason } from '../../domain/types';

export type EntryCommand =
  | 'mark_for'
  | 'mark_against'
  | 'mark_abstain'
  | 'invalid'
  | 'invalid_several'
  | 'invalid_none'
  | 'invalid_crossed'
  | 'next'
  | 'prev'
  | 'first'
  | 'end'
  | 'erase_back'
  | 'erase'
  | 'flag_no_signature'
  | 'flag_no_details'
  | 'flag_pencil'
  | 'flag_corrections'
  | 'flag_no_power_of_attorney'
  | 'save'
  | 'back'
  | 'search_type'
  | 'hit_next'
  | 'hit_prev'
  | 'pick'
  | 'search_clear'
  | 'reopen_last';

/** voter: finding the voter; ballot: keying marks; invalid: right after `0`. */
export type EntryPhase = 'voter' | 'ballot' | 'invalid';

export interface KeyBinding {
  command: EntryCommand;
  phase: EntryPhase;
  /** `KeyboardEvent.key` values; `Shift+Tab` is written so. Letters match in either case. */
  keys: readonly string[];
  /** Key caption for the help: «1», «П (G)», «↓ / Tab». */
  caption: string;
  /** What it does, in Russian. */
  text: string;
}

export const KEYMAP: readonly KeyBinding[] = [
  {
    command: 'search_type',
    phase: 'voter',
    keys: [],
    caption: 'набор',
    text: 'номер участка — бюллетень открывается сам, когда номер означает одного участника (иначе Enter); ФИО; пробел и СНИЛС; или QR-код сканером',
  },
  {
    command: 'hit_next',
    phase: 'voter',
    keys: ['ArrowDown', 'Tab'],
    caption: '↓ / Tab',
    text: 'следующий в списке',
  },
  {
    command: 'hit_prev',
    phase: 'voter',
    keys: ['ArrowUp', 'Shift+Tab'],
    caption: '↑ / Shift+Tab',
    text: 'предыдущий в списке',
  },
  { command: 'pick', phase: 'voter', keys: ['Enter'], caption: 'Enter', text: 'выбрать участника' },
  { command: 'search_clear', phase: 'voter', keys: ['Escape'], caption: 'Esc', text: 'очистить поиск' },
  {
    command: 'reopen_last',
    phase: 'voter',
    keys: ['Backspace'],
    caption: 'Backspace',
    text: 'в пустом поиске — вернуть последний сохранённый бюллетень для исправления',
  },
  { command: 'mark_for', phase: 'ballot', keys: ['1'], caption: '1', text: 'за' },
  { command: 'mark_against', phase: 'ballot', keys: ['2'], caption: '2', text: 'против' },
  { command: 'mark_abstain', phase: 'ballot', keys: ['3'], caption: '3', text: 'воздержался' },
  {
    command: 'invalid',
    phase: 'ballot',
    keys: ['0'],
    caption: '0',
    text: 'недействителен по вопросу, затем причина',
  },
  {
    command: 'invalid_several',
    phase: 'invalid',
    keys: ['1'],
    caption: '0 1',
    text: 'отмечено несколько вариантов',
  },
  { command: 'invalid_none', phase: 'invalid', keys: ['2'], caption: '0 2', text: 'ничего не отмечено' },
  {
    command: 'invalid_crossed',
    phase: 'invalid',
    keys: ['3'],
    caption: '0 3',
    text: 'все варианты зачёркнуты',
  },
  { command: 'back', phase: 'invalid', keys: ['Escape'], caption: 'Esc', text: 'отменить «0»' },
  {
    command: 'next',
    phase: 'ballot',
    keys: ['ArrowDown', 'ArrowRight', 'Tab'],
    caption: '↓ → Tab',
    text: 'следующий вопрос',
  },
  {
    command: 'prev',
    phase: 'ballot',
    keys: ['ArrowUp', 'ArrowLeft', 'Shift+Tab'],
    caption: '↑ ← Shift+Tab',
    text: 'предыдущий вопрос',
  },
  { command: 'first', phase: 'ballot', keys: ['Home'], caption: 'Home', text: 'к первому вопросу' },
  { command: 'end', phase: 'ballot', keys: ['End'], caption: 'End', text: 'в конец бюллетеня' },
  {
    command: 'erase_back',
    phase: 'ballot',
    keys: ['Backspace'],
    caption: 'Backspace',
    text: 'стереть отметку (на пустом вопросе — предыдущую)',
  },
  {
    command: 'erase',
    phase: 'ballot',
    keys: ['Delete'],
    caption: 'Delete',
    text: 'стереть отметку текущего вопроса',
  },
  {
    command: 'flag_no_signature',
    phase: 'ballot',
    keys: ['п', 'g'],
    caption: 'П (G)',
    text: 'нет подписи — бюллетень недействителен',
  },
  {
    command: 'flag_no_details',
    phase: 'ballot',
    keys: ['р', 'h'],
    caption: 'Р (H)',
    text: 'нет данных голосующего',
  },
  {
    command: 'flag_pencil',
    phase: 'ballot',
    keys: ['к', 'r'],
    caption: 'К (R)',
    text: 'заполнен простым карандашом',
  },
  {
    command: 'flag_corrections',
    phase: 'ballot',
    keys: ['и', 'b'],
    caption: 'И (B)',
    text: 'исправления, подчистки',
  },
  {
    command: 'flag_no_power_of_attorney',
    phase: 'ballot',
    keys: ['д', 'l'],
    caption: 'Д (L)',
    text: 'представитель без доверенности',
  },
  {
    command: 'save',
    phase: 'ballot',
    keys: ['Enter'],
    caption: 'Enter',
    text: 'сохранить; после отметки последнего вопроса бюллетень сохраняется сам, если нет предупреждений (поэтому П Р К И Д — до последней отметки)',
  },
  {
    command: 'back',
    phase: 'ballot',
    keys: ['Escape'],
    caption: 'Esc',
    text: 'к выбору участника (дважды — отменить бюллетень); пробел, дефис, цифра 4–9 или Backspace сразу после открытия по номеру — обратно к поиску',
  },
];

/** The whole-ballot problem each flag command toggles. */
export const FLAG_REASON: Partial<Record<EntryCommand, VoidReason>> = {
  flag_no_signature: 'no_signature',
  flag_no_details: 'no_details',
  flag_pencil: 'pencil',
  flag_corrections: 'corrections',
  flag_no_power_of_attorney: 'no_power_of_attorney',
};

const BY_PHASE = new Map<EntryPhase, Map<string, EntryCommand>>();
for (const b of KEYMAP) {
  let m = BY_PHASE.get(b.phase);
  if (!m) BY_PHASE.set(b.phase, (m = new Map()));
  for (const k of b.keys) m.set(k, b.command);
}

/** The command a key gives in a phase (letters in either case), or undefined. */
export function commandOf(phase: EntryPhase, key: string, shift: boolean): EntryCommand | undefined {
  const m = BY_PHASE.get(phase)!;
  const name = shift && key === 'Tab' ? 'Shift+Tab' : key.length === 1 ? key.toLowerCase() : key;
  return m.get(name);
}
