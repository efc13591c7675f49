import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Channel } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import { liveResults, scanFigures, type LiveResults } from '../../shared/paper/liveResults';
import { useDb } from '../app/DbContext';
import { getOperator, onOperatorChange, setOperator } from '../app/operator';
import type { MeetingTallyInput } from '../tally/meetingTally';
import { ballotStoreFor, type BallotStore, type BallotStoreState } from './ballotStore';

/** The meeting's ballots, loaded when the tab opens and kept current with every write of this window. */
export function useMeetingBallots(meeting: Meeting): { store: BallotStore; state: BallotStoreState } {
  const db = useDb();
  const store = ballotStoreFor(db, meeting.id);
  const state = useSyncExternalStore(store.subscribe, store.getState);
  useEffect(() => {
    void store.load(meeting);
    // Reload only when a tab opens; later meeting changes are applied in place (below).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);
  useEffect(() => store.setMeeting(meeting), [store, meeting]);
  return { store, state };
}

/** Who is at the keyboard, and a setter that stores it for the next start too. */
export function useOperator(): [string, (name: string) => Promise<void>] {
  const db = useDb();
  const [name, setName] = useState('');
  useEffect(() => {
    let live = true;
    void getOperator(db).then((n) => live && setName(n));
    // The top bar's «Оператор» field and this one stay the same.
    // (A name being typed here keeps its trailing space: the stored name is trimmed.)
    const off = onOperatorChange((n) => setName((cur) => (cur.trim() === n ? cur : n)));
    return () => {
      live = false;
      off();
    };
  }, [db]);
  const change = useCallback(
    async (next: string) => {
      setName(next);
      if (next.trim()) await setOperator(db, next);
    },
    [db],
  );
  return [name, change];
}

/** Live results on the given channels (all when empty); recomputed only when the tally input changes. */
export function useLiveResults(
  input: MeetingTallyInput | null,
  channels: readonly Channel[] = [],
): LiveResults | null {
  const key = channels.join(',');
  return useMemo(
    () => (input ? liveResults(input, key ? (key.split(',') as Channel[]) : undefined) : null),
    [input, key],
  );
}

/** «Только оригиналы» and «с учётом сканов» (two more tallies). */
export function useScanFigures(input: MeetingTallyInput | null, channels: readonly Channel[] = []) {
  const key = channels.join(',');
  return useMemo(
    () => (input ? scanFigures(input, key ? (key.split(',') as Channel[]) : undefined) : null),
    [input, key],
  );
}
