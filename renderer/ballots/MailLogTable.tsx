/**
 * The mail log's table, one row per registry person: plot, name, the date of the first arrival, the
 * state (nothing / scan only / original / late) and what arrived, with the buttons to view a scan and
 * to log an arrival.
 */
import type { MailLogEntry, MailStatus } from '../../shared/paper/mailLog';
import { firstArrival } from '../../shared/paper/mailLogOrder';
import { dateRu } from '../../shared/meetings/dates';

const STATUS_LABEL: Record<MailStatus, string> = {
  nothing: 'не поступал',
  scan_only: 'только скан',
  original: 'оригинал',
};

export function MailLogTable({
  rows,
  mkd,
  onLog,
  onView,
}: {
  rows: readonly MailLogEntry[];
  mkd: boolean;
  onLog: (e: MailLogEntry) => void;
  onView: (e: MailLogEntry, ids: string[]) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="grid mail-log" aria-label="Журнал поступления бюллетеней">
        <thead>
          <tr>
            <th className="plots">{mkd ? 'Помещения' : 'Участки'}</th>
            <th>Участник</th>
            <th className="arrived">Поступил</th>
            <th className="status">Состояние</th>
            <th>Что поступило</th>
            <th className="actions-cell">Действия</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <LogRow key={e.personId} entry={e} onLog={() => onLog(e)} onView={(ids) => onView(e, ids)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LogRow({
  entry: e,
  onLog,
  onView,
}: {
  entry: MailLogEntry;
  onLog: () => void;
  onView: (ids: string[]) => void;
}) {
  const files = e.items.flatMap((it) => it.attachmentIds ?? []);
  return (
    <tr aria-label={e.fullName}>
      <td className="plots">{e.plots.join(', ')}</td>
      <td>{e.fullName}</td>
      <td className="arrived">{firstArrival(e) ? dateRu(firstArrival(e)!) : '—'}</td>
      <td className="status">
        <span className={`status-badge ${e.late ? 'late' : e.status}`}>
          {e.late ? 'опоздал, не учитывается' : STATUS_LABEL[e.status]}
        </span>
      </td>
      <td className="wrap">{e.note}</td>
      <td className="actions-cell">
        {files.length > 0 && (
          <button type="button" onClick={() => onView(files)} aria-label={`Скан: ${e.fullName}`}>
            Скан
          </button>
        )}{' '}
        <button type="button" onClick={onLog} aria-label={`Отметить поступление: ${e.fullName}`}>
          Отметить
        </button>
      </td>
    </tr>
  );
}
