import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { TimelineSettings } from '../../shared/meetings/timeline';
import { Field } from '../app/Field';
import { useDb } from '../app/DbContext';
import { useToast } from '../app/Toasts';
import type { MeetingTabProps } from './meetingTabProps';
import {
  getTimelineSettings,
  saveTimelineSettings,
  SETTING_LABELS,
  timelineSettingsErrors,
} from './timelineSettings';
import { TimelineView } from './TimelineView';
import './meetings.css';
import { todayIso } from '../../shared/meetings/dates';

type SettingsValues = Record<keyof TimelineSettings, string>;

/** The saved meeting's dates, days left and warnings; and the charter's deadlines the warnings use. */
export function TimelineTab({ meeting, today: todayProp }: MeetingTabProps & { today?: string }) {
  const db = useDb();
  const [today] = useState(() => todayProp ?? todayIso());
  const [settings, setSettings] = useState<TimelineSettings | undefined>();

  useEffect(() => {
    void getTimelineSettings(db).then(setSettings);
  }, [db]);

  return (
    <div>
      <section className="panel" aria-labelledby="timeline-h">
        <h2 id="timeline-h">Сроки собрания</h2>
        <p className="muted">Даты меняются на вкладке «Подготовка»; ближайший срок выделен.</p>
        <TimelineView meeting={meeting} today={today} settings={settings} title="Сроки собрания" />
      </section>
      {settings && <SettingsForm settings={settings} onSaved={setSettings} />}
    </div>
  );
}

function SettingsForm({
  settings,
  onSaved,
}: {
  settings: TimelineSettings;
  onSaved: (s: TimelineSettings) => void;
}) {
  const db = useDb();
  const toast = useToast();
  const keys = Object.keys(SETTING_LABELS) as (keyof TimelineSettings)[];
  const {
    register,
    handleSubmit,
    setError,
    clearErrors,
    reset,
    formState: { errors, isDirty },
  } = useForm<SettingsValues>({
    defaultValues: Object.fromEntries(keys.map((k) => [k, String(settings[k])])) as SettingsValues,
  });

  const submit = async (v: SettingsValues) => {
    clearErrors();
    const found = timelineSettingsErrors(v);
    const bad = Object.entries(found) as [keyof TimelineSettings, string][];
    for (const [k, message] of bad) setError(k, { type: 'validate', message });
    if (bad.length > 0) return;
    const next = Object.fromEntries(keys.map((k) => [k, Number(v[k].trim())])) as unknown as TimelineSettings;
    await saveTimelineSettings(db, next);
    onSaved(next);
    reset(v);
    toast({ message: 'Сроки по уставу сохранены.' });
  };

  return (
    <section className="panel" aria-labelledby="charter-h">
      <h2 id="charter-h">Сроки по уставу и закону</h2>
      <p className="muted">
        По умолчанию — по типовому регламенту: уведомление за 30 дней (по закону не менее 14), материалы за 7
        дней, приём бумажных бюллетеней от 7 до 14 дней. Действуют для всех собраний товарищества.
      </p>
      <form className="form" noValidate onSubmit={handleSubmit(submit)} aria-label="Сроки по уставу">
        <div className="form-row">
          {keys.map((k) => (
            <Field key={k} label={SETTING_LABELS[k]} error={errors[k]?.message}>
              {(p) => <input {...p} type="text" inputMode="numeric" {...register(k)} />}
            </Field>
          ))}
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={!isDirty}>
            Сохранить сроки
          </button>
        </div>
      </form>
    </section>
  );
}
