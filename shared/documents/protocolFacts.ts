/**
 * The protocol's record of the meeting (where, when, who): the facts under the title, where the
 * originals are kept, the appendices kept on paper and the signature lines. For an apartment building
 * the content Приказ Минстроя России № 266/пр of 30.04.2025 asks for (building address, total area,
 * initiator's details, ГИС ЖКХ number, the notice, written decisions and powers of attorney attached).
 */
import { formatDateRu } from '../meetings/dates';
import type { ResultsJson } from '../results/buildResults';
import type { RuleProfile } from '../rules/profile';
import { formatArea } from './figuresRu';
import type { ProtocolFact, ProtocolMeeting, ProtocolSignature, ProtocolSource } from './protocolTypes';
import { CHANNEL_LABEL, FORM_LABEL, MEETING_KIND_LABEL } from '../vocabulary';

/** A line to fill in by hand where the meeting record has no value. */
export const BLANK = '______________________________';

const clean = (s: string | undefined): string => s?.trim().replace(/\s+/g, ' ') ?? '';

export function meetingFacts(
  meeting: ProtocolMeeting,
  partnership: ProtocolSource['partnership'],
  results: ResultsJson,
  profile: RuleProfile,
): ProtocolFact[] {
  const mkd = meeting.kind === 'mkd';
  const facts: ProtocolFact[] = [];
  const add = (label: string, value: string | undefined, required = false): void => {
    const text = clean(value);
    if (text || required) facts.push({ label, value: text || BLANK });
  };
  if (mkd) {
    add('Адрес многоквартирного дома', meeting.address || partnership?.address, true);
    const area = clean(meeting.buildingArea);
    add('Общая площадь жилых и нежилых помещений в доме', area ? `${formatArea(area)} кв. м` : '', true);
  } else add('Адрес', meeting.address);
  if (meeting.meetingKind) add('Вид собрания', MEETING_KIND_LABEL[meeting.meetingKind]);
  add('Форма проведения', FORM_LABEL[meeting.form]);
  const place = meeting.form === 'remote' ? meeting.paperBallotAddress : meeting.sessionPlace;
  add(meeting.form === 'remote' ? 'Место приёма решений' : 'Место проведения', place, true);
  if (meeting.votingStart && meeting.votingEnd) {
    add(
      'Период голосования',
      `с ${formatDateRu(meeting.votingStart)} по ${formatDateRu(meeting.votingEnd)} включительно`,
    );
  }
  if (meeting.form !== 'remote' && meeting.sessionDate) {
    add(
      'Дата и время очной части',
      [formatDateRu(meeting.sessionDate), meeting.sessionTime ? `в ${meeting.sessionTime}` : '']
        .filter(Boolean)
        .join(' '),
    );
  }
  if (meeting.form !== 'in_person' && (meeting.paperBallotDeadline || meeting.paperBallotAddress)) {
    const until = meeting.paperBallotDeadline ? `до ${formatDateRu(meeting.paperBallotDeadline)}` : '';
    add('Приём бумажных бюллетеней', [until, meeting.paperBallotAddress].filter(Boolean).join(', '));
  }
  add('Подсчёт голосов', [formatDateRu(meeting.countDate), meeting.countPlace].filter(Boolean).join(', '));
  add(mkd ? 'Инициатор собрания (сведения)' : 'Инициатор собрания', meeting.initiator, true);
  if (mkd) add('Номер собрания в ГИС ЖКХ', meeting.gisNumber, true);
  add(mkd ? 'Председатель собрания' : 'Председательствующий', meeting.chair, true);
  add('Секретарь собрания', meeting.secretary, true);
  add('Счётная комиссия', commissionOf(meeting).join(', '), true);
  add('Правила подсчёта', countingRules(results, profile));
  return facts;
}

function commissionOf(meeting: ProtocolMeeting): string[] {
  return (meeting.countingCommission ?? []).map(clean).filter(Boolean);
}

function countingRules(results: ResultsJson, profile: RuleProfile): string {
  const m = results.meeting;
  const marks =
    m.invalidMarks === 'ballot'
      ? 'неверно отмеченный вопрос делает недействительным весь бюллетень'
      : 'неверно отмеченный вопрос недействителен только по этому вопросу';
  const scans = m.acceptScans ? 'сканы бюллетеней учитываются' : 'учитываются только оригиналы бюллетеней';
  const conflicts = Array.isArray(m.conflicts)
    ? `при расхождении бюллетеней одного участника учитывается по приоритету: ${m.conflicts.map((c) => CHANNEL_LABEL[c]).join(', ')}`
    : m.conflicts === 'latest'
      ? 'при расхождении бюллетеней одного участника учитывается полученный последним'
      : 'при расхождении бюллетеней одного участника голос по вопросу не учитывается';
  return `${profile.title}; ${marks}; ${scans}; ${conflicts}.`;
}

/** «Оригиналы протокола и решений хранятся: …» (a line to fill in when not given). */
export function storageText(meeting: ProtocolMeeting): string {
  const whose = meeting.kind === 'mkd' ? 'письменных решений собственников' : 'бюллетеней (решений)';
  return `Место (адрес) хранения оригиналов протокола и ${whose}: ${clean(meeting.originalsStorage) || BLANK}.`;
}

/** Appendices kept on paper with the protocol, after the tables it prints. */
export function paperAppendices(meeting: ProtocolMeeting): string[] {
  if (meeting.kind === 'mkd') {
    return [
      'Сообщение о проведении общего собрания собственников помещений',
      'Документы, подтверждающие направление (вручение) сообщения собственникам или его размещение',
      'Письменные решения (бюллетени) собственников помещений — оригиналы',
      'Доверенности (копии) представителей собственников',
      'Документы, рассмотренные общим собранием',
    ];
  }
  return [
    'Уведомление о проведении общего собрания',
    'Бюллетени (решения) для голосования — оригиналы',
    'Доверенности (копии) представителей',
  ];
}

export function signatureLines(meeting: ProtocolMeeting): ProtocolSignature[] {
  const commission = commissionOf(meeting);
  return [
    {
      role: meeting.kind === 'mkd' ? 'Председатель общего собрания' : 'Председательствующий',
      name: clean(meeting.chair),
    },
    { role: 'Секретарь собрания', name: clean(meeting.secretary) },
    ...(commission.length > 0 ? commission : ['', '', '']).map((name) => ({
      role: 'Член счётной комиссии',
      name,
    })),
  ];
}
