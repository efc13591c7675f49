import { useEffect, useId, useState } from 'react';
import type { AgendaQuestion, ColumnRole, GosuslugiMapping } from '../../shared/gosuslugi/mapping';
import { roleOfColumn } from '../../shared/gosuslugi/mapping';
import { columnLetter } from '../../shared/gosuslugi/checkMapping';
import { GOSUSLUGI_FIELD_LABEL } from '../../shared/gosuslugi/fields';
import type { MappingView, PreviewView } from './importSession';
import { FIELD_ORDER, roleOfValue, roleText, roleValue, shorten } from './importText';
import { PreviewCounts } from './PreviewCounts';

/** Sample values shown per column. */
const SAMPLES = 3;

/**
 * Step 1: what each column of the file is. The proposal comes with a confidence and a reason; the
 * user corrects any column, marks agenda questions the file does not have, or names the header rows
 * when they were not found. The counts below follow every change.
 */
export function MappingStep({
  view,
  mapping,
  preview,
  agenda,
  manual,
  busy,
  onRole,
  onAbsent,
  onHeader,
  onNext,
}: {
  view: MappingView;
  mapping: GosuslugiMapping | null;
  preview: PreviewView | null;
  agenda: readonly AgendaQuestion[];
  /** Columns the user set by hand. */
  manual: ReadonlySet<number>;
  busy: boolean;
  onRole: (col: number, role: ColumnRole) => void;
  onAbsent: (question: number, absent: boolean) => void;
  onHeader: (first: number, last: number) => void;
  onNext: () => void;
}) {
  const proposals = new Map(view.proposals.map((p) => [p.col, p]));
  const mappingErrors = preview?.mappingErrors ?? [];
  return (
    <div className="gos-step">
      <h3>Шаг 1. Что в столбцах файла</h3>
      {view.remembered && (
        <p className="notice ok">
          Файл такого же вида уже загружался: столбцы сопоставлены так, как вы подтвердили в прошлый раз.
        </p>
      )}
      <HeaderRows view={view} busy={busy} onHeader={onHeader} />
      {mapping && (
        <>
          <div className="table-scroll gos-scroll">
            <table className="grid gos-columns" aria-label="Столбцы файла">
              <thead>
                <tr>
                  <th className="gos-col-letter">Столбец</th>
                  <th>Заголовок в файле</th>
                  <th className="gos-col-role">Что это</th>
                  <th>Уверенность</th>
                  <th>Примеры значений</th>
                </tr>
              </thead>
              <tbody>
                {view.columns.map((c) => {
                  const role = roleOfColumn(mapping, c.col);
                  const p = proposals.get(c.col);
                  const samples = view.sample
                    .map((s) => s.cells[c.col] ?? '')
                    .filter(Boolean)
                    .slice(0, SAMPLES);
                  const sure = manual.has(c.col) || (p?.confidence ?? 1) >= 0.9;
                  return (
                    <tr key={c.col} className={sure ? undefined : 'gos-unsure'}>
                      <td>{c.letter}</td>
                      <td title={c.header}>{c.header || '(пусто)'}</td>
                      <td>
                        <select
                          aria-label={`Что в столбце ${c.letter}`}
                          value={roleValue(role)}
                          disabled={busy}
                          onChange={(e) => onRole(c.col, roleOfValue(e.target.value))}
                        >
                          <option value="extra">— не использовать —</option>
                          <optgroup label="Участник">
                            {FIELD_ORDER.map((f) => (
                              <option key={f} value={`field:${f}`}>
                                {GOSUSLUGI_FIELD_LABEL[f]}
                              </option>
                            ))}
                          </optgroup>
                          <optgroup label="Вопросы повестки">
                            {agenda.map((q) => (
                              <option key={q.number} value={`question:${q.number}`}>
                                {roleText({ kind: 'question', number: q.number }, agenda)}
                              </option>
                            ))}
                          </optgroup>
                        </select>
                      </td>
                      <td className="gos-reason" title={p?.reason}>
                        {manual.has(c.col)
                          ? 'указано вручную'
                          : p
                            ? `${sure ? 'уверенно' : 'проверьте'}: ${p.reason}`
                            : ''}
                      </td>
                      <td title={samples.join(', ')}>{samples.join(', ')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <AgendaCheck agenda={agenda} mapping={mapping} busy={busy} onAbsent={onAbsent} />
          <SampleRows view={view} />
        </>
      )}
      {view.header && view.problems.length > 0 && (
        <ul className="problems" aria-label="Замечания к файлу">
          {view.problems.map((p, i) => (
            <li key={i} className={p.severity}>
              {p.message}
            </li>
          ))}
        </ul>
      )}
      {mappingErrors.length > 0 && (
        <ul className="problems" aria-label="Что ещё нужно указать">
          {mappingErrors.map((p, i) => (
            <li key={i} className="error">
              {p.message}
            </li>
          ))}
        </ul>
      )}
      {preview && <PreviewCounts preview={preview} />}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy || !mapping || !preview || mappingErrors.length > 0}
          onClick={onNext}
        >
          Далее: проверка строк
        </button>
      </div>
    </div>
  );
}

function HeaderRows({
  view,
  busy,
  onHeader,
}: {
  view: MappingView;
  busy: boolean;
  onHeader: (first: number, last: number) => void;
}) {
  const id = useId();
  const [first, setFirst] = useState(String(view.header?.first ?? ''));
  const [last, setLast] = useState(String(view.header?.last ?? ''));
  useEffect(() => {
    setFirst(String(view.header?.first ?? ''));
    setLast(String(view.header?.last ?? ''));
  }, [view.header?.first, view.header?.last]);
  const f = Number(first);
  const l = Number(last || first);
  const valid = Number.isInteger(f) && Number.isInteger(l) && f >= 1 && l >= f;
  return (
    <div className="gos-header-rows">
      {!view.header && (
        <>
          <p className="notice error" role="alert">
            {view.problems[0]?.message ?? 'Строка заголовка не найдена.'}
          </p>
          <div className="table-scroll gos-scroll">
            <table className="grid" aria-label="Первые строки файла">
              <tbody>
                {view.topRows.map((row, i) => (
                  <tr key={i}>
                    <th scope="row">{i + 1}</th>
                    {row.map((cell, c) => (
                      <td key={c} title={cell}>
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="toolbar">
        <div className="field">
          <label htmlFor={`${id}-first`}>Заголовок: первая строка</label>
          <input
            id={`${id}-first`}
            type="number"
            min={1}
            value={first}
            onChange={(e) => setFirst(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-last`}>последняя строка</label>
          <input
            id={`${id}-last`}
            type="number"
            min={1}
            value={last}
            onChange={(e) => setLast(e.target.value)}
          />
        </div>
        <button
          type="button"
          disabled={busy || !valid || (f === view.header?.first && l === view.header?.last)}
          onClick={() => onHeader(f, l)}
        >
          Перечитать с этим заголовком
        </button>
      </div>
    </div>
  );
}

function AgendaCheck({
  agenda,
  mapping,
  busy,
  onAbsent,
}: {
  agenda: readonly AgendaQuestion[];
  mapping: GosuslugiMapping;
  busy: boolean;
  onAbsent: (question: number, absent: boolean) => void;
}) {
  return (
    <section aria-label="Вопросы повестки в файле" className="gos-agenda">
      <h4>Вопросы повестки</h4>
      <ul>
        {agenda.map((q) => {
          const col = mapping.questions[q.number];
          const absent = mapping.absentQuestions.includes(q.number);
          return (
            <li key={q.number} className={col === undefined && !absent ? 'gos-missing' : undefined}>
              <span>
                {q.number}. {shorten(q.text, 80)} —{' '}
                {col !== undefined ? `столбец ${columnLetter(col)}` : absent ? 'нет в файле' : 'нет столбца'}
              </span>
              {col === undefined && (
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={absent}
                    disabled={busy}
                    onChange={(e) => onAbsent(q.number, e.target.checked)}
                  />{' '}
                  Вопроса {q.number} в файле нет
                </label>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function SampleRows({ view }: { view: MappingView }) {
  if (view.sample.length === 0) return null;
  return (
    <div className="table-scroll gos-scroll gos-sample">
      <table className="grid" aria-label="Первые строки участников">
        <thead>
          <tr>
            <th className="gos-col-letter">Строка</th>
            {view.columns.map((c) => (
              <th key={c.col} title={c.header}>
                {c.letter}: {shorten(c.header, 24)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.sample.map((s) => (
            <tr key={s.row}>
              <td>{s.row}</td>
              {view.columns.map((c) => (
                <td key={c.col} title={s.cells[c.col]}>
                  {s.cells[c.col]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
