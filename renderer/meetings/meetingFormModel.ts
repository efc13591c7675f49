/**
 * The meeting details form: its values (text as typed), the meeting they describe, and the checks that
 * put a Russian message next to the field. Dates come from DateInput as ISO `YYYY-MM-DD` (or the text
 * typed, when it is no date).
 */
import type { Channel, ConflictPolicy, InvalidMarksPolicy, MeetingForm } from '../../shared/domain/types';
import { daysBetween, formatDateRu, isIsoDate } from '../../shared/meetings/dates';
import type { Meeting, MeetingKind } from '../../shared/meetings/meeting';
import {
  applyLawSettings,
  lawSettingErrors,
  toLawSettingValues,
  type LawSettingValues,
} from './lawSettingsModel';
import {
  applyProtocolFields,
  protocolFieldErrors,
  toProtocolFieldValues,
  type ProtocolFieldValues,
} from './protocolFieldsModel';

export type ConflictChoice = 'flag' | 'latest' | 'priority';

export interface MeetingFormValues extends LawSettingValues, ProtocolFieldValues {
  title: string;
  meetingKind: MeetingKind;
  form: MeetingForm;
  votingStart: string;
  votingEnd: string;
  sessionDate: string;
  sessionTime: string;
  sessionPlace: string;
  paperBallotAddress: string;
  paperBallotDeadline: string;
  countDate: string;
  countPlace: string;
  chair: string;
  secretary: string;
  /** One full name per line. */
  countingCommission: string;
  noticeDate: string;
  materialsDate: string;
  materialsAccess: string;
  contact: string;
  invalidMarks: InvalidMarksPolicy;
  acceptScans: boolean;
  conflicts: ConflictChoice;
  /** Channels in priority order, used when `conflicts` is `priority`. */
  priority: [Channel, Channel, Channel];
  doubleEntry: boolean;
  protocolDueDays: string;
}

export const DEFAULT_PRIORITY: [Channel, Channel, Channel] = ['paper', 'in_person', 'gosuslugi'];

export function toFormValues(m: Meeting): MeetingFormValues {
  const priority = Array.isArray(m.conflicts) ? fullPriority(m.conflicts) : DEFAULT_PRIORITY;
  return {
    title: m.title,
    meetingKind: m.meetingKind,
    form: m.form,
    votingStart: m.votingStart,
    votingEnd: m.votingEnd,
    sessionDate: m.sessionDate ?? '',
    sessionTime: m.sessionTime ?? '',
    sessionPlace: m.sessionPlace ?? '',
    paperBallotAddress: m.paperBallotAddress ?? '',
    paperBallotDeadline: m.paperBallotDeadline ?? '',
    countDate: m.countDate ?? '',
    countPlace: m.countPlace ?? '',
    chair: m.chair ?? '',
    secretary: m.secretary ?? '',
    countingCommission: m.countingCommission.join('\n'),
    noticeDate: m.noticeDate ?? '',
    materialsDate: m.materialsDate ?? '',
    materialsAccess: m.materialsAccess ?? '',
    contact: m.contact ?? '',
    invalidMarks: m.invalidMarks ?? 'question',
    acceptScans: m.acceptScans ?? false,
    conflicts: Array.isArray(m.conflicts) ? 'priority' : (m.conflicts ?? 'flag'),
    priority,
    ...toLawSettingValues(m),
    doubleEntry: m.doubleEntry ?? false,
    protocolDueDays: String(m.protocolDueDays),
    ...toProtocolFieldValues(m),
  };
}

function fullPriority(list: Channel[]): [Channel, Channel, Channel] {
  const all = [...list, ...DEFAULT_PRIORITY].filter((c, i, a) => a.indexOf(c) === i);
  return [all[0]!, all[1]!, all[2]!];
}

type OptionalText =
  | 'sessionDate'
  | 'sessionTime'
  | 'sessionPlace'
  | 'paperBallotAddress'
  | 'paperBallotDeadline'
  | 'countDate'
  | 'countPlace'
  | 'chair'
  | 'secretary'
  | 'noticeDate'
  | 'materialsDate'
  | 'materialsAccess'
  | 'contact';

const OPTIONAL_TEXT: OptionalText[] = [
  'sessionDate',
  'sessionTime',
  'sessionPlace',
  'paperBallotAddress',
  'paperBallotDeadline',
  'countDate',
  'countPlace',
  'chair',
  'secretary',
  'noticeDate',
  'materialsDate',
  'materialsAccess',
  'contact',
];

/** The meeting the form describes (on top of the stored one: agenda, snapshot, ids are kept). */
export function toMeeting(v: MeetingFormValues, base: Meeting): Meeting {
  const conflicts: ConflictPolicy = v.conflicts === 'priority' ? [...v.priority] : v.conflicts;
  const days = Number(v.protocolDueDays.trim());
  const m: Meeting = {
    ...base,
    title: v.title.trim().replace(/\s+/g, ' '),
    meetingKind: v.meetingKind,
    form: v.form,
    votingStart: v.votingStart.trim(),
    votingEnd: v.votingEnd.trim(),
    countingCommission: v.countingCommission
      .split('\n')
      .map((s) => s.trim().replace(/\s+/g, ' '))
      .filter(Boolean),
    invalidMarks: v.invalidMarks,
    acceptScans: v.acceptScans,
    conflicts,
    doubleEntry: v.doubleEntry,
    protocolDueDays: Number.isInteger(days) ? days : base.protocolDueDays,
  };
  for (const key of OPTIONAL_TEXT) {
    const text = v[key].trim();
    if (text) m[key] = text;
    else delete m[key];
  }
  applyLawSettings(v, m);
  applyProtocolFields(v, m);
  return m;
}

export type FormErrors = Partial<Record<keyof MeetingFormValues | 'priority', string>>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_TITLE = 300;

function dateError(value: string, label: string): string | undefined {
  if (value.trim() && !isIsoDate(value.trim())) return `${label}: нужна дата вида ДД.ММ.ГГГГ.`;
  return undefined;
}

/**
 * Errors that stop the meeting from being saved, by field. Deadlines that break the charter or the law
 * are not errors: the timeline warns about them (a secretary may have to hold a meeting anyway).
 */
export function meetingFormErrors(v: MeetingFormValues, questions: readonly number[] = []): FormErrors {
  const e: FormErrors = { ...protocolFieldErrors(v, questions) };
  const title = v.title.trim();
  if (!title) e.title = 'Укажите название собрания.';
  else if (title.length > MAX_TITLE) e.title = `Название слишком длинное: не более ${MAX_TITLE} знаков.`;

  const dates: [keyof MeetingFormValues, string][] = [
    ['votingStart', 'Начало голосования'],
    ['votingEnd', 'Окончание голосования'],
    ['sessionDate', 'Дата очной части'],
    ['paperBallotDeadline', 'Срок приёма бюллетеней'],
    ['countDate', 'Дата подсчёта'],
    ['noticeDate', 'Дата уведомления'],
    ['materialsDate', 'Дата размещения материалов'],
  ];
  for (const [key, label] of dates) {
    const msg = dateError(String(v[key]), label);
    if (msg) e[key] = msg;
  }
  if (!v.votingStart.trim()) e.votingStart ??= 'Укажите дату начала голосования.';
  if (!v.votingEnd.trim()) e.votingEnd ??= 'Укажите дату окончания голосования.';
  const length = daysBetween(v.votingStart, v.votingEnd);
  if (length !== undefined && length < 0)
    e.votingEnd = `Окончание голосования раньше его начала (${formatDateRu(v.votingStart)}).`;

  const inPerson = v.form !== 'remote';
  if (inPerson && !v.sessionDate.trim()) e.sessionDate ??= 'Укажите дату очной части собрания.';
  if (inPerson && !v.sessionPlace.trim()) e.sessionPlace = 'Укажите место очной части собрания.';
  if (v.sessionTime.trim() && !TIME.test(v.sessionTime.trim()))
    e.sessionTime = 'Время: нужен вид ЧЧ:ММ, например 11:00.';
  if (v.form !== 'in_person' && !v.paperBallotAddress.trim())
    e.paperBallotAddress = 'Укажите, куда сдавать или отправлять бумажные бюллетени.';

  const days = Number(v.protocolDueDays.trim());
  if (!v.protocolDueDays.trim() || !Number.isInteger(days) || days < 1 || days > 60)
    e.protocolDueDays = 'Укажите целое число дней от 1 до 60.';

  Object.assign(e, lawSettingErrors(v));
  if (v.conflicts === 'priority' && new Set(v.priority).size !== v.priority.length)
    e.priority = 'Способы голосования в порядке приоритета не должны повторяться.';
  return e;
}
