/**
 * An audit entry in plain Russian for the journal: what was done (the catalogue's name), about whom
 * (a person by name and plot, a ballot by its voter, a file by its name — never an id), which fields
 * changed by their Russian labels and values as the secretary reads them (never JSON).
 */
import type { AuditEntry } from '../../shared/audit/auditChain';
import type { Holding, Person } from '../../shared/domain/types';
import { formatArea } from '../../shared/documents/figuresRu';
import { PERSON_FIELD_LABEL, personName } from '../../shared/registry/describeChange';
import { formatSnils } from '../../shared/registry/snils';
import { MONTHS_GENITIVE, formatJournalDate } from '../../shared/meetings/dates';
import { auditActionLabel } from '../../shared/audit/auditCatalogue';
import { MARK_LABEL, STATUS_LABEL } from '../../shared/vocabulary';

/** Russian labels of the fields the app's records carry. A field not listed is not shown. */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  ...PERSON_FIELD_LABEL,
  note: 'Примечание',
  name: 'Название',
  address: 'Адрес',
  inn: 'ИНН',
  ogrn: 'ОГРН',
  title: 'Название собрания',
  form: 'Форма проведения',
  votingStart: 'Начало голосования',
  votingEnd: 'Окончание голосования',
  sessionDate: 'Дата очной части',
  sessionTime: 'Время очной части',
  sessionPlace: 'Место очной части',
  paperBallotAddress: 'Адрес приёма бюллетеней',
  paperBallotDeadline: 'Последний день приёма бюллетеней',
  countDate: 'Дата подсчёта',
  countPlace: 'Место подсчёта',
  chair: 'Председательствующий',
  secretary: 'Секретарь',
  countingCommission: 'Счётная комиссия',
  noticeDate: 'Дата уведомления',
  materialsDate: 'Дата материалов',
  materialsAccess: 'Порядок ознакомления с материалами',
  contact: 'Контакты',
  protocolDueDays: 'Срок протокола, дней',
  questions: 'Повестка',
  marks: 'Ответы',
  voter: 'Участник',
  receivedAt: 'Дата получения',
  channel: 'Способ',
  copy: 'Экземпляр',
  voidReasons: 'Причины недействительности',
  representative: 'Представитель',
  trackingNumber: 'Почтовый идентификатор',
  delivery: 'Способ доставки',
  source: 'Источник',
  added: 'Добавлено',
  changed: 'Изменено',
  removed: 'Удалено',
  persons: 'Людей в реестре',
  fileName: 'Файл',
  arrivedAt: 'Время прихода',
  withdrawn: 'Отменено',
  reason: 'Причина',
  question: 'Вопрос',
  ballotId: 'Учитываемый бюллетень',
  number: 'Номер протокола',
  protocolNumber: 'Номер протокола',
  protocolDate: 'Дата протокола',
  size: 'Размер',
  mime: 'Тип файла',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function holdingText(h: Holding): string {
  const extra = [h.area ? `${formatArea(h.area)} м²` : '', h.share ? `доля ${h.share}` : '']
    .filter(Boolean)
    .join(', ');
  return `${h.plotNumber || h.cadastralNumber || '—'}${extra ? ` (${extra})` : ''}`;
}

/** A value of a field as the secretary reads it; long texts are cut. */
export function fieldValueText(field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (field === 'status' && typeof value === 'string' && value in STATUS_LABEL)
    return STATUS_LABEL[value as keyof typeof STATUS_LABEL];
  if (field === 'snils' && typeof value === 'string') return formatSnils(value);
  if (field === 'holdings' && Array.isArray(value))
    return value.map((h) => holdingText(h as Holding)).join('; ') || '—';
  if (field === 'marks' && isRecord(value)) {
    return (
      Object.entries(value)
        .map(([q, m]) => `вопрос ${q}: ${(MARK_LABEL as Record<string, string>)[String(m)] ?? String(m)}`)
        .join('; ') || '—'
    );
  }
  if (field === 'voter' && isRecord(value)) return voterText(value);
  if (field === 'questions' && Array.isArray(value)) return `${value.length} вопр.`;
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (typeof value === 'string') {
    if (UUID.test(value)) return '(запись)';
    if (ISO_TIME.test(value)) return formatJournalDate(value);
    if (ISO_DATE.test(value)) {
      const [y, m, d] = value.split('-').map(Number);
      return `${d} ${MONTHS_GENITIVE[m! - 1]} ${y}`;
    }
    return value.length > 80 ? `${value.slice(0, 79)}…` : value;
  }
  if (Array.isArray(value)) {
    const items = value.filter((v) => typeof v === 'string' && !UUID.test(v));
    return items.length === value.length ? items.join(', ') || '—' : `${value.length} шт.`;
  }
  return 'изменено';
}

function voterText(v: Record<string, unknown>): string {
  const name = typeof v.fullName === 'string' && v.fullName ? v.fullName : '';
  const plot = typeof v.plotNumber === 'string' && v.plotNumber ? `участок ${v.plotNumber}` : '';
  return [name, plot].filter(Boolean).join(', ') || 'участник не указан';
}

export interface JournalContext {
  /** Registry persons by id (to name attendance, resolutions and people removed since). */
  persons: ReadonlyMap<string, Person>;
}

/** Whom or what the entry is about, by name. */
export function auditSubject(entry: AuditEntry, ctx: JournalContext): string {
  const value = (isRecord(entry.after) ? entry.after : isRecord(entry.before) ? entry.before : {}) as Record<
    string,
    unknown
  >;
  const person = (id: unknown): string => {
    const p = typeof id === 'string' ? ctx.persons.get(id) : undefined;
    return p ? personName({ ...p, holdings: p.holdings ?? [] }) : 'участник не найден в реестре';
  };
  switch (entry.entity) {
    case 'person':
      if (typeof value.fullName !== 'string') return person(entry.entityId);
      return personName({
        ...(value as unknown as Person),
        holdings: Array.isArray(value.holdings) ? (value.holdings as Holding[]) : [],
      });
    case 'ballot':
      return `Бюллетень: ${isRecord(value.voter) ? voterText(value.voter) : 'участник не указан'}`;
    case 'attendance':
    case 'resolution':
      return person(value.personId);
    case 'registry':
      return `Файл «${entry.entityId}»`;
    case 'meeting':
      return typeof value.title === 'string' ? `Собрание «${value.title}»` : 'Собрание';
    case 'snapshot':
      return 'Реестр собрания';
    case 'attachment':
      return typeof value.name === 'string' ? `Файл «${value.name}»` : 'Файл';
    case 'gosuslugiImport':
      return typeof value.fileName === 'string' ? `Файл «${value.fileName}»` : 'Файл Госуслуг';
    case 'partnership':
      return typeof value.name === 'string' ? value.name : 'Товарищество';
    case 'operator':
      return 'Оператор';
    default:
      return '';
  }
}

/** `ФИО: Иванов → Петров` for each labelled field that differs (ids and times of writing left out). */
export function auditChanges(entry: AuditEntry): string[] {
  const { before, after } = entry;
  if (entry.action === 'settings.statusValues' && isRecord(after)) {
    // The status values mapped for imports: the new or changed ones.
    const b = isRecord(before) ? before : {};
    return Object.entries(after)
      .filter(([k, v]) => b[k] !== v)
      .map(([k, v]) => `«${k || '(пусто)'}»: ${fieldValueText('status', v)}`);
  }
  if (entry.action === 'import.registry' && isRecord(after) && isRecord(after.people)) {
    const { people, ...counts } = after;
    return [...auditChanges({ ...entry, after: counts }), ...importPeopleLines(people)];
  }
  if (!isRecord(before) && !isRecord(after)) {
    if (before === undefined && after === undefined) return [];
    return [`${fieldValueText('', before)} → ${fieldValueText('', after)}`];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const out: string[] = [];
  for (const field of Object.keys(AUDIT_FIELD_LABELS)) {
    if (!(field in a) && !(field in b)) continue;
    const x = fieldValueText(field, b[field]);
    const y = fieldValueText(field, a[field]);
    if (JSON.stringify(b[field]) === JSON.stringify(a[field])) continue;
    const label = AUDIT_FIELD_LABELS[field]!;
    if (!(field in b)) out.push(`${label}: ${y}`);
    else if (!(field in a)) out.push(`${label}: было ${x}`);
    else out.push(`${label}: ${x} → ${y}`);
  }
  return out;
}

/** Names listed in one line of an import's people; the rest are counted. */
const NAMES_IN_LINE = 30;

const names = (list: unknown): string[] =>
  Array.isArray(list) ? list.flatMap((p) => (isRecord(p) && typeof p.name === 'string' ? [p.name] : [])) : [];

/**
 * The people of a registry import (importAuditPeople): who was added and removed, one line each group,
 * and each changed person with the fields changed (`Изменены данные: Иванов … — Статус: член → …`).
 */
function importPeopleLines(people: Record<string, unknown>): string[] {
  const group = (title: string, list: string[]): string[] => {
    if (list.length === 0) return [];
    const shown = list.slice(0, NAMES_IN_LINE).join('; ');
    const more = list.length > NAMES_IN_LINE ? `; и ещё ${list.length - NAMES_IN_LINE}` : '';
    return [`${title} (${list.length}): ${shown}${more}`];
  };
  const changed = Array.isArray(people.changed) ? people.changed.filter(isRecord) : [];
  return [
    ...group('Добавлены', names(people.added)),
    ...group('Удалены', names(people.removed)),
    ...changed.map((c) => {
      const lines = Array.isArray(c.changes) ? c.changes.filter((x) => typeof x === 'string') : [];
      return `Изменены данные: ${String(c.name)} — ${lines.join('; ')}`;
    }),
  ];
}

/** The journal's line for an entry: when, who, what, about whom, what changed. */
export interface JournalLine {
  seq: number;
  at: string;
  when: string;
  actor: string;
  action: string;
  what: string;
  subject: string;
  changes: string[];
  reason?: string;
}

export function journalLine(entry: AuditEntry, ctx: JournalContext): JournalLine {
  const line: JournalLine = {
    seq: entry.seq,
    at: entry.at,
    when: formatJournalDate(entry.at),
    actor: entry.actor,
    action: entry.action,
    what: auditActionLabel(entry.action),
    subject: auditSubject(entry, ctx),
    changes: auditChanges(entry),
  };
  if (entry.reason) line.reason = entry.reason;
  return line;
}
