import { memo, type ReactNode } from 'react';
import type { PartnershipKind } from '../../../shared/domain/types';
import { columnLetter } from '../../../shared/gosuslugi/checkMapping';
import type { RegistryMapping } from '../../../shared/registry/parseRegistry';
import { registryFieldLabel, type RegistryField } from '../../../shared/registry/registryFields';
import { ImportDiffList } from './ImportDiffList';
import { ImportMapping } from './ImportMapping';
import type { ImportAnalysis } from './importSession';
import { ProblemsSection } from './ProblemsSection';
import { COLUMNS_SHOWN, shownColumns, shownText } from './shownColumns';
import { useSteadyCallback } from './useSteadyCallback';

/** True when importing would change nothing stored. */
export function nothingToImport(analysis: ImportAnalysis, deleteMissing: boolean): boolean {
  const n = analysis.diffCounts;
  return n.added === 0 && n.changed === 0 && (!deleteMissing || n.removed === 0);
}

// The analysis is put together part by part (analysisDelta): a part a fix did not change is the same object
// as before, and the section drawing it is skipped.
const DiffList = memo(ImportDiffList);

const FirstRows = memo(function FirstRows({
  preview,
  width,
  columns,
  mapping,
  kind,
}: Pick<ImportAnalysis, 'preview' | 'width' | 'columns' | 'mapping'> & { kind: PartnershipKind }) {
  const fieldOfColumn = new Map<number, RegistryField>();
  for (const [f, c] of Object.entries(mapping)) if (c !== undefined) fieldOfColumn.set(c, f as RegistryField);
  const shown = shownColumns(width, mapping);
  return (
    <>
      {width > shown.length && (
        <p className="notice">
          Показаны первые {COLUMNS_SHOWN} столбцов из {width.toLocaleString('ru-RU')} и выбранные для
          загрузки.
        </p>
      )}
      <div className="preview-scroll">
        <table className="grid" aria-label="Первые строки файла">
          <thead>
            <tr>
              <th scope="col">Строка</th>
              {shown.map((c) => {
                const field = fieldOfColumn.get(c);
                return (
                  <th key={c} scope="col">
                    {columnLetter(c)}: {shownText(columns[c])}
                    <br />
                    <small>{field ? `→ ${registryFieldLabel(field, kind)}` : 'не загружается'}</small>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {preview.map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                {shown.map((c) => (
                  <td key={c}>{shownText(r.cells[c])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
});

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
  const { diff, mapping, problems } = analysis;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const nothingToDo = nothingToImport(analysis, deleteMissing);
  const remap = useSteadyCallback(onRemap);
  const headerRow = useSteadyCallback(onHeaderRow);
  const fix = useSteadyCallback(onFix);

  return (
    <div aria-busy={busy}>
      <p>
        Файл «{analysis.fileName}»{analysis.sheetName ? `, лист «${analysis.sheetName}»` : ''}.
      </p>

      <ImportMapping
        headerRow={analysis.headerRow}
        topRows={analysis.topRows}
        mapping={mapping}
        width={analysis.width}
        columns={analysis.columns}
        sampleRow={analysis.preview[0]?.cells}
        kind={kind}
        onRemap={remap}
        onHeaderRow={headerRow}
      />

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
      <DiffList diff={diff} counts={analysis.diffCounts} kind={kind} deleteMissing={deleteMissing} />
      {nothingToDo && !errors && <p className="notice ok">Изменений нет: реестр уже совпадает с файлом.</p>}

      {statusValues}

      <h3>
        Проблемы: ошибок {errors}, предупреждений {warnings}
      </h3>
      <ProblemsSection
        rows={analysis.problemRows}
        total={analysis.problemRowCount}
        problems={problems}
        mapping={mapping}
        kind={kind}
        onFix={fix}
      />

      <h3>Первые строки файла</h3>
      <FirstRows
        preview={analysis.preview}
        width={analysis.width}
        columns={analysis.columns}
        mapping={mapping}
        kind={kind}
      />

      {analysis.keptAside.length > 0 && (
        <p className="notice error">
          Строки с ошибками ({analysis.keptAside.length}) не будут импортированы, пока их не исправят:
          остальные можно импортировать сейчас.
        </p>
      )}
    </div>
  );
}
