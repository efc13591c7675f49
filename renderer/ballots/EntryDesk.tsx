/**
 * Keyboard entry of paper (or in-person) ballots: the shared entry reducer (shared/paper/entry) wired to a
 * screen that never needs the mouse. Keys go to the reducer (KEYMAP); Enter puts the ballot into the
 * reducer's outbox and this screen stores it (one transaction with its audit entry) before taking the
 * next one from the outbox. Nothing half-typed is stored; a stored ballot survives closing the page.
 */
import { memo, useEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import type { Ballot, Delivery, Representative } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import { currentVersion } from '../../shared/paper/ballotRecord';
import { createEntryContext, type EntryFields } from '../../shared/paper/entry/entryContext';
import { entryReducer, initialEntryState } from '../../shared/paper/entry/entryReducer';
import { buildRegistryIndex } from '../../shared/registry/search';
import { STATUS_TEXT } from '../../shared/registry/registryLabels';
import { markText } from '../../shared/tally/explain';
import { useDb } from '../app/DbContext';
import { Field } from '../app/Field';
import { todayIso } from '../meetings/today';
import type { LiveResults } from '../../shared/paper/liveResults';
import { saveKeyedBallot } from './ballotRepo';
import type { PaperBallotRow } from '../db/records';
import type { BallotSnapshot, BallotStore } from './ballotStore';
import { KeyHelp } from './KeyHelp';
import { KnownBallots } from './knownBallots';
import { QuestionResults, QuorumSummary } from './ResultsView';
import { ScanView } from './ScanView';
import { FLAG_TEXT, problemText } from './texts';

export interface EditRequest {
  ballot: Ballot;
  reason: string;
  /** A new request object each time, even for the same ballot. */
  nonce: number;
}

export interface EntryDeskProps {
  meeting: Meeting;
  snap: BallotSnapshot;
  store: BallotStore;
  channel: 'paper' | 'in_person';
  /** A stored ballot to load for correction (the reason was asked for already). */
  editRequest?: EditRequest | null;
  /** Who is at the keyboard (renderer/app/operator.ts). */
  operator: string;
  onOperatorChange: (name: string) => void;
  /** Live results of the stored ballots (computed once per change by the tab). */
  live: LiveResults | null;
  /** F4: the tab's list of keyed ballots (to correct or withdraw one without the mouse). */
  onLeave?: () => void;
  /** Filled with a function that puts the focus back on the entry (for the tab's other parts). */
  focusRef?: { current: (() => void) | null };
  /** Take the focus when the screen opens (default); off where something else comes first. */
  autoFocus?: boolean;
}

/** Named keys the reducer uses; any other named key (F5, PageDown…) keeps its usual meaning. */
const REDUCER_KEYS = new Set([
  'Enter',
  'Tab',
  'Escape',
  'Backspace',
  'Delete',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
]);

const DELIVERY_CHOICES: { value: Delivery; label: string }[] = [
  { value: 'hand', label: 'лично в правление' },
  { value: 'mail', label: 'заказным письмом' },
  { value: 'email', label: 'по электронной почте (скан)' },
  { value: 'session', label: 'на очной части собрания' },
];

export function defaultEntryFields(
  meeting: Meeting,
  channel: 'paper' | 'in_person',
  today = todayIso(),
): EntryFields {
  if (channel === 'in_person') {
    return { channel, copy: 'original', receivedAt: meeting.sessionDate || today, delivery: 'session' };
  }
  // Counting usually happens after the end of voting: a ballot keyed then was received by that day.
  const end = meeting.votingEnd;
  return { channel, copy: 'original', receivedAt: end && today > end ? end : today, delivery: 'hand' };
}

function sessionPrefix(meetingId: string): string {
  return `${meetingId}:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}:`;
}

/** The compact live figures beside the form, redrawn only when the stored ballots change. */
export const LiveSummary = memo(function LiveSummary({ live }: { live: LiveResults | null }) {
  if (!live) return null;
  return (
    <section className="live-summary" aria-label="Итоги сейчас">
      <h3>Итоги сейчас</h3>
      <QuorumSummary live={live} />
      <QuestionResults live={live} compact />
    </section>
  );
});

export function EntryDesk({
  meeting,
  snap,
  store,
  channel,
  editRequest,
  operator,
  onOperatorChange,
  live,
  onLeave,
  focusRef,
  autoFocus = true,
}: EntryDeskProps) {
  const db = useDb();
  const registry = snap.input.registry;
  const records = snap.input.paperRecords;
  const [pass, setPass] = useState<'first' | 'second'>('first');
  const [idPrefix] = useState(() => sessionPrefix(meeting.id));
  const [defaults] = useState(() => defaultEntryFields(meeting, channel));
  const search = useMemo(() => buildRegistryIndex(registry), [registry]);
  const doubleEntry = meeting.doubleEntry === true;
  // The context without stored ballots changes rarely (agenda, registry, pass); the stored ballots are
  // laid on it incrementally after every save.
  const base = useMemo(
    () =>
      createEntryContext({
        meeting,
        meetingId: meeting.id,
        registry,
        search,
        defaults,
        pass: doubleEntry ? pass : 'first',
        idPrefix,
        source: channel === 'in_person' ? 'очная часть, ввод с клавиатуры' : 'ввод с клавиатуры',
      }),
    [meeting, registry, search, defaults, pass, doubleEntry, idPrefix, channel],
  );
  const [knownIndex] = useState(() => new KnownBallots());
  const known = useMemo(() => knownIndex.update(registry, records), [knownIndex, registry, records]);
  const ctx = useMemo(() => ({ ...base, known }), [base, known]);
  const [state, dispatch] = useReducer(entryReducer, ctx, initialEntryState);
  useEffect(() => {
    if (state.ctx !== ctx) dispatch({ type: 'context', ctx });
  }, [ctx, state.ctx]);

  const areaRef = useRef<HTMLDivElement>(null);
  const fieldsRef = useRef<HTMLFieldSetElement>(null);
  const reasons = useRef(new Map<string, string>());
  const operatorRef = useRef(operator);
  operatorRef.current = operator;
  const [savedHere, setSavedHere] = useState(0);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [repOpen, setRepOpen] = useState(false);
  // «Кто вводит» is stored when the field is left (Enter goes back to the ballot), like the top bar's.
  const [operatorDraft, setOperatorDraft] = useState(operator);
  useEffect(() => setOperatorDraft(operator), [operator]);
  const commitOperator = () => {
    const name = operatorDraft.trim();
    if (!name) setOperatorDraft(operator);
    else if (name !== operator) onOperatorChange(name);
  };

  useEffect(() => {
    if (autoFocus) areaRef.current?.focus();
    if (!focusRef) return;
    focusRef.current = () => areaRef.current?.focus();
    return () => {
      focusRef.current = null;
    };
    // Only when the screen opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRef]);

  useEffect(() => {
    if (!editRequest) return;
    reasons.current.set(editRequest.ballot.id, editRequest.reason);
    dispatch({ type: 'edit', ballot: editRequest.ballot });
    areaRef.current?.focus();
  }, [editRequest]);

  // The outbox: stored one by one, in order; each acknowledged when its transaction has committed.
  const writing = useRef(false);
  useEffect(() => {
    const item = state.outbox[0];
    if (writing.current || !item) return;
    writing.current = true;
    const id = item.recordId ?? item.ballot.id;
    const reason = item.correction ? reasons.current.get(id) : undefined;
    const who = item.ballot.voter.fullName ?? '';
    const keyed = {
      ballot: item.ballot,
      ...(item.recordId !== undefined ? { recordId: item.recordId } : {}),
      correction: item.correction,
      ...(reason !== undefined ? { reason } : {}),
    };
    const done = (error: string | null, row?: PaperBallotRow) => {
      // One batch of updates: the stored row counted, the message, the outbox acknowledged.
      writing.current = false;
      if (row) {
        if (item.correction) reasons.current.delete(id);
        store.apply({ records: [row] });
        setSavedHere((n) => n + 1);
      }
      setSaveError(error);
      dispatch({ type: 'ack', seq: item.seq });
    };
    saveKeyedBallot(db, { meeting, registry, by: operatorRef.current }, keyed).then(
      (result) =>
        result.ok
          ? done(null, result.value)
          : done(`Бюллетень участника ${who} не сохранён: ${problemText(result.error)}`),
      (e: unknown) =>
        done(
          `Бюллетень участника ${who} не сохранён: ошибка базы данных (${e instanceof Error ? e.message : String(e)}).`,
        ),
    );
  }, [state.outbox, db, meeting, registry, store]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'F2') {
      e.preventDefault();
      fieldsRef.current?.querySelector<HTMLElement>('select, input')?.focus();
      return;
    }
    if (e.key === 'F4' && onLeave) {
      e.preventDefault();
      onLeave();
      return;
    }
    if (e.key === 'F3') {
      e.preventDefault();
      if (state.phase === 'ballot') setRepOpen(true);
      return;
    }
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    if (e.key.length !== 1 && !REDUCER_KEYS.has(e.key)) return;
    e.preventDefault();
    dispatch({ key: e.key, shiftKey: e.shiftKey });
  };

  const backToEntry = () => areaRef.current?.focus();
  const setFields = (fields: Partial<EntryFields>) => dispatch({ type: 'fields', fields, session: true });

  const entered = useMemo(() => {
    let n = 0;
    for (const r of records) {
      const v = currentVersion(r);
      if (v.marksEntered && !v.withdrawn && v.ballot.channel === channel) n++;
    }
    return n;
  }, [records, channel]);

  const person = state.phase === 'ballot' ? registry[state.personIndex] : undefined;
  const scanFile = useMemo(() => {
    if (!person) return undefined;
    for (const r of records) {
      if (r.personId !== person.id) continue;
      const v = currentVersion(r);
      if (!v.withdrawn && v.ballot.copy === 'scan' && v.attachmentIds?.length) return v.attachmentIds[0];
    }
    return undefined;
  }, [person, records]);

  const f = state.fields;
  const pending = state.outbox.length;
  const msg = state.message;

  return (
    <div className="entry-desk">
      <div className="entry-main">
        <fieldset
          className="entry-fields"
          ref={fieldsRef}
          onKeyDown={(e) => {
            if (e.key === 'F2' || e.key === 'Escape') {
              e.preventDefault();
              backToEntry();
            }
          }}
        >
          <legend>Данные поступления (F2)</legend>
          <div className="form-row">
            <Field label="Экземпляр">
              {(p) => (
                <select
                  {...p}
                  value={f.copy}
                  onChange={(e) =>
                    setFields({
                      copy: e.target.value as EntryFields['copy'],
                      ...(e.target.value === 'scan' ? { delivery: 'email' as const } : {}),
                    })
                  }
                >
                  <option value="original">оригинал</option>
                  <option value="scan">скан</option>
                </select>
              )}
            </Field>
            <Field label="Дата получения">
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={f.receivedAt}
                  required
                  onChange={(e) => e.target.value && setFields({ receivedAt: e.target.value })}
                />
              )}
            </Field>
            <Field label="Как получен">
              {(p) => (
                <select
                  {...p}
                  value={f.delivery ?? ''}
                  onChange={(e) => setFields({ delivery: e.target.value as Delivery })}
                >
                  {DELIVERY_CHOICES.filter((d) => channel === 'in_person' || d.value !== 'session').map(
                    (d) => (
                      <option key={d.value} value={d.value}>
                        {d.label}
                      </option>
                    ),
                  )}
                </select>
              )}
            </Field>
            <Field label="Кто вводит">
              {(p) => (
                <input
                  {...p}
                  type="text"
                  value={operatorDraft}
                  maxLength={120}
                  onChange={(e) => setOperatorDraft(e.target.value)}
                  onBlur={commitOperator}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      backToEntry();
                    }
                  }}
                />
              )}
            </Field>
          </div>
          {doubleEntry && (
            <div className="pass-choice" role="radiogroup" aria-label="Ввод">
              <label className="choice-inline">
                <input type="radio" checked={pass === 'first'} onChange={() => setPass('first')} /> первый
                ввод
              </label>
              <label className="choice-inline">
                <input type="radio" checked={pass === 'second'} onChange={() => setPass('second')} />{' '}
                повторный ввод вслепую (другой член комиссии)
              </label>
            </div>
          )}
          <button type="button" className="link" onClick={backToEntry}>
            К вводу бюллетеня
          </button>
        </fieldset>

        <div
          ref={areaRef}
          className={`entry-area phase-${state.phase}`}
          tabIndex={0}
          role="group"
          aria-label="Ввод бюллетеня"
          onKeyDown={onKeyDown}
        >
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
                    наберите номер участка, ФИО или СНИЛС, или отсканируйте QR-код
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
                    · представитель {f.representative.fullName}, доверенность №{' '}
                    {f.representative.powerOfAttorney}
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
                      · уч. {p.holdings.map((x) => x.plotNumber).join(', ')} · {STATUS_TEXT[p.status]}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
          {state.phase === 'ballot' && state.duplicateOf.length > 0 && (
            <p className="notice warning" role="alert">
              Внимание: второй бюллетень этого участника — уже есть{' '}
              {state.duplicateOf.map((d) => d.text).join('; ')}.
            </p>
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
        </div>

        {repOpen && (
          <RepresentativeForm
            value={f.representative}
            onApply={(rep) => {
              dispatch({ type: 'fields', fields: { representative: rep ?? undefined } });
              setRepOpen(false);
              backToEntry();
            }}
            onClose={() => {
              setRepOpen(false);
              backToEntry();
            }}
          />
        )}

        <p className="entry-saved" role="status" aria-label="Сохранение">
          {pending > 0 ? 'Записывается… ' : ''}Введено бюллетеней (
          {channel === 'in_person' ? 'очно' : 'бумажных'}): {entered}; за этот сеанс сохранено {savedHere}.
        </p>
        {saveError && (
          <p className="notice error" role="alert">
            {saveError}
          </p>
        )}
      </div>
      <aside className="entry-side">
        {scanFile && (
          <section aria-label="Скан бюллетеня">
            <h3>Скан бюллетеня</h3>
            <ScanView meetingId={meeting.id} attachmentId={scanFile} />
          </section>
        )}
        <LiveSummary live={live} />
        <KeyHelp />
      </aside>
    </div>
  );
}

function RepresentativeForm({
  value,
  onApply,
  onClose,
}: {
  value: Representative | undefined;
  onApply: (rep: Representative | null) => void;
  onClose: () => void;
}) {
  const [name, setName] = useState(value?.fullName ?? '');
  const [poa, setPoa] = useState(value?.powerOfAttorney ?? '');
  const [date, setDate] = useState(value?.powerOfAttorneyDate ?? '');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <form
      className="rep-form"
      aria-label="Представитель по доверенности"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(
          name.trim()
            ? {
                fullName: name.trim(),
                ...(poa.trim() ? { powerOfAttorney: poa.trim() } : {}),
                ...(date ? { powerOfAttorneyDate: date } : {}),
              }
            : null,
        );
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' || e.key === 'F3') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div className="form-row">
        <Field label="ФИО представителя">
          {(p) => (
            <input {...p} ref={first} type="text" value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <Field label="№ доверенности">
          {(p) => <input {...p} type="text" value={poa} onChange={(e) => setPoa(e.target.value)} />}
        </Field>
        <Field label="Дата доверенности">
          {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          Применить (Enter)
        </button>
        <button type="button" onClick={() => onApply(null)}>
          Без представителя
        </button>
        <button type="button" onClick={onClose}>
          Отмена (Esc)
        </button>
      </div>
    </form>
  );
}
