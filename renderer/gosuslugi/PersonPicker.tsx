import { useId, useState } from 'react';
import type { Person } from '../../shared/domain/types';
import { formatSnils } from '../../shared/registry/snils';
import { searchRegistry, type RegistryIndex } from '../../shared/registry/search';

const SHOWN = 8;

export function personLine(p: Person): string {
  const plots = p.holdings.map((h) => h.plotNumber).join(', ');
  return [p.fullName, plots && `уч. ${plots}`, p.snils && `СНИЛС ${formatSnils(p.snils)}`]
    .filter(Boolean)
    .join(', ');
}

/**
 * A search box over the meeting's registry (by name, plot number or СНИЛС, as in the registry screen)
 * with the best matches as buttons. The index is built the first time something is typed.
 */
export function PersonPicker({
  label,
  getIndex,
  disabled,
  onPick,
}: {
  label: string;
  getIndex: () => RegistryIndex;
  disabled?: boolean;
  onPick: (person: Person) => void;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const hits = query.trim() ? searchRegistry(getIndex(), query, SHOWN) : [];
  return (
    <div className="gos-picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={query}
        disabled={disabled}
        placeholder="ФИО, номер участка или СНИЛС"
        autoComplete="off"
        onChange={(e) => setQuery(e.target.value)}
      />
      {query.trim() !== '' && (
        <ul aria-label={`Найдено: ${label}`} className="gos-hits">
          {hits.length === 0 && <li className="empty">Никого не нашлось.</li>}
          {hits.map((h) => (
            <li key={h.person.id}>
              <button
                type="button"
                className="link"
                disabled={disabled}
                aria-label={`Выбрать: ${h.person.fullName}`}
                onClick={() => {
                  setQuery('');
                  onPick(h.person);
                }}
              >
                {personLine(h.person)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
