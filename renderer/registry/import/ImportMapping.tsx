import { memo, useId } from 'react';
import type { PartnershipKind } from '../../../shared/domain/types';
import { columnLetter } from '../../../shared/gosuslugi/checkMapping';
import type { RegistryMapping } from '../../../shared/registry/parseRegistry';
import {
  REGISTRY_FIELDS,
  registryFieldLabel,
  type RegistryField,
} from '../../../shared/registry/registryFields';
import { shownColumns, shownText } from './shownColumns';

function rowSummary(cells: string[]): string {
  const text = cells.filter(Boolean).join(' | ');
  return text.length > 70 ? `${text.slice(0, 70)}…` : text || '(пустая строка)';
}

/**
 * The header row and which column feeds which field. Drawn again only when one of these changes (a fix in
 * place changes none of them).
 */
export const ImportMapping = memo(function ImportMapping({
  headerRow,
  topRows,
  mapping,
  width,
  columns,
  sampleRow,
  kind,
  onRemap,
  onHeaderRow,
}: {
  headerRow: number;
  topRows: string[][];
  mapping: RegistryMapping;
  width: number;
  columns: string[];
  /** The first data row: a column without a header is named by its value there. */
  sampleRow: string[] | undefined;
  kind: PartnershipKind;
  onRemap: (mapping: RegistryMapping, headerRow: number) => void;
  onHeaderRow: (headerRow: number) => void;
}) {
  const ids = useId();
  const sample = (c: number) => sampleRow?.[c] ?? '';
  const setColumn = (field: RegistryField, value: string) => {
    const next: RegistryMapping = { ...mapping };
    if (value === '') delete next[field];
    else {
      const col = Number(value);
      // One column feeds one field: taking it away from another field.
      for (const [f, c] of Object.entries(next)) if (c === col) delete next[f as RegistryField];
      next[field] = col;
    }
    onRemap(next, headerRow);
  };
  const shown = shownColumns(width, mapping);
  return (
    <>
      <h3 id={`${ids}-header`}>Заголовок и столбцы</h3>
      <div className="field">
        <label htmlFor={`${ids}-row`}>Строка заголовка</label>
        <select id={`${ids}-row`} value={headerRow} onChange={(e) => onHeaderRow(Number(e.target.value))}>
          {headerRow === 0 && <option value={0}>— не найдена, выберите —</option>}
          {topRows.map((cells, i) => (
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
                {shown.map((c) => (
                  <option key={c} value={c}>
                    {columnLetter(c)}:{' '}
                    {shownText(columns[c]) || `(без заголовка) ${shownText(sample(c))}`.trim()}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </fieldset>
    </>
  );
});
