/**
 * The data check's outcome: «Данные совпадают с журналом» or every difference named; where the protocol
 * is held back, the form for the commission's reason to go on.
 */
import { useState } from 'react';
import { formatFigure } from '../../shared/documents/figuresRu';
import type { GolosDb } from '../db/db';
import { acceptDifferences, type Integrity } from './integrity';

export interface IntegrityNoticeProps {
  integrity: Integrity;
  /** Shown with the reason form (the protocol tab); called after the decision is recorded. */
  onAccepted?: () => void;
  db?: GolosDb;
}

export function IntegrityNotice({ integrity, onAccepted, db }: IntegrityNoticeProps) {
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  if (integrity.issues.length === 0) {
    return (
      <p className="notice ok" role="status">
        Данные совпадают с журналом изменений: проверено записей — {formatFigure(integrity.records)}.
      </p>
    );
  }
  const accept = async () => {
    if (!db || !reason.trim()) return;
    setSaving(true);
    try {
      await acceptDifferences(db, integrity.issues, reason);
      onAccepted?.();
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="notice error" role="alert" aria-label="Расхождения данных с журналом">
      <p>Данные расходятся с журналом изменений: записи изменены в обход программы.</p>
      <ul>
        {integrity.issues.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {integrity.reason !== null ? (
        <p>Решение комиссии (будет напечатано в протоколе): {integrity.reason}</p>
      ) : (
        onAccepted && (
          <div className="integrity-accept">
            <p>
              Протокол не составляется, пока расхождения не устранены (восстановите данные из резервной копии)
              или комиссия не запишет, почему их принимает. Решение запишется в журнал и будет напечатано в
              протоколе.
            </p>
            <label>
              Решение комиссии
              <textarea value={reason} rows={2} onChange={(e) => setReason(e.target.value)} />
            </label>
            <button type="button" disabled={saving || !reason.trim()} onClick={() => void accept()}>
              Записать решение комиссии
            </button>
          </div>
        )
      )}
    </div>
  );
}
