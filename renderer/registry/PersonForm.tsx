import { useState } from 'react';
import { useFieldArray, useForm, type FieldPath } from 'react-hook-form';
import type { PartnershipKind, Person, PersonStatus } from '../../shared/domain/types';
import { Field } from '../app/Field';
import {
  EMPTY_HOLDING,
  personFormProblems,
  toFormValues,
  toPerson,
  type FormProblem,
  type PersonFormValues,
} from './personFormModel';
import { STATUS_LABEL } from '../../shared/vocabulary';

function statusOptions(kind: PartnershipKind, current: PersonStatus | undefined): PersonStatus[] {
  const base: PersonStatus[] = kind === 'mkd' ? ['owner'] : ['member', 'gardener'];
  return current && !base.includes(current) ? [...base, current] : base;
}

/**
 * Adding or editing one person. On «Сохранить» the person is checked against the rest of the registry;
 * errors appear next to their fields and nothing is saved until they are fixed. Warnings (e.g. no plot)
 * are shown once and need a second press.
 */
export function PersonForm({
  person,
  others,
  kind,
  onSave,
  onCancel,
}: {
  person: Person | undefined;
  others: readonly Person[];
  kind: PartnershipKind;
  onSave: (p: Person) => Promise<void>;
  onCancel: () => void;
}) {
  const {
    register,
    control,
    handleSubmit,
    setError,
    clearErrors,
    formState: { errors, isSubmitting },
  } = useForm<PersonFormValues>({ defaultValues: toFormValues(person, kind) });
  const holdings = useFieldArray({ control, name: 'holdings' });
  const [warnings, setWarnings] = useState<FormProblem[]>([]);
  const [warningsSeen, setWarningsSeen] = useState(false);
  const plotWord = kind === 'mkd' ? 'Помещение' : 'Участок';

  const submit = async (values: PersonFormValues) => {
    const { person: edited, holdingRows } = toPerson(values, person);
    const found = personFormProblems(edited, others, kind, holdingRows);
    clearErrors();
    const errs = found.filter((p) => p.severity === 'error');
    for (const p of errs) {
      setError(p.path as FieldPath<PersonFormValues>, { type: 'validate', message: p.message });
    }
    const warns = found.filter((p) => p.severity === 'warning');
    const newWarnings = warns.some(
      (w) => !warnings.some((x) => x.path === w.path && x.message === w.message),
    );
    setWarnings(warns);
    if (errs.length > 0) return;
    if (warns.length > 0 && (!warningsSeen || newWarnings)) {
      setWarningsSeen(true);
      return;
    }
    await onSave(edited);
  };

  const warningAt = (path: string) => warnings.find((w) => w.path === path)?.message;
  const holdingErrors = errors.holdings;

  return (
    <form className="form" noValidate onSubmit={handleSubmit(submit)}>
      <div className="form-row">
        <Field label="ФИО" error={errors.fullName?.message}>
          {(p) => <input {...p} type="text" {...register('fullName')} />}
        </Field>
        <Field label="Статус" error={errors.status?.message}>
          {(p) => (
            <select {...p} {...register('status')}>
              {statusOptions(kind, person?.status).map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="СНИЛС" error={errors.snils?.message} hint="Например 123-456-789 01">
          {(p) => <input {...p} type="text" inputMode="numeric" {...register('snils')} />}
        </Field>
      </div>

      <fieldset className="field">
        <legend>{kind === 'mkd' ? 'Помещения' : 'Участки'}</legend>
        {holdings.fields.map((f, i) => (
          <fieldset key={f.id} className="holding" aria-label={`${plotWord} ${i + 1}`}>
            <Field label="Номер" error={holdingErrors?.[i]?.plotNumber?.message}>
              {(p) => <input {...p} type="text" {...register(`holdings.${i}.plotNumber`)} />}
            </Field>
            <Field
              label="Кадастровый номер"
              error={holdingErrors?.[i]?.cadastralNumber?.message}
              hint={i === 0 ? 'Вида 50:18:0080301:152' : undefined}
            >
              {(p) => <input {...p} type="text" {...register(`holdings.${i}.cadastralNumber`)} />}
            </Field>
            <Field label="Площадь, м²" error={holdingErrors?.[i]?.area?.message}>
              {(p) => <input {...p} type="text" inputMode="decimal" {...register(`holdings.${i}.area`)} />}
            </Field>
            <Field
              label="Доля"
              error={holdingErrors?.[i]?.share?.message ?? warningAt(`holdings.${i}.share`)}
              hint={i === 0 ? 'Пусто — целиком; 1/2, 0,5' : undefined}
            >
              {(p) => <input {...p} type="text" {...register(`holdings.${i}.share`)} />}
            </Field>
            <button
              type="button"
              className="danger"
              aria-label={`Убрать: ${plotWord.toLowerCase()} ${i + 1}`}
              onClick={() => holdings.remove(i)}
            >
              Убрать
            </button>
          </fieldset>
        ))}
        {warningAt('holdings') && <p className="field-hint warning">{warningAt('holdings')}</p>}
        <button type="button" onClick={() => holdings.append({ ...EMPTY_HOLDING })}>
          {kind === 'mkd' ? 'Добавить помещение' : 'Добавить участок'}
        </button>
      </fieldset>

      <div className="form-row">
        <Field label="Телефон">{(p) => <input {...p} type="tel" {...register('phone')} />}</Field>
        <Field label="Эл. почта" error={errors.email?.message}>
          {(p) => <input {...p} type="email" {...register('email')} />}
        </Field>
      </div>
      <div className="form-row">
        <Field label="Адрес места жительства">
          {(p) => <input {...p} type="text" {...register('residentialAddress')} />}
        </Field>
        <Field label="Почтовый адрес">
          {(p) => <input {...p} type="text" {...register('postalAddress')} />}
        </Field>
      </div>
      <Field label="Примечание">{(p) => <textarea {...p} rows={2} {...register('note')} />}</Field>

      {warnings.length > 0 && (
        <div className="notice" role="note">
          {warnings.map((w) => (
            <p key={`${w.path}:${w.message}`}>{w.message}</p>
          ))}
          <p>Можно сохранить так: нажмите «Сохранить» ещё раз.</p>
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          Сохранить
        </button>
        <button type="button" onClick={onCancel}>
          Отмена
        </button>
      </div>
    </form>
  );
}
