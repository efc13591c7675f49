import type { MeetingSpec } from '../domain/types';
import { problem, type Problem } from '../result';
import type { RemoteException, RuleProfile } from './profile';

/** The exception to the remote-only prohibition a meeting records, if any (emergency first). */
export function remoteExceptionOf(meeting: MeetingSpec): RemoteException | null {
  if (meeting.emergencyRegime) return 'emergency';
  if (meeting.charterAllowsElectronic) return 'electronic';
  return null;
}

const EXCEPTIONS_TEXT =
  'кроме случаев, когда введён режим повышенной готовности или чрезвычайной ситуации, либо устав ' +
  'предусматривает голосование с применением электронных средств (ст. 17.1 Федерального закона № 217-ФЗ); ' +
  'если одно из исключений применяется, отметьте его в настройках собрания';

/**
 * Warnings about the agenda's items: a condition of the law the registry cannot show (the profile's
 * `conditions`, any form), and, when the meeting is remote, items the profile does not allow in the
 * remote form, each naming the exceptions the law allows, or the one the meeting records.
 */
export function agendaWarnings(meeting: MeetingSpec, profile: RuleProfile): Problem[] {
  const conditions = meeting.questions.flatMap((q) => {
    const text = q.item !== undefined ? profile.conditions?.[q.item.trim()] : undefined;
    return text
      ? [
          problem(
            'item_condition',
            `Вопрос ${q.number} (пункт ${q.item!.trim()}): ${text}.`,
            { field: `Вопрос ${q.number}` },
            'warning',
          ),
        ]
      : [];
  });
  return [...conditions, ...remoteWarnings(meeting, profile)];
}

function remoteWarnings(meeting: MeetingSpec, profile: RuleProfile): Problem[] {
  if (meeting.form !== 'remote') return [];
  const forbidden = new Set(profile.remoteForbidden);
  const exception = remoteExceptionOf(meeting);
  const where = profile.cites?.remoteForbidden ?? profile.title;
  return meeting.questions
    .filter((q) => q.item !== undefined && forbidden.has(q.item.trim()))
    .map((q) => {
      const head = `Вопрос ${q.number} (пункт ${q.item!.trim()})`;
      if (exception) {
        const why = profile.cites?.remoteExceptions?.[exception] ?? exception;
        return problem(
          'remote_exception',
          `${head} решается заочным голосованием по исключению из ${where}: ${why}.`,
          { field: `Вопрос ${q.number}` },
          'warning',
        );
      }
      return problem(
        'remote_forbidden',
        `${head} не может решаться заочным голосованием (${where}), ${EXCEPTIONS_TEXT}.`,
        { field: `Вопрос ${q.number}` },
        'warning',
      );
    });
}
