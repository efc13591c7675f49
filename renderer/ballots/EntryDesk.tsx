/**
 * Keyboard entry of paper (or in-person) ballots: the shared entry reducer (shared/paper/entry) wired to a
 * screen that never needs the mouse. Keys go to the reducer (KEYMAP); Enter puts the ballot into the
 * reducer's outbox and this screen stores it (one transaction with its audit entry) before taking the
 * next one from the outbox. Nothing half-typed is stored; a stored ballot survives closing the page.
 */
import { memo, useEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import type { Ballot } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import { currentVersion } from '../../shared/paper/ballotRecord';
import { awaitingSecondFor } from '../../shared/paper/doubleEntry';
import { createEntryContext, type EntryFields } from '../../shared/paper/entry/entryContext';
import { BALLOT_NAMED_KEYS } from '../../shared/paper/entry/ballotKeys';
import { entryReducer, initialEntryState } from '../../shared/paper/entry/entryReducer';
import { buildRegistryIndex } from '../../shared/registry/search';
import type { LiveResults } from '../../shared/paper/liveResults';
import { cycleTab } from '../app/tabCycle';
import type { BallotSnapshot, BallotStore } from './ballotStore';
import { EntryBallot } from './EntryDeskBallot';
import { ArrivalFields, defaultEntryFields } from './EntryDeskFields';
import { useEntryOutbox } from './EntryDeskOutbox';
import { RepresentativeForm } from './EntryDeskRepresentative';
import { KeyHelp } from './KeyHelp';
import { KnownBallots } from './knownBallots';
import { QuestionResults, QuorumSummary } from './ResultsView';
import { ScanView } from './ScanView';
import { SecondEntryOffer } from './SecondEntryOffer';

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

/** Named keys the reducer uses (the ballot's and Esc); any other named key (F5, PageDown…) keeps its usual meaning. */
const REDUCER_KEYS = new Set([...BALLOT_NAMED_KEYS, 'Escape']);

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
  const registry = snap.input.registry;
  const records = snap.input.paperRecords;
  const electronic = snap.input.gosuslugiBallots;
  const attendance = snap.attendance;
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
        operator,
        idPrefix,
        source: channel === 'in_person' ? 'очная часть, ввод с клавиатуры' : 'ввод с клавиатуры',
        electronic,
        ...(channel === 'in_person' ? { attendance } : {}),
      }),
    [
      meeting,
      registry,
      search,
      defaults,
      pass,
      operator,
      doubleEntry,
      idPrefix,
      channel,
      electronic,
      attendance,
    ],
  );
  // Double entry follows the operator: another member taking the desk is switched to the second entry
  // of the ballots keyed by someone else (and back to the first where none wait for them).
  const awaiting = useMemo(
    () =>
      doubleEntry
        ? awaitingSecondFor(
            records.filter((r) => currentVersion(r).ballot.channel === channel),
            meeting.questions.map((q) => q.number),
            operator,
          )
        : [],
    [doubleEntry, records, channel, meeting.questions, operator],
  );
  const awaitingRef = useRef(awaiting);
  awaitingRef.current = awaiting;
  useEffect(() => {
    if (doubleEntry) setPass(awaitingRef.current.length > 0 ? 'second' : 'first');
  }, [operator, doubleEntry]);
  const [knownIndex] = useState(() => new KnownBallots());
  const known = useMemo(() => knownIndex.update(registry, records), [knownIndex, registry, records]);
  const ctx = useMemo(() => ({ ...base, known }), [base, known]);
  const [state, dispatch] = useReducer(entryReducer, ctx, initialEntryState);
  useEffect(() => {
    if (state.ctx !== ctx) dispatch({ type: 'context', ctx });
  }, [ctx, state.ctx]);

  const areaRef = useRef<HTMLDivElement>(null);
  const deskRef = useRef<HTMLDivElement>(null);
  const fieldsRef = useRef<HTMLFieldSetElement>(null);
  const { savedHere, reasons } = useEntryOutbox(state, dispatch, {
    meeting,
    registry,
    store,
    operator,
  });
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
  }, [editRequest, reasons]);

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

  return (
    // Tab and Shift+Tab go round the desk: they never fall through to the navigation above it.
    <div className="entry-desk" ref={deskRef} onKeyDown={(e) => cycleTab(e, deskRef.current)}>
      <div className="entry-main">
        <ArrivalFields
          fieldsRef={fieldsRef}
          f={f}
          channel={channel}
          setFields={setFields}
          operatorDraft={operatorDraft}
          // The stored name arrives just after the screen opens (useOperator: '' until then). Typed into
          // before it, a name would be joined to it when it lands, so the field waits, as the top bar's.
          operatorKnown={operator !== ''}
          setOperatorDraft={setOperatorDraft}
          commitOperator={commitOperator}
          doubleEntry={doubleEntry}
          pass={pass}
          setPass={setPass}
          backToEntry={backToEntry}
        />

        {doubleEntry && (
          <SecondEntryOffer awaiting={awaiting} registry={registry} operator={operator} pass={pass} />
        )}

        <div
          ref={areaRef}
          className={`entry-area phase-${state.phase}`}
          tabIndex={0}
          role="group"
          aria-label="Ввод бюллетеня"
          onKeyDown={onKeyDown}
        >
          <EntryBallot state={state} meeting={meeting} registry={registry} dispatch={dispatch} />
        </div>

        {repOpen && (
          <RepresentativeForm
            value={f.representative}
            receivedAt={f.receivedAt}
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
