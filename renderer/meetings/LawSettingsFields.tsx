import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import type { MeetingForm, PartnershipKind } from '../../shared/domain/types';
import { Field } from '../app/Field';
import type { MeetingFormValues } from './meetingFormModel';

/** The settings the law leaves to the building or the charter, for the meeting's kind and form. */
export function LawSettingsFields({
  kind,
  form,
  register,
  errors,
}: {
  kind: PartnershipKind;
  form: MeetingForm;
  register: UseFormRegister<MeetingFormValues>;
  errors: FieldErrors<MeetingFormValues>;
}) {
  return (
    <fieldset className="group">
      <legend>Правила закона и устава</legend>
      {kind === 'mkd' ? (
        <>
          <Field
            label="Общая площадь жилых и нежилых помещений дома, м² (по техническому паспорту)"
            error={errors.buildingArea?.message}
          >
            {(p) => <input {...p} type="text" inputMode="decimal" {...register('buildingArea')} />}
          </Field>
          <p className="muted">
            Если указана, кворум и решения «от общего числа голосов» считаются от неё, а не от суммы площадей
            в реестре (ч. 3 ст. 45, ч. 1 ст. 46 ЖК РФ).
          </p>
          <label className="check">
            <input type="checkbox" {...register('viaGisZhkh')} />
            собрание проводится в ГИС ЖКХ (ст. 47.1 ЖК РФ: уведомление за 14 дней, голосование 7–60 дней)
          </label>
        </>
      ) : (
        <>
          <label className="check">
            <input type="checkbox" {...register('charterAllowsElectronic')} />
            устав предусматривает голосование с применением электронных средств (ст. 17.1 Федерального закона
            № 217-ФЗ)
          </label>
          <label className="check">
            <input type="checkbox" {...register('emergencyRegime')} />
            введён режим повышенной готовности или чрезвычайной ситуации (ч. 22 ст. 17 Федерального закона №
            217-ФЗ)
          </label>
        </>
      )}
      {form === 'mixed' && (
        <fieldset className="field">
          <legend>Бумажные бюллетени засчитываются, если получены</legend>
          <label className="check">
            <input type="radio" value="votingEnd" {...register('paperUntil')} />
            до окончания голосования (регламент)
          </label>
          <label className="check">
            <input type="radio" value="session" {...register('paperUntil')} />
            до начала очной части (если так сказано в уставе)
          </label>
        </fieldset>
      )}
    </fieldset>
  );
}
