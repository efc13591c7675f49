import { useEffect, useRef, useState } from 'react';
import type { Partnership, Person } from '../../shared/domain/types';
import { plural } from '../../shared/meetings/dates';
import type { Meeting } from '../../shared/meetings/meeting';
import { ballotOrder, type BallotOrder } from '../../shared/registry/sortPersons';
import { profileFor } from '../../shared/rules/profiles';
import { useDb } from '../app/DbContext';
import { useToast } from '../app/Toasts';
import { getPlatform } from '../platform/platform';
import { loadMeetingRegistry } from '../tally/meetingTally';
import { ruleView } from './agendaModel';
import type { DocumentJob } from '../documents/documentJob';
import { documentFileName } from './fileNames';
import { listAttachments } from './meetingRepo';
import { QuestionRule } from './QuestionRule';
import { VoterPicker } from './VoterPicker';

interface Running {
  label: string;
  done: number;
  total: number;
  controller: AbortController;
}

/** Genitive after «из»: из 21 бюллетеня, из 300 бюллетеней. */
const ballotsWord = (n: number) => plural(n, ['бюллетеня', 'бюллетеней', 'бюллетеней']);

/**
 * What the members receive: the notice and the paper ballots (for everyone of the meeting's registry,
 * for chosen people, or a blank one). PDFs are built in a worker with a progress bar and «Отменить»,
 * from the meeting as saved, and saved through the platform (a download in the browser).
 */
export function DocumentsPanel({
  meeting,
  partnership,
  unsaved = false,
}: {
  meeting: Meeting;
  partnership: Partnership;
  /** The details or the agenda above hold edits not saved yet: the documents would not show them. */
  unsaved?: boolean;
}) {
  const db = useDb();
  const toast = useToast();
  const [registry, setRegistry] = useState<{ persons: Person[]; frozen: boolean } | null>(null);
  const [running, setRunning] = useState<Running | null>(null);
  const [error, setError] = useState('');
  const [picking, setPicking] = useState(false);
  const [order, setOrder] = useState<BallotOrder>('plot');
  const controllerRef = useRef<AbortController | null>(null);
  const profile = profileFor(meeting.kind);

  // The registry follows the meeting's snapshot alone: saving the details or the agenda does not read it again.
  const { snapshotId } = meeting;
  useEffect(() => {
    let live = true;
    void loadMeetingRegistry(db, { snapshotId }).then((r) => {
      if (live) setRegistry(r);
    });
    return () => {
      live = false;
    };
  }, [db, snapshotId]);

  // Leaving the screen stops a document still being built.
  useEffect(() => () => controllerRef.current?.abort(), []);

  const run = async (job: DocumentJob, label: string, fileName: string) => {
    setError('');
    if (meeting.questions.length === 0) {
      setError('В повестке нет вопросов: добавьте вопросы и сохраните повестку.');
      return;
    }
    const controller = new AbortController();
    controllerRef.current = controller;
    setRunning({ label, done: 0, total: 0, controller });
    try {
      // The runner (and the worker it starts) loads with the first document, not with the app.
      const { runDocumentJob } = await import('../documents/documentRunner');
      const bytes = await runDocumentJob(job, {
        signal: controller.signal,
        onProgress: (done, total) => setRunning((r) => (r ? { ...r, done, total } : r)),
      });
      const saved = await getPlatform().saveFile({ suggestedName: fileName, bytes, mime: 'application/pdf' });
      if (!saved.ok) setError(saved.error.map((p) => p.message).join(' '));
      else if (saved.value) toast({ message: `Файл сохранён: ${saved.value.savedAs}` });
    } catch (e) {
      if (controller.signal.aborted) toast({ message: `${label}: отменено.` });
      else setError(`${label}: документ не создан — ${e instanceof Error ? e.message : String(e)}.`);
    } finally {
      controllerRef.current = null;
      setRunning(null);
    }
  };

  const ballots = (voters: Person[] | 'blank') => {
    const n = voters === 'blank' ? 0 : voters.length;
    const label = voters === 'blank' ? 'Пустой бюллетень' : `Бюллетени (${n})`;
    const prefix = voters === 'blank' ? 'Бюллетень пустой' : `Бюллетени ${n}`;
    const ordered = voters === 'blank' ? voters : ballotOrder(voters, order);
    void run(
      { type: 'ballots', meeting, partnershipName: partnership.name, voters: ordered },
      label,
      documentFileName(prefix, meeting.title),
    );
  };

  const notice = async () => {
    const files = await listAttachments(db, meeting.id);
    const materials = meeting.questions.flatMap((q) =>
      q.attachmentIds.flatMap((id) => {
        const f = files.get(id);
        return f ? [{ question: q.number, name: f.name }] : [];
      }),
    );
    await run(
      { type: 'notice', meeting, partnership, materials },
      'Уведомление',
      documentFileName('Уведомление', meeting.title),
    );
  };

  const persons = registry?.persons ?? [];
  const busy = running !== null;

  return (
    <section className="panel" aria-labelledby="documents-h">
      <h2 id="documents-h">Документы</h2>
      <p className="muted">
        Документы строятся по сохранённым сведениям и повестке. Бюллетени — для участников{' '}
        {registry === null
          ? '…'
          : registry.frozen
            ? `из снимка реестра (${persons.length})`
            : `из текущего реестра (${persons.length}), реестр ещё не зафиксирован`}
        .
      </p>
      {unsaved && (
        <p className="notice error" role="note">
          Есть несохранённые изменения в сведениях или повестке: документы будут построены без них. Сначала
          сохраните.
        </p>
      )}
      <div className="doc-actions">
        <button type="button" disabled={busy} onClick={() => void notice()}>
          Уведомление (PDF)
        </button>
        <button type="button" disabled={busy || persons.length === 0} onClick={() => ballots(persons)}>
          Бюллетени для всех ({persons.length})
        </button>
        <button type="button" disabled={busy || persons.length === 0} onClick={() => setPicking(true)}>
          Бюллетени для выбранных…
        </button>
        <button type="button" disabled={busy} onClick={() => ballots('blank')}>
          Пустой бюллетень
        </button>
        <label>
          Порядок бюллетеней{' '}
          <select value={order} onChange={(e) => setOrder(e.target.value as BallotOrder)} disabled={busy}>
            <option value="plot">
              {meeting.kind === 'mkd' ? 'по номеру помещения' : 'по номеру участка'}
            </option>
            <option value="name">по ФИО</option>
          </select>
        </label>
      </div>
      {running && (
        <div className="progress-box">
          <progress aria-label={`Создание: ${running.label}`} max={running.total || 1} value={running.done} />
          <span role="status" aria-label="Ход создания документа">
            {running.total > 1
              ? `${running.done} из ${running.total} ${ballotsWord(running.total)}`
              : 'Создаётся…'}
          </span>
          <button type="button" onClick={() => running.controller.abort()}>
            Отменить
          </button>
        </div>
      )}
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      <h3>Повестка в документах</h3>
      {meeting.questions.length === 0 ? (
        <p className="muted">Вопросов нет.</p>
      ) : (
        <ol aria-label="Повестка в документах">
          {meeting.questions.map((q) => (
            <li key={q.number}>
              {q.text}
              <QuestionRule view={ruleView(q, profile, meeting.kind)} />
            </li>
          ))}
        </ol>
      )}
      {picking && (
        <VoterPicker
          persons={persons}
          kind={meeting.kind}
          onCancel={() => setPicking(false)}
          onConfirm={(chosen) => {
            setPicking(false);
            ballots(chosen);
          }}
        />
      )}
    </section>
  );
}
