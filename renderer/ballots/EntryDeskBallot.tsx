/**
 * What the entry desk shows of the reducer's state: the voter search and its hits, the chosen voter,
 * the marks keyed per question (beside the scan's, when there is one), the flags and the message.
 */
import type { Dispatch } from 'react';
import type { Person } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import type { EntryInput, EntryState } from '../../shared/paper/entry/entryReducer';
import { entryWarnings } from '../../shared/paper/entry/entryWarnings';
import { markText } from '../../shared/tally/explain';
import { FLAG_TEXT } from './texts';
import { STATUS_LABEL } from '../../shared/vocabulary';

export interface EntryBallotProps {
  state: EntryState;
  meeting: Meeting;
  registry: readonly Person[];
  dispatch: Dispatch<EntryInput>;
}

export function EntryBallot({ state, meeting, registry, dispatch }: EntryBallotProps) {
  const f = state.fields;
  const msg = state.message;
  const warnings = entryWarnings(state);
  return (
    <>
      <div className="entry-voter">
        {state.phase === 'voter' ? (
          <>
            <span className="entry-label">Участник:</span>{' '}
            <span className="entry-query" aria-label="Поиск участника">
              {state.qr ? 'чтение QR-кода…' : state.query}
              <span className="caret" aria-hidden="true" />
            </span>
            {state.query === '' && (
              <span className="muted">
                {' '}
                наберите номер участка (бюллетень откроется сам), ФИО, пробел и СНИЛС, или отсканируйте QR-код
              </span>
            )}
          </>
        ) : (
          <span className="entry-chosen" aria-label="Голосующий">
            {state.correcting && <strong>Исправление: </strong>}
            {state.voterNote}
            {f.representative && (
              <span className="muted">
                {' '}
                · представитель {f.representative.fullName}, доверенность № {f.representative.powerOfAttorney}
              </span>
            )}
          </span>
        )}
      </div>
      {state.phase === 'voter' && state.hits.length > 0 && (
        <ul className="hits" role="listbox" aria-label="Найденные участники">
          {state.hits.map((h, k) => {
            const p = registry[h.index]!;
            return (
              <li
                key={h.index}
                role="option"
                aria-selected={k === state.hit}
                onMouseDown={(e) => {
                  e.preventDefault();
                  dispatch({ type: 'pick', index: h.index });
                }}
              >
                {p.fullName}
                <span className="muted">
                  {' '}
                  · уч. {p.holdings.map((x) => x.plotNumber).join(', ')} · {STATUS_LABEL[p.status]}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {warnings.length > 0 && (
        <ul className="notice warning entry-warnings" role="alert" aria-label="Предупреждения">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <table className="grid entry-form" aria-label="Отметки бюллетеня">
        <thead>
          <tr>
            <th className="n">№</th>
            <th>Вопрос</th>
            <th className="mark">Отметка</th>
            {state.scan && <th className="mark">На скане</th>}
          </tr>
        </thead>
        <tbody>
          {meeting.questions.map((q, i) => {
            const open = state.phase === 'ballot' && state.enterable.includes(i);
            const here = state.phase === 'ballot' && state.enterable[state.cursor] === i;
            const mark = state.marks[i];
            const differs = state.scanDiffers.includes(q.number);
            const cls = [
              here ? 'cursor' : '',
              state.phase === 'ballot' && !open ? 'skipped' : '',
              differs ? 'differs' : '',
            ]
              .filter(Boolean)
              .join(' ');
            return (
              <tr key={q.number} className={cls} aria-current={here ? 'true' : undefined}>
                <td className="n">{q.number}</td>
                <td className="qtext">{q.text}</td>
                <td className={`mark ${mark ?? ''}`} data-question={q.number}>
                  {state.phase !== 'ballot'
                    ? ''
                    : !open
                      ? 'не голосует'
                      : mark
                        ? markText(mark)
                        : here && state.pendingInvalid
                          ? '0 — причина?'
                          : '—'}
                </td>
                {state.scan && (
                  <td className="mark">
                    {open ? markText(state.scan.marks[q.number] ?? 'none') : ''}
                    {differs && <strong className="differs-note"> ≠ скан</strong>}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {state.phase === 'ballot' && (
        <p className={`entry-end${state.cursor >= state.enterable.length ? ' cursor' : ''}`}>
          {state.cursor >= state.enterable.length ? 'Все вопросы введены: Enter — сохранить.' : '\u00a0'}
        </p>
      )}
      <ul className="flags" aria-label="Нарушения бюллетеня">
        {(Object.keys(FLAG_TEXT) as (keyof typeof FLAG_TEXT)[]).map((r) => (
          <li key={r} className={state.voidReasons.includes(r) ? 'on' : ''}>
            <kbd>{FLAG_TEXT[r].key}</kbd> {FLAG_TEXT[r].text}
            {state.voidReasons.includes(r) ? ' — отмечено' : ''}
          </li>
        ))}
      </ul>
      <p
        className={`entry-message ${msg?.level ?? ''}`}
        role={msg && msg.level !== 'info' ? 'alert' : 'status'}
        aria-label="Сообщение ввода"
      >
        {msg?.text ?? '\u00a0'}
      </p>
    </>
  );
}
