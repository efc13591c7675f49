import { useCallback, useEffect, useState } from 'react';
import { formatDateRu } from '../../shared/meetings/dates';
import type { Meeting, MeetingQuestion } from '../../shared/meetings/meeting';
import type { TimelineSettings } from '../../shared/meetings/timeline';
import { useDb } from '../app/DbContext';
import { useToast } from '../app/Toasts';
import { AgendaEditor } from './AgendaEditor';
import { DocumentsPanel } from './DocumentsPanel';
import type { MeetingTabProps } from './meetingTabProps';
import { MeetingForm } from './MeetingForm';
import { saveMeeting, type MeetingChange } from './meetingRepo';
import { SnapshotPanel } from './SnapshotPanel';
import { getTimelineSettings } from './timelineSettings';
import { TimelineView } from './TimelineView';
import './meetings.css';
import { todayIso } from '../../shared/meetings/dates';

/**
 * Preparing a meeting: its details, the agenda, the registry it counts on, and the documents. Beside
 * them the timeline follows the details and the agenda as they are typed, before anything is saved.
 */
export function PrepareTab({
  meeting,
  partnership,
  onMeetingChange,
  today: todayProp,
}: MeetingTabProps & { today?: string }) {
  const db = useDb();
  const toast = useToast();
  const [today] = useState(() => todayProp ?? todayIso());
  const [settings, setSettings] = useState<TimelineSettings | undefined>();
  const [details, setDetails] = useState<Meeting | null>(null);
  const [agenda, setAgenda] = useState<MeetingQuestion[] | null>(null);
  const [detailsDirty, setDetailsDirty] = useState(false);
  const [agendaDirty, setAgendaDirty] = useState(false);

  useEffect(() => {
    void getTimelineSettings(db).then(setSettings);
  }, [db]);

  const save = useCallback(
    async (next: Meeting, action: MeetingChange, done: string) => {
      try {
        const saved = await saveMeeting(db, next, action);
        onMeetingChange(saved);
        toast({ message: done });
      } catch (e) {
        toast({
          message: `Не сохранено: ${e instanceof Error ? e.message : String(e)}. Данные не изменены.`,
        });
        throw e;
      }
    },
    [db, onMeetingChange, toast],
  );

  const saveDetails = useCallback(
    (m: Meeting) => save(m, 'meeting.update', 'Сведения о собрании сохранены.'),
    [save],
  );
  const saveAgenda = useCallback(
    (questions: MeetingQuestion[]) =>
      save({ ...meeting, questions }, 'meeting.agenda', 'Повестка сохранена.'),
    [save, meeting],
  );

  const draft: Meeting = { ...(details ?? meeting), questions: agenda ?? meeting.questions };

  return (
    <div className="prepare">
      <div className="prepare-main">
        <section className="panel" aria-labelledby="details-h">
          <h2 id="details-h">Сведения о собрании</h2>
          <MeetingForm
            meeting={meeting}
            onSave={saveDetails}
            onDraft={setDetails}
            onDirty={setDetailsDirty}
          />
        </section>
        <section className="panel" aria-labelledby="agenda-h">
          <h2 id="agenda-h">Повестка дня</h2>
          {agendaNote(meeting, today) && (
            <p className="notice" role="note">
              {agendaNote(meeting, today)}
            </p>
          )}
          <AgendaEditor
            meeting={meeting}
            form={details?.form}
            onSave={saveAgenda}
            onDraft={setAgenda}
            onDirty={setAgendaDirty}
          />
        </section>
        <SnapshotPanel meeting={meeting} today={today} onMeetingChange={onMeetingChange} />
        <DocumentsPanel meeting={meeting} partnership={partnership} unsaved={detailsDirty || agendaDirty} />
      </div>
      <aside className="prepare-side panel" aria-labelledby="live-timeline-h">
        <h2 id="live-timeline-h">Сроки</h2>
        <p className="muted">Обновляются по мере ввода, до сохранения.</p>
        <TimelineView meeting={draft} today={today} settings={settings} title="Сроки по мере ввода" />
      </aside>
    </div>
  );
}

/**
 * Why an agenda edit needs care: voting has started (its start date has come), or the registry is
 * frozen for voting that has not started yet. Nothing to say before either.
 */
export function agendaNote(meeting: Meeting, today: string): string {
  const tail = 'если бюллетени разосланы, изменение повестки потребует новых бюллетеней.';
  if (meeting.votingStart && meeting.votingStart <= today) {
    return `Голосование началось ${formatDateRu(meeting.votingStart)}: ${tail}`;
  }
  if (!meeting.snapshotId) return '';
  const when = meeting.votingStart ? ` ${formatDateRu(meeting.votingStart)}` : '';
  return `Реестр зафиксирован, голосование начнётся${when}: ${tail}`;
}
