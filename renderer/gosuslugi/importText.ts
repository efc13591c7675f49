/** Russian wording of the Gosuslugi import screens, in one place. */
import type { NotCountedRow } from '../../shared/gosuslugi/buildBallots';
import { GOSUSLUGI_FIELD_LABEL, type GosuslugiField } from '../../shared/gosuslugi/fields';
import type { AgendaQuestion, ColumnRole } from '../../shared/gosuslugi/mapping';
import type { MatchedBy, RowMatch } from '../../shared/gosuslugi/matchRows';
import type { GosuslugiValue } from '../../shared/gosuslugi/values';
import { plural } from '../../shared/meetings/dates';

export const IMPORT_ACCEPT = ['.xlsx', '.csv'];

export const FIELD_ORDER: GosuslugiField[] = ['fullName', 'snils', 'cadastral', 'plot', 'votedAt'];

/** `<select>` value of a column role: `extra`, `field:snils`, `question:3`. */
export function roleValue(role: ColumnRole): string {
  if (role.kind === 'field') return `field:${role.field}`;
  if (role.kind === 'question') return `question:${role.number}`;
  return 'extra';
}

export function roleOfValue(value: string): ColumnRole {
  const [kind, rest] = value.split(':');
  if (kind === 'field') return { kind: 'field', field: rest as GosuslugiField };
  if (kind === 'question') return { kind: 'question', number: Number(rest) };
  return { kind: 'extra' };
}

export function roleText(role: ColumnRole, agenda: readonly AgendaQuestion[]): string {
  if (role.kind === 'field') return GOSUSLUGI_FIELD_LABEL[role.field];
  if (role.kind === 'question') {
    const q = agenda.find((a) => a.number === role.number);
    return `Вопрос ${role.number}${q ? `. ${shorten(q.text, 60)}` : ''}`;
  }
  return '— не использовать —';
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export const VALUE_OPTIONS: { value: GosuslugiValue; label: string }[] = [
  { value: 'for', label: 'За' },
  { value: 'against', label: 'Против' },
  { value: 'abstain', label: 'Воздержался' },
  { value: 'none', label: 'Нет ответа' },
];

const BY_TEXT: Record<MatchedBy | 'user', string> = {
  snils: 'по СНИЛС',
  cadastral: 'по кадастровому номеру',
  name: 'по ФИО',
  user: 'выбран вручную',
};

export function matchText(m: RowMatch, nameOf: (id: string) => string): string {
  switch (m.status) {
    case 'matched':
      return `${nameOf(m.personId)} (${BY_TEXT[m.by]})`;
    case 'ambiguous':
      return `${BY_TEXT[m.by]} подходят несколько человек: выберите одного`;
    case 'unmatched':
      return m.reason === 'no_details'
        ? 'в строке нет ни ФИО, ни СНИЛС, ни кадастрового номера'
        : 'в реестре собрания не найден';
    case 'not_participant':
      return `не участник: ${m.reason}`;
  }
}

export function notCountedText(r: NotCountedRow): string {
  switch (r.reason) {
    case 'not_found':
      return 'не найден в реестре собрания';
    case 'ambiguous':
      return 'в реестре подходят несколько человек, выбор не сделан';
    case 'no_details':
      return 'в строке нет ни ФИО, ни СНИЛС, ни кадастрового номера';
    case 'not_participant':
      return `не участник собрания${r.note ? `: ${r.note}` : ''}`;
    case 'skipped':
      return 'строка пропущена при импорте';
  }
}

export function countText(n: number, forms: readonly [string, string, string]): string {
  return `${n.toLocaleString('ru-RU')} ${plural(n, forms)}`;
}

export const ROWS: readonly [string, string, string] = ['строка', 'строки', 'строк'];
export const BALLOTS: readonly [string, string, string] = ['бюллетень', 'бюллетеня', 'бюллетеней'];
