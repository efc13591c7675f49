/**
 * The entry desk's outbox: the ballots the reducer saved are stored one by one, in order (each in one
 * transaction with its audit entry), and acknowledged when the transaction has committed.
 */
import { useEffect, useRef, useState, type Dispatch } from 'react';
import type { Person } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import type { EntryInput, EntryState } from '../../shared/paper/entry/entryReducer';
import { useDb } from '../app/DbContext';
import type { PaperBallotRow } from '../db/records';
import { saveKeyedBallot } from './ballotRepo';
import type { BallotStore } from './ballotStore';
import { problemText } from './texts';

export interface EntryOutbox {
  /** Ballots stored by this screen. */
  savedHere: number;
  /** Reasons of corrections, by ballot id, given before the ballot was loaded. */
  reasons: { current: Map<string, string> };
}

export function useEntryOutbox(
  state: EntryState,
  dispatch: Dispatch<EntryInput>,
  {
    meeting,
    registry,
    store,
    operator,
  }: { meeting: Meeting; registry: readonly Person[]; store: BallotStore; operator: string },
): EntryOutbox {
  const db = useDb();
  const reasons = useRef(new Map<string, string>());
  const operatorRef = useRef(operator);
  operatorRef.current = operator;
  const [savedHere, setSavedHere] = useState(0);
  const writing = useRef(false);
  useEffect(() => {
    const item = state.outbox[0];
    if (writing.current || !item) return;
    writing.current = true;
    const id = item.recordId ?? item.ballot.id;
    const reason = item.correction ? (item.reason ?? reasons.current.get(id)) : undefined;
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
      // A refusal replaces the «Сохранён бюллетень» said when Enter was pressed: one message, not two.
      dispatch(error ? { type: 'ack', seq: item.seq, failed: error } : { type: 'ack', seq: item.seq });
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
  }, [state.outbox, db, meeting, registry, store, dispatch]);
  return { savedHere, reasons };
}
