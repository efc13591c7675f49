import { useEffect, useState } from 'react';
import type { Meeting } from '../../shared/meetings/meeting';
import { useDb } from '../app/DbContext';
import { Modal } from '../app/Modal';
import { autoBackup } from '../backup/autoBackup';
import { getPlatform } from '../platform/platform';
import { deleteMeeting, describeContents, meetingContents, type MeetingContents } from './meetingRepo';
import { formatDateTime } from '../../shared/meetings/dates';

/**
 * «Удалить собрание»: says what goes with the meeting, makes an automatic backup first (the meeting can
 * be brought back by restoring it), then deletes everything in one transaction. When the backup fails,
 * nothing is deleted.
 */
export function DeleteMeetingDialog({
  meeting,
  onCancel,
  onDeleted,
}: {
  meeting: Meeting;
  onCancel: () => void;
  /** After the deletion, with the message to show. */
  onDeleted: (message: string) => void;
}) {
  const db = useDb();
  const [held, setHeld] = useState<MeetingContents | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const title = meeting.title || 'Собрание без названия';

  useEffect(() => {
    meetingContents(db, meeting.id).then(setHeld, () =>
      setError('Не удалось прочитать данные собрания: ошибка базы данных.'),
    );
  }, [db, meeting.id]);

  const confirm = async () => {
    setBusy(true);
    setError('');
    const backup = await autoBackup(db, getPlatform(), 'before-delete');
    if (!backup.ok) {
      setError(
        `Собрание не удалено: резервная копия не сделана. ${backup.error.map((p) => p.message).join(' ')}`,
      );
      setBusy(false);
      return;
    }
    try {
      const deleted = await deleteMeeting(db, meeting.id);
      const copy = backup.value ? ` от ${formatDateTime(backup.value.createdAt)}` : '';
      onDeleted(
        `Собрание «${title}» удалено (${describeContents(deleted)}). Вернуть его можно, восстановив резервную копию${copy} в разделе «Резервные копии».`,
      );
    } catch (e) {
      setError(`Собрание не удалено: ${e instanceof Error ? e.message : String(e)}.`);
      setBusy(false);
    }
  };

  return (
    <Modal title="Удалить собрание?" onClose={onCancel}>
      <p>
        Собрание «{title}» будет удалено вместе со всем, что в нём хранится:{' '}
        {held ? describeContents(held) : '…'}.
      </p>
      <p>
        Перед удалением программа сделает резервную копию всех данных: собрание можно будет вернуть,
        восстановив её в разделе «Резервные копии».
      </p>
      {error && <p role="alert">{error}</p>}
      {/* «Отмена» first: it gets the focus, so Enter does not delete by accident. */}
      <div className="actions">
        <button type="button" disabled={busy} onClick={onCancel}>
          Отмена
        </button>
        <button type="button" className="danger" disabled={busy || !held} onClick={() => void confirm()}>
          {busy ? 'Удаление…' : 'Удалить собрание'}
        </button>
      </div>
    </Modal>
  );
}
