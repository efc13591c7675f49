import { useState } from 'react';
import { Field } from '../app/Field';
import { Modal } from '../app/Modal';

/** Asks why (a correction, a withdrawal, a strike-out): nothing happens without a reason. */
export function ReasonModal({
  title,
  intro,
  action,
  onSubmit,
  onClose,
}: {
  title: string;
  intro?: string;
  /** The button's text, e.g. «Отозвать». */
  action: string;
  onSubmit: (reason: string) => void | Promise<void>;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <Modal title={title} onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) {
            setError('Укажите причину.');
            return;
          }
          void onSubmit(reason.trim());
        }}
      >
        {intro && <p>{intro}</p>}
        <Field label="Причина" error={error}>
          {(p) => <input {...p} type="text" value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit" className="primary">
            {action}
          </button>
          <button type="button" onClick={onClose}>
            Отмена
          </button>
        </div>
      </form>
    </Modal>
  );
}
