import { useMemo, useState } from 'react';
import type { Person } from '../../shared/domain/types';
import { STATUS_TEXT } from '../../shared/registry/registryLabels';
import { buildRegistryIndex, searchRegistry, type RegistryIndex } from '../../shared/registry/search';

/** Choose a registry person by plot number, name or СНИЛС (search as you type, Enter takes the first). */
export function PersonPicker({
  registry,
  index,
  value,
  onChange,
  label = 'Участник',
  error,
}: {
  registry: readonly Person[];
  index?: RegistryIndex;
  value: Person | null;
  onChange: (p: Person | null) => void;
  label?: string;
  error?: string | undefined;
}) {
  const search = useMemo(() => index ?? buildRegistryIndex(registry), [index, registry]);
  const [query, setQuery] = useState('');
  const hits = useMemo(() => (query.trim() ? searchRegistry(search, query, 8) : []), [search, query]);
  const plots = (p: Person) => p.holdings.map((h) => h.plotNumber).join(', ');
  return (
    <div className={`field picker${error ? ' field-invalid' : ''}`}>
      {value ? (
        <p>
          <strong>{label}:</strong> {value.fullName}, уч. {plots(value)}, {STATUS_TEXT[value.status]}{' '}
          <button type="button" className="link" onClick={() => onChange(null)}>
            другой
          </button>
        </p>
      ) : (
        <>
          <label>
            {label}
            <input
              type="search"
              value={query}
              placeholder="участок, ФИО или СНИЛС"
              aria-invalid={Boolean(error)}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && hits[0]) {
                  e.preventDefault();
                  onChange(hits[0].person);
                  setQuery('');
                }
              }}
            />
          </label>
          {hits.length > 0 && (
            <ul aria-label="Найденные участники">
              {hits.map((h) => (
                <li key={h.index}>
                  <button
                    type="button"
                    onClick={() => {
                      onChange(h.person);
                      setQuery('');
                    }}
                  >
                    {h.person.fullName} · уч. {plots(h.person)} · {STATUS_TEXT[h.person.status]}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
