/**
 * The arrival details of the ballots being keyed on the entry desk (F2): copy, date received, delivery,
 * who keys, and the pass of double entry. Esc or F2 goes back to the ballot.
 */
import type { RefObject } from 'react';
import type { Delivery } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import type { EntryFields } from '../../shared/paper/entry/entryContext';
import { DateInput } from '../app/DateInput';
import { Field } from '../app/Field';
import { isIsoDate, todayIso } from '../../shared/meetings/dates';

const DELIVERY_CHOICES: { value: Delivery; label: string }[] = [
  { value: 'hand', label: 'лично в правление' },
  { value: 'mail', label: 'заказным письмом' },
  { value: 'email', label: 'по электронной почте (скан)' },
  { value: 'session', label: 'на очной части собрания' },
];

export function defaultEntryFields(
  meeting: Meeting,
  channel: 'paper' | 'in_person',
  today = todayIso(),
): EntryFields {
  if (channel === 'in_person') {
    return { channel, copy: 'original', receivedAt: meeting.sessionDate || today, delivery: 'session' };
  }
  // Counting usually happens after the end of voting: a ballot keyed then was received by that day.
  const end = meeting.votingEnd;
  return { channel, copy: 'original', receivedAt: end && today > end ? end : today, delivery: 'hand' };
}

export interface ArrivalFieldsProps {
  fieldsRef: RefObject<HTMLFieldSetElement | null>;
  f: EntryFields;
  channel: 'paper' | 'in_person';
  setFields: (fields: Partial<EntryFields>) => void;
  operatorDraft: string;
  /** Whether the stored name has been read: until then the field is disabled (see EntryDesk). */
  operatorKnown: boolean;
  setOperatorDraft: (name: string) => void;
  commitOperator: () => void;
  doubleEntry: boolean;
  pass: 'first' | 'second';
  setPass: (pass: 'first' | 'second') => void;
  backToEntry: () => void;
}

export function ArrivalFields({
  fieldsRef,
  f,
  channel,
  setFields,
  operatorDraft,
  operatorKnown,
  setOperatorDraft,
  commitOperator,
  doubleEntry,
  pass,
  setPass,
  backToEntry,
}: ArrivalFieldsProps) {
  return (
    <fieldset
      className="entry-fields"
      ref={fieldsRef}
      onKeyDown={(e) => {
        // Enter in a field (not on a button) is done with the fields: back to the ballot, never a click
        // on something else.
        const field = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
        if (e.key === 'F2' || e.key === 'Escape' || (e.key === 'Enter' && field && !e.defaultPrevented)) {
          e.preventDefault();
          backToEntry();
        }
      }}
    >
      <legend>Данные поступления (F2)</legend>
      <div className="form-row">
        <Field label="Экземпляр">
          {(p) => (
            <select
              {...p}
              value={f.copy}
              onChange={(e) =>
                setFields({
                  copy: e.target.value as EntryFields['copy'],
                  ...(e.target.value === 'scan' ? { delivery: 'email' as const } : {}),
                })
              }
            >
              <option value="original">оригинал</option>
              <option value="scan">скан</option>
            </select>
          )}
        </Field>
        <Field label="Дата получения">
          {(p) => (
            <DateInput
              {...p}
              value={f.receivedAt}
              required
              onChange={(v) => isIsoDate(v) && setFields({ receivedAt: v })}
            />
          )}
        </Field>
        <Field label="Как получен">
          {(p) => (
            <select
              {...p}
              value={f.delivery ?? ''}
              onChange={(e) => setFields({ delivery: e.target.value as Delivery })}
            >
              {DELIVERY_CHOICES.filter((d) => channel === 'in_person' || d.value !== 'session').map((d) => (
                <option key={d.value} value={d.value}>
                  {d.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Кто вводит">
          {(p) => (
            <input
              {...p}
              type="text"
              value={operatorDraft}
              disabled={!operatorKnown}
              maxLength={120}
              onChange={(e) => setOperatorDraft(e.target.value)}
              onBlur={commitOperator}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  backToEntry();
                }
              }}
            />
          )}
        </Field>
      </div>
      {doubleEntry && (
        <div className="pass-choice" role="radiogroup" aria-label="Ввод">
          <label className="choice-inline">
            <input type="radio" checked={pass === 'first'} onChange={() => setPass('first')} /> первый ввод
          </label>
          <label className="choice-inline">
            <input type="radio" checked={pass === 'second'} onChange={() => setPass('second')} /> повторный
            ввод вслепую (другой член комиссии)
          </label>
        </div>
      )}
      <button type="button" className="link" onClick={backToEntry}>
        К вводу бюллетеня
      </button>
    </fieldset>
  );
}
