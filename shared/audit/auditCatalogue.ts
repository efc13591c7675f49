/**
 * The one catalogue of audit actions: every action string the app writes into the audit trail, with
 * its Russian name for the journal. The strings themselves are part of the hash-chained trail and are
 * never renamed; a new action is added here (a test checks that every action written in the code is).
 */
import type { VersionKind } from '../paper/ballotRecord';
import type { AuditEvent } from './auditChain';

type BallotAction = `ballot.${VersionKind}`;

export type AuditAction =
  | 'partnership.create'
  | 'partnership.update'
  | 'person.create'
  | 'person.update'
  | 'person.delete'
  | 'person.restore'
  | 'import.registry'
  | 'settings.statusValues'
  | 'settings.timeline'
  | 'operator.change'
  | 'laptop.rename'
  | 'backup.restore'
  | 'integrity.accept'
  | 'meeting.create'
  | 'meeting.update'
  | 'meeting.agenda'
  | 'meeting.copy'
  | 'meeting.delete'
  | 'meeting.protocol'
  | 'snapshot.create'
  | 'snapshot.replace'
  | 'attachment.add'
  | 'attachment.remove'
  | BallotAction
  | 'ballot.batch_import'
  | 'scan.read'
  | 'scan.review'
  | 'settings.omr'
  | 'attendance.register'
  | 'attendance.withdraw'
  | 'gosuslugi.import'
  | 'gosuslugi.replace'
  | 'gosuslugi.mapping'
  | 'gosuslugi.import.undo'
  | 'gosuslugi.replace.undo'
  | 'resolution.save'
  | 'resolution.remove';

/** Groups for the journal's «что» filter. */
export type AuditGroup = 'registry' | 'meetings' | 'ballots' | 'gosuslugi' | 'settings';

export const AUDIT_GROUP_LABELS: Record<AuditGroup, string> = {
  registry: 'Реестр',
  meetings: 'Собрания и протоколы',
  ballots: 'Бюллетени и регистрация',
  gosuslugi: 'Госуслуги и решения комиссии',
  settings: 'Товарищество и настройки',
};

export const AUDIT_ACTIONS: Record<AuditAction, { label: string; group: AuditGroup }> = {
  'partnership.create': { label: 'Внесены сведения о товариществе', group: 'settings' },
  'partnership.update': { label: 'Изменены сведения о товариществе', group: 'settings' },
  'person.create': { label: 'Добавлен участник', group: 'registry' },
  'person.update': { label: 'Изменены данные участника', group: 'registry' },
  'person.delete': { label: 'Удалён участник', group: 'registry' },
  'person.restore': { label: 'Возвращён удалённый участник', group: 'registry' },
  'import.registry': { label: 'Импортирован реестр', group: 'registry' },
  'settings.statusValues': { label: 'Запомнены значения статуса для импорта', group: 'registry' },
  'settings.timeline': { label: 'Изменены сроки подготовки собрания', group: 'settings' },
  'operator.change': { label: 'Сменился оператор', group: 'settings' },
  'laptop.rename': { label: 'Изменено название ноутбука', group: 'settings' },
  'backup.restore': { label: 'Данные восстановлены из резервной копии', group: 'settings' },
  'integrity.accept': {
    label: 'Комиссия записала причину расхождения данных с журналом',
    group: 'meetings',
  },
  'meeting.create': { label: 'Создано собрание', group: 'meetings' },
  'meeting.update': { label: 'Изменены сведения о собрании', group: 'meetings' },
  'meeting.agenda': { label: 'Изменена повестка', group: 'meetings' },
  'meeting.copy': { label: 'Собрание создано копированием', group: 'meetings' },
  'meeting.delete': { label: 'Удалено собрание', group: 'meetings' },
  'meeting.protocol': { label: 'Сформирован протокол', group: 'meetings' },
  'snapshot.create': { label: 'Зафиксирован реестр собрания', group: 'meetings' },
  'snapshot.replace': { label: 'Реестр собрания зафиксирован заново', group: 'meetings' },
  'attachment.add': { label: 'Добавлен файл', group: 'meetings' },
  'attachment.remove': { label: 'Удалён файл', group: 'meetings' },
  'ballot.logged': { label: 'Принят бюллетень (записан в журнал)', group: 'ballots' },
  'ballot.entered': { label: 'Введён бюллетень', group: 'ballots' },
  'ballot.corrected': { label: 'Исправлен бюллетень', group: 'ballots' },
  'ballot.withdrawn': { label: 'Бюллетень отозван', group: 'ballots' },
  'ballot.restored': { label: 'Бюллетень восстановлен', group: 'ballots' },
  'ballot.second_entry': { label: 'Бюллетень введён повторно (сверка)', group: 'ballots' },
  'ballot.settled': { label: 'Расхождение ввода бюллетеня разрешено', group: 'ballots' },
  'ballot.batch_import': { label: 'Загружены бюллетени с другого ноутбука', group: 'ballots' },
  'scan.read': { label: 'Прочитаны сканы бюллетеней', group: 'ballots' },
  'scan.review': { label: 'Решена отметка на скане бюллетеня', group: 'ballots' },
  'settings.omr': { label: 'Изменены пороги чтения сканов', group: 'settings' },
  'attendance.register': { label: 'Зарегистрирован присутствующий', group: 'ballots' },
  'attendance.withdraw': { label: 'Регистрация присутствующего отменена', group: 'ballots' },
  'gosuslugi.import': { label: 'Импортированы результаты Госуслуг', group: 'gosuslugi' },
  'gosuslugi.replace': { label: 'Результаты Госуслуг заменены исправленным файлом', group: 'gosuslugi' },
  'gosuslugi.mapping': { label: 'Запомнено сопоставление столбцов Госуслуг', group: 'gosuslugi' },
  'gosuslugi.import.undo': { label: 'Отменён импорт Госуслуг', group: 'gosuslugi' },
  'gosuslugi.replace.undo': { label: 'Отменена замена файла Госуслуг', group: 'gosuslugi' },
  'resolution.save': { label: 'Комиссия решила, какой бюллетень учитывать', group: 'gosuslugi' },
  'resolution.remove': { label: 'Решение комиссии отменено', group: 'gosuslugi' },
};

export function isAuditAction(action: string): action is AuditAction {
  return Object.prototype.hasOwnProperty.call(AUDIT_ACTIONS, action);
}

/** The Russian name of an action; one the catalogue does not know yet reads «Другое действие». */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action].label : 'Другое действие';
}

export function auditActionGroup(action: string): AuditGroup | undefined {
  return isAuditAction(action) ? AUDIT_ACTIONS[action].group : undefined;
}

/** An event as the code writes it: its action is one of the catalogue's (the chain stores it as a string). */
export type AuditWrite = AuditEvent & { action: AuditAction };
