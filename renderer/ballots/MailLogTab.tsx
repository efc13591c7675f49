/**
 * «Поступление»: the mail log. The secretary records each paper ballot as it arrives over the voting
 * period (a scan by e-mail with its file, an original by registered mail with the tracking number, or by
 * hand with the receipt mark); the log shows per person nothing yet / scan only / original, late arrivals
 * as not counted with the reason, and the figures «только оригиналы» and «с учётом сканов».
 */
import { useDeferredValue, useMemo, useState } from 'react';
import type { Person } from '../../shared/domain/types';
import { mailLog, type MailStatus } from '../../shared/paper/mailLog';
import { MAIL_LOG_SORT_LABELS, sortMailLog, type MailLogSort } from '../../shared/paper/mailLogOrder';
import { normalizeName } from '../../shared/text/normalizeName';
import { Modal } from '../app/Modal';
import type { Meeting } from '../../shared/meetings/meeting';
import type { MeetingTabProps } from '../meetings/meetingTabProps';
import type { BallotSnapshot, BallotStore } from './ballotStore';
import { useMeetingBallots, useOperator, useScanFigures } from './hooks';
import { ArrivalForm } from './MailArrivalForm';
import { MailLogTable } from './MailLogTable';
import { shown } from './ResultsView';
import { ScanView } from './ScanView';
import { StoreStatus } from './StoreStatus';
import './ballots.css';

type Filter = MailStatus | 'all' | 'late';
const LIMIT = 200;

export function MailLogTab({ meeting }: MeetingTabProps) {
  const { store, state } = useMeetingBallots(meeting);
  const [operator] = useOperator();
  if (state.status !== 'ready') return <StoreStatus state={state} />;
  return <MailLog meeting={meeting} snap={state.snap} store={store} operator={operator} />;
}

function MailLog({
  meeting,
  snap,
  store,
  operator,
}: {
  meeting: Meeting;
  snap: BallotSnapshot;
  store: BallotStore;
  operator: string;
}) {
  const registry = snap.input.registry;
  const input = useDeferredValue(snap.input);
  const log = useMemo(
    () => mailLog({ registry: input.registry, meeting: input.meeting, records: input.paperRecords }),
    [input],
  );
  const figures = useScanFigures(input, ['paper', 'in_person']);
  const [filter, setFilter] = useState<Filter>('all');
  const [sort, setSort] = useState<MailLogSort>('arrival');
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Person | null>(null);
  const [viewing, setViewing] = useState<{ name: string; ids: string[] } | null>(null);
  const byId = useMemo(() => new Map(registry.map((p) => [p.id, p])), [registry]);

  const rows = useMemo(() => {
    const q = normalizeName(query);
    const sorted = sortMailLog(log.entries, sort);
    return sorted.filter(
      (e) =>
        (filter === 'all' || (filter === 'late' ? e.late : e.status === filter)) &&
        (!q || normalizeName(e.fullName).includes(q) || e.plots.some((p) => p.startsWith(query.trim()))),
    );
  }, [log, filter, query, sort]);

  const t = log.totals;
  const whole = figures?.originalsOnly.wholeVotes ?? true;
  return (
    <div className="ballots-tab">
      <h2 className="visually-hidden">Поступление бумажных бюллетеней</h2>
      <ul className="summary" aria-label="Итоги поступления">
        <li>
          Не поступали: <strong>{t.nothing}</strong>
        </li>
        <li>
          Только скан: <strong>{t.scan_only}</strong>
        </li>
        <li>
          Оригинал: <strong>{t.original}</strong>
        </li>
        <li>
          Опоздали: <strong>{t.late}</strong>
        </li>
      </ul>
      <p className="muted">
        {meeting.acceptScans
          ? 'По настройке собрания скан учитывается, пока не пришёл оригинал.'
          : 'По настройке собрания учитываются только оригиналы, полученные до окончания голосования; скан сам по себе не учитывается.'}
      </p>
      {figures && (
        <table className="grid scan-figures" aria-label="Оригиналы и сканы">
          <thead>
            <tr>
              <th>Бумажные и очные бюллетени</th>
              <th>Только оригиналы</th>
              <th>С учётом сканов</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>Участников</td>
              <td>{figures.originalsOnly.participants.persons}</td>
              <td>{figures.withScans.participants.persons}</td>
            </tr>
            <tr>
              <td>Голосов для кворума</td>
              <td>
                {shown(figures.originalsOnly.quorum.present, whole)} из{' '}
                {shown(figures.originalsOnly.quorum.total, whole)}
              </td>
              <td>
                {shown(figures.withScans.quorum.present, whole)} из{' '}
                {shown(figures.withScans.quorum.total, whole)}
              </td>
            </tr>
          </tbody>
        </table>
      )}
      <div className="two-col">
        <section aria-label="Журнал поступления">
          <div className="toolbar">
            <label className="field search">
              <span className="sr-label">Поиск в журнале</span>
              <input
                type="search"
                aria-label="Поиск в журнале"
                placeholder="ФИО или номер участка"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
            </label>
            <label className="field">
              <span className="sr-label">Показать</span>
              <select
                aria-label="Показать"
                value={filter}
                onChange={(e) => setFilter(e.target.value as Filter)}
              >
                <option value="all">всех</option>
                <option value="nothing">не поступали</option>
                <option value="scan_only">только скан</option>
                <option value="original">оригинал</option>
                <option value="late">опоздали</option>
              </select>
            </label>
            <label className="field">
              <span className="sr-label">Порядок</span>
              <select
                aria-label="Порядок"
                value={sort}
                onChange={(e) => setSort(e.target.value as MailLogSort)}
              >
                {(Object.keys(MAIL_LOG_SORT_LABELS) as MailLogSort[]).map((k) => (
                  <option key={k} value={k}>
                    {MAIL_LOG_SORT_LABELS[k]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p className="counts">
            {rows.length > LIMIT
              ? `Показаны первые ${LIMIT} из ${rows.length}: уточните поиск.`
              : `Строк: ${rows.length}`}
          </p>
          <MailLogTable
            rows={rows.slice(0, LIMIT)}
            mkd={meeting.kind === 'mkd'}
            onLog={(e) => setChosen(byId.get(e.personId) ?? null)}
            onView={(e, ids) => setViewing({ name: e.fullName, ids })}
          />
          {log.unmatched.length > 0 && (
            <p className="notice error">Бюллетеней без участника в реестре: {log.unmatched.length}.</p>
          )}
        </section>
        <ArrivalForm
          key={chosen?.id ?? ''}
          meeting={meeting}
          snap={snap}
          store={store}
          operator={operator}
          initial={chosen}
        />
      </div>
      {viewing && (
        <Modal title={`Скан: ${viewing.name}`} onClose={() => setViewing(null)}>
          {viewing.ids.map((id) => (
            <ScanView key={id} meetingId={meeting.id} attachmentId={id} />
          ))}
        </Modal>
      )}
    </div>
  );
}
