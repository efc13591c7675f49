import { useForm } from 'react-hook-form';
import type { MeetingForm as Form, Partnership } from '../../shared/domain/types';
import { type MeetingKind } from '../../shared/meetings/meeting';
import { Field } from '../app/Field';
import { Modal } from '../app/Modal';
import { LabelOptions } from '../app/LabelOptions';
import { FORM_LABEL, MEETING_KIND_LABEL } from '../../shared/vocabulary';

export interface NewMeetingValues {
  title: string;
  meetingKind: MeetingKind;
  form: Form;
}

export function suggestedTitle(partnership: Partnership, year: number): string {
  return partnership.kind === 'mkd'
    ? `Общее собрание собственников помещений ${year} года`
    : `Общее собрание членов ${partnership.name} ${year} года`;
}

/** «Создать собрание»: the three things a meeting starts with; the rest is filled in on «Подготовка». */
export function NewMeetingDialog({
  partnership,
  onCancel,
  onCreate,
}: {
  partnership: Partnership;
  onCancel: () => void;
  onCreate: (v: NewMeetingValues) => Promise<void>;
}) {
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<NewMeetingValues>({
    defaultValues: {
      title: suggestedTitle(partnership, new Date().getFullYear()),
      meetingKind: 'regular',
      form: 'mixed',
    },
  });
  return (
    <Modal title="Новое собрание" onClose={onCancel}>
      <form
        className="form"
        noValidate
        onSubmit={handleSubmit((v) => onCreate({ ...v, title: v.title.trim().replace(/\s+/g, ' ') }))}
      >
        <Field label="Название собрания" error={errors.title?.message}>
          {(p) => (
            <input
              {...p}
              type="text"
              {...register('title', {
                validate: (v) => v.trim().length > 0 || 'Укажите название собрания.',
                maxLength: { value: 300, message: 'Название слишком длинное: не более 300 знаков.' },
              })}
            />
          )}
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
        <div className="actions">
          <button type="submit" className="primary" disabled={isSubmitting}>
            Создать
          </button>
          <button type="button" onClick={onCancel}>
            Отмена
          </button>
        </div>
      </form>
    </Modal>
  );
}
