import { plural } from '../../../shared/meetings/dates';
import type { KeptAside } from './keptAside';

/** Rows named in the confirmation; the rest are counted. */
const SHOWN = 50;

/**
 * The explicit confirmation before importing without the rows with errors: it names each of them
 * (rows, name and plot, the errors), so nobody is left out of the registry unnoticed.
 */
export function KeepAsideConfirm({
  keptAside,
  busy,
  onConfirm,
  onCancel,
}: {
  keptAside: KeptAside[];
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const n = keptAside.length;
  return (
    <div role="alertdialog" aria-labelledby="keep-aside-title" className="notice warning keep-aside">
      <p id="keep-aside-title">
        <strong>
          {n} {plural(n, ['запись', 'записи', 'записей'])} с ошибками не {n === 1 ? 'войдёт' : 'войдут'} в
          реестр:
        </strong>
      </p>
      <ul aria-label="Не войдут в реестр">
        {keptAside.slice(0, SHOWN).map((a) => (
          <li key={a.rows.join(',')}>
            {a.rows.length > 1 ? `Строки ${a.rows.join(', ')}` : `Строка ${a.rows[0]}`}: {a.who}
            <ul>
              {a.errors.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          </li>
        ))}
        {n > SHOWN && <li>…и ещё {n - SHOWN}.</li>}
      </ul>
      <p>Их можно исправить в файле и импортировать позже: остальные записи будут импортированы сейчас.</p>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={onConfirm}>
          Импортировать без них
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          Вернуться к исправлению
        </button>
      </div>
    </div>
  );
}
