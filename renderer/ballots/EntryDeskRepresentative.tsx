/** F3 on the entry desk: the representative who signed the ballot and their power of attorney. */
import { useEffect, useRef, useState } from 'react';
import type { Representative } from '../../shared/domain/types';
import { powerOfAttorneyDateProblem } from '../../shared/paper/powerOfAttorney';
import { DateInput } from '../app/DateInput';
import { Field } from '../app/Field';

export function RepresentativeForm({
  value,
  receivedAt,
  onApply,
  onClose,
}: {
  value: Representative | undefined;
  /** The ballot's date received: the power of attorney cannot be later. */
  receivedAt: string;
  onApply: (rep: Representative | null) => void;
  onClose: () => void;
}) {
  const [name, setName] = useState(value?.fullName ?? '');
  const [poa, setPoa] = useState(value?.powerOfAttorney ?? '');
  const [date, setDate] = useState(value?.powerOfAttorneyDate ?? '');
  const [dateError, setDateError] = useState<string | undefined>();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <form
      className="rep-form"
      aria-label="Представитель по доверенности"
      onSubmit={(e) => {
        e.preventDefault();
        const problem = date ? powerOfAttorneyDateProblem(date, receivedAt) : null;
        if (problem) {
          setDateError(problem);
          return;
        }
        onApply(
          name.trim()
            ? {
                fullName: name.trim(),
                ...(poa.trim() ? { powerOfAttorney: poa.trim() } : {}),
                ...(date ? { powerOfAttorneyDate: date } : {}),
              }
            : null,
        );
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' || e.key === 'F3') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div className="form-row">
        <Field label="ФИО представителя">
          {(p) => (
            <input {...p} ref={first} type="text" value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <Field label="№ доверенности">
          {(p) => <input {...p} type="text" value={poa} onChange={(e) => setPoa(e.target.value)} />}
        </Field>
        <Field label="Дата доверенности" error={dateError}>
          {(p) => (
            <DateInput
              {...p}
              value={date}
              onChange={(v) => {
                setDate(v);
                setDateError(undefined);
              }}
            />
          )}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          Применить (Enter)
        </button>
        <button type="button" onClick={() => onApply(null)}>
          Без представителя
        </button>
        <button type="button" onClick={onClose}>
          Отмена (Esc)
        </button>
      </div>
    </form>
  );
}
