import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useFieldArray, useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import type { MeetingForm, Rule } from '../../shared/domain/types';
import type { Meeting, MeetingQuestion } from '../../shared/meetings/meeting';
import { agendaWarnings } from '../../shared/rules/agendaWarnings';
import { profileItems } from '../../shared/rules/itemTitles';
import { profileFor } from '../../shared/rules/profiles';
import { Field } from '../app/Field';
import { useDb } from '../app/DbContext';
import { useToast } from '../app/Toasts';
import type { AttachmentRecord } from '../db/records';
import { getPlatform } from '../platform/platform';
import {
  agendaErrors,
  categoryRuleValues,
  emptyQuestion,
  ruleView,
  toAgendaValues,
  toQuestions,
  type AgendaValues,
} from './agendaModel';
import { formatSize } from '../backup/format';
import { addAttachment, getAttachment, listAttachments, MATERIAL_EXTENSIONS } from './meetingRepo';
import { QuestionRule } from './QuestionRule';
import { BASE_LABEL, ELECTORATE_LABEL, MAJORITY_LABEL } from '../../shared/vocabulary';

type FileInfo = Omit<AttachmentRecord, 'bytes'>;

const resolver: Resolver<AgendaValues> = async (values) => {
  const found = agendaErrors(values);
  if (found.size === 0) return { values, errors: {} };
  const questions: Record<number, { text: { type: string; message: string } }> = {};
  for (const [i, message] of found) questions[i] = { text: { type: 'validate', message } };
  return { values: {}, errors: { questions } as unknown as FieldErrors<AgendaValues> };
};

/**
 * The agenda: questions in order (buttons to move them up and down, keyboard friendly), each with its
 * wording, proposed decision, materials, and a category from the rule profile that sets its rule. A rule
 * set by hand is marked «правило изменено» next to the profile's rule. Saved with «Сохранить повестку».
 */
export const AgendaEditor = memo(function AgendaEditor({
  meeting,
  form,
  onSave,
  onDraft,
  onDirty,
}: {
  meeting: Meeting;
  /** The form as typed in the details (unsaved), for the remote-form warnings. */
  form?: MeetingForm;
  onSave: (questions: MeetingQuestion[]) => Promise<void>;
  onDraft?: (questions: MeetingQuestion[]) => void;
  /** Told whether the editor holds edits not saved yet. */
  onDirty?: (dirty: boolean) => void;
}) {
  const db = useDb();
  const toast = useToast();
  const kind = meeting.kind;
  const profile = profileFor(kind);
  const items = useMemo(() => profileItems(profile), [profile]);
  const {
    register,
    control,
    handleSubmit,
    watch,
    reset,
    setValue,
    getValues,
    formState: { errors, isDirty, isSubmitting },
  } = useForm<AgendaValues>({
    defaultValues: toAgendaValues(meeting.questions, profile),
    resolver,
    reValidateMode: 'onChange',
  });
  const { fields, append, remove, move } = useFieldArray({ control, name: 'questions' });
  const [files, setFiles] = useState<Map<string, FileInfo>>(new Map());
  const [focus, setFocus] = useState<{ index: number; dir: 'up' | 'down' } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  const questionsNow = watch('questions');

  useEffect(() => {
    let live = true;
    void listAttachments(db, meeting.id).then((m) => {
      if (live) setFiles(m);
    });
    return () => {
      live = false;
    };
  }, [db, meeting.id]);

  useEffect(() => {
    if (!onDraft) return;
    const sub = watch((v) => onDraft(toQuestions(v as AgendaValues, kind)));
    return () => sub.unsubscribe();
  }, [watch, onDraft, kind]);

  useEffect(() => {
    if (!focus) return;
    const last = fields.length - 1;
    // At the top (or bottom) the pressed button is disabled: focus stays on the same card.
    const dir =
      focus.dir === 'up' && focus.index === 0
        ? 'down'
        : focus.dir === 'down' && focus.index === last
          ? 'up'
          : focus.dir;
    buttons.current.get(`${dir}-${focus.index}`)?.focus();
    setFocus(null);
  }, [focus, fields.length]);

  useEffect(() => onDirty?.(isDirty), [isDirty, onDirty]);

  const moveQuestion = (i: number, dir: 'up' | 'down') => {
    const to = dir === 'up' ? i - 1 : i + 1;
    if (to < 0 || to >= fields.length) return;
    move(i, to);
    setFocus({ index: to, dir });
  };

  const draftQuestions = toQuestions({ questions: questionsNow ?? [] }, kind);
  // Per question: the item's conditions the registry cannot show, and the remote-form warnings.
  const draftMeeting = { ...meeting, form: form ?? meeting.form, questions: draftQuestions };
  const itemWarnings = new Map<string | undefined, string>();
  for (const w of agendaWarnings(draftMeeting, profile))
    itemWarnings.set(w.field, [itemWarnings.get(w.field), w.message].filter(Boolean).join(' '));

  const attach = async (i: number) => {
    const picked = await getPlatform().openFile({ accept: MATERIAL_EXTENSIONS, multiple: true });
    if (!picked.ok) {
      toast({ message: picked.error.map((p) => p.message).join(' ') });
      return;
    }
    const added: FileInfo[] = [];
    for (const f of picked.value) {
      const { bytes: _bytes, ...info } = await addAttachment(db, meeting.id, f);
      added.push(info);
    }
    if (added.length === 0) return;
    setFiles((m) => new Map([...m, ...added.map((a) => [a.id, a] as const)]));
    const path = `questions.${i}.attachmentIds` as const;
    setValue(path, [...getValues(path), ...added.map((a) => a.id)], { shouldDirty: true });
  };

  const detach = (i: number, id: string) => {
    const path = `questions.${i}.attachmentIds` as const;
    setValue(
      path,
      getValues(path).filter((x) => x !== id),
      { shouldDirty: true },
    );
  };

  const saveCopy = async (id: string) => {
    const file = await getAttachment(db, id);
    if (!file) return;
    const saved = await getPlatform().saveFile({
      suggestedName: file.name,
      bytes: file.bytes,
      mime: file.mime,
    });
    if (!saved.ok) toast({ message: saved.error.map((p) => p.message).join(' ') });
  };

  const submit = async (values: AgendaValues) => {
    try {
      await onSave(toQuestions(values, kind));
      reset(values);
    } catch {
      // The parent reported the failure; the editor keeps the edits.
    }
  };

  const questionErrors = errors.questions as
    Record<number, { text?: { message?: string } } | undefined> | undefined;

  return (
    <form className="agenda" noValidate onSubmit={handleSubmit(submit)} aria-label="Повестка дня">
      {fields.length === 0 && <p className="muted">В повестке пока нет вопросов.</p>}
      <ol className="agenda-list">
        {fields.map((f, i) => {
          const q = questionsNow?.[i];
          const n = i + 1;
          const headingId = `${f.id}-h`;
          const view = ruleView(draftQuestions[i] ?? { item: undefined }, profile, kind);
          const attached = q?.attachmentIds ?? [];
          return (
            <li key={f.id}>
              <section className="question-card" aria-labelledby={headingId}>
                <header>
                  <h3 id={headingId}>Вопрос {n}</h3>
                  <div className="move">
                    <button
                      type="button"
                      aria-label={`Поднять вопрос ${n}`}
                      disabled={i === 0}
                      ref={(el) => {
                        buttons.current.set(`up-${i}`, el);
                      }}
                      onClick={() => moveQuestion(i, 'up')}
                    >
                      ↑ Выше
                    </button>
                    <button
                      type="button"
                      aria-label={`Опустить вопрос ${n}`}
                      disabled={i === fields.length - 1}
                      ref={(el) => {
                        buttons.current.set(`down-${i}`, el);
                      }}
                      onClick={() => moveQuestion(i, 'down')}
                    >
                      ↓ Ниже
                    </button>
                    <button
                      type="button"
                      className="danger"
                      aria-label={`Удалить вопрос ${n}`}
                      onClick={() => remove(i)}
                    >
                      Удалить
                    </button>
                  </div>
                </header>
                <Field label="Формулировка вопроса" error={questionErrors?.[i]?.text?.message}>
                  {(p) => <textarea {...p} rows={2} {...register(`questions.${i}.text`)} />}
                </Field>
                <Field label="Проект решения">
                  {(p) => <textarea {...p} rows={2} {...register(`questions.${i}.proposal`)} />}
                </Field>
                <Field label="Докладчик" hint="Кого слушали по вопросу (в протоколе: СЛУШАЛИ)">
                  {(p) => <input {...p} type="text" {...register(`questions.${i}.speaker`)} />}
                </Field>
                <Field label="Категория вопроса (пункт закона)">
                  {(p) => (
                    <select {...p} {...register(`questions.${i}.item`)}>
                      <option value="">без категории — общее правило</option>
                      {items.map((it) => (
                        <option key={it.item} value={it.item}>
                          {it.label}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <QuestionRule view={view} />
                {itemWarnings.get(`Вопрос ${n}`) && (
                  <p className="notice error" role="note">
                    {itemWarnings.get(`Вопрос ${n}`)}
                  </p>
                )}
                <label className="check">
                  <input
                    type="checkbox"
                    {...register(`questions.${i}.override`, {
                      onChange: (e: { target: { checked: boolean } }) => {
                        if (!e.target.checked) return;
                        const from = categoryRuleValues(getValues(`questions.${i}.item`), profile);
                        setValue(`questions.${i}.majority`, from.majority);
                        setValue(`questions.${i}.electorate`, from.electorate);
                        setValue(`questions.${i}.base`, from.base);
                      },
                    })}
                  />
                  задать правило для этого вопроса вручную
                </label>
                {q?.override && (
                  <div className="rule-override">
                    <Field label="Большинство">
                      {(p) => (
                        <select {...p} {...register(`questions.${i}.majority`)}>
                          {(Object.keys(MAJORITY_LABEL) as Rule['majority'][]).map((k) => (
                            <option key={k} value={k}>
                              {MAJORITY_LABEL[k]}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                    {kind === 'mkd' ? (
                      <Field label="Считать">
                        {(p) => (
                          <select {...p} {...register(`questions.${i}.base`)}>
                            {(Object.keys(BASE_LABEL) as NonNullable<Rule['base']>[]).map((k) => (
                              <option key={k} value={k}>
                                {BASE_LABEL[k]}
                              </option>
                            ))}
                          </select>
                        )}
                      </Field>
                    ) : (
                      <Field label="Кто голосует">
                        {(p) => (
                          <select {...p} {...register(`questions.${i}.electorate`)}>
                            {(Object.keys(ELECTORATE_LABEL) as Rule['electorate'][]).map((k) => (
                              <option key={k} value={k}>
                                {ELECTORATE_LABEL[k]}
                              </option>
                            ))}
                          </select>
                        )}
                      </Field>
                    )}
                  </div>
                )}
                <div className="materials">
                  <strong>Материалы</strong>
                  {attached.length === 0 ? (
                    <span className="muted"> — нет</span>
                  ) : (
                    <ul className="attachments" aria-label={`Материалы к вопросу ${n}`}>
                      {attached.map((id) => {
                        const file = files.get(id);
                        return (
                          <li key={id}>
                            <span>{file ? `${file.name} (${formatSize(file.size)})` : 'файл'}</span>
                            <button type="button" className="link" onClick={() => void saveCopy(id)}>
                              Сохранить копию
                            </button>
                            <button
                              type="button"
                              className="link"
                              aria-label={`Убрать файл ${file?.name ?? ''} из вопроса ${n}`}
                              onClick={() => detach(i, id)}
                            >
                              Убрать
                            </button>
                          </li>
                        );
                      })}
                    </ul>
                  )}
                  <div>
                    <button
                      type="button"
                      onClick={() => void attach(i)}
                      aria-label={`Прикрепить материалы к вопросу ${n}`}
                    >
                      Прикрепить материалы…
                    </button>
                  </div>
                </div>
              </section>
            </li>
          );
        })}
      </ol>
      <div className="actions">
        <button type="button" onClick={() => append(emptyQuestion(profile))}>
          Добавить вопрос
        </button>
        <button type="submit" className="primary" disabled={isSubmitting}>
          Сохранить повестку
        </button>
        {isDirty && (
          <>
            <span className="dirty-note">Есть несохранённые изменения.</span>
            <button type="button" className="link" onClick={() => reset()}>
              Отменить изменения
            </button>
          </>
        )}
      </div>
    </form>
  );
});
