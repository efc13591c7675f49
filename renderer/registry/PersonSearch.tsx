import { useState } from 'react';
import type { Person } from '../../shared/domain/types';
import { formatSnils } from '../../shared/registry/snils';
import { searchRegistry, type RegistryIndex } from '../../shared/registry/search';
import { STATUS_LABEL } from '../../shared/vocabulary';

const SHOWN = 8;

/** A person as one line: name, plots, СНИЛС. */
export function personLine(p: Person): string {
  const plots = p.holdings.map((h) => h.plotNumber).join(', ');
  return [p.fullName, plots && `уч. ${plots}`, p.snils && `СНИЛС ${formatSnils(p.snils)}`]
    .filter(Boolean)
    .join(', ');
}

/**
 * The one person picker: a search box over the registry (by plot number, name or СНИЛС, as on the
 * registry screen) with the best matches as buttons; Enter takes the first. `index` may be a function,
 * called the first time something is typed (the index is built only then).
 */
export function PersonSearch({
  label,
  index,
  disabled,
  error,
  className,
  links,
  onPick,
}: {
  label: string;
  index: RegistryIndex | (() => RegistryIndex);
  disabled?: boolean | undefined;
  error?: string | undefined;
  className?: string | undefined;
  /** Matches drawn as links (inside a card) rather than as a list of buttons (a form field). */
  links?: boolean;
  onPick: (person: Person) => void;
}) {
  const [query, setQuery] = useState('');
  const typed = query.trim() !== '';
  const hits = typed ? searchRegistry(typeof index === 'function' ? index() : index, query, SHOWN) : [];
  const pick = (p: Person) => {
    setQuery('');
    onPick(p);
  };
  return (
    <div className={className}>
      <label>
        {label}
        <input
          type="search"
          value={query}
          disabled={disabled}
          placeholder="участок, ФИО или СНИЛС"
          autoComplete="off"
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
      {typed && (
        <ul aria-label={`Найдено: ${label}`} className="person-hits">
          {hits.length === 0 && <li className="empty">Никого не нашлось.</li>}
          {hits.map((h) => (
            <li key={h.person.id}>
              <button
                type="button"
                className={links ? 'link' : undefined}
                disabled={disabled}
                aria-label={`Выбрать: ${h.person.fullName}`}
                onClick={() => pick(h.person)}
              >
                {personLine(h.person)} · {STATUS_LABEL[h.person.status]}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
