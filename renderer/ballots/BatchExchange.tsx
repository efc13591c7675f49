/**
 * Moving ballots between laptops (docs/ballot-batch.md): export every paper and in-person ballot with
 * its history to the batch file (its table is what `golos tally --paper` reads), import one written
 * elsewhere. Importing shows what it would do first; importing the same file twice changes nothing;
 * clashes go to «Сверка». A version 1 file (ballots only) is still read: new ballots are added,
 * clashes listed.
 */
import { useState } from 'react';
import type { Ballot } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import type { BatchMerge } from '../../shared/paper/ballotBatch';
import { markText } from '../../shared/tally/explain';
import { useDb } from '../app/DbContext';
import { useToast } from '../app/Toasts';
import { autoBackup } from '../backup/autoBackup';
import { getPlatform } from '../platform/platform';
import type { BatchOrigin } from '../../shared/paper/ballotBatchV2';
import type { PaperBallotRecord } from '../../shared/paper/ballotRecord';
import { addImportedBallots } from './ballotRepo';
import type { HistoryPlan } from './batchFile';
import { importHistories, lastImports } from './batchImportRepo';
import { HistoryPlanView } from './HistoryPlanView';
import { LaptopName, useLaptop } from './LaptopName';
import type { BallotSnapshot, BallotStore } from './ballotStore';
import { arrivalLine, FIELD_TEXT, FLAG_TEXT, problemText } from './texts';
import { localTimestamp } from '../../shared/meetings/dates';

type Plan =
  | { version: 1; fileName: string; total: number; merge: BatchMerge; warnings: string[] }
  | {
      version: 2;
      fileName: string;
      origin: BatchOrigin;
      records: PaperBallotRecord[];
      plan: HistoryPlan;
      warnings: string[];
    };

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
  const [laptop, setLaptop] = useLaptop();

  const exportFile = async () => {
    if (!laptop) return;
    setBusy(true);
    try {
      const { exportBatch, batchFileName, besideBatch } = await import('./batchFile');
      const at = localTimestamp();
      const { bytes, count, fingerprint } = exportBatch(snap.input, laptop, at);
      const name = batchFileName(meeting, laptop, at);
      const beside = besideBatch(snap.input, name);
      const saved = await getPlatform().saveFile({ suggestedName: name, bytes, mime: 'text/csv', beside });
      if (!saved.ok) toast({ message: problemText(saved.error) });
      else if (saved.value)
        toast({
          message: `Выгружено бюллетеней: ${count} (файл «${saved.value.savedAs}», отпечаток ${fingerprint}); рядом — «${beside[0]!.name}» для golos tally.`,
        });
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
      const { readBatch, planImport, planHistories } = await import('./batchFile');
      const read = await readBatch(file.bytes, file.name, snap.input);
      if (!read.ok) {
        setProblems({ fileName: file.name, lines: read.error.map((p) => p.message) });
        return;
      }
      const r = read.value;
      if (r.version === 2) {
        const last = await lastImports(db, meeting.id);
        setPlan({
          version: 2,
          fileName: file.name,
          origin: r.origin,
          records: r.records,
          plan: planHistories(snap.input, r, last),
          warnings: r.warnings,
        });
      } else {
        setPlan({
          version: 1,
          fileName: file.name,
          total: r.ballots.length,
          merge: planImport(snap.input, r.ballots),
          warnings: r.warnings,
        });
      }
    } finally {
      setBusy(false);
    }
  };

  const ctx = { meeting, registry: snap.input.registry, by: operator };

  /** Stores a version 2 file (or, cancelled, only the records it clashes on). */
  const storeHistories = async (p: Extract<Plan, { version: 2 }>, clashesOnly: boolean) => {
    const records = clashesOnly ? p.plan.clashRecords : p.records;
    const result = await importHistories(
      db,
      ctx,
      { name: p.fileName, origin: p.origin, records },
      clashesOnly,
    );
    if (!result.ok) {
      setProblems({ fileName: p.fileName, lines: result.error.map((x) => x.message) });
      return;
    }
    store.apply({ records: result.value.rows });
    toast({
      message: clashesOnly
        ? `Загрузка отменена; расхождений записано на «Сверку»: ${p.plan.clashes.length}.`
        : `Загружено из файла «${p.fileName}»: бюллетеней ${result.value.rows.length}, версий ${result.value.versions}.`,
    });
    setPlan(null);
  };

  const cancel = async () => {
    if (plan?.version === 2 && plan.plan.clashes.length > 0) {
      setBusy(true);
      try {
        await storeHistories(plan, true);
      } finally {
        setBusy(false);
      }
    } else setPlan(null);
  };

  const commit = async () => {
    if (!plan) return;
    setBusy(true);
    try {
      const backup = await autoBackup(db, getPlatform(), 'before-import');
      if (!backup.ok)
        toast({ message: `Резервная копия перед загрузкой не сделана: ${problemText(backup.error)}` });
      if (plan.version === 2) {
        await storeHistories(plan, false);
        return;
      }
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
        Файл бюллетеней (CSV) содержит бумажные и очные бюллетени со всей историей (исправления, отзывы, кто и
        когда вносил) и название этого ноутбука; учитываемые бюллетени из него читает команда{' '}
        <code>golos tally --paper</code>.
      </p>
      {laptop && <LaptopName laptop={laptop} operator={operator} onChange={setLaptop} />}
      <div className="actions">
        <button type="button" onClick={() => void exportFile()} disabled={busy || !laptop?.named}>
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
      {plan?.version === 2 && (
        <div className="import-plan" role="region" aria-label="Загрузка файла бюллетеней">
          <HistoryPlanView fileName={plan.fileName} origin={plan.origin} plan={plan.plan} />
          <Warnings lines={plan.warnings} />
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => void commit()}
              disabled={busy || plan.plan.merge.changed.length === 0}
            >
              {plan.plan.merge.changed.length === 0 ? 'Нечего загружать' : 'Загрузить'}
            </button>
            <button type="button" onClick={() => void cancel()} disabled={busy}>
              Отмена
            </button>
          </div>
        </div>
      )}
      {plan?.version === 1 && (
        <div className="import-plan" role="region" aria-label="Загрузка файла бюллетеней">
          <p>
            Файл «{plan.fileName}»: бюллетеней {plan.total}. Новых: {plan.merge.added.length}; уже есть:{' '}
            {plan.merge.identical.length}; расхождений: {plan.merge.clashes.length}.
          </p>
          <Warnings lines={plan.warnings} />
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

function Warnings({ lines }: { lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <ul className="problems">
      {lines.map((w, i) => (
        <li key={i} className="warning">
          {w}
        </li>
      ))}
    </ul>
  );
}
