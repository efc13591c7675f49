/**
 * «Очная часть»: the attendance list (a member or gardener in person, or a representative with the power
 * of attorney's number and date, and the arrival time), the running count of who is present against the
 * quorum, in-person ballots keyed the same way as paper ones (channel `in_person`), and the printed
 * attendance list with signature lines (PDF).
 */
import { useMemo, useState } from 'react';
import type { Partnership, Person } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import { attendanceList, presentCount } from '../../shared/paper/attendance';
import { buildRegistryIndex } from '../../shared/registry/search';
import { useDb } from '../app/DbContext';
import { DateInput } from '../app/DateInput';
import { Field } from '../app/Field';
import { useToast } from '../app/Toasts';
import type { AttendanceRow } from '../db/records';
import type { MeetingTabProps } from '../meetings/meetingTabProps';
import { getPlatform } from '../platform/platform';
import { registerArrival, strikeArrival } from './ballotRepo';
import type { BallotSnapshot, BallotStore } from './ballotStore';
import { DeskAndList } from './DeskAndList';
import { useMeetingBallots, useOperator } from './hooks';
import { PersonPicker } from './PersonPicker';
import { ReasonModal } from './ReasonModal';
import { countText, printedCountText } from './attendanceCount';
import { StoreStatus } from './StoreStatus';
import { messagesByField, problemText } from './texts';
import './ballots.css';
import { STATUS_LABEL } from '../../shared/vocabulary';
import { dateRu, timeOf, localTimestamp, timestampAt, todayIso } from '../../shared/meetings/dates';

export function SessionTab({ meeting, partnership }: MeetingTabProps) {
  const { store, state } = useMeetingBallots(meeting);
  const [operator, setOperator] = useOperator();
  if (state.status !== 'ready') return <StoreStatus state={state} />;
  const { snap } = state;
  return (
    <div className="ballots-tab">
      <Attendance meeting={meeting} partnership={partnership} snap={snap} store={store} operator={operator} />
      <h2>Голосование на очной части</h2>
      {meeting.questions.length === 0 ? (
        <p className="notice">В повестке нет вопросов.</p>
      ) : (
        <DeskAndList
          meeting={meeting}
          snap={snap}
          store={store}
          channel="in_person"
          operator={operator}
          onOperatorChange={(n) => void setOperator(n)}
          autoFocus={false}
        />
      )}
    </div>
  );
}

function nowHm(): string {
  return localTimestamp().slice(11, 16);
}

function Attendance({
  meeting,
  partnership,
  snap,
  store,
  operator,
}: {
  meeting: Meeting;
  partnership: Partnership;
  snap: BallotSnapshot;
  store: BallotStore;
  operator: string;
}) {
  const db = useDb();
  const toast = useToast();
  const registry = snap.input.registry;
  const index = useMemo(() => buildRegistryIndex(registry), [registry]);
  const count = useMemo(
    () => presentCount(snap.attendance, registry, meeting),
    [snap.attendance, registry, meeting],
  );
  const byId = useMemo(() => new Map(registry.map((p) => [p.id, p])), [registry]);
  const [person, setPerson] = useState<Person | null>(null);
  const [time, setTime] = useState(nowHm);
  const [byRep, setByRep] = useState(false);
  const [repName, setRepName] = useState('');
  const [poa, setPoa] = useState('');
  const [poaDate, setPoaDate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [striking, setStriking] = useState<AttendanceRow | null>(null);
  const [printing, setPrinting] = useState(false);

  const register = async () => {
    if (!person) {
      setErrors({ Участник: 'Выберите участника.' });
      return;
    }
    const hm = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time.trim());
    if (time.trim() && !hm) {
      setErrors({ 'Время прибытия': 'Поле «Время прибытия»: укажите время вида ЧЧ:ММ, например 10:05.' });
      return;
    }
    const date = meeting.sessionDate || todayIso();
    const result = await registerArrival(
      db,
      { meeting, registry, by: operator },
      {
        personId: person.id,
        arrivedAt: timestampAt(date, hm ? `${hm[1]!.padStart(2, '0')}:${hm[2]}` : nowHm()),
        ...(byRep
          ? {
              representative: {
                fullName: repName.trim(),
                powerOfAttorney: poa.trim(),
                ...(poaDate ? { powerOfAttorneyDate: poaDate } : {}),
              },
            }
          : {}),
      },
    );
    if (!result.ok) {
      setErrors(messagesByField(result.error));
      return;
    }
    store.apply({ attendance: [result.value] });
    toast({ message: `Зарегистрирован(а): ${person.fullName}, ${timeOf(result.value.arrivedAt)}.` });
    setErrors({});
    setPerson(null);
    setByRep(false);
    setRepName('');
    setPoa('');
    setPoaDate('');
    setTime(nowHm());
  };

  const print = async () => {
    setPrinting(true);
    try {
      const { attendancePdfBytes } = await import('./attendancePrint');
      const when = [
        meeting.sessionDate ? dateRu(meeting.sessionDate) : '',
        meeting.sessionTime ?? '',
        meeting.sessionPlace ?? '',
      ]
        .filter(Boolean)
        .join(', ');
      const signers = [
        meeting.chair ? `Председательствующий ${meeting.chair}` : 'Председательствующий',
        meeting.secretary ? `Секретарь ${meeting.secretary}` : 'Секретарь',
        ...(meeting.countingCommission.length
          ? meeting.countingCommission.map((m) => `Член счётной комиссии ${m}`)
          : ['Член счётной комиссии']),
      ];
      const bytes = await attendancePdfBytes({
        partnershipName: partnership.name,
        meetingTitle: meeting.title,
        session: when,
        rows: attendanceList(snap.attendance, registry, 'arrival'),
        countLine: printedCountText(count, meeting.form),
        signers,
        printedAt: localTimestamp(),
      });
      if (!bytes.ok) {
        toast({ message: problemText(bytes.error) });
        return;
      }
      const saved = await getPlatform().saveFile({
        suggestedName: `Лист регистрации ${meeting.sessionDate || todayIso()}.pdf`,
        bytes: bytes.value,
        mime: 'application/pdf',
      });
      if (!saved.ok) toast({ message: problemText(saved.error) });
      else if (saved.value) toast({ message: `Лист регистрации сохранён: ${saved.value.savedAs}.` });
    } finally {
      setPrinting(false);
    }
  };

  const sorted = [...snap.attendance].sort((a, b) => (a.arrivedAt < b.arrivedAt ? -1 : 1));
  return (
    <section aria-label="Регистрация участников">
      <h2>Регистрация участников</h2>
      <p
        className={`quorum-state ${count.quorum.reached ? 'ok' : 'no'}`}
        role="status"
        aria-label="Присутствуют"
      >
        {countText(count)}
      </p>
      <div className="two-col">
        <div>
          <div className="actions">
            <button type="button" onClick={() => void print()} disabled={printing}>
              {printing ? 'Готовится…' : 'Лист регистрации (PDF)'}
            </button>
          </div>
          <div className="table-scroll short">
            <table className="grid" aria-label="Лист регистрации">
              <thead>
                <tr>
                  <th className="n">№</th>
                  <th>Участник</th>
                  <th>Статус</th>
                  <th>Представитель</th>
                  <th>Время</th>
                  <th className="actions-cell">Действия</th>
                </tr>
              </thead>
              <tbody>
                {sorted.length === 0 && (
                  <tr>
                    <td colSpan={6} className="muted">
                      Пока никто не зарегистрирован.
                    </td>
                  </tr>
                )}
                {sorted.map((a, i) => {
                  const p = byId.get(a.personId);
                  const rep = a.representative;
                  return (
                    <tr
                      key={a.id}
                      className={a.withdrawn ? 'struck' : ''}
                      aria-label={p?.fullName ?? a.personId}
                    >
                      <td className="n">{i + 1}</td>
                      <td>
                        {a.withdrawn ? <s>{p?.fullName}</s> : p?.fullName}
                        {a.withdrawn && <span className="muted"> — вычеркнут(а): {a.withdrawn.reason}</span>}
                      </td>
                      <td>{p ? STATUS_LABEL[p.status] : ''}</td>
                      <td className="wrap">
                        {rep
                          ? `${rep.fullName}, доверенность № ${rep.powerOfAttorney ?? ''}${rep.powerOfAttorneyDate ? ` от ${dateRu(rep.powerOfAttorneyDate)}` : ''}`
                          : 'лично'}
                      </td>
                      <td>{timeOf(a.arrivedAt)}</td>
                      <td className="actions-cell">
                        {!a.withdrawn && (
                          <button type="button" className="danger" onClick={() => setStriking(a)}>
                            Вычеркнуть
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
        <form
          className="form"
          aria-label="Регистрация прибывшего"
          onSubmit={(e) => {
            e.preventDefault();
            void register();
          }}
        >
          <h3>Прибыл(а)</h3>
          <PersonPicker
            registry={registry}
            index={index}
            value={person}
            onChange={setPerson}
            error={errors['Участник']}
          />
          <Field label="Время прибытия" error={errors['Время прибытия']}>
            {(p) => (
              // Text, not type="time": the 24-hour Russian form whatever the browser's locale.
              <input
                {...p}
                type="text"
                inputMode="numeric"
                placeholder="чч:мм"
                maxLength={5}
                value={time}
                onChange={(e) => setTime(e.target.value)}
              />
            )}
          </Field>
          <label className="choice">
            <input type="checkbox" checked={byRep} onChange={(e) => setByRep(e.target.checked)} />{' '}
            представитель по доверенности
          </label>
          {byRep && (
            <>
              <Field label="ФИО представителя" error={errors['Представитель']}>
                {(p) => (
                  <input {...p} type="text" value={repName} onChange={(e) => setRepName(e.target.value)} />
                )}
              </Field>
              <div className="form-row">
                <Field label="Номер доверенности" error={errors['Доверенность']}>
                  {(p) => <input {...p} type="text" value={poa} onChange={(e) => setPoa(e.target.value)} />}
                </Field>
                <Field label="Дата доверенности" error={errors['Дата доверенности']}>
                  {(p) => <DateInput {...p} value={poaDate} onChange={setPoaDate} />}
                </Field>
              </div>
            </>
          )}
          {errors[''] && <p className="notice error">{errors['']}</p>}
          {errors['Кто регистрирует'] && <p className="notice error">{errors['Кто регистрирует']}</p>}
          <div className="actions">
            <button type="submit" className="primary">
              Зарегистрировать
            </button>
          </div>
        </form>
      </div>
      {striking && (
        <ReasonModal
          title="Вычеркнуть из листа регистрации"
          intro="Запись останется в листе с причиной, но не будет считаться присутствующей."
          action="Вычеркнуть"
          onClose={() => setStriking(null)}
          onSubmit={async (reason) => {
            const result = await strikeArrival(db, { meeting, registry, by: operator }, striking.id, reason);
            if (!result.ok) {
              toast({ message: problemText(result.error) });
              return;
            }
            store.apply({ attendance: [result.value] });
            setStriking(null);
          }}
        />
      )}
    </section>
  );
}
