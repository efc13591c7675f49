/**
 * «Поступление»: the mail log. The secretary records each paper ballot as it arrives over the voting
 * period (a scan by e-mail with its file, an original by registered mail with the tracking number, or by
 * hand with the receipt mark); the log shows per person nothing yet / scan only / original, late arrivals
 * as not counted with the reason, and the figures «только оригиналы» and «с учётом сканов».
 */
import { useDeferredValue, useMemo, useState } from 'react';
import type { Person } from '../../shared/domain/types';
import { mailLog, type MailLogEntry, type MailStatus } from '../../shared/paper/mailLog';
import { buildRegistryIndex } from '../../shared/registry/search';
import { normalizeName } from '../../shared/text/normalizeName';
import { useDb } from '../app/DbContext';
import { Field } from '../app/Field';
import { Modal } from '../app/Modal';
import { useToast } from '../app/Toasts';
import type { Meeting } from '../../shared/meetings/meeting';
import type { MeetingTabProps } from '../meetings/meetingTabProps';
import { getPlatform } from '../platform/platform';
import { recordArrival, SCAN_EXTENSIONS, type PickedFile } from './ballotRepo';
import type { BallotSnapshot, BallotStore } from './ballotStore';
import { useMeetingBallots, useOperator, useScanFigures } from './hooks';
import { PersonPicker } from './PersonPicker';
import { shown } from './ResultsView';
import { ScanView } from './ScanView';
import { StoreStatus } from './StoreStatus';
import './ballots.css';
import { todayIso } from '../../shared/meetings/dates';

const STATUS_LABEL: Record<MailStatus, string> = {
  nothing: 'не поступал',
  scan_only: 'только скан',
  original: 'оригинал',
};

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
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Person | null>(null);
  const [viewing, setViewing] = useState<{ name: string; ids: string[] } | null>(null);
  const byId = useMemo(() => new Map(registry.map((p) => [p.id, p])), [registry]);

  const rows = useMemo(() => {
    const q = normalizeName(query);
    return log.entries.filter(
      (e) =>
        (filter === 'all' || (filter === 'late' ? e.late : e.status === filter)) &&
        (!q || normalizeName(e.fullName).includes(q) || e.plots.some((p) => p.startsWith(query.trim()))),
    );
  }, [log, filter, query]);

  const t = log.totals;
  const whole = figures?.originalsOnly.wholeVotes ?? true;
  return (
    <div className="ballots-tab">
      <h2 className="sr-only">Поступление бумажных бюллетеней</h2>
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
          </div>
          <p className="counts">
            {rows.length > LIMIT
              ? `Показаны первые ${LIMIT} из ${rows.length}: уточните поиск.`
              : `Строк: ${rows.length}`}
          </p>
          <div className="table-scroll">
            <table className="grid mail-log" aria-label="Журнал поступления бюллетеней">
              <thead>
                <tr>
                  <th>Участник</th>
                  <th className="plots">Участки</th>
                  <th className="status">Состояние</th>
                  <th>Что поступило</th>
                  <th className="actions-cell">Действия</th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, LIMIT).map((e) => (
                  <LogRow
                    key={e.personId}
                    entry={e}
                    onLog={() => setChosen(byId.get(e.personId) ?? null)}
                    onView={(ids) => setViewing({ name: e.fullName, ids })}
                  />
                ))}
              </tbody>
            </table>
          </div>
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
      <td>{e.fullName}</td>
      <td className="plots">{e.plots.join(', ')}</td>
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

type How = 'email' | 'mail' | 'hand';

const HOW_LABEL: Record<How, string> = {
  email: 'скан по электронной почте',
  mail: 'оригинал заказным письмом',
  hand: 'оригинал лично в правление',
};

function ArrivalForm({
  meeting,
  snap,
  store,
  operator,
  initial,
}: {
  meeting: Meeting;
  snap: BallotSnapshot;
  store: BallotStore;
  operator: string;
  initial: Person | null;
}) {
  const db = useDb();
  const toast = useToast();
  const registry = snap.input.registry;
  const index = useMemo(() => buildRegistryIndex(registry), [registry]);
  const [person, setPerson] = useState<Person | null>(initial);
  const [how, setHow] = useState<How>('email');
  const [date, setDate] = useState(todayIso());
  const [tracking, setTracking] = useState('');
  const [receipt, setReceipt] = useState('');
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const attach = async () => {
    const picked = await getPlatform().openFile({ accept: SCAN_EXTENSIONS, multiple: true });
    if (!picked.ok) {
      setErrors({ ...errors, Файл: picked.error.map((p) => p.message).join(' ') });
      return;
    }
    setFiles([...files, ...picked.value]);
  };

  const submit = async () => {
    if (!person) {
      setErrors({ Участник: 'Выберите участника.' });
      return;
    }
    setBusy(true);
    try {
      const result = await recordArrival(
        db,
        { meeting, registry, by: operator },
        {
          personId: person.id,
          copy: how === 'email' ? 'scan' : 'original',
          delivery: how,
          receivedAt: date,
          ...(how === 'mail' ? { trackingNumber: tracking } : {}),
          ...(how === 'hand' ? { receiptMark: receipt } : {}),
        },
        files,
      );
      if (!result.ok) {
        const next: Record<string, string> = {};
        for (const p of result.error)
          next[p.field ?? ''] = [next[p.field ?? ''], p.message].filter(Boolean).join(' ');
        setErrors(next);
        return;
      }
      store.apply({ records: [result.value.row] });
      toast({ message: `Отмечено поступление: ${person.fullName}, ${HOW_LABEL[how]}.` });
      setErrors({});
      setPerson(null);
      setTracking('');
      setReceipt('');
      setFiles([]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="form arrival-form"
      aria-label="Отметить поступление"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>Отметить поступление</h3>
      <PersonPicker
        registry={registry}
        index={index}
        value={person}
        onChange={setPerson}
        error={errors['Участник']}
      />
      <fieldset className="field">
        <legend>Как поступил</legend>
        {(Object.keys(HOW_LABEL) as How[]).map((h) => (
          <label key={h} className="choice">
            <input type="radio" name="how" checked={how === h} onChange={() => setHow(h)} /> {HOW_LABEL[h]}
          </label>
        ))}
        {errors['Способ получения'] && <p className="field-error">{errors['Способ получения']}</p>}
      </fieldset>
      <Field label="Дата получения" error={errors['Дата получения']}>
        {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
      </Field>
      {how === 'mail' && (
        <Field
          label="Номер отправления"
          hint="трек-номер заказного письма (РПО)"
          error={errors['Номер отправления']}
        >
          {(p) => <input {...p} type="text" value={tracking} onChange={(e) => setTracking(e.target.value)} />}
        </Field>
      )}
      {how === 'hand' && (
        <Field
          label="Отметка о получении"
          hint="кто принял и когда, как записано на бюллетене"
          error={errors['Отметка о получении']}
        >
          {(p) => <input {...p} type="text" value={receipt} onChange={(e) => setReceipt(e.target.value)} />}
        </Field>
      )}
      <div className="field">
        <button type="button" onClick={() => void attach()}>
          {how === 'email' ? 'Приложить файл скана…' : 'Приложить файл…'}
        </button>
        {files.length > 0 && (
          <ul aria-label="Приложенные файлы">
            {files.map((f, i) => (
              <li key={i}>
                {f.name}{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() => setFiles(files.filter((_, k) => k !== i))}
                >
                  убрать
                </button>
              </li>
            ))}
          </ul>
        )}
        {errors['Файл'] && <p className="field-error">{errors['Файл']}</p>}
      </div>
      {errors[''] && <p className="notice error">{errors['']}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Отметить поступление
        </button>
      </div>
    </form>
  );
}
