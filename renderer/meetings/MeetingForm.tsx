import { memo, useEffect, useRef, useState } from 'react';
import { Controller, useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import type { Channel } from '../../shared/domain/types';
import { type Meeting } from '../../shared/meetings/meeting';
import { DateInput } from '../app/DateInput';
import { Field, type FieldControlProps } from '../app/Field';
import { meetingFormErrors, toFormValues, toMeeting, type MeetingFormValues } from './meetingFormModel';
import { LabelOptions } from '../app/LabelOptions';
import { LawSettingsFields } from './LawSettingsFields';
import { ProtocolFields } from './ProtocolFields';
import { CHANNEL_LABEL, FORM_LABEL, MEETING_KIND_LABEL } from '../../shared/vocabulary';

type DateName =
  | 'votingStart'
  | 'votingEnd'
  | 'sessionDate'
  | 'paperBallotDeadline'
  | 'countDate'
  | 'noticeDate'
  | 'materialsDate';

/** Errors by field; `questions`: the agenda's numbers (the dissents name them). */
const resolverFor =
  (questions: () => number[]): Resolver<MeetingFormValues> =>
  async (values) => {
    const found = meetingFormErrors(values, questions());
    const errors: FieldErrors<MeetingFormValues> = {};
    for (const [key, message] of Object.entries(found)) {
      (errors as Record<string, { type: string; message: string }>)[key] = { type: 'validate', message };
    }
    return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
  };

const CHANNELS: Channel[] = ['paper', 'in_person', 'gosuslugi'];

/**
 * The meeting's details: title, kind and form, dates and places, people, counting settings. Errors
 * appear next to their fields on «Сохранить»; after that they follow the typing. `onDraft` receives
 * the meeting as typed (unsaved), so the timeline beside the form follows every change.
 */
export const MeetingForm = memo(function MeetingForm({
  meeting,
  onSave,
  onDraft,
  onDirty,
}: {
  meeting: Meeting;
  onSave: (m: Meeting) => Promise<void>;
  onDraft?: (m: Meeting) => void;
  /** Told whether the form holds edits not saved yet. */
  onDirty?: (dirty: boolean) => void;
}) {
  const base = useRef(meeting);
  const [resolver] = useState(() => resolverFor(() => base.current.questions.map((q) => q.number)));
  const {
    register,
    control,
    handleSubmit,
    watch,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<MeetingFormValues>({
    defaultValues: toFormValues(meeting),
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  useEffect(() => {
    base.current = meeting;
  }, [meeting]);
  // Dates in the Russian order whatever the browser's locale (renderer/app/DateInput).
  const dateInput = (name: DateName, p: FieldControlProps) => (
    <Controller
      name={name}
      control={control}
      render={({ field }) => (
        <DateInput
          {...p}
          name={field.name}
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
        />
      )}
    />
  );

  useEffect(() => {
    if (!onDraft) return;
    const sub = watch((values) => onDraft(toMeeting(values as MeetingFormValues, base.current)));
    return () => sub.unsubscribe();
  }, [watch, onDraft]);

  useEffect(() => onDirty?.(isDirty), [isDirty, onDirty]);

  const form = watch('form');
  const conflicts = watch('conflicts');

  const submit = async (values: MeetingFormValues) => {
    try {
      await onSave(toMeeting(values, base.current));
      reset(values);
    } catch {
      // The parent reported the failure; the form keeps the edits.
    }
  };

  return (
    <form
      className="form meeting-form"
      noValidate
      onSubmit={handleSubmit(submit)}
      aria-label="Сведения о собрании"
    >
      <Field label="Название собрания" error={errors.title?.message}>
        {(p) => <input {...p} type="text" {...register('title')} />}
      </Field>
      <div className="form-row">
        <Field label="Вид собрания">
          {(p) => (
            <select {...p} {...register('meetingKind')}>
              <LabelOptions labels={MEETING_KIND_LABEL} />
            </select>
          )}
        </Field>
        <Field label="Форма проведения">
          {(p) => (
            <select {...p} {...register('form')}>
              <LabelOptions labels={FORM_LABEL} />
            </select>
          )}
        </Field>
      </div>

      <fieldset className="group">
        <legend>Голосование</legend>
        <div className="form-row">
          <Field label="Начало голосования" error={errors.votingStart?.message}>
            {(p) => dateInput('votingStart', p)}
          </Field>
          <Field label="Окончание голосования" error={errors.votingEnd?.message}>
            {(p) => dateInput('votingEnd', p)}
          </Field>
        </div>
      </fieldset>

      {form !== 'remote' && (
        <fieldset className="group">
          <legend>Очная часть</legend>
          <div className="form-row">
            <Field label="Дата очной части" error={errors.sessionDate?.message}>
              {(p) => dateInput('sessionDate', p)}
            </Field>
            <Field label="Время очной части" error={errors.sessionTime?.message} hint="Например 11:00">
              {(p) => <input {...p} type="text" inputMode="numeric" {...register('sessionTime')} />}
            </Field>
          </div>
          <Field label="Место очной части" error={errors.sessionPlace?.message}>
            {(p) => <input {...p} type="text" {...register('sessionPlace')} />}
          </Field>
        </fieldset>
      )}

      {form !== 'in_person' && (
        <fieldset className="group">
          <legend>Бумажные бюллетени</legend>
          <Field label="Адрес приёма бюллетеней" error={errors.paperBallotAddress?.message}>
            {(p) => <input {...p} type="text" {...register('paperBallotAddress')} />}
          </Field>
          <Field label="Последний день приёма бюллетеней" error={errors.paperBallotDeadline?.message}>
            {(p) => dateInput('paperBallotDeadline', p)}
          </Field>
        </fieldset>
      )}

      <fieldset className="group">
        <legend>Подсчёт голосов</legend>
        <div className="form-row">
          <Field label="Дата подсчёта голосов" error={errors.countDate?.message}>
            {(p) => dateInput('countDate', p)}
          </Field>
          <Field label="Место подсчёта голосов">
            {(p) => <input {...p} type="text" {...register('countPlace')} />}
          </Field>
        </div>
      </fieldset>

      <fieldset className="group">
        <legend>Уведомление и материалы</legend>
        <div className="form-row">
          <Field label="Дата уведомления" error={errors.noticeDate?.message}>
            {(p) => dateInput('noticeDate', p)}
          </Field>
          <Field label="Дата размещения материалов" error={errors.materialsDate?.message}>
            {(p) => dateInput('materialsDate', p)}
          </Field>
        </div>
        <Field
          label="Где ознакомиться с материалами"
          hint="Например: в правлении по субботам с 10:00 до 14:00, на сайте товарищества"
        >
          {(p) => <input {...p} type="text" {...register('materialsAccess')} />}
        </Field>
        <Field label="Контакты для вопросов" hint="Телефон, электронная почта">
          {(p) => <input {...p} type="text" {...register('contact')} />}
        </Field>
      </fieldset>

      <fieldset className="group">
        <legend>Кто проводит</legend>
        <div className="form-row">
          <Field label="Председательствующий">
            {(p) => <input {...p} type="text" {...register('chair')} />}
          </Field>
          <Field label="Секретарь собрания">
            {(p) => <input {...p} type="text" {...register('secretary')} />}
          </Field>
        </div>
        <Field label="Счётная комиссия" hint="По одному ФИО в строке">
          {(p) => <textarea {...p} rows={3} {...register('countingCommission')} />}
        </Field>
      </fieldset>

      <ProtocolFields kind={meeting.kind} register={register} errors={errors} />

      <fieldset className="group">
        <legend>Правила подсчёта</legend>
        <fieldset className="field">
          <legend>Бюллетень с несколькими отметками по вопросу</legend>
          <label className="check">
            <input type="radio" value="question" {...register('invalidMarks')} />
            недействителен только голос по этому вопросу{meeting.kind === 'mkd' ? ' (ч. 6 ст. 48 ЖК РФ)' : ''}
          </label>
          <label className="check">
            <input type="radio" value="ballot" {...register('invalidMarks')} />
            недействителен весь бюллетень (строгое прочтение регламента)
          </label>
        </fieldset>
        <label className="check">
          <input type="checkbox" {...register('acceptScans')} />
          засчитывать скан бюллетеня, пока не пришёл оригинал
        </label>
        <label className="check">
          <input type="checkbox" {...register('doubleEntry')} />
          двойной ввод бумажных бюллетеней (второй член комиссии вводит вслепую)
        </label>
        <fieldset className="field">
          <legend>Если решения одного человека расходятся</legend>
          <label className="check">
            <input type="radio" value="flag" {...register('conflicts')} />
            отмечать расхождение, вопрос не засчитывать до решения комиссии
          </label>
          <label className="check">
            <input type="radio" value="latest" {...register('conflicts')} />
            засчитывать последнее полученное решение
          </label>
          <label className="check">
            <input type="radio" value="priority" {...register('conflicts')} />
            засчитывать по приоритету способа голосования
          </label>
          {conflicts === 'priority' && (
            <div className="form-row">
              {[0, 1, 2].map((i) => (
                <Field
                  key={i}
                  label={`Приоритет ${i + 1}`}
                  error={i === 0 ? (errors.priority as { message?: string } | undefined)?.message : undefined}
                >
                  {(p) => (
                    <select {...p} {...register(`priority.${i}` as 'priority.0')}>
                      {CHANNELS.map((c) => (
                        <option key={c} value={c}>
                          {CHANNEL_LABEL[c]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              ))}
            </div>
          )}
        </fieldset>
        <Field
          label="Срок составления протокола, дней после окончания голосования"
          error={errors.protocolDueDays?.message}
        >
          {(p) => <input {...p} type="text" inputMode="numeric" {...register('protocolDueDays')} />}
        </Field>
      </fieldset>
      <LawSettingsFields kind={meeting.kind} form={watch('form')} register={register} errors={errors} />

      <div className="actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          Сохранить сведения
        </button>
        {isDirty && <span className="dirty-note">Есть несохранённые изменения.</span>}
      </div>
    </form>
  );
});
