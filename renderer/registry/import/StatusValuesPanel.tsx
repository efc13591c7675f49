import { useId } from 'react';
import type { PersonStatus } from '../../../shared/domain/types';
import type { UnknownStatus } from '../../../shared/registry/parseRegistry';
import { plural } from '../../../shared/meetings/dates';

const CHOICES: { status: PersonStatus; text: string }[] = [
  { status: 'member', text: 'член товарищества' },
  { status: 'gardener', text: 'садовод без членства' },
];

/** A value as the user reads it: the empty cell by name. */
export function valueText(text: string): string {
  return text === '' ? '(пусто)' : `«${text}»`;
}

function rowsText(rows: number[]): string {
  const shown = rows.slice(0, 8).join(', ');
  return rows.length > 8 ? `${shown} …` : shown;
}

/**
 * Status values the importer does not know, each once with the number of its rows: the user says what
 * each means, and the choice is remembered for the partnership when the import is written.
 */
export function StatusValuesPanel({
  unknown,
  chosen,
  onChoose,
}: {
  unknown: UnknownStatus[];
  /** Values mapped in this import (key -> status, with the text as first seen). */
  chosen: { key: string; text: string; status: PersonStatus }[];
  onChoose: (key: string, text: string, status: PersonStatus | '') => void;
}) {
  const ids = useId();
  if (unknown.length === 0 && chosen.length === 0) return null;
  // A value just chosen stays in `unknown` until the worker has checked the rows again: it is shown once,
  // with its choice.
  const chosenKeys = new Set(chosen.map((c) => c.key));
  const items = [
    ...unknown
      .filter((u) => !chosenKeys.has(u.key))
      .map((u) => ({ key: u.key, text: u.text, status: '' as const, rows: u.rows })),
    ...chosen.map((c) => ({ ...c, rows: undefined })),
  ];
  return (
    <section aria-labelledby={`${ids}-title`} className="status-values">
      <h3 id={`${ids}-title`}>Значения статуса</h3>
      {unknown.length > 0 && (
        <p className="notice warning">
          В столбце «Статус» есть значения, которые программа не знает. Укажите, что значит каждое: выбор
          запомнится для товарищества и будет применяться при следующих импортах.
        </p>
      )}
      <ul className="plain">
        {items.map((item) => {
          const id = `${ids}-${item.key}`;
          return (
            <li key={item.key} className="field inline">
              <label htmlFor={id}>
                {valueText(item.text)}
                {item.rows &&
                  ` — ${item.rows.length} ${plural(item.rows.length, ['строка', 'строки', 'строк'])} (${rowsText(item.rows)})`}
              </label>{' '}
              <select
                id={id}
                aria-label={`Что значит ${valueText(item.text)}`}
                value={item.status}
                onChange={(e) => onChoose(item.key, item.text, e.target.value as PersonStatus | '')}
              >
                <option value="">— выберите —</option>
                {CHOICES.map((c) => (
                  <option key={c.status} value={c.status}>
                    {c.text}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
