import type { GosuslugiImportRecord } from '../db/records';
import { formatDateRu } from '../../shared/meetings/dates';
import type { BuiltImport, PreviewView } from './importSession';
import { BALLOTS, countText, ROWS } from './importText';

/** Lines of the change list shown at once. */
const SHOWN = 300;

/**
 * Step 3: what confirming does. A first import: how many ballots count and how many rows do not. A
 * corrected file: exactly what changes against the import it replaces, person by person.
 */
export function ConfirmStep({
  built,
  preview,
  replaces,
  busy,
  error,
  onBack,
  onConfirm,
}: {
  built: BuiltImport;
  preview: PreviewView;
  replaces: GosuslugiImportRecord | undefined;
  busy: boolean;
  error: string | null;
  onBack: () => void;
  onConfirm: () => void;
}) {
  const c = preview.counts;
  const lines = built.diff?.lines ?? [];
  return (
    <div className="gos-step">
      <h3>Шаг 3. Подтверждение</h3>
      <ul className="summary" aria-label="Что будет учтено">
        <li>
          Будет учтено: <strong>{countText(built.ballots.length, BALLOTS)}</strong>
        </li>
        <li>
          Не учитывается: <strong>{countText(built.notCounted.length, ROWS)}</strong> (не найдены{' '}
          {c.unmatched}, неоднозначны {c.ambiguous}, не участники {c.notParticipant}, пропущены {c.skipped})
        </li>
      </ul>
      {replaces && built.diff && (
        <section aria-labelledby="gos-diff-title">
          <h4 id="gos-diff-title">
            Файл заменит импорт «{replaces.fileName}» от {formatDateRu(replaces.importedAt.slice(0, 10))}. Что
            изменится:
          </h4>
          <ul className="gos-diff" aria-label="Что изменится">
            {lines.slice(0, SHOWN).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          {lines.length > SHOWN && (
            <p className="counts">
              Показаны первые {SHOWN} строк из {lines.length}.
            </p>
          )}
          <p className="lead">Замену можно будет отменить: тогда снова будет действовать прежний файл.</p>
        </section>
      )}
      <p className="lead">
        До подтверждения ничего не учитывается. Перед записью будет сделана резервная копия.
      </p>
      {error && (
        <p role="alert" className="notice error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onBack} disabled={busy}>
          Назад к строкам
        </button>
        <button type="button" className="primary" onClick={onConfirm} disabled={busy}>
          {busy ? 'Записываю…' : 'Подтвердить импорт'}
        </button>
      </div>
    </div>
  );
}
