/**
 * «Ввод бюллетеней»: keyboard entry of paper ballots, the stored ballots with their history,
 * corrections and withdrawals, double entry, and the batch file exchange with another laptop.
 */
import type { MeetingTabProps } from '../meetings/meetingTabProps';
import { BatchExchange } from './BatchExchange';
import { DeskAndList } from './DeskAndList';
import { DoubleEntryPanel } from './DoubleEntryPanel';
import { useMeetingBallots, useOperator } from './hooks';
import { StoreStatus } from './StoreStatus';
import './ballots.css';

export function EntryTab({ meeting }: MeetingTabProps) {
  const { store, state } = useMeetingBallots(meeting);
  const [operator, setOperator] = useOperator();
  if (state.status !== 'ready') return <StoreStatus state={state} />;
  const { snap } = state;
  if (meeting.questions.length === 0) {
    return (
      <p className="notice">
        В повестке собрания нет вопросов: сначала составьте повестку на вкладке «Подготовка».
      </p>
    );
  }
  return (
    <div className="ballots-tab">
      <h2 className="visually-hidden">Ввод бумажных бюллетеней</h2>
      {meeting.doubleEntry && (
        <p className="notice">
          Включён двойной ввод: каждый оригинал вводят двое членов комиссии независимо друг от друга;
          учитываются только сверенные бюллетени.
        </p>
      )}
      <DeskAndList
        meeting={meeting}
        snap={snap}
        store={store}
        channel="paper"
        operator={operator}
        onOperatorChange={(n) => void setOperator(n)}
      >
        {meeting.doubleEntry && <DoubleEntryPanel meeting={meeting} snap={snap} store={store} />}
      </DeskAndList>
      <BatchExchange meeting={meeting} snap={snap} store={store} operator={operator} />
    </div>
  );
}
