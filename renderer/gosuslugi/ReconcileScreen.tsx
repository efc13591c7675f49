import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { NotCountedRow } from '../../shared/gosuslugi/buildBallots';
import { formatDateRu, dateRu } from '../../shared/meetings/dates';
import { tally } from '../../shared/tally/tally';
import type { ConflictEntry, TallyResult } from '../../shared/tally/types';
import { useDb } from '../app/DbContext';
import { LaptopClashesPanel } from '../ballots/LaptopClashesPanel';
import { useToast } from '../app/Toasts';
import type { ResolutionRecord } from '../db/records';
import type { MeetingTabProps } from '../meetings/meetingTabProps';
import { loadMeetingTally } from '../tally/meetingTally';
import { listImports } from './importRepo';
import { notCountedText, shorten } from './importText';
import {
  notCountedDecisions,
  policyResolutions,
  policyText,
  resolutionKey,
  resolutionsByKey,
  severalBallots,
} from './reconcile';
import { removeResolution, saveResolutions, type ResolutionInput } from './resolutionRepo';
import { Figures } from './ReconcileFigures';
import './gosuslugi.css';
import { CHANNEL_LABEL, MARK_LABEL } from '../../shared/vocabulary';

interface Loaded {
  result: TallyResult;
  resolutions: ResolutionRecord[];
  /** Rows of the active imports marked not a participant or skipped. */
  leftOut: NotCountedRow[];
  frozen: boolean;
}

const NOT_COUNTED = '-';

/**
 * «Сверка»: every person with ballots from several channels (agreeing ones count once), each conflict
 * with the commission's decision or the meeting's policy, what is not counted and why, and the figures
 * as counted now. Decisions are stored with an audit entry and go into the tally and the protocol.
 */
export function ReconcileScreen({ meeting }: MeetingTabProps) {
  const db = useDb();
  const toast = useToast();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const [input, imports] = await Promise.all([
        loadMeetingTally(db, meeting),
        listImports(db, meeting.id),
      ]);
      const leftOut = imports
        .filter((i) => i.status === 'active')
        .flatMap((i) => i.notCounted.filter((r) => r.reason === 'not_participant' || r.reason === 'skipped'));
      setLoaded({ result: tally(input), resolutions: input.resolutions, leftOut, frozen: input.frozen });
    } catch (e) {
      setFailed(`Не удалось подсчитать голоса: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, [db, meeting]);

  useEffect(() => {
    void load();
  }, [load]);

  const save = async (inputs: ResolutionInput[], done: string) => {
    setBusy(true);
    try {
      const r = await saveResolutions(db, inputs);
      if (!r.ok) {
        setFailed(r.error.map((p) => p.message).join(' '));
        return false;
      }
      setFailed(null);
      toast({ message: done });
      await load();
      return true;
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: string) => {
    setBusy(true);
    try {
      const r = await removeResolution(db, id);
      if (!r.ok) setFailed(r.error.map((p) => p.message).join(' '));
      else toast({ message: 'Решение отменено: расхождение снова открыто.' });
      await load();
    } finally {
      setBusy(false);
    }
  };

  const several = useMemo(() => (loaded ? severalBallots(loaded.result) : []), [loaded]);
  const notCounted = useMemo(
    () => (loaded ? notCountedDecisions(loaded.result, meeting) : []),
    [loaded, meeting],
  );

  if (failed && !loaded) return <p role="alert">{failed}</p>;
  if (!loaded) return <p className="loading">Подсчёт…</p>;
  const { result } = loaded;
  const byKey = resolutionsByKey(loaded.resolutions);
  const open = result.conflicts.filter((c) => c.resolution !== 'resolved');
  const texts = new Map(meeting.questions.map((q) => [q.number, q.text]));

  return (
    <section className="reconcile" aria-labelledby="rec-title">
      <h2 id="rec-title">Сверка бюллетеней по способам голосования</h2>
      {!loaded.frozen && (
        <p className="notice">Реестр собрания ещё не зафиксирован: подсчёт идёт по текущему реестру.</p>
      )}
      {failed && (
        <p role="alert" className="notice error">
          {failed}
        </p>
      )}
      {result.problems.length > 0 && (
        <ul className="problems" aria-label="Замечания подсчёта">
          {result.problems.map((p, i) => (
            <li key={i} className={p.severity}>
              {p.message}
            </li>
          ))}
        </ul>
      )}

      <Figures result={result} />
      <LaptopClashesPanel meeting={meeting} onChange={() => void load()} />

      <section aria-labelledby="rec-conflicts-title">
        <h3 id="rec-conflicts-title">
          Расхождения: {result.conflicts.length}, не решено: {open.length}
        </h3>
        <p className="lead">
          Правило собрания для нерешённых расхождений: {policyText(meeting.conflicts)}. Счётная комиссия
          решает каждое расхождение (какой бюллетень учитывать и почему) или применяет правило ко всем.
        </p>
        {open.length > 0 && (
          <div className="actions">
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void save(
                  policyResolutions(meeting.id, meeting.conflicts, open),
                  `Правило собрания применено к расхождениям: ${open.length}.`,
                )
              }
            >
              Применить правило собрания ко всем нерешённым ({open.length})
            </button>
          </div>
        )}
        <ul className="rec-list" aria-label="Расхождения">
          {result.conflicts.map((c) => (
            <ConflictCard
              key={`${c.personId}:${c.question}`}
              conflict={c}
              questionText={texts.get(c.question) ?? ''}
              record={byKey.get(resolutionKey(c.personId, c.question))}
              busy={busy}
              onSave={(ballotId, reason) =>
                save(
                  [{ meetingId: meeting.id, personId: c.personId, question: c.question, ballotId, reason }],
                  `Решение по расхождению записано: ${c.fullName}, вопрос ${c.question}.`,
                )
              }
              onRemove={(id) => void remove(id)}
            />
          ))}
        </ul>
      </section>

      <section aria-labelledby="rec-several-title">
        <h3 id="rec-several-title">Участники с несколькими бюллетенями: {several.length}</h3>
        {several.length > 0 && (
          <div className="table-scroll gos-scroll">
            <table className="grid" aria-label="Участники с несколькими бюллетенями">
              <thead>
                <tr>
                  <th>Участник</th>
                  <th>Способы</th>
                  <th>Бюллетени</th>
                  <th>Итог сверки</th>
                </tr>
              </thead>
              <tbody>
                {several.map((s) => (
                  <tr key={s.personId}>
                    <td title={s.name}>{s.name}</td>
                    <td>{s.channels.map((c) => CHANNEL_LABEL[c]).join(', ')}</td>
                    <td title={s.sources.join(', ')}>{s.sources.join(', ')}</td>
                    <td>
                      {s.conflicts.length === 0
                        ? 'совпадают, учтено один раз'
                        : `расходятся по вопросам ${s.conflicts.join(', ')}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="rec-not-counted-title">
        <h3 id="rec-not-counted-title">Не учтено: {notCounted.length + loaded.leftOut.length}</h3>
        {notCounted.length + loaded.leftOut.length > 0 && (
          <div className="table-scroll gos-scroll">
            <table className="grid" aria-label="Не учтённые решения">
              <thead>
                <tr>
                  <th>Откуда</th>
                  <th>Кто</th>
                  <th>Почему</th>
                </tr>
              </thead>
              <tbody>
                {notCounted.map((n, i) => (
                  <tr key={`${n.source}:${i}`}>
                    <td title={n.source}>
                      {n.channel ? `${CHANNEL_LABEL[n.channel]}: ` : ''}
                      {n.source}
                    </td>
                    <td title={n.name}>{n.name || '—'}</td>
                    <td title={n.why}>{n.why}</td>
                  </tr>
                ))}
                {loaded.leftOut.map((r) => (
                  <tr key={r.source}>
                    <td title={r.source}>Госуслуги: {r.source}</td>
                    <td title={r.name}>{r.name || '—'}</td>
                    <td title={notCountedText(r)}>не учтено: {notCountedText(r)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}

function ConflictCard({
  conflict,
  questionText,
  record,
  busy,
  onSave,
  onRemove,
}: {
  conflict: ConflictEntry;
  questionText: string;
  record: ResolutionRecord | undefined;
  busy: boolean;
  onSave: (ballotId: string | null, reason: string) => Promise<boolean>;
  onRemove: (id: string) => void;
}) {
  const id = useId();
  const resolved = conflict.resolution === 'resolved';
  const [editing, setEditing] = useState(!resolved);
  // '' nothing chosen yet; NOT_COUNTED: no ballot stands.
  const [choice, setChoice] = useState<string>(record ? (record.ballotId ?? NOT_COUNTED) : '');
  const [reason, setReason] = useState('');
  useEffect(() => setEditing(!resolved), [resolved]);
  const counted = conflict.choices.find((c) => c.ballotId === conflict.countedBallotId);
  const label = `Расхождение: ${conflict.fullName}, вопрос ${conflict.question}`;
  const state = resolved
    ? counted
      ? `Решение комиссии: учтён ${CHANNEL_LABEL[counted.channel]} (${counted.source}) — «${MARK_LABEL[counted.mark]}»`
      : 'Решение комиссии: голос по вопросу не учитывается'
    : conflict.counted === null
      ? 'Не решено: пока голос по вопросу не учитывается'
      : `Не решено: по правилу собрания учтён ${counted ? CHANNEL_LABEL[counted.channel] : ''} — «${MARK_LABEL[conflict.counted]}»`;
  return (
    <li className={`rec-card${resolved ? ' rec-resolved' : ''}`} aria-label={label}>
      <p>
        <strong>{conflict.fullName}</strong>, вопрос {conflict.question}. {shorten(questionText, 80)}
      </p>
      <ul className="rec-list">
        {conflict.choices.map((c) => (
          <li key={c.ballotId}>
            {CHANNEL_LABEL[c.channel]}, {c.source}, получен {dateRu(c.receivedAt)}: «{MARK_LABEL[c.mark]}»
          </li>
        ))}
      </ul>
      <p className={resolved ? 'gos-ok' : 'gos-warn'}>{state}</p>
      {resolved && record && (
        <p className="counts">
          Причина: {record.reason} ({record.by}, {formatDateRu(record.at.slice(0, 10))})
        </p>
      )}
      {resolved && !editing && (
        <div className="actions">
          <button type="button" className="link" disabled={busy} onClick={() => setEditing(true)}>
            Изменить решение
          </button>
          {record && (
            <button type="button" className="link" disabled={busy} onClick={() => onRemove(record.id)}>
              Отменить решение
            </button>
          )}
        </div>
      )}
      {editing && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void onSave(choice === NOT_COUNTED ? null : choice, reason).then((ok) => {
              if (ok) setReason('');
            });
          }}
        >
          <fieldset className="rec-choices">
            <legend>Какой бюллетень учитывать</legend>
            {conflict.choices.map((c) => (
              <label key={c.ballotId}>
                <input
                  type="radio"
                  name={`${id}-choice`}
                  value={c.ballotId}
                  checked={choice === c.ballotId}
                  onChange={() => setChoice(c.ballotId)}
                />{' '}
                {CHANNEL_LABEL[c.channel]} ({c.source}): «{MARK_LABEL[c.mark]}»
              </label>
            ))}
            <label>
              <input
                type="radio"
                name={`${id}-choice`}
                value={NOT_COUNTED}
                checked={choice === NOT_COUNTED}
                onChange={() => setChoice(NOT_COUNTED)}
              />{' '}
              Не учитывать голос по этому вопросу
            </label>
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-reason`}>Причина решения</label>
            <input
              id={`${id}-reason`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder="например: оригинал бумажного бюллетеня подписан лично, получен позже"
            />
          </div>
          <div className="actions">
            <button
              type="submit"
              className="primary"
              disabled={busy || choice === '' || reason.trim() === ''}
            >
              Сохранить решение
            </button>
            {resolved && (
              <button type="button" onClick={() => setEditing(false)} disabled={busy}>
                Отмена
              </button>
            )}
          </div>
        </form>
      )}
    </li>
  );
}
