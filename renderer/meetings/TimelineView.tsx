import type { IsoDate } from '../../shared/domain/types';
import { formatDateRu } from '../../shared/meetings/dates';
import type { Meeting } from '../../shared/meetings/meeting';
import { buildTimeline, type TimelineSettings } from '../../shared/meetings/timeline';

/**
 * Every date of the meeting with the days left, and the broken deadlines in Russian. Pure view of
 * `buildTimeline`: give it a draft meeting and it follows the form as the user types.
 */
export function TimelineView({
  meeting,
  today,
  settings,
  title = 'Сроки',
}: {
  meeting: Meeting;
  today: IsoDate;
  settings?: TimelineSettings | undefined;
  title?: string;
}) {
  const timeline = buildTimeline(meeting, today, settings ? { settings } : {});
  const next = timeline.nextDeadline;
  return (
    <section className="timeline" aria-label={title}>
      <table className="grid timeline-table" aria-label="Даты собрания">
        <thead>
          <tr>
            <th scope="col">Этап</th>
            <th scope="col">Дата</th>
            <th scope="col">Осталось</th>
          </tr>
        </thead>
        <tbody>
          {timeline.milestones.map((m) => (
            <tr key={m.key} className={m === next ? 'milestone-next' : m.done ? 'milestone-done' : undefined}>
              <td>{m.label}</td>
              <td>{m.date ? formatDateRu(m.date) : <span className="muted">не указана</span>}</td>
              <td>{m.key === 'protocol_due' && m.done ? 'протокол составлен' : m.daysLeftText}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {timeline.warnings.length === 0 ? (
        <p className="notice ok">Нарушений сроков не найдено.</p>
      ) : (
        <>
          <h3>Предупреждения: {timeline.warnings.length}</h3>
          <ul className="warnings" aria-label="Предупреждения о сроках">
            {timeline.warnings.map((w) => (
              <li key={`${w.code}:${w.message}`}>{w.message}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
