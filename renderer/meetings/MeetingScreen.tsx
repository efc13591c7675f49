import { useCallback, useEffect, useState } from 'react';
import type { Partnership } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import { useDb } from '../app/DbContext';
import type { MeetingTab } from '../app/useHashRoute';
import { getMeeting } from './meetingRepo';
import { MEETING_TAB_VIEWS } from './meetingTabs';

/** One meeting: its title and a tab per stage (preparation, ballots, Gosuslugi, results, protocol). */
export function MeetingScreen({
  meetingId,
  tab,
  partnership,
  onTab,
}: {
  meetingId: string;
  tab: MeetingTab;
  partnership: Partnership;
  onTab: (tab: MeetingTab) => void;
}) {
  const db = useDb();
  const [meeting, setMeeting] = useState<Meeting | null | undefined>(undefined);
  useEffect(() => {
    getMeeting(db, meetingId).then(
      (m) => setMeeting(m ?? null),
      () => setMeeting(null),
    );
  }, [db, meetingId]);
  const onMeetingChange = useCallback((m: Meeting) => setMeeting(m), []);

  if (meeting === undefined) return <p className="loading">Загрузка…</p>;
  if (meeting === null) return <p role="alert">Собрание не найдено: возможно, оно удалено.</p>;
  const current = MEETING_TAB_VIEWS.find((v) => v.tab === tab) ?? MEETING_TAB_VIEWS[0]!;
  const View = current.View;
  return (
    <section className="meeting" aria-labelledby="meeting-title">
      <h1 id="meeting-title">{meeting.title || 'Собрание без названия'}</h1>
      <nav aria-label="Этапы собрания" className="tabs">
        <ul role="tablist">
          {MEETING_TAB_VIEWS.map((v) => (
            <li key={v.tab}>
              <button
                type="button"
                role="tab"
                aria-selected={v.tab === current.tab}
                onClick={() => onTab(v.tab)}
              >
                {v.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div role="tabpanel" aria-label={current.label}>
        <View meeting={meeting} partnership={partnership} onMeetingChange={onMeetingChange} />
      </div>
    </section>
  );
}
