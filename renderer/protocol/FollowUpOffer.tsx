/**
 * A meeting without a quorum: the follow-up the law allows (СНТ: очно-заочная with the same agenda,
 * ч. 23 ст. 17 217-ФЗ; МКД after an in-person meeting: заочное by written decisions, ч. 1 ст. 47 ЖК РФ),
 * created in one click with the agenda copied and opened for its new dates.
 */
import { useState } from 'react';
import { FOLLOW_UP, followUpAllowed, followUpMeeting } from '../../shared/meetings/followUp';
import type { Meeting } from '../../shared/meetings/meeting';
import { useDb } from '../app/DbContext';
import { routeHash } from '../app/useHashRoute';
import { copyMeetingInDb } from '../meetings/meetingRepo';

export function FollowUpOffer({
  meeting,
  quorumReached,
  onCreated = (m) => {
    window.location.hash = routeHash({ section: 'meetings', meetingId: m.id, tab: 'prepare' }).slice(1);
  },
}: {
  meeting: Meeting;
  quorumReached: boolean;
  /** Opens the new meeting (default: its preparation tab). */
  onCreated?: (m: Meeting) => void;
}) {
  const db = useDb();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (quorumReached) return null;
  const rule = FOLLOW_UP[meeting.kind];
  if (!followUpAllowed(meeting, quorumReached)) {
    return (
      <p className="notice error" role="status">
        Кворума нет. Решения не приняты.
      </p>
    );
  }
  const create = async () => {
    setBusy(true);
    setError('');
    try {
      const created = await copyMeetingInDb(db, meeting, {
        build: followUpMeeting,
        reason: `Повторное собрание после собрания без кворума «${meeting.title}» (${meeting.id}), ${rule.cite}`,
      });
      onCreated(created);
    } catch (e) {
      setError(`Собрание не создано: ${e instanceof Error ? e.message : String(e)}.`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="notice follow-up" role="region" aria-label="Повторное собрание">
      <p>
        Кворума нет: решения не приняты. Закон позволяет {rule.text.replace(/^Провести/, 'провести')} (
        {rule.cite}). Повестка, материалы, участники и настройки копируются, даты нужно указать заново.
      </p>
      <button type="button" className="primary" disabled={busy} onClick={() => void create()}>
        Провести повторное собрание
      </button>
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
