/**
 * «Ввод бюллетеней»: keyboard entry of paper ballots, the stored ballots with their history,
 * corrections and withdrawals, double entry, and the batch file exchange with another laptop.
 */
import { useRef, useState } from 'react';
import type { Ballot } from '../../shared/domain/types';
import type { MeetingTabProps } from '../meetings/meetingTabProps';
import { BallotList } from './BallotList';
import { BatchExchange } from './BatchExchange';
import { DoubleEntryPanel } from './DoubleEntryPanel';
import { EntryDesk, type EditRequest } from './EntryDesk';
import { useLiveResults, useMeetingBallots, useOperator } from './hooks';
import { StoreStatus } from './StoreStatus';
import './ballots.css';

export function EntryTab({ meeting }: MeetingTabProps) {
  const { store, state } = useMeetingBallots(meeting);
  const [operator, setOperator] = useOperator();
  const [edit, setEdit] = useState<EditRequest | null>(null);
  const listOpen = useRef<(() => void) | null>(null);
  const entryFocus = useRef<(() => void) | null>(null);
  const snap = state.status === 'ready' ? state.snap : null;
  const live = useLiveResults(snap?.input ?? null);
  if (!snap) return <StoreStatus state={state} />;
  if (meeting.questions.length === 0) {
    return (
      <p className="notice">
        В повестке собрания нет вопросов: сначала составьте повестку на вкладке «Подготовка».
      </p>
    );
  }
  const onEdit = (ballot: Ballot, reason: string) => setEdit({ ballot, reason, nonce: Date.now() });
  return (
    <div className="ballots-tab">
      <h2 className="sr-only">Ввод бумажных бюллетеней</h2>
      {meeting.doubleEntry && (
        <p className="notice">
          Включён двойной ввод: каждый оригинал вводят двое членов комиссии независимо друг от друга;
          учитываются только сверенные бюллетени.
        </p>
      )}
      <EntryDesk
        meeting={meeting}
        snap={snap}
        store={store}
        channel="paper"
        editRequest={edit}
        operator={operator}
        onOperatorChange={(n) => void setOperator(n)}
        live={live}
        onLeave={() => listOpen.current?.()}
        focusRef={entryFocus}
      />
      {meeting.doubleEntry && <DoubleEntryPanel meeting={meeting} snap={snap} store={store} />}
      <BallotList
        meeting={meeting}
        snap={snap}
        store={store}
        channel="paper"
        operator={operator}
        live={live}
        onEdit={onEdit}
        openRef={listOpen}
        onBack={() => entryFocus.current?.()}
      />
      <BatchExchange meeting={meeting} snap={snap} store={store} operator={operator} />
    </div>
  );
}
