import { useEffect, useRef, useState } from 'react';
import type { PartnershipKind, Person } from '../../../shared/domain/types';
import type { Problem, Result } from '../../../shared/result';
import type { RegistryMapping } from '../../../shared/registry/parseRegistry';
import type { RegistryChanges } from '../../db/personRepo';
import { getPlatform, type OpenedFile } from '../../platform/platform';
import { IMPORT_ACCEPT } from './importAccept';
import { createImportEngine, type ImportEngine } from './importEngine';
import type { ImportAnalysis, RemapOptions } from './importSession';
import { ImportPreview, nothingToImport } from './ImportPreview';

type State =
  | { step: 'reading'; fileName: string }
  | { step: 'failed'; fileName: string; problems: Problem[] }
  | { step: 'preview'; analysis: ImportAnalysis; busy: boolean };

/**
 * The registry import: the file is read (in a worker), the user checks the header row, the column
 * mapping, the problems and what would change, then «Импортировать» writes it all in one transaction.
 * Nothing is stored before that, and nothing at all when the file has errors. Right before the write,
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
}: {
  file: OpenedFile;
  existing: Person[];
  kind: PartnershipKind;
  onApply: (changes: RegistryChanges) => Promise<void>;
  onClose: () => void;
  /** The automatic backup made right before the import is written (autoBackup 'before-import'). */
  backup?: () => Promise<Result<unknown>>;
  createEngine?: () => ImportEngine;
}) {
  const [current, setCurrent] = useState(file);
  const [state, setState] = useState<State>({ step: 'reading', fileName: file.name });
  const [applying, setApplying] = useState(false);
  const [deleteMissing, setDeleteMissing] = useState(false);
  const [applyError, setApplyError] = useState<string | null>(null);
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
    void engine.open(current.bytes, current.name, existing, kind).then((result) => {
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

  const remap = (options: RemapOptions) => {
    const engine = engineRef.current;
    if (!engine || state.step !== 'preview') return;
    const request = ++requestRef.current;
    setState({ ...state, busy: true });
    void engine.remap(options).then((result) => {
      if (request !== requestRef.current) return;
      setState(
        result.ok
          ? { step: 'preview', analysis: result.value, busy: false }
          : { step: 'failed', fileName: current.name, problems: result.error },
      );
    });
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
    state.step === 'preview' &&
    !state.busy &&
    !applying &&
    !state.analysis.hasErrors &&
    !nothingToImport(state.analysis, deleteMissing);

  const apply = async () => {
    if (state.step !== 'preview' || !canImport) return;
    const { diff } = state.analysis;
    setApplying(true);
    setApplyError(null);
    try {
      const copy = await backup?.();
      if (copy && !copy.ok) {
        setApplyError(
          `Импорт не выполнен, реестр не изменён: не удалось сделать резервную копию перед импортом. ${copy.error.map((p) => p.message).join(' ')}`,
        );
        return;
      }
      await onApply({
        added: diff.added,
        changed: diff.changed.map(({ before, after }) => ({ before, after })),
        removed: deleteMissing ? diff.removed : [],
        source: current.name,
      });
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
        />
      )}
      {applyError && (
        <p role="alert" className="notice error">
          {applyError}
        </p>
      )}
      <div className="actions sticky-actions">
        {state.step === 'preview' && (
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
