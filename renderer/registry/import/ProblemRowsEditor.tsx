import { memo, useState } from 'react';
import type { PartnershipKind } from '../../../shared/domain/types';
import type { Problem } from '../../../shared/result';
import type { RegistryMapping } from '../../../shared/registry/parseRegistry';
import { registryFieldLabel, type RegistryField } from '../../../shared/registry/registryFields';

/**
 * Each row with a problem, with the cells its problems name editable (all mapped cells on «Все поля», or
 * when no problem names a field): «Проверить» reads the row again with the fix (the file itself is not
 * changed), so the row's problems go or stay at once.
 */
export function ProblemRowsEditor({
  rows,
  total,
  problems,
  mapping,
  kind,
  onFix,
}: {
  rows: { row: number; cells: string[] }[];
  total: number;
  problems: Problem[];
  mapping: RegistryMapping;
  kind: PartnershipKind;
  onFix: (row: number, cells: string[]) => void;
}) {
  // The forms stay as they are while the preview is busy or another row is fixed (a hundred of them
  // are a hundred renders): `onFix` is one function for the preview's life (useSteadyCallback). A fix sent
  // while the preview is busy is read after the one before it (the import session takes them in order).
  if (rows.length === 0) return null;
  const fields = (Object.entries(mapping) as [RegistryField, number][])
    .filter(([, c]) => c !== undefined)
    .sort((a, b) => a[1] - b[1]);
  const byRow = new Map<number, Problem[]>();
  for (const p of problems) if (p.row !== undefined) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
  return (
    <section aria-labelledby="fix-rows-title">
      <h3 id="fix-rows-title">Исправить строки</h3>
      <p>
        Исправьте значение прямо здесь и нажмите «Проверить»: файл при этом не меняется, исправление войдёт в
        импорт.
        {total > rows.length && ` Показаны первые ${rows.length} из ${total} строк с замечаниями.`}
      </p>
      <ul className="plain fix-rows">
        {rows.map((r) => (
          <RowForm
            key={`${r.row}:${r.cells.join('\u0001')}`}
            row={r.row}
            cells={r.cells}
            fields={fields}
            kind={kind}
            problems={byRow.get(r.row) ?? []}
            onFix={onFix}
          />
        ))}
      </ul>
    </section>
  );
}

interface RowFormProps {
  row: number;
  cells: string[];
  fields: [RegistryField, number][];
  kind: PartnershipKind;
  problems: Problem[];
  onFix: (row: number, cells: string[]) => void;
}

/** Same row, cells, columns and problems: nothing to draw again. */
const sameRow = (a: RowFormProps, b: RowFormProps): boolean =>
  a.row === b.row &&
  a.kind === b.kind &&
  a.onFix === b.onFix &&
  a.cells.join('\u0001') === b.cells.join('\u0001') &&
  a.fields.join('\u0001') === b.fields.join('\u0001') &&
  a.problems.map((p) => p.severity + p.message).join('\u0001') ===
    b.problems.map((p) => p.severity + p.message).join('\u0001');

const RowForm = memo(function RowForm({ row, cells, fields, kind, problems, onFix }: RowFormProps) {
  const [draft, setDraft] = useState(cells);
  const [all, setAll] = useState(false);
  const changed = draft.some((c, i) => c !== (cells[i] ?? ''));
  const hasError = problems.some((p) => p.severity === 'error');
  const named = new Set(problems.map((p) => p.field));
  const concerned = fields.filter(([field]) => named.has(registryFieldLabel(field, kind)));
  const shown = all || concerned.length === 0 ? fields : concerned;
  return (
    <li className={hasError ? 'error' : 'warning'}>
      <form
        aria-label={`Строка ${row}`}
        onSubmit={(e) => {
          e.preventDefault();
          onFix(row, draft);
        }}
      >
        <strong>Строка {row}</strong>
        <ul>
          {problems.map((p, i) => (
            <li key={i}>
              {p.severity === 'error' ? 'Ошибка: ' : 'Предупреждение: '}
              {p.message}
            </li>
          ))}
        </ul>
        <div className="fix-cells">
          {shown.map(([field, col]) => (
            <label key={field}>
              {registryFieldLabel(field, kind)}
              <input
                value={draft[col] ?? ''}
                onChange={(e) => {
                  const next = draft.slice();
                  while (next.length <= col) next.push('');
                  next[col] = e.target.value;
                  setDraft(next);
                }}
              />
            </label>
          ))}
          <button type="submit" disabled={!changed}>
            Проверить
          </button>
          {shown.length < fields.length && (
            <button type="button" className="link" onClick={() => setAll(true)}>
              Все поля
            </button>
          )}
        </div>
      </form>
    </li>
  );
}, sameRow);
