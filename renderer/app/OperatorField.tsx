import { useEffect, useId, useRef, useState } from 'react';
import { useDb } from './DbContext';
import { DEFAULT_OPERATOR, getOperator, onOperatorChange, setOperator } from './operator';

/**
 * «Оператор: …» in the top bar: who is at the keyboard, recorded with every change in the audit trail
 * and in every ballot version. Saved when the field is left or Enter is pressed.
 */
export function OperatorField() {
  const db = useDb();
  const id = useId();
  const [stored, setStored] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const storedRef = useRef<string | null>(null);

  useEffect(() => {
    let live = true;
    void getOperator(db).then((name) => {
      if (!live) return;
      storedRef.current = name;
      setStored(name);
      setDraft(name);
    });
    // A save finishing while the next name is already typed must not overwrite what is typed.
    const off = onOperatorChange((name) => {
      const before = storedRef.current;
      storedRef.current = name;
      setStored(name);
      setDraft((typed) => (typed === before || typed.trim() === name ? name : typed));
    });
    return () => {
      live = false;
      off();
    };
  }, [db]);

  const save = () => {
    const name = draft.trim();
    if (!name) {
      setDraft(stored ?? DEFAULT_OPERATOR);
      return;
    }
    if (name !== stored) void setOperator(db, name);
  };

  return (
    <span className="operator">
      <label htmlFor={id}>Оператор:</label>
      <input
        id={id}
        value={draft}
        disabled={stored === null}
        maxLength={120}
        title="Кто сейчас работает с программой: записывается в журнал изменений"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') {
            setDraft(stored ?? '');
            e.currentTarget.blur();
          }
        }}
      />
    </span>
  );
}
