/**
 * The mail log's arrival form: who, how (scan by e-mail, original by registered mail or by hand), the
 * date, the tracking number or receipt mark, and the files; problems name their field, nothing stored.
 */
import { useMemo, useState } from 'react';
import type { Person } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import { buildRegistryIndex } from '../../shared/registry/search';
import { useDb } from '../app/DbContext';
import { DateInput } from '../app/DateInput';
import { Field } from '../app/Field';
import { useToast } from '../app/Toasts';
import { todayIso } from '../../shared/meetings/dates';
import { getPlatform } from '../platform/platform';
import { recordArrival, SCAN_EXTENSIONS, type PickedFile } from './ballotRepo';
import type { BallotSnapshot, BallotStore } from './ballotStore';
import { PersonPicker } from './PersonPicker';
import { messagesByField } from './texts';

type How = 'email' | 'mail' | 'hand';

const HOW_LABEL: Record<How, string> = {
  email: 'скан по электронной почте',
  mail: 'оригинал заказным письмом',
  hand: 'оригинал лично в правление',
};

export function ArrivalForm({
  meeting,
  snap,
  store,
  operator,
  initial,
}: {
  meeting: Meeting;
  snap: BallotSnapshot;
  store: BallotStore;
  operator: string;
  initial: Person | null;
}) {
  const db = useDb();
  const toast = useToast();
  const registry = snap.input.registry;
  const index = useMemo(() => buildRegistryIndex(registry), [registry]);
  const [person, setPerson] = useState<Person | null>(initial);
  const [how, setHow] = useState<How>('email');
  const [date, setDate] = useState(todayIso());
  const [tracking, setTracking] = useState('');
  const [receipt, setReceipt] = useState('');
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const attach = async () => {
    const picked = await getPlatform().openFile({ accept: SCAN_EXTENSIONS, multiple: true });
    if (!picked.ok) {
      setErrors({ ...errors, Файл: picked.error.map((p) => p.message).join(' ') });
      return;
    }
    setFiles([...files, ...picked.value]);
  };

  const submit = async () => {
    if (!person) {
      setErrors({ Участник: 'Выберите участника.' });
      return;
    }
    setBusy(true);
    try {
      const result = await recordArrival(
        db,
        { meeting, registry, by: operator },
        {
          personId: person.id,
          copy: how === 'email' ? 'scan' : 'original',
          delivery: how,
          receivedAt: date,
          ...(how === 'mail' ? { trackingNumber: tracking } : {}),
          ...(how === 'hand' ? { receiptMark: receipt } : {}),
        },
        files,
      );
      if (!result.ok) {
        setErrors(messagesByField(result.error));
        return;
      }
      store.apply({ records: [result.value.row] });
      toast({ message: `Отмечено поступление: ${person.fullName}, ${HOW_LABEL[how]}.` });
      setErrors({});
      setPerson(null);
      setTracking('');
      setReceipt('');
      setFiles([]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="form arrival-form"
      aria-label="Отметить поступление"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>Отметить поступление</h3>
      <PersonPicker
        registry={registry}
        index={index}
        value={person}
        onChange={setPerson}
        error={errors['Участник']}
      />
      <fieldset className="field">
        <legend>Как поступил</legend>
        {(Object.keys(HOW_LABEL) as How[]).map((h) => (
          <label key={h} className="choice">
            <input type="radio" name="how" checked={how === h} onChange={() => setHow(h)} /> {HOW_LABEL[h]}
          </label>
        ))}
        {errors['Способ получения'] && <p className="field-error">{errors['Способ получения']}</p>}
      </fieldset>
      <Field label="Дата получения" error={errors['Дата получения']}>
        {(p) => <DateInput {...p} value={date} onChange={setDate} />}
      </Field>
      {how === 'mail' && (
        <Field
          label="Номер отправления"
          hint="трек-номер заказного письма (РПО)"
          error={errors['Номер отправления']}
        >
          {(p) => <input {...p} type="text" value={tracking} onChange={(e) => setTracking(e.target.value)} />}
        </Field>
      )}
      {how === 'hand' && (
        <Field
          label="Отметка о получении"
          hint="кто принял и когда, как записано на бюллетене"
          error={errors['Отметка о получении']}
        >
          {(p) => <input {...p} type="text" value={receipt} onChange={(e) => setReceipt(e.target.value)} />}
        </Field>
      )}
      <div className="field">
        <button type="button" onClick={() => void attach()}>
          {how === 'email' ? 'Приложить файл скана…' : 'Приложить файл…'}
        </button>
        {files.length > 0 && (
          <ul aria-label="Приложенные файлы">
            {files.map((f, i) => (
              <li key={i}>
                {f.name}{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() => setFiles(files.filter((_, k) => k !== i))}
                >
                  убрать
                </button>
              </li>
            ))}
          </ul>
        )}
        {errors['Файл'] && <p className="field-error">{errors['Файл']}</p>}
      </div>
      {errors[''] && <p className="notice error">{errors['']}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Отметить поступление
        </button>
      </div>
    </form>
  );
}
