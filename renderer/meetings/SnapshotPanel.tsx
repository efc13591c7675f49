import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { IsoDate } from '../../shared/domain/types';
import { formatDateRu, plural, formatDateTime } from '../../shared/meetings/dates';
import type { Meeting } from '../../shared/meetings/meeting';
import { Field } from '../app/Field';
import { Modal } from '../app/Modal';
import { useDb } from '../app/DbContext';
import { useToast } from '../app/Toasts';
import { countPersons } from '../db/personRepo';
import { ImportDiffList } from '../registry/import/ImportDiffList';
import {
  FIRST_SNAPSHOT_REASON,
  listSnapshots,
  snapshotDrift,
  takeSnapshot,
  type SnapshotDrift,
  type SnapshotInfo,
} from './meetingRepo';

const DRIFT_HEADINGS = { added: 'Добавлены', changed: 'Изменены', removed: 'Удалены из реестра' };

const people = (n: number) => `${n} ${plural(n, ['человек', 'человека', 'человек'])}`;

/**
 * The registry the meeting counts on. Voting starts with an explicit press of «Начать голосование —
 * зафиксировать реестр»: the live registry is frozen as a dated snapshot. Later registry edits do not
 * reach the meeting unless the secretary re-takes the snapshot, giving a reason; every snapshot is listed.
 */
export function SnapshotPanel({
  meeting,
  today,
  onMeetingChange,
}: {
  meeting: Meeting;
  today: IsoDate;
  onMeetingChange: (m: Meeting) => void;
}) {
  const db = useDb();
  const toast = useToast();
  const [snapshots, setSnapshots] = useState<SnapshotInfo[] | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [drift, setDrift] = useState<SnapshotDrift | undefined>();
  const [liveCount, setLiveCount] = useState<number | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');

  const reload = useCallback(async () => {
    const [list, count, d] = await Promise.all([
      listSnapshots(db, meeting.id),
      countPersons(db),
      meeting.snapshotId ? snapshotDrift(db, meeting.snapshotId) : Promise.resolve(undefined),
    ]);
    setSnapshots(list);
    setLiveCount(count);
    setDrift(d);
  }, [db, meeting.id, meeting.snapshotId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const snap = async (reason: string) => {
    setBusy(true);
    setFailure('');
    try {
      const { meeting: next, snapshot } = await takeSnapshot(db, meeting.id, reason);
      onMeetingChange(next);
      toast({
        message: `Реестр зафиксирован: ${people(snapshot.persons.length)}, ${formatDateTime(snapshot.takenAt)}.`,
      });
      setAsking(false);
    } catch (e) {
      setFailure(
        `Снимок реестра не сохранён: ${e instanceof Error ? e.message : String(e)}. Ничего не изменено.`,
      );
    } finally {
      setBusy(false);
    }
  };

  const current = snapshots?.find((s) => s.id === meeting.snapshotId);
  const started = Boolean(meeting.votingStart) && meeting.votingStart <= today;
  const changed = drift && drift.added.length + drift.removed.length + drift.changed.length > 0;

  return (
    <section className="panel" aria-labelledby="snapshot-h">
      <h2 id="snapshot-h">Реестр для голосования</h2>
      {!meeting.snapshotId ? (
        <>
          <p>
            Реестр ещё не зафиксирован: документы и подсчёт берут текущий реестр
            {liveCount !== null && ` (${people(liveCount)})`}. Когда голосование начинается, зафиксируйте
            реестр: дальнейшие правки реестра не изменят это собрание.
          </p>
          {started && (
            <p className="notice error" role="alert">
              Голосование началось {formatDateRu(meeting.votingStart)}, а реестр не зафиксирован.
            </p>
          )}
          {liveCount === 0 && <p className="notice error">Реестр пуст: сначала заполните его.</p>}
          <button
            type="button"
            className="primary"
            disabled={busy || liveCount === 0}
            onClick={() => setConfirming(true)}
          >
            Начать голосование — зафиксировать реестр
          </button>
          {confirming && (
            <Modal title="Зафиксировать реестр для подсчёта?" onClose={() => setConfirming(false)}>
              <p>
                Будет сохранён снимок реестра{liveCount !== null && ` (${people(liveCount)})`}: по нему
                печатаются бюллетени, считаются кворум и голоса этого собрания. Правки реестра после этого на
                собрание не влияют; обновить снимок можно позже, указав причину.
              </p>
              <div className="actions">
                <button
                  type="button"
                  className="primary"
                  disabled={busy}
                  onClick={() => void snap(FIRST_SNAPSHOT_REASON).then(() => setConfirming(false))}
                >
                  Зафиксировать реестр
                </button>
                <button type="button" onClick={() => setConfirming(false)}>
                  Отмена
                </button>
              </div>
            </Modal>
          )}
        </>
      ) : (
        <>
          <p role="status" aria-label="Снимок реестра">
            {current
              ? `Реестр зафиксирован ${formatDateTime(current.takenAt)}: ${people(current.persons)}.`
              : 'Реестр зафиксирован.'}{' '}
            Правки реестра после этого на собрание не влияют.
          </p>
          {changed && (
            <div className="notice" role="region" aria-label="Изменения реестра после снимка">
              <p>
                С тех пор в реестре: добавлено {drift.added.length}, удалено {drift.removed.length}, изменено{' '}
                {drift.changed.length}. Собрание их не видит, пока снимок не обновлён.
              </p>
              <ImportDiffList diff={drift} kind={meeting.kind} headings={DRIFT_HEADINGS} />
            </div>
          )}
          <button type="button" disabled={busy} onClick={() => setAsking(true)}>
            Обновить снимок реестра…
          </button>
        </>
      )}
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
      {snapshots && snapshots.length > 0 && (
        <table className="grid timeline-table" aria-label="Снимки реестра">
          <thead>
            <tr>
              <th scope="col">Когда</th>
              <th scope="col">Причина</th>
              <th scope="col">Людей</th>
            </tr>
          </thead>
          <tbody>
            {snapshots.map((s) => (
              <tr key={s.id}>
                <td>
                  {formatDateTime(s.takenAt)}
                  {s.id === meeting.snapshotId && <span className="badge badge-ok"> действующий</span>}
                </td>
                <td>{s.reason}</td>
                <td>{s.persons}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {asking && <ReasonDialog busy={busy} onCancel={() => setAsking(false)} onConfirm={snap} />}
    </section>
  );
}

function ReasonDialog({
  busy,
  onCancel,
  onConfirm,
}: {
  busy: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => Promise<void>;
}) {
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  return (
    <Modal title="Обновить снимок реестра" onClose={onCancel}>
      <form className="form" noValidate onSubmit={handleSubmit((v) => onConfirm(v.reason))}>
        <p>
          Собрание будет считаться по реестру в его нынешнем виде. Прежний снимок останется в истории, а
          причина попадёт в журнал изменений.
        </p>
        <Field label="Причина обновления" error={errors.reason?.message}>
          {(p) => (
            <textarea
              {...p}
              rows={3}
              {...register('reason', {
                validate: (v) =>
                  v.trim().length >= 5 || 'Укажите причину обновления снимка (не короче 5 знаков).',
              })}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            Обновить снимок
          </button>
          <button type="button" onClick={onCancel}>
            Отмена
          </button>
        </div>
      </form>
    </Modal>
  );
}
