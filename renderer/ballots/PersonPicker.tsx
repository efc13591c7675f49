import { useEffect, useMemo, useRef } from 'react';
import type { Person } from '../../shared/domain/types';
import { buildRegistryIndex, type RegistryIndex } from '../../shared/registry/search';
import { STATUS_LABEL } from '../../shared/vocabulary';
import { PersonSearch } from '../registry/PersonSearch';

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
 * A form's person field: the person picked (with «другой» to pick again), or the one person search
 * (renderer/registry/PersonSearch). Once a person is picked the focus moves on to the next field of the
 * form (the search box is gone).
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
  const plots = (p: Person) => p.holdings.map((h) => h.plotNumber).join(', ');
  const box = useRef<HTMLDivElement>(null);
  const picked = useRef(false);
  const pick = (p: Person) => {
    picked.current = true;
    onChange(p);
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
        <PersonSearch label={label} index={search} error={error} onPick={pick} />
      )}
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
