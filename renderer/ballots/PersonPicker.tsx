import { useEffect, useMemo, useRef, useState } from 'react';
import type { Person } from '../../shared/domain/types';
import { buildRegistryIndex, searchRegistry, type RegistryIndex } from '../../shared/registry/search';
import { STATUS_LABEL } from '../../shared/vocabulary';

/** The first control after `box` in its form (where the focus goes once a person is picked). */
function nextControl(box: HTMLElement): HTMLElement | undefined {
  const scope = box.closest('form') ?? box.ownerDocument.body;
  const controls = scope.querySelectorAll<HTMLElement>('input, select, textarea, button');
  for (const el of controls) {
    if (box.contains(el) || (el as HTMLInputElement).disabled) continue;
    if (box.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) return el;
  }
  return undefined;
}

/**
 * Choose a registry person by plot number, name or СНИЛС (search as you type, Enter takes the first).
 * Once a person is picked the focus moves on to the next field of the form (the search box is gone).
 */
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
  const box = useRef<HTMLDivElement>(null);
  const picked = useRef(false);
  const pick = (p: Person) => {
    picked.current = true;
    onChange(p);
    setQuery('');
  };
  useEffect(() => {
    if (!picked.current || !value || !box.current) return;
    picked.current = false;
    nextControl(box.current)?.focus();
  }, [value]);
  return (
    <div ref={box} className={`field picker${error ? ' field-invalid' : ''}`}>
      {value ? (
        <p>
          <strong>{label}:</strong> {value.fullName}, уч. {plots(value)}, {STATUS_LABEL[value.status]}{' '}
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
                  pick(hits[0].person);
                }
              }}
            />
          </label>
          {hits.length > 0 && (
            <ul aria-label="Найденные участники">
              {hits.map((h) => (
                <li key={h.index}>
                  <button type="button" onClick={() => pick(h.person)}>
                    {h.person.fullName} · уч. {plots(h.person)} · {STATUS_LABEL[h.person.status]}
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
