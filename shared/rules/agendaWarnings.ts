import type { MeetingSpec } from '../domain/types';
import { problem, type Problem } from '../result';
import type { RuleProfile } from './profile';

/** Warnings for items the profile does not allow in the remote form, when the meeting is remote. */
export function agendaWarnings(meeting: MeetingSpec, profile: RuleProfile): Problem[] {
  if (meeting.form !== 'remote') return [];
  const forbidden = new Set(profile.remoteForbidden);
  return meeting.questions
    .filter((q) => q.item !== undefined && forbidden.has(q.item.trim()))
    .map((q) =>
      problem(
        'remote_forbidden',
        `Вопрос ${q.number} (пункт ${q.item!.trim()}) не может решаться заочным голосованием (${profile.title}).`,
        { field: `Вопрос ${q.number}` },
        'warning',
      ),
    );
}
