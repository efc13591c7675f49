import { useCallback, useEffect, useState } from 'react';
import type { Partnership } from '../../shared/domain/types';
import { formatDateRu, todayIso } from '../../shared/meetings/dates';
import { type Meeting } from '../../shared/meetings/meeting';
import { buildTimeline, type TimelineSettings } from '../../shared/meetings/timeline';
import { useDb } from '../app/DbContext';
import { useToast } from '../app/Toasts';
import { copyMeetingInDb, createMeeting, listMeetings } from './meetingRepo';
import { DeleteMeetingDialog } from './DeleteMeetingDialog';
import { NewMeetingDialog } from './NewMeetingDialog';
import { getTimelineSettings } from './timelineSettings';
import './meetings.css';
import { FORM_LABEL, MEETING_KIND_LABEL } from '../../shared/vocabulary';

function votingPeriod(m: Meeting): string {
  if (!m.votingStart && !m.votingEnd) return 'даты не указаны';
  return `${formatDateRu(m.votingStart) || '…'} — ${formatDateRu(m.votingEnd) || '…'}`;
}

/** «Собрания»: every meeting with its next deadline; create one, open one, copy last year's, delete one. */
export function MeetingsScreen({
  partnership,
  onOpen,
  today: todayProp,
}: {
  partnership: Partnership;
  onOpen: (meetingId: string) => void;
  today?: string;
}) {
  const db = useDb();
  const toast = useToast();
  const [today] = useState(() => todayProp ?? todayIso());
  const [meetings, setMeetings] = useState<Meeting[] | null>(null);
  const [settings, setSettings] = useState<TimelineSettings | undefined>();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Meeting | null>(null);
  const [failed, setFailed] = useState('');

  const reload = useCallback(async () => {
    const [list, s] = await Promise.all([listMeetings(db), getTimelineSettings(db)]);
    setMeetings(list.filter((m) => m.partnershipId === partnership.id));
    setSettings(s);
  }, [db, partnership.id]);

  useEffect(() => {
    reload().catch(() => setFailed('Список собраний не загружен: ошибка базы данных.'));
  }, [reload]);

  const copy = async (m: Meeting) => {
    try {
      const created = await copyMeetingInDb(db, m);
      toast({ message: `Создана копия: «${created.title}». Укажите в ней новые даты.` });
      onOpen(created.id);
    } catch (e) {
      toast({ message: `Копия не создана: ${e instanceof Error ? e.message : String(e)}.` });
    }
  };

  return (
    <section aria-labelledby="meetings-h">
      <h1 id="meetings-h">Собрания</h1>
      <div className="meetings-toolbar">
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          Создать собрание
        </button>
      </div>
      {failed && <p role="alert">{failed}</p>}
      {meetings === null ? (
        <p className="loading">Загрузка…</p>
      ) : meetings.length === 0 ? (
        <p className="empty">
          Собраний пока нет. Нажмите «Создать собрание»; на следующий год можно будет скопировать повестку.
        </p>
      ) : (
        <div className="table-scroll meetings-scroll">
          <table className="grid meetings-table" aria-label="Собрания">
            <thead>
              <tr>
                <th scope="col">Собрание</th>
                <th scope="col">Голосование</th>
                <th scope="col">Ближайший срок</th>
                <th scope="col">Вопросов</th>
                <th scope="col">
                  <span className="visually-hidden">Действия</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((m) => {
                const timeline = buildTimeline(m, today, settings ? { settings } : {});
                const next = timeline.nextDeadline;
                return (
                  <tr key={m.id}>
                    <td>
                      <button type="button" className="link" onClick={() => onOpen(m.id)}>
                        {m.title || 'Собрание без названия'}
                      </button>
                      <div className="muted">
                        {MEETING_KIND_LABEL[m.meetingKind]}, {FORM_LABEL[m.form]}
                      </div>
                    </td>
                    <td>{votingPeriod(m)}</td>
                    <td>
                      {next ? (
                        <>
                          {next.label}: {formatDateRu(next.date ?? '')}{' '}
                          <span className={next.daysLeft! < 0 ? 'badge badge-danger' : 'badge'}>
                            {next.daysLeftText}
                          </span>
                        </>
                      ) : (
                        <span className="muted">сроков нет</span>
                      )}
                      {timeline.warnings.length > 0 && (
                        <div>
                          <span className="badge badge-warn">предупреждений: {timeline.warnings.length}</span>
                        </div>
                      )}
                    </td>
                    <td>{m.questions.length}</td>
                    <td className="actions-cell">
                      <button
                        type="button"
                        aria-label={`Копировать: ${m.title}`}
                        onClick={() => void copy(m)}
                      >
                        Копировать
                      </button>
                      <button
                        type="button"
                        className="danger"
                        aria-label={`Удалить: ${m.title}`}
                        onClick={() => setDeleting(m)}
                      >
                        Удалить
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {deleting && (
        <DeleteMeetingDialog
          meeting={deleting}
          onCancel={() => setDeleting(null)}
          onDeleted={(message) => {
            setDeleting(null);
            toast({ message, timeoutMs: 15000 });
            reload().catch(() => setFailed('Список собраний не загружен: ошибка базы данных.'));
          }}
        />
      )}
      {creating && (
        <NewMeetingDialog
          partnership={partnership}
          onCancel={() => setCreating(false)}
          onCreate={async (v) => {
            try {
              const m = await createMeeting(db, {
                ...v,
                partnershipId: partnership.id,
                kind: partnership.kind,
              });
              setCreating(false);
              onOpen(m.id);
            } catch (e) {
              toast({ message: `Собрание не создано: ${e instanceof Error ? e.message : String(e)}.` });
            }
          }}
        />
      )}
    </section>
  );
}
