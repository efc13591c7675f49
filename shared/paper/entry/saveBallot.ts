/**
 * Enter on a complete ballot: it goes into the outbox (the app stores it) and the next ballot starts.
 */
import type { Ballot, Mark } from '../../domain/types';
import { voterRefOf } from '../voterRef';
import { entryWarnings } from './entryWarnings';
import { initialEntryState, say, type EntryState, type SavedBallot } from './entryState';

/** The voter search of the next ballot, keeping the session. */
export function nextBallot(s: EntryState): EntryState {
  const fresh = initialEntryState(s.ctx);
  return {
    ...fresh,
    fields: s.sessionFields,
    sessionFields: s.sessionFields,
    outbox: s.outbox,
    seq: s.seq,
    session: s.session,
    ...(s.lastSaved ? { lastSaved: s.lastSaved } : {}),
  };
}

/** The reason a ballot reopened by Backspace right after it was saved is corrected for (audit). */
export const REOPENED_REASON = 'исправление сразу после ввода (Backspace)';

/**
 * After the mark of the last question the ballot saves itself, unless the operator must look first: a
 * correction, a second ballot of the person, a warning (late, not registered present), marks differing
 * from the scan. Then Enter saves it, as always.
 */
export function autoSave(s: EntryState): EntryState {
  const waitReason = s.correcting
    ? 'исправление сохраняется по Enter'
    : s.duplicateOf.length > 0
      ? 'участник уже голосовал — сохранить второй бюллетень: Enter дважды'
      : entryWarnings(s).length > 0
        ? 'проверьте предупреждение выше, затем Enter — сохранить'
        : s.scanDiffers.length > 0
          ? 'отметки расходятся со сканом — проверьте, затем Enter'
          : undefined;
  if (waitReason === undefined) return save(s);
  return say(s, 'warning', `Все вопросы введены, бюллетень не сохранён сам: ${waitReason}.`);
}

export function save(s: EntryState): EntryState {
  const { ctx } = s;
  const missing = s.enterable.filter((q) => s.marks[q] === null);
  if (missing.length > 0 && s.voidReasons.length === 0) {
    const list = missing.map((q) => `№${ctx.numbers[q]}`).join(', ');
    return say(
      { ...s, cursor: s.enterable.indexOf(missing[0]!) },
      'error',
      `Не введены вопросы ${list}: введите отметку (если ничего не отмечено — «0», затем «2»).`,
    );
  }
  const person = ctx.registry[s.personIndex]!;
  const second = s.duplicateOf.length > 0 && !s.correcting;
  if (second && !s.confirmSave) {
    return say(
      { ...s, confirmSave: true },
      'warning',
      `${person.fullName} уже голосовал(а): ${s.duplicateOf.map((d) => d.text).join('; ')}. Нажмите Enter ещё раз, чтобы сохранить этот бюллетень как второй (при подсчёте — по правилу о нескольких бюллетенях), или Esc — отменить.`,
    );
  }
  const warnings = entryWarnings(s).filter((w) => !w.startsWith('Уже голосовал'));
  const marks: Record<number, Mark> = {};
  for (const q of s.enterable) marks[ctx.numbers[q]!] = s.marks[q] ?? 'none';
  const seq = s.seq + 1;
  const f = s.fields;
  const ballot: Ballot = {
    id: s.recordId ?? `${ctx.idPrefix}${seq}`,
    channel: f.channel,
    voter: voterRefOf(person),
    copy: f.copy,
    receivedAt: f.receivedAt,
    ...(f.delivery ? { delivery: f.delivery } : {}),
    ...(f.trackingNumber ? { trackingNumber: f.trackingNumber } : {}),
    voidReasons: s.voidReasons,
    ...(f.representative ? { representative: f.representative } : {}),
    marks,
    source: ctx.source,
  };
  const saved: SavedBallot = {
    seq,
    ballot,
    ...(s.recordId !== undefined ? { recordId: s.recordId } : {}),
    correction: s.correcting,
    ...(s.correcting && s.reopenedLast ? { reason: REOPENED_REASON } : {}),
  };
  const session = s.correcting
    ? s.session.map((x) => (x.ballot.id === ballot.id ? { ...x, ballot } : x))
    : [...s.session, { personIndex: s.personIndex, ballot }];
  const next = nextBallot({ ...s, outbox: [...s.outbox, saved], seq, session, lastSaved: ballot });
  const note = [second ? 'Это второй бюллетень участника.' : '', ...warnings].filter(Boolean).join(' ');
  return say(
    next,
    second || warnings.length ? 'warning' : 'info',
    `Сохранён бюллетень: ${person.fullName}.${note ? ` ${note}` : ''}${ctx.pass === 'first' ? ' Исправить его — Backspace.' : ''}`,
  );
}
