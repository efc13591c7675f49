/**
 * Keying an open ballot: one key per question (the cursor moves on by itself), `0` + a reason for an
 * invalid answer, flags that void the whole ballot, Esc twice to discard, Enter to save (./saveBallot.ts).
 *
 * A scanner may also type a QR code while a ballot is open (the operator forgot Enter): its first
 * characters look like keys (G is «нет подписи», 1 is «за»), so when `GOLOS1` / `ПЩДЩЫ1` completes
 * the state goes back to where it was before them, and the rest of the code is read apart from the
 * marks.
 */
import type { Mark, VoidReason } from '../../domain/types';
import { compareScanOriginal, VOID_REASONS } from '../ballotDiff';
import { onlyQuestionsText } from './entryWarnings';
import { quiet, say, type EntryState } from './entryState';
import { commandOf, FLAG_REASON, type EntryCommand } from './keymap';
import { autoSave, nextBallot, save } from './saveBallot';
import { QR_PREFIXES, qrPerson, voterKey } from './voterSearch';
import { VOID_REASON_LABEL } from '../../vocabulary';

const MARK_OF: Partial<Record<EntryCommand, Mark>> = {
  mark_for: 'for',
  mark_against: 'against',
  mark_abstain: 'abstain',
  invalid_several: 'several',
  invalid_none: 'none',
  invalid_crossed: 'all_crossed',
};

function isQrStart(text: string): boolean {
  const t = text.toUpperCase();
  return QR_PREFIXES.some((p) => p.startsWith(t));
}

/**
 * Keys that, right after a ballot opened by a plot number alone, go back to the search instead: they are
 * no mark, so the number was the start of something longer (a СНИЛС typed without its space, «12 Сидоров»).
 */
const BACK_TO_SEARCH = new Set([' ', '-', 'Backspace', '4', '5', '6', '7', '8', '9']);

export function ballotKey(state: EntryState, key: string, shift: boolean): EntryState {
  const { opened, ...rest } = state;
  if (opened && BACK_TO_SEARCH.has(key)) return voterKey(opened, key, shift);
  const s = opened ? rest : state;
  if (s.qrCapture !== undefined) return captureKey(s, key);
  if (key.length === 1) {
    // The key continues the keys that may be a scanner's, or starts them anew.
    const continues = s.probe !== undefined && isQrStart(s.probe.text + key);
    const text = continues ? s.probe!.text + key : key;
    if (isQrStart(text)) {
      const before = continues ? s.probe!.before : withoutProbe(s);
      if (QR_PREFIXES.some((p) => p.length === text.length)) {
        return { ...before, qrCapture: text, message: { level: 'info', text: 'Читается QR-код…' } };
      }
      return { ...ballotCommand(withoutProbe(s), key, shift), probe: { text, before } };
    }
  }
  return ballotCommand(withoutProbe(s), key, shift);
}

function withoutProbe(s: EntryState): EntryState {
  if (s.probe === undefined) return s;
  const { probe: _p, ...rest } = s;
  return rest;
}

function captureKey(s: EntryState, key: string): EntryState {
  const text = s.qrCapture ?? '';
  const { qrCapture: _c, ...rest } = s;
  if (key === 'Escape') return { ...rest, message: { level: 'info', text: 'Чтение QR-кода отменено.' } };
  if (key === 'Backspace') return { ...s, qrCapture: text.slice(0, -1) };
  if (key.length === 1) return { ...s, qrCapture: text + key };
  if (key !== 'Enter') return s;
  const found = qrPerson(s, text);
  if (typeof found === 'string') return { ...rest, message: { level: 'error', text: found } };
  if (found === s.personIndex) {
    return {
      ...rest,
      message: { level: 'info', text: 'Другой лист бюллетеня того же участника: продолжайте ввод.' },
    };
  }
  const name = s.ctx.registry[s.personIndex]!.fullName;
  return {
    ...rest,
    message: {
      level: 'error',
      text: `Бюллетень участника ${name} ещё не сохранён: нажмите Enter, чтобы сохранить его, затем отсканируйте QR-код следующего бюллетеня снова.`,
    },
  };
}

function ballotCommand(s: EntryState, key: string, shift: boolean): EntryState {
  if (s.pendingInvalid) {
    const cmd = commandOf('invalid', key, shift);
    const mark = cmd ? MARK_OF[cmd] : undefined;
    if (mark) return setMark({ ...s, pendingInvalid: false }, mark);
    if (cmd === 'back') return say({ ...s, pendingInvalid: false }, 'info', '«0» отменён.');
    if (key.length > 1 && !BALLOT_NAMED_KEYS.has(key)) return s;
    return say(
      { ...s, pendingInvalid: false },
      'warning',
      'После «0» нужна причина: 1 — несколько отметок, 2 — нет отметки, 3 — все зачёркнуты. «0» отменён.',
    );
  }
  const cmd = commandOf('ballot', key, shift);
  if (cmd === undefined) {
    if (key.length !== 1) return s;
    return say(
      s,
      'warning',
      `Клавиша «${key}» не используется: 1 — за, 2 — против, 3 — воздержался, 0 — недействителен.`,
    );
  }
  const mark = MARK_OF[cmd];
  if (mark) return setMark(s, mark);
  const flag = FLAG_REASON[cmd];
  if (flag) return toggleFlag(s, flag);
  const n = s.enterable.length;
  switch (cmd) {
    case 'invalid':
      if (s.cursor >= n) return say(s, 'warning', 'Выберите вопрос (↑), затем «0».');
      return say(
        { ...quiet(s), pendingInvalid: true },
        'info',
        'Недействителен по вопросу: 1 — несколько отметок, 2 — нет отметки, 3 — все зачёркнуты.',
      );
    case 'next':
      return { ...quiet(s), cursor: Math.min(s.cursor + 1, n) };
    case 'prev':
      return { ...quiet(s), cursor: Math.max(s.cursor - 1, 0) };
    case 'first':
      return { ...quiet(s), cursor: 0 };
    case 'end':
      return { ...quiet(s), cursor: n };
    case 'erase':
      return s.cursor < n ? withMark(quiet(s), s.enterable[s.cursor]!, null) : s;
    case 'erase_back': {
      const here = s.cursor < n ? s.enterable[s.cursor]! : -1;
      if (here >= 0 && s.marks[here] !== null) return withMark(quiet(s), here, null);
      if (s.cursor === 0) return s;
      const back = s.cursor - 1;
      return { ...withMark(quiet(s), s.enterable[back]!, null), cursor: back };
    }
    case 'save':
      return save(s);
    case 'back':
      return escape(s);
    default:
      return s;
  }
}

/** Named keys that mean something in the ballot (they cancel a pending `0`); others are ignored. */
export const BALLOT_NAMED_KEYS: ReadonlySet<string> = new Set([
  'Enter',
  'Tab',
  'Backspace',
  'Delete',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
]);

function withMark(s: EntryState, q: number, mark: Mark | null): EntryState {
  const marks = s.marks.slice();
  marks[q] = mark;
  return { ...s, marks, scanDiffers: scanDiffers(s, marks) };
}

function scanDiffers(s: EntryState, marks: readonly (Mark | null)[]): number[] {
  if (!s.scan) return [];
  const keyed: Record<number, Mark> = {};
  const numbers: number[] = [];
  s.ctx.numbers.forEach((n, q) => {
    const m = marks[q];
    if (m === null || m === undefined) return;
    keyed[n] = m;
    numbers.push(n);
  });
  return compareScanOriginal(s.scan, { ...s.scan, marks: keyed }, numbers).differs;
}

function setMark(s: EntryState, mark: Mark): EntryState {
  const n = s.enterable.length;
  if (s.cursor >= n) {
    if (n < s.ctx.numbers.length) {
      return say(
        s,
        'warning',
        `Клавиша ничего не отмечает: участник ${onlyQuestionsText(s.ctx.numbers, s.enterable)}. Enter — сохранить, ↑ — вернуться к вопросу.`,
      );
    }
    return say(s, 'warning', 'Все вопросы введены: Enter — сохранить, ↑ — вернуться к вопросу.');
  }
  const next = { ...withMark(quiet(s), s.enterable[s.cursor]!, mark), cursor: s.cursor + 1 };
  return next.cursor === n ? autoSave(next) : next;
}

function toggleFlag(s: EntryState, reason: VoidReason): EntryState {
  const on = !s.voidReasons.includes(reason);
  const voidReasons = VOID_REASONS.filter((r) => (r === reason ? on : s.voidReasons.includes(r)));
  return say(
    { ...s, voidReasons, confirmDiscard: false, confirmSave: false },
    on ? 'warning' : 'info',
    on
      ? `${VOID_REASON_LABEL[reason]}: бюллетень недействителен целиком.`
      : `Снято: ${VOID_REASON_LABEL[reason]}.`,
  );
}

function escape(s: EntryState): EntryState {
  const started = s.marks.some((m) => m !== null) || s.voidReasons.length > 0;
  if (started && !s.confirmDiscard) {
    return say(
      { ...s, confirmDiscard: true },
      'warning',
      'Нажмите Esc ещё раз, чтобы отменить этот бюллетень: его отметки не сохранятся.',
    );
  }
  return say(nextBallot(s), 'info', started ? 'Бюллетень отменён.' : 'Выберите участника.');
}
