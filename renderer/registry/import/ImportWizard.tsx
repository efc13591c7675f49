import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { PartnershipKind, Person, PersonStatus } from '../../../shared/domain/types';
import type { Problem, Result } from '../../../shared/result';
import type { RegistryMapping } from '../../../shared/registry/parseRegistry';
import type { StatusValues } from '../../../shared/registry/statusVocabulary';
import type { RegistryChanges } from '../../db/personRepo';
import { getPlatform, type OpenedFile } from '../../platform/platform';
import { IMPORT_ACCEPT } from './importAccept';
import { createImportEngine, importMark, type ImportEngine } from './importEngine';
import type { ImportAnalysis, RemapOptions } from './importSession';
import { ImportPreview, nothingToImport } from './ImportPreview';
import { KeepAsideConfirm } from './KeepAsideConfirm';
import { StatusValuesPanel } from './StatusValuesPanel';

type Chosen = { key: string; text: string; status: PersonStatus }[];

function valuesOf(learned: StatusValues, chosen: Chosen): StatusValues {
  const out: Record<string, PersonStatus> = { ...learned };
  for (const c of chosen) out[c.key] = c.status;
  return out;
}

type State =
  | { step: 'reading'; fileName: string }
  | { step: 'failed'; fileName: string; problems: Problem[] }
  | { step: 'preview'; analysis: ImportAnalysis; busy: boolean };

/**
 * The registry import: the file is read (in a worker), the user checks the header row, the column
 * mapping, the status values it does not know, the problems (fixing rows in place) and what would
 * change, by name; then «Импортировать» writes it in one transaction. Rows with errors are left out,
 * after a confirmation naming them. Nothing is stored before that. Right before the write,
 * `backup` makes the automatic copy (`before-import`); when it fails, nothing is imported.
 */
export function ImportWizard({
  file,
  existing,
  kind,
  onApply,
  onClose,
  backup,
  createEngine = createImportEngine,
  statusValues: learned = {},
}: {
  file: OpenedFile;
  existing: Person[];
  kind: PartnershipKind;
  /** Writes the import; `statusValues` are the values the user mapped in it, to remember. */
  onApply: (changes: RegistryChanges, statusValues: StatusValues) => Promise<void>;
  onClose: () => void;
  /** The automatic backup made right before the import is written (autoBackup 'before-import'). */
  backup?: () => Promise<Result<unknown>>;
  createEngine?: () => ImportEngine;
  /** Status values mapped in earlier imports of the partnership. */
  statusValues?: StatusValues;
}) {
  const [current, setCurrent] = useState(file);
  const [state, setState] = useState<State>({ step: 'reading', fileName: file.name });
  const [applying, setApplying] = useState(false);
  const [deleteMissing, setDeleteMissing] = useState(false);
  const [applyError, setApplyError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Chosen>([]);
  const [confirming, setConfirming] = useState(false);
  const engineRef = useRef<ImportEngine | null>(null);
  const requestRef = useRef(0);

  useEffect(() => {
    const engine = createEngine();
    engineRef.current = engine;
    return () => {
      engine.dispose();
      engineRef.current = null;
    };
  }, [createEngine]);

  useEffect(() => {
    const engine = engineRef.current;
    if (!engine) return;
    const request = ++requestRef.current;
    setState({ step: 'reading', fileName: current.name });
    const options = { statusValues: valuesOf(learned, chosen) };
    void engine.open(current.bytes, current.name, existing, kind, options).then((result) => {
      if (request !== requestRef.current) return;
      setState(
        result.ok
          ? { step: 'preview', analysis: result.value, busy: false }
          : { step: 'failed', fileName: current.name, problems: result.error },
      );
    });
    // Reading starts over only for another file; `existing` is the registry when the wizard opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current, kind]);

  const analysis = state.step === 'preview' ? state.analysis : null;
  useLayoutEffect(() => {
    if (analysis) importMark('drawn');
  }, [analysis]);

  const run = (call: (engine: ImportEngine) => Promise<Result<ImportAnalysis>>) => {
    const engine = engineRef.current;
    if (!engine || state.step !== 'preview') return;
    const request = ++requestRef.current;
    setState({ ...state, busy: true });
    setConfirming(false);
    void call(engine).then((result) => {
      if (request !== requestRef.current) return;
      setState(
        result.ok
          ? { step: 'preview', analysis: result.value, busy: false }
          : { step: 'failed', fileName: current.name, problems: result.error },
      );
    });
  };
  const remap = (options: RemapOptions, values: Chosen = chosen) =>
    run((engine) => engine.remap({ ...options, statusValues: valuesOf(learned, values) }));

  const choose = (key: string, text: string, status: PersonStatus | '') => {
    if (state.step !== 'preview') return;
    const next = chosen.filter((c) => c.key !== key);
    if (status) next.push({ key, text, status });
    setChosen(next);
    remap({ mapping: state.analysis.mapping, headerRow: state.analysis.headerRow }, next);
  };

  const pickAnother = async () => {
    const picked = await getPlatform().openFile({ accept: IMPORT_ACCEPT });
    if (!picked.ok) {
      setState({ step: 'failed', fileName: current.name, problems: picked.error });
      return;
    }
    const next = picked.value[0];
    if (next) setCurrent(next);
  };

  const canImport =
    state.step === 'preview' && !state.busy && !applying && !nothingToImport(state.analysis, deleteMissing);

  const apply = async () => {
    if (state.step !== 'preview' || !canImport) return;
    const { keptAside } = state.analysis;
    if (keptAside.length > 0 && !confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    setApplying(true);
    setApplyError(null);
    try {
      // The preview carries the first people of each list; the import takes them all. They come from
      // the worker while the automatic copy is made (nothing is written before both are done).
      const [all, copy] = await Promise.all([engineRef.current!.changes(), backup?.()]);
      if (!all.ok) {
        setApplyError(`Импорт не выполнен, реестр не изменён: ${all.error.map((p) => p.message).join(' ')}`);
        return;
      }
      const diff = all.value;
      if (copy && !copy.ok) {
        setApplyError(
          `Импорт не выполнен, реестр не изменён: не удалось сделать резервную копию перед импортом. ${copy.error.map((p) => p.message).join(' ')}`,
        );
        return;
      }
      await onApply(
        {
          added: diff.added,
          changed: diff.changed.map(({ before, after }) => ({ before, after })),
          removed: deleteMissing ? diff.removed : [],
          source: current.name,
          kind,
        },
        Object.fromEntries(chosen.map((c) => [c.key, c.status])),
      );
    } catch (e) {
      // The import is one transaction: a failed write leaves the registry as it was.
      setApplyError(`Импорт не выполнен, реестр не изменён: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setApplying(false);
    }
  };

  return (
    <div className="import">
      {state.step === 'reading' && (
        <p role="status" className="notice">
          Читаю файл «{state.fileName}»…
        </p>
      )}
      {state.step === 'failed' && (
        <div role="alert" className="notice error">
          <p>
            <strong>Файл «{state.fileName}» не импортирован.</strong> Реестр не изменён.
          </p>
          <ul>
            {state.problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      {state.step === 'preview' && (
        <ImportPreview
          analysis={state.analysis}
          kind={kind}
          busy={state.busy || applying}
          onRemap={(mapping: RegistryMapping, headerRow: number) => remap({ mapping, headerRow })}
          onHeaderRow={(headerRow: number) => remap({ headerRow })}
          deleteMissing={deleteMissing}
          onDeleteMissing={setDeleteMissing}
          onFix={(row, cells) => run((engine) => engine.edit(row, cells))}
          statusValues={
            <StatusValuesPanel unknown={state.analysis.unknownStatuses} chosen={chosen} onChoose={choose} />
          }
        />
      )}
      {confirming && state.step === 'preview' && (
        <KeepAsideConfirm
          keptAside={state.analysis.keptAside}
          busy={applying}
          onConfirm={() => void apply()}
          onCancel={() => setConfirming(false)}
        />
      )}
      {applyError && (
        <p role="alert" className="notice error">
          {applyError}
        </p>
      )}
      <div className="actions sticky-actions">
        {state.step === 'preview' && !confirming && (
          <button type="button" className="primary" disabled={!canImport} onClick={() => void apply()}>
            {applying ? 'Импортирую…' : 'Импортировать'}
          </button>
        )}
        <button type="button" onClick={() => void pickAnother()} disabled={applying}>
          Выбрать другой файл…
        </button>
        <button type="button" onClick={onClose} disabled={applying}>
          {state.step === 'preview' ? 'Отмена' : 'Закрыть'}
        </button>
      </div>
    </div>
  );
}
