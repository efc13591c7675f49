import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import type { PartnershipKind } from '../../shared/domain/types';
import { Field } from '../app/Field';
import type { MeetingFormValues } from './meetingFormModel';

/**
 * «Для протокола»: what only the protocol prints (МКД: the building's address and ГИС ЖКХ number; both:
 * the initiator, where the originals are kept, dissents). The building's area is a rule setting (LawSettingsFields).
 */
export function ProtocolFields({
  kind,
  register,
  errors,
}: {
  kind: PartnershipKind;
  register: UseFormRegister<MeetingFormValues>;
  errors: FieldErrors<MeetingFormValues>;
}) {
  const mkd = kind === 'mkd';
  return (
    <fieldset className="group">
      <legend>Для протокола</legend>
      {mkd && (
        <Field label="Адрес многоквартирного дома">
          {(p) => <input {...p} type="text" {...register('address')} />}
        </Field>
      )}
      <Field
        label="Инициатор собрания"
        hint={
          mkd
            ? 'ФИО, номер помещения и документ о праве собственности; для организации — наименование и ОГРН'
            : 'Например: правление товарищества'
        }
      >
        {(p) => <input {...p} type="text" {...register('initiator')} />}
      </Field>
      <div className="form-row">
        <Field label="Где хранятся оригиналы протокола и бюллетеней">
          {(p) => <input {...p} type="text" {...register('originalsStorage')} />}
        </Field>
        {mkd && (
          <Field label="Номер собрания в ГИС ЖКХ">
            {(p) => <input {...p} type="text" {...register('gisNumber')} />}
          </Field>
        )}
      </div>
      <Field
        label="Голосовали «против» и просили внести в протокол"
        hint="По одному в строке: «номер вопроса: ФИО», например «2: Иванов Иван Иванович»"
        error={errors.dissents?.message}
      >
        {(p) => <textarea {...p} rows={2} {...register('dissents')} />}
      </Field>
    </fieldset>
  );
}
