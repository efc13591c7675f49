/**
 * Columns of the Gosuslugi per-participant results file besides the questions: who voted (name, СНИЛС,
 * cadastral number, plot or premises number) and when. The platform's wording is not published and
 * changes, so each field has synonyms; the user corrects the proposal in the import wizard. Other
 * columns (an address, a serial number) are kept as extra columns for the preview.
 */
import type { FieldSpec } from '../spreadsheet/header';

export type GosuslugiField = 'fullName' | 'snils' | 'cadastral' | 'plot' | 'votedAt';

export const GOSUSLUGI_FIELDS: FieldSpec<GosuslugiField>[] = [
  {
    field: 'fullName',
    label: 'ФИО',
    synonyms: [
      'ФИО участника',
      'ФИО собственника',
      'Ф.И.О.',
      'Фамилия Имя Отчество',
      'Участник',
      'Участник голосования',
      'Собственник',
      'Правообладатель',
      'Голосующий',
    ],
  },
  { field: 'snils', label: 'СНИЛС', synonyms: ['СНИЛС участника', 'Номер СНИЛС', 'Страховой номер'] },
  {
    field: 'cadastral',
    label: 'Кадастровый номер',
    synonyms: [
      'Кадастровый номер участка',
      'Кадастровый номер помещения',
      'Кадастровый номер объекта',
      'Кадастровый номер объекта недвижимости',
      'Кад. номер',
      'Кадастровый',
    ],
  },
  {
    field: 'plot',
    label: 'Номер участка или помещения',
    synonyms: [
      'Номер участка',
      'Номер помещения',
      '№ помещения',
      '№ участка',
      'Участок',
      'Помещение',
      'Квартира',
    ],
  },
  {
    field: 'votedAt',
    label: 'Дата голосования',
    synonyms: ['Дата и время голосования', 'Дата голоса', 'Дата решения', 'Дата и время', 'Проголосовал'],
  },
];

export const GOSUSLUGI_FIELD_LABEL = Object.fromEntries(
  GOSUSLUGI_FIELDS.map((f) => [f.field, f.label]),
) as Record<GosuslugiField, string>;

/** Fields that identify a participant: a header needs at least one of them. */
export const IDENTITY_FIELDS: readonly GosuslugiField[] = ['fullName', 'snils', 'cadastral'];
