import { useForm } from 'react-hook-form';
import type { Partnership, PartnershipKind } from '../../shared/domain/types';
import type { PartnershipInput } from '../db/partnershipRepo';
import { Field } from '../app/Field';
import { innProblem, ogrnProblem } from './requisites';

interface FormValues {
  name: string;
  kind: PartnershipKind;
  inn: string;
  ogrn: string;
  address: string;
}

function toValues(p: Partnership | undefined): FormValues {
  return {
    name: p?.name ?? '',
    kind: p?.kind ?? 'snt',
    inn: p?.inn ?? '',
    ogrn: p?.ogrn ?? '',
    address: p?.address ?? '',
  };
}

/** The partnership's name, kind and requisites; Russian messages appear next to the fields. */
export function PartnershipForm({
  partnership,
  onSave,
}: {
  partnership: Partnership | undefined;
  onSave: (input: PartnershipInput) => Promise<void>;
}) {
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({ defaultValues: toValues(partnership) });

  return (
    <form className="form" noValidate onSubmit={handleSubmit((v) => onSave(v))}>
      <Field label="Название" error={errors.name?.message}>
        {(p) => (
          <input
            {...p}
            type="text"
            autoComplete="organization"
            {...register('name', {
              validate: (v) => (v.trim() ? true : 'Укажите название товарищества.'),
            })}
          />
        )}
      </Field>
      <fieldset className="field">
        <legend>Вид</legend>
        <label className="choice">
          <input type="radio" value="snt" {...register('kind')} /> СНТ — садоводческое или огородническое
          товарищество
        </label>
        <label className="choice">
          <input type="radio" value="mkd" {...register('kind')} /> МКД — собственники помещений
          многоквартирного дома
        </label>
      </fieldset>
      <div className="form-row">
        <Field label="ИНН" error={errors.inn?.message} hint="Необязательно: 10 цифр (12 — у ИП)">
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode="numeric"
              {...register('inn', { validate: (v) => innProblem(v) ?? true })}
            />
          )}
        </Field>
        <Field label="ОГРН" error={errors.ogrn?.message} hint="Необязательно: 13 цифр">
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode="numeric"
              {...register('ogrn', { validate: (v) => ogrnProblem(v) ?? true })}
            />
          )}
        </Field>
      </div>
      <Field label="Адрес" error={errors.address?.message}>
        {(p) => <textarea {...p} rows={2} {...register('address')} />}
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          Сохранить
        </button>
      </div>
    </form>
  );
}
