import { useId, type ReactNode } from 'react';
import type { PartnershipKind } from '../../../shared/domain/types';
import type { RegistryMapping } from '../../../shared/registry/parseRegistry';
import {
  REGISTRY_FIELDS,
  registryFieldLabel,
  type RegistryField,
} from '../../../shared/registry/registryFields';
import { ImportDiffList } from './ImportDiffList';
import type { ImportAnalysis } from './importSession';
import { ProblemRowsEditor } from './ProblemRowsEditor';

/** Problems listed at once; the rest are counted (a badly mapped file can have thousands). */
const PROBLEMS_SHOWN = 300;

/** Spreadsheet column letter of a 0-based index: 0 -> A, 26 -> AA. */
export function columnLetter(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function rowSummary(cells: string[]): string {
  const text = cells.filter(Boolean).join(' | ');
  return text.length > 70 ? `${text.slice(0, 70)}…` : text || '(пустая строка)';
}

/** True when importing would change nothing stored. */
export function nothingToImport(analysis: ImportAnalysis, deleteMissing: boolean): boolean {
  const n = analysis.diffCounts;
  return n.added === 0 && n.changed === 0 && (!deleteMissing || n.removed === 0);
}

export function ImportPreview({
  analysis,
  kind,
  busy,
  onRemap,
  onHeaderRow,
  deleteMissing,
  onDeleteMissing,
  statusValues,
  onFix,
}: {
  analysis: ImportAnalysis;
  kind: PartnershipKind;
  busy: boolean;
  onRemap: (mapping: RegistryMapping, headerRow: number) => void;
  onHeaderRow: (headerRow: number) => void;
  /** Whether people missing from the file are removed from the registry (off by default). */
  deleteMissing: boolean;
  onDeleteMissing: (value: boolean) => void;
  /** The status values panel (the wizard holds the user's choices). */
  statusValues?: ReactNode;
  /** A fix in place of one row's cells. */
  onFix: (row: number, cells: string[]) => void;
}) {
  const ids = useId();
  const { diff, mapping, problems } = analysis;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const fieldOfColumn = new Map<number, RegistryField>();
  for (const [f, c] of Object.entries(mapping)) if (c !== undefined) fieldOfColumn.set(c, f as RegistryField);
  const nothingToDo = nothingToImport(analysis, deleteMissing);
  const sample = (c: number) => analysis.preview[0]?.cells[c] ?? '';

  const setColumn = (field: RegistryField, value: string) => {
    const next: RegistryMapping = { ...mapping };
    if (value === '') delete next[field];
    else {
      const col = Number(value);
      // One column feeds one field: taking it away from another field.
      for (const [f, c] of Object.entries(next)) if (c === col) delete next[f as RegistryField];
      next[field] = col;
    }
    onRemap(next, analysis.headerRow);
  };

  return (
    <div aria-busy={busy}>
      <p>
        Файл «{analysis.fileName}»{analysis.sheetName ? `, лист «${analysis.sheetName}»` : ''}.
      </p>

      <h3 id={`${ids}-header`}>Заголовок и столбцы</h3>
      <div className="field">
        <label htmlFor={`${ids}-row`}>Строка заголовка</label>
        <select
          id={`${ids}-row`}
          value={analysis.headerRow}
          onChange={(e) => onHeaderRow(Number(e.target.value))}
        >
          {analysis.headerRow === 0 && <option value={0}>— не найдена, выберите —</option>}
          {analysis.topRows.map((cells, i) => (
            <option key={i} value={i + 1}>
              {i + 1}: {rowSummary(cells)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="mapping field" aria-labelledby={`${ids}-header`}>
        {REGISTRY_FIELDS.map((spec) => {
          const id = `${ids}-f-${spec.field}`;
          const col = mapping[spec.field];
          return (
            <div key={spec.field} className="field">
              <label htmlFor={id}>{registryFieldLabel(spec.field, kind)}</label>
              <select
                id={id}
                value={col === undefined ? '' : String(col)}
                onChange={(e) => setColumn(spec.field, e.target.value)}
              >
                <option value="">— не загружать —</option>
                {Array.from({ length: analysis.width }, (_, c) => (
                  <option key={c} value={c}>
                    {columnLetter(c)}: {analysis.columns[c] || `(без заголовка) ${sample(c)}`.trim()}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </fieldset>

      <h3>Что изменится</h3>
      <ul className="summary" aria-label="Итоги сравнения с реестром">
        <li>
          Прочитано строк: <strong>{analysis.rowsRead}</strong>
        </li>
        <li>
          Людей в файле: <strong>{analysis.personCount}</strong>
        </li>
        <li>
          Добавится: <strong>{analysis.diffCounts.added}</strong>
        </li>
        <li>
          Изменится: <strong>{analysis.diffCounts.changed}</strong>
        </li>
        <li>
          Без изменений: <strong>{diff.unchanged}</strong>
        </li>
        {analysis.keptAside.length > 0 && (
          <li>
            С ошибками (не импортируются): <strong>{analysis.keptAside.length}</strong>
          </li>
        )}
        <li>
          {deleteMissing ? 'Удалится' : 'Нет в файле (останутся)'}:{' '}
          <strong>{analysis.diffCounts.removed}</strong>
        </li>
      </ul>
      {analysis.diffCounts.removed > 0 && (
        <label className="choice">
          <input
            type="checkbox"
            checked={deleteMissing}
            onChange={(e) => onDeleteMissing(e.target.checked)}
          />{' '}
          Удалить из реестра тех, кого нет в файле ({analysis.diffCounts.removed})
        </label>
      )}
      <ImportDiffList diff={diff} counts={analysis.diffCounts} kind={kind} deleteMissing={deleteMissing} />
      {nothingToDo && !errors && <p className="notice ok">Изменений нет: реестр уже совпадает с файлом.</p>}

      {statusValues}

      <h3>
        Проблемы: ошибок {errors}, предупреждений {warnings}
      </h3>
      {problems.length === 0 ? (
        <p className="notice ok">Проблем не найдено.</p>
      ) : (
        <ul className="problems" aria-label="Проблемы в файле">
          {problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
            <li key={i} className={p.severity}>
              <span className="visually-hidden">
                {p.severity === 'error' ? 'Ошибка: ' : 'Предупреждение: '}
              </span>
              {p.message}
            </li>
          ))}
          {problems.length > PROBLEMS_SHOWN && <li>…и ещё {problems.length - PROBLEMS_SHOWN}.</li>}
        </ul>
      )}

      <ProblemRowsEditor
        rows={analysis.problemRows}
        total={analysis.problemRowCount}
        problems={problems}
        mapping={mapping}
        kind={kind}
        onFix={onFix}
      />

      <h3>Первые строки файла</h3>
      <div className="preview-scroll">
        <table className="grid" aria-label="Первые строки файла">
          <thead>
            <tr>
              <th scope="col">Строка</th>
              {Array.from({ length: analysis.width }, (_, c) => {
                const field = fieldOfColumn.get(c);
                return (
                  <th key={c} scope="col">
                    {columnLetter(c)}: {analysis.columns[c]}
                    <br />
                    <small>{field ? `→ ${registryFieldLabel(field, kind)}` : 'не загружается'}</small>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {analysis.preview.map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                {r.cells.map((cell, c) => (
                  <td key={c}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {analysis.keptAside.length > 0 && (
        <p className="notice error">
          Строки с ошибками ({analysis.keptAside.length}) не будут импортированы, пока их не исправят:
          остальные можно импортировать сейчас.
        </p>
      )}
    </div>
  );
}
