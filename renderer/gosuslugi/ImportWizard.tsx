import { useEffect, useMemo, useRef, useState } from 'react';
import type { Person } from '../../shared/domain/types';
import {
  markQuestionAbsent,
  setColumnRole,
  type AgendaQuestion,
  type ColumnRole,
  type GosuslugiMapping,
} from '../../shared/gosuslugi/mapping';
import type { MatchDecision } from '../../shared/gosuslugi/matchRows';
import type { GosuslugiValue } from '../../shared/gosuslugi/values';
import type { Meeting } from '../../shared/meetings/meeting';
import { buildRegistryIndex, type RegistryIndex } from '../../shared/registry/search';
import type { Problem, Result } from '../../shared/result';
import { useDb } from '../app/DbContext';
import type { GosuslugiImportRecord } from '../db/records';
import { getPlatform, type OpenedFile } from '../platform/platform';
import { ConfirmStep } from './ConfirmStep';
import type { Progress } from './importHandler';
import type { ImportEngine } from './importEngine';
import { confirmImport, rememberedMappings } from './importRepo';
import {
  NO_CORRECTIONS,
  type BuiltImport,
  type Corrections,
  type MappingView,
  type PreviewView,
} from './importSession';
import { MappingStep } from './MappingStep';
import { nameChecks } from './NameMatches';
import { ReviewStep } from './ReviewStep';

type Step = 'reading' | 'failed' | 'mapping' | 'review' | 'confirm';

interface Running {
  stage: string;
  step: number;
  steps: number;
}

/**
 * The Gosuslugi import of one file: read and proposed in the worker (progress shown), then the user's
 * three steps — columns, rows (values, matching), confirmation. Nothing is stored before «Подтвердить
 * импорт»; then one transaction (after an automatic backup) with its audit entry.
 */
export function ImportWizard({
  file,
  meeting,
  registry,
  imports,
  engine,
  onDone,
  onCancel,
}: {
  file: OpenedFile;
  meeting: Meeting;
  registry: Person[];
  /** The meeting's imports: a file imported before is refused, the active one is replaced. */
  imports: GosuslugiImportRecord[];
  /** The screen's worker, kept warm between files (one command at a time, in order). */
  engine: ImportEngine;
  onDone: (record: GosuslugiImportRecord) => void;
  onCancel: () => void;
}) {
  const db = useDb();
  const [step, setStep] = useState<Step>('reading');
  const [running, setRunning] = useState<Running | null>({ stage: 'Чтение файла', step: 0, steps: 4 });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [view, setView] = useState<MappingView | null>(null);
  const [mapping, setMapping] = useState<GosuslugiMapping | null>(null);
  const [manual, setManual] = useState<ReadonlySet<number>>(new Set());
  const [preview, setPreview] = useState<PreviewView | null>(null);
  const [corrections, setCorrections] = useState<Corrections>(NO_CORRECTIONS);
  const [built, setBuilt] = useState<BuiltImport | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const requestRef = useRef(0);

  const agenda: AgendaQuestion[] = useMemo(
    () =>
      meeting.questions.map((q) => ({
        number: q.number,
        text: q.text,
        ...(q.proposal ? { proposal: q.proposal } : {}),
      })),
    [meeting.questions],
  );
  const persons = useMemo(() => new Map(registry.map((p) => [p.id, p])), [registry]);
  const indexRef = useRef<RegistryIndex | null>(null);
  const getIndex = () => (indexRef.current ??= buildRegistryIndex(registry));
  const active = imports.find((i) => i.status === 'active');

  /** Runs one engine call; a newer call makes an older answer stale (ignored). */
  const run = async <T,>(call: (engine: ImportEngine, progress: Progress) => Promise<Result<T>>) => {
    const request = ++requestRef.current;
    setRunning({ stage: 'Обработка', step: 0, steps: 1 });
    const result = await call(engine, (stage, s, steps) => {
      if (request === requestRef.current) setRunning({ stage, step: s, steps });
    });
    if (request !== requestRef.current) return null;
    setRunning(null);
    return result;
  };

  useEffect(() => {
    let live = true;
    void (async () => {
      const remembered = await rememberedMappings(db);
      if (!live) return;
      const opened = await run((e, progress) =>
        e.open(
          {
            bytes: file.bytes,
            fileName: file.name,
            agenda,
            registry,
            remembered,
            previous: imports.map((i) => ({
              contentHash: i.contentHash,
              fileName: i.fileName,
              importedAt: i.importedAt,
            })),
          },
          progress,
        ),
      );
      if (!live || !opened) return;
      if (!opened.ok) {
        setProblems(opened.error);
        setStep('failed');
        return;
      }
      setView(opened.value.view);
      setMapping(opened.value.view.mapping);
      setPreview(opened.value.preview);
      setStep('mapping');
    })();
    return () => {
      live = false;
    };
    // One wizard per file: the registry and imports are those of the moment the file was picked.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file]);

  const refresh = async (nextMapping: GosuslugiMapping, nextCorrections: Corrections) => {
    setMapping(nextMapping);
    setCorrections(nextCorrections);
    setBuilt(null);
    const result = await run((e, progress) => e.preview(nextMapping, nextCorrections, progress));
    if (!result) return;
    if (result.ok) setPreview(result.value);
    else {
      setProblems(result.error);
      setStep('failed');
    }
  };

  const onRole = (col: number, role: ColumnRole) => {
    if (!mapping) return;
    setManual(new Set([...manual, col]));
    void refresh(setColumnRole(mapping, col, role), corrections);
  };
  const onAbsent = (question: number, absent: boolean) => {
    if (!mapping) return;
    const next = absent
      ? markQuestionAbsent(mapping, question)
      : { ...mapping, absentQuestions: mapping.absentQuestions.filter((n) => n !== question) };
    void refresh(next, corrections);
  };
  const onHeader = async (first: number, last: number) => {
    setBuilt(null);
    const result = await run((e, progress) => e.header(first, last, progress));
    if (!result) return;
    if (!result.ok) {
      setProblems(result.error);
      setStep('failed');
      return;
    }
    setView(result.value.view);
    setMapping(result.value.view.mapping);
    setManual(new Set());
    setCorrections(NO_CORRECTIONS);
    setPreview(result.value.preview);
  };
  const onFix = (row: number, question: number, value: GosuslugiValue | null) => {
    if (!mapping) return;
    const overrides = corrections.overrides.filter((o) => o.row !== row || o.question !== question);
    if (value !== null) overrides.push({ row, question, value });
    void refresh(mapping, { ...corrections, overrides });
  };
  const onSkip = (row: number, skip: boolean) => {
    if (!mapping) return;
    const skipRows = corrections.skipRows.filter((r) => r !== row);
    if (skip) skipRows.push(row);
    void refresh(mapping, { ...corrections, skipRows });
  };
  const onDecide = (decision: MatchDecision) => {
    if (!mapping) return;
    const decisions = [...corrections.decisions.filter((d) => d.row !== decision.row), decision];
    void refresh(mapping, { ...corrections, decisions });
  };
  const onUndecide = (row: number) => {
    if (!mapping) return;
    void refresh(mapping, { ...corrections, decisions: corrections.decisions.filter((d) => d.row !== row) });
  };

  const toConfirm = async () => {
    setSaveError(null);
    const result = await run((e, progress) => e.build(meeting.votingEnd, active?.ballots, progress));
    if (!result) return;
    if (!result.ok) {
      setProblems(result.error);
      setStep('failed');
      return;
    }
    setBuilt(result.value);
    setStep('confirm');
  };

  const confirm = async () => {
    if (!built || !view) return;
    setSaving(true);
    setSaveError(null);
    try {
      const saved = await confirmImport(db, getPlatform(), {
        meetingId: meeting.id,
        fileName: view.fileName,
        contentHash: view.contentHash,
        mapping: built.mapping,
        ballots: built.ballots,
        notCounted: built.notCounted,
        nameChecks: preview ? nameChecks(preview.reviewRows) : [],
        ...(active ? { replaces: active.id } : {}),
      });
      if (saved.ok) onDone(saved.value);
      else setSaveError(saved.error.map((p) => p.message).join(' '));
    } catch (e) {
      setSaveError(`Импорт не выполнен, ничего не изменено: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setSaving(false);
    }
  };

  const busy = running !== null || saving;
  const noDates = !meeting.votingStart || !meeting.votingEnd;
  return (
    <section className="gos-wizard" aria-label={`Импорт файла «${file.name}»`}>
      <h2>Импорт файла «{file.name}»</h2>
      {active && step !== 'failed' && (
        <p className="notice">
          Сейчас действует импорт «{active.fileName}». Этот файл заменит его; перед подтверждением будет
          показано, что изменится.
        </p>
      )}
      <ol className="gos-steps" aria-label="Шаги импорта">
        {(['mapping', 'review', 'confirm'] as const).map((s, i) => (
          <li key={s} aria-current={step === s ? 'step' : undefined}>
            {i + 1}. {s === 'mapping' ? 'Столбцы' : s === 'review' ? 'Строки' : 'Подтверждение'}
          </li>
        ))}
      </ol>
      {running && (
        <div role="status" className="notice gos-progress" aria-label="Ход обработки">
          <span>
            {running.stage}…
            {running.steps > 1 ? ` (шаг ${Math.max(running.step, 1)} из ${running.steps})` : ''}
          </span>
          <progress max={running.steps} value={running.step} />
        </div>
      )}
      {step === 'failed' && (
        <div role="alert" className="notice error">
          <p>
            <strong>
              {problems.some((p) => p.code === 'gosuslugi_already_imported')
                ? `Файл «${file.name}» уже загружен.`
                : `Файл «${file.name}» не импортирован.`}
            </strong>{' '}
            Ничего не изменено.
          </p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      {step === 'mapping' && view && (
        <MappingStep
          view={view}
          mapping={mapping}
          preview={preview}
          agenda={agenda}
          manual={manual}
          busy={busy}
          onRole={onRole}
          onAbsent={onAbsent}
          onHeader={(f, l) => void onHeader(f, l)}
          onNext={() => setStep('review')}
        />
      )}
      {step === 'review' && preview && (
        <ReviewStep
          preview={preview}
          skipRows={corrections.skipRows}
          persons={persons}
          getIndex={getIndex}
          busy={busy}
          onFix={onFix}
          onSkip={onSkip}
          onDecide={onDecide}
          onUndecide={onUndecide}
          onBack={() => setStep('mapping')}
          onNext={() => void toConfirm()}
        />
      )}
      {step === 'confirm' && built && preview && (
        <>
          {noDates && (
            <p role="alert" className="notice error">
              У собрания не указан период голосования: бюллетени Госуслуг датируются последним днём
              голосования. Укажите даты на вкладке «Подготовка».
            </p>
          )}
          <ConfirmStep
            built={built}
            preview={preview}
            replaces={active}
            busy={busy || noDates}
            error={saveError}
            onBack={() => setStep('review')}
            onConfirm={() => void confirm()}
          />
        </>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel} disabled={saving}>
          {step === 'failed' ? 'Закрыть' : 'Отменить импорт файла'}
        </button>
      </div>
    </section>
  );
}
