/**
 * Moving ballots between laptops: export the counted paper and in-person ballots to the ballot batch
 * file (what `golos tally --paper` reads), import one keyed elsewhere. Importing shows what it would do
 * first; importing the same file twice adds nothing; clashes (the same ballot with other marks) are
 * listed and not imported.
 */
import { useState } from 'react';
import type { Ballot } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import type { BatchMerge } from '../../shared/paper/ballotBatch';
import { markText } from '../../shared/tally/explain';
import { useDb } from '../app/DbContext';
import { useToast } from '../app/Toasts';
import { autoBackup } from '../backup/autoBackup';
import { todayIso } from '../meetings/today';
import { getPlatform } from '../platform/platform';
import { addImportedBallots } from './ballotRepo';
import type { BallotSnapshot, BallotStore } from './ballotStore';
import { arrivalLine, FIELD_TEXT, FLAG_TEXT, problemText } from './texts';

type Plan = { fileName: string; total: number; merge: BatchMerge; warnings: string[] };

function safeName(text: string): string {
  return text
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
}

function who(b: Ballot): string {
  return b.voter.fullName ?? b.voter.plotNumber ?? b.voter.snils ?? '';
}

export function BatchExchange({
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
  const db = useDb();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [problems, setProblems] = useState<{ fileName: string; lines: string[] } | null>(null);

  const exportFile = async () => {
    setBusy(true);
    try {
      const { exportBatch } = await import('./batchFile');
      const { bytes, count } = exportBatch(snap.input);
      const name = `Бюллетени ${safeName(meeting.title || 'собрания')} ${todayIso()}.csv`;
      const saved = await getPlatform().saveFile({ suggestedName: name, bytes, mime: 'text/csv' });
      if (!saved.ok) toast({ message: problemText(saved.error) });
      else if (saved.value)
        toast({ message: `Выгружено бюллетеней: ${count} (файл «${saved.value.savedAs}»).` });
    } finally {
      setBusy(false);
    }
  };

  const openFile = async () => {
    setProblems(null);
    setPlan(null);
    const picked = await getPlatform().openFile({ accept: ['.csv', '.xlsx'] });
    if (!picked.ok) {
      setProblems({ fileName: '', lines: picked.error.map((p) => p.message) });
      return;
    }
    const file = picked.value[0];
    if (!file) return;
    setBusy(true);
    try {
      const { readBatch, planImport } = await import('./batchFile');
      const read = await readBatch(file.bytes, file.name, snap.input);
      if (!read.ok) {
        setProblems({ fileName: file.name, lines: read.error.map((p) => p.message) });
        return;
      }
      setPlan({
        fileName: file.name,
        total: read.value.ballots.length,
        merge: planImport(snap.input, read.value.ballots),
        warnings: read.value.warnings,
      });
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!plan) return;
    setBusy(true);
    try {
      const backup = await autoBackup(db, getPlatform(), 'before-import');
      if (!backup.ok)
        toast({ message: `Резервная копия перед загрузкой не сделана: ${problemText(backup.error)}` });
      const result = await addImportedBallots(
        db,
        { meeting, registry: snap.input.registry, by: operator },
        plan.merge.added,
      );
      if (!result.ok) {
        setProblems({ fileName: plan.fileName, lines: result.error.map((p) => p.message) });
        return;
      }
      store.apply({ records: result.value });
      toast({ message: `Загружено бюллетеней: ${result.value.length} из файла «${plan.fileName}».` });
      setPlan(null);
    } finally {
      setBusy(false);
    }
  };

  const numbers = meeting.questions.map((q) => q.number);
  return (
    <section className="batch-exchange" aria-label="Обмен бюллетенями">
      <h2>Обмен с другим компьютером</h2>
      <p className="lead">
        Файл бюллетеней (CSV) содержит бумажные и очные бюллетени, которые сейчас учитываются; его же читает
        команда <code>golos tally --paper</code>.
      </p>
      <div className="actions">
        <button type="button" onClick={() => void exportFile()} disabled={busy}>
          Выгрузить файл бюллетеней
        </button>
        <button type="button" onClick={() => void openFile()} disabled={busy}>
          Загрузить файл бюллетеней…
        </button>
      </div>
      {problems && (
        <div className="notice error" role="alert">
          <p>{problems.fileName ? `Файл «${problems.fileName}» не загружен. ` : ''}Ничего не изменено.</p>
          <ul className="problems">
            {problems.lines.map((l, i) => (
              <li key={i} className="error">
                {l}
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan && (
        <div className="import-plan" role="region" aria-label="Загрузка файла бюллетеней">
          <p>
            Файл «{plan.fileName}»: бюллетеней {plan.total}. Новых: {plan.merge.added.length}; уже есть:{' '}
            {plan.merge.identical.length}; расхождений: {plan.merge.clashes.length}.
          </p>
          {plan.warnings.length > 0 && (
            <ul className="problems">
              {plan.warnings.map((w, i) => (
                <li key={i} className="warning">
                  {w}
                </li>
              ))}
            </ul>
          )}
          {plan.merge.clashes.length > 0 && (
            <table className="grid" aria-label="Расхождения с файлом">
              <thead>
                <tr>
                  <th>Участник</th>
                  <th>Бюллетень</th>
                  <th>Различия (здесь → в файле)</th>
                </tr>
              </thead>
              <tbody>
                {plan.merge.clashes.map((c, i) => (
                  <tr key={i}>
                    <td>{who(c.stored)}</td>
                    <td>{arrivalLine(c.stored)}</td>
                    <td className="wrap">
                      {[
                        ...c.diff.questions.map((q) => `№${q.number}: ${markText(q.a)} → ${markText(q.b)}`),
                        ...c.diff.flags.map(
                          (f) =>
                            `${FLAG_TEXT[f.reason].text}: ${f.a ? 'есть' : 'нет'} → ${f.b ? 'есть' : 'нет'}`,
                        ),
                        ...c.diff.fields.map((f) => `различается: ${FIELD_TEXT[f]}`),
                      ].join('; ') || 'различия в представителе или доставке'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {plan.merge.clashes.length > 0 && (
            <p className="muted">
              Бюллетени с расхождениями не загружаются: сверьте их с бумагой и исправьте здесь, если нужно.
            </p>
          )}
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => void commit()}
              disabled={busy || plan.merge.added.length === 0}
            >
              {plan.merge.added.length === 0
                ? 'Нечего загружать'
                : `Загрузить новые (${plan.merge.added.length})`}
            </button>
            <button type="button" onClick={() => setPlan(null)}>
              Отмена
            </button>
          </div>
        </div>
      )}
      {numbers.length === 0 && <p className="muted">В повестке нет вопросов.</p>}
    </section>
  );
}
