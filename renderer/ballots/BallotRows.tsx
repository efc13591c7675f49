/**
 * The rows of the stored-ballots table. Memoized: a save redraws the live figures first and the list
 * after them (its inputs are deferred in BallotList), so the first redraw leaves these rows as they are.
 */
import { memo } from 'react';
import type { Meeting } from '../../shared/meetings/meeting';
import { currentVersion, type PaperBallotRecord } from '../../shared/paper/ballotRecord';
import { doubleEntryState } from '../../shared/paper/doubleEntry';
import { rejectText } from '../../shared/tally/explain';
import type { BallotOutcome } from '../../shared/tally/types';
import type { PaperBallotRow } from '../db/records';
import { arrivalLine } from './texts';

/** One stored record as the list shows it. */
export interface BallotLine {
  r: PaperBallotRow;
  v: ReturnType<typeof currentVersion>;
  name: string;
}

/** What a row's button asks for. */
export type BallotAsk = { kind: 'edit' | 'withdraw' | 'restore'; row: PaperBallotRow };

/** «учитывается», or for a person with several accepted ballots what the count does with them. */
function acceptedText(o: BallotOutcome, ballotsOf: ReadonlyMap<string, number>): string {
  const n = o.personId ? (ballotsOf.get(o.personId) ?? 1) : 1;
  return n > 1
    ? `второй бюллетень участника (всего ${n}): учитывается по правилу о нескольких бюллетенях, расхождения — на «Сверке»`
    : 'учитывается';
}

/** Where the record stands, in Russian. */
/** Double entry: a ballot keyed once shows nothing of its marks or history until the second entry. */
function blindFor(record: PaperBallotRecord, meeting: Meeting): boolean {
  if (!meeting.doubleEntry) return false;
  const s = doubleEntryState(
    record,
    meeting.questions.map((q) => q.number),
  );
  return s.state === 'awaiting_second';
}

export function recordState(record: PaperBallotRecord, meeting: Meeting): string {
  const v = currentVersion(record);
  if (v.withdrawn) return `отозван: ${v.reason ?? ''}`;
  if (!v.marksEntered) return 'поступил, отметки не введены';
  if (meeting.doubleEntry) {
    const s = doubleEntryState(
      record,
      meeting.questions.map((q) => q.number),
    );
    if (s.state === 'awaiting_second') return `ждёт повторного ввода (первый ввод: ${s.firstBy})`;
    if (s.state === 'disagree') return 'расхождение при повторном вводе';
    if (s.state === 'settled') return 'сверен';
  }
  return record.versions.some((x) => x.kind === 'corrected') ? 'исправлен' : 'введён';
}

export const BallotRows = memo(function BallotRows({
  lines,
  outcomes,
  ballotsOf,
  meeting,
  onHistory,
  onAsk,
}: {
  lines: readonly BallotLine[];
  outcomes: ReadonlyMap<string, BallotOutcome>;
  /** Accepted ballots per person. */
  ballotsOf: ReadonlyMap<string, number>;
  meeting: Meeting;
  onHistory: (id: string) => void;
  onAsk: (ask: BallotAsk) => void;
}) {
  return (
    <tbody>
      {lines.map(({ r, v, name }) => {
        const o = outcomes.get(r.id);
        return (
          <tr key={r.id} aria-label={name}>
            <td>{name}</td>
            <td>{arrivalLine(v.ballot)}</td>
            <td>{recordState(r, meeting)}</td>
            <td>
              {!o
                ? '—'
                : o.status === 'accepted'
                  ? acceptedText(o, ballotsOf)
                  : rejectText(o, meeting) || 'не учитывается'}
            </td>
            <td className="actions-cell">
              {blindFor(r, meeting) ? (
                // Blind double entry: nothing of the first entry is shown before the second.
                <span className="muted">скрыт до повторного ввода</span>
              ) : (
                <button type="button" onClick={() => onHistory(r.id)} aria-label={`История: ${name}`}>
                  История ({r.versions.length})
                </button>
              )}{' '}
              {v.marksEntered && !v.withdrawn && !blindFor(r, meeting) && (
                <button
                  type="button"
                  onClick={() => onAsk({ kind: 'edit', row: r })}
                  aria-label={`Исправить: ${name}`}
                >
                  Исправить
                </button>
              )}{' '}
              {v.withdrawn ? (
                <button
                  type="button"
                  onClick={() => onAsk({ kind: 'restore', row: r })}
                  aria-label={`Восстановить: ${name}`}
                >
                  Восстановить
                </button>
              ) : (
                <button
                  type="button"
                  className="danger"
                  onClick={() => onAsk({ kind: 'withdraw', row: r })}
                  aria-label={`Отозвать: ${name}`}
                >
                  Отозвать
                </button>
              )}
            </td>
          </tr>
        );
      })}
    </tbody>
  );
});
