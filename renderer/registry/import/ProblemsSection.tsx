import { memo, useMemo, useState } from 'react';
import type { PartnershipKind } from '../../../shared/domain/types';
import type { Problem } from '../../../shared/result';
import type { RegistryMapping } from '../../../shared/registry/parseRegistry';
import { registryFieldLabel, type RegistryField } from '../../../shared/registry/registryFields';

/** Problems listed at once besides the rows to fix; the rest are counted (a badly mapped file can have thousands). */
const PROBLEMS_SHOWN = 150;

const severityText = (p: Pick<Problem, 'severity'>) =>
  p.severity === 'error' ? 'Ошибка: ' : 'Предупреждение: ';

/** A key per problem that stays with it while the problems around it come and go. */
function problemKeys(problems: readonly Problem[]): string[] {
  const seen = new Map<string, number>();
  return problems.map((p) => {
    const base = `${p.row ?? ''}\u0001${p.code}\u0001${p.message}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}\u0001${n}`;
  });
}

const ProblemItem = memo(function ProblemItem({ severity, message }: Pick<Problem, 'severity' | 'message'>) {
  return (
    <li className={severity}>
      <span className="visually-hidden">{severityText({ severity })}</span>
      {message}
    </li>
  );
});

const ProblemList = memo(function ProblemList({ problems, label }: { problems: Problem[]; label: string }) {
  const shown = problems.slice(0, PROBLEMS_SHOWN);
  const keys = problemKeys(shown);
  return (
    <ul className="problems" aria-label={label}>
      {shown.map((p, i) => (
        <ProblemItem key={keys[i]} severity={p.severity} message={p.message} />
      ))}
      {problems.length > PROBLEMS_SHOWN && <li>…и ещё {problems.length - PROBLEMS_SHOWN}.</li>}
    </ul>
  );
});

/**
 * Every problem of the file, each shown once: the file's own (no row) in a list, then each row with
 * problems (up to FIXABLE_ROWS of them) with its problems and the cells they name, editable — «Проверить»
 * reads the row again with the fix (the file itself is not changed), so its problems go or stay at once —
 * then the problems of the rows beyond those, in a list.
 */
export function ProblemsSection({
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
  const { general, byRow, rest } = useMemo(() => {
    const fixable = new Set(rows.map((r) => r.row));
    const parts = { general: [] as Problem[], byRow: new Map<number, Problem[]>(), rest: [] as Problem[] };
    for (const p of problems) {
      if (p.row === undefined) parts.general.push(p);
      else if (!fixable.has(p.row)) parts.rest.push(p);
      else parts.byRow.set(p.row, [...(parts.byRow.get(p.row) ?? []), p]);
    }
    return parts;
  }, [rows, problems]);
  const fields = useMemo(
    () =>
      (Object.entries(mapping) as [RegistryField, number][])
        .filter(([, c]) => c !== undefined)
        .sort((a, b) => a[1] - b[1]),
    [mapping],
  );
  return (
    <section aria-label="Проблемы в файле">
      {problems.length === 0 && <p className="notice ok">Проблем не найдено.</p>}
      {general.length > 0 && <ProblemList problems={general} label="Проблемы файла" />}
      {rows.length > 0 && (
        <>
          <p>
            Исправьте значение прямо здесь и нажмите «Проверить»: файл при этом не меняется, исправление
            войдёт в импорт.
            {total > rows.length &&
              ` Здесь первые ${rows.length} из ${total} строк с замечаниями, остальные — ниже.`}
          </p>
          <div className="fix-rows">
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
          </div>
        </>
      )}
      {rest.length > 0 && <ProblemList problems={rest} label="Замечания остальных строк" />}
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
    <form
      aria-label={`Строка ${row}`}
      className={hasError ? 'error' : 'warning'}
      onSubmit={(e) => {
        e.preventDefault();
        onFix(row, draft);
      }}
    >
      <strong>Строка {row}</strong>
      <ul>
        {problems.map((p, i) => (
          <li key={i} className={p.severity}>
            {severityText(p)}
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
  );
}, sameRow);
