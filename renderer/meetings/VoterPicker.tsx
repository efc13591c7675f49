import { useDeferredValue, useMemo, useState } from 'react';
import type { PartnershipKind, Person } from '../../shared/domain/types';
import { holdingsLine } from '../../shared/documents/wording';
import { buildRegistryIndex, searchRegistry } from '../../shared/registry/search';
import { Field } from '../app/Field';
import { Modal } from '../app/Modal';
import { STATUS_FULL_LABEL } from '../../shared/vocabulary';

const SHOWN = 200;

/**
 * Choosing the voters for personalized ballots: search by name, plot or СНИЛС, tick the people; the
 * ballots come out in name order.
 */
export function VoterPicker({
  persons,
  kind,
  onCancel,
  onConfirm,
}: {
  persons: readonly Person[];
  kind: PartnershipKind;
  onCancel: () => void;
  onConfirm: (chosen: Person[]) => void;
}) {
  const index = useMemo(() => buildRegistryIndex(persons), [persons]);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const hits = useMemo(() => searchRegistry(index, deferred), [index, deferred]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState('');

  const toggle = (id: string, on: boolean) =>
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const confirm = () => {
    if (chosen.size === 0) {
      setError('Отметьте хотя бы одного участника.');
      return;
    }
    const ordered = searchRegistry(index, '')
      .map((h) => h.person)
      .filter((p) => chosen.has(p.id));
    onConfirm(ordered);
  };

  return (
    <Modal title="Бюллетени для выбранных участников" onClose={onCancel}>
      <div className="toolbar">
        <Field label="Поиск" className="search" hint="ФИО, номер участка или СНИЛС">
          {(p) => <input {...p} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />}
        </Field>
        <button
          type="button"
          onClick={() => setChosen((s) => new Set([...s, ...hits.map((h) => h.person.id)]))}
        >
          Отметить найденных ({hits.length})
        </button>
        <button type="button" onClick={() => setChosen(new Set())}>
          Снять все отметки
        </button>
      </div>
      <p className="counts" role="status" aria-label="Выбрано участников">
        Выбрано: {chosen.size} из {persons.length}
      </p>
      <ul className="picker-list" aria-label="Участники">
        {hits.slice(0, SHOWN).map(({ person: p }) => (
          <li key={p.id}>
            <label>
              <input
                type="checkbox"
                checked={chosen.has(p.id)}
                onChange={(e) => {
                  setError('');
                  toggle(p.id, e.target.checked);
                }}
              />
              <span>{p.fullName}</span>
              <span className="muted">
                {holdingsLine(p, kind)}, {STATUS_FULL_LABEL[p.status]}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {hits.length > SHOWN && (
        <p className="muted">
          Показаны первые {SHOWN} из {hits.length}: уточните поиск.
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={confirm}>
          Создать бюллетени ({chosen.size})
        </button>
        <button type="button" onClick={onCancel}>
          Отмена
        </button>
      </div>
    </Modal>
  );
}
