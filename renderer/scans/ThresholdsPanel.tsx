/**
 * The meeting's thresholds for reading scans, in percent: saved with an audit entry, used from the next
 * reading on (the histogram below a reading shows where its fill scores fell against them).
 */
import { useState } from 'react';
import { OMR_THRESHOLD_LABELS, type OmrSettings, type OmrThreshold } from '../../shared/omr/settings';
import { useDb } from '../app/DbContext';
import { saveOmrSettings } from './omrSettingsRepo';

const KEYS = Object.keys(OMR_THRESHOLD_LABELS) as OmrThreshold[];
const percent = (x: number) => String(Math.round(x * 1000) / 10).replace('.', ',');

export function ThresholdsPanel({
  meetingId,
  settings,
  operator,
  onSaved,
  disabled,
}: {
  meetingId: string;
  settings: OmrSettings;
  operator: string;
  onSaved: (s: OmrSettings) => void;
  disabled: boolean;
}) {
  const db = useDb();
  const [typed, setTyped] = useState(() => Object.fromEntries(KEYS.map((k) => [k, percent(settings[k])])));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async () => {
    if (!operator.trim()) {
      setMessage({ ok: false, text: 'Укажите, кто работает: поле «Оператор» вверху окна.' });
      return;
    }
    const next = { ...settings };
    for (const k of KEYS) next[k] = Number(typed[k]!.replace(',', '.').trim() || 'NaN') / 100;
    const r = await saveOmrSettings(db, meetingId, next, operator);
    if (!r.ok) setMessage({ ok: false, text: r.error.map((p) => p.message).join(' ') });
    else {
      setMessage({ ok: true, text: 'Пороги сохранены: они действуют со следующего чтения.' });
      onSaved(r.value);
    }
  };
  return (
    <details className="thresholds">
      <summary>Пороги чтения</summary>
      <fieldset disabled={disabled}>
        {KEYS.map((k) => (
          <label key={k}>
            {OMR_THRESHOLD_LABELS[k]}{' '}
            <input
              inputMode="decimal"
              size={5}
              value={typed[k]}
              onChange={(e) => setTyped({ ...typed, [k]: e.target.value })}
            />
          </label>
        ))}
        <button type="button" onClick={() => void save()}>
          Сохранить пороги
        </button>
      </fieldset>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={`notice ${message.ok ? 'ok' : 'error'}`}>
          {message.text}
        </p>
      )}
    </details>
  );
}
