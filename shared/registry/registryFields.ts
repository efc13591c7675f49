import type { PartnershipKind } from '../domain/types';
import type { FieldSpec } from '../spreadsheet/header';
import type { PersonField } from './diffRegistry';

/** Registry columns the import can map. A full name may also come split into three columns. */
export type RegistryField =
  | 'fullName'
  | 'lastName'
  | 'firstName'
  | 'middleName'
  | 'snils'
  | 'plotNumber'
  | 'cadastralNumber'
  | 'area'
  | 'share'
  | 'status'
  | 'residentialAddress'
  | 'postalAddress'
  | 'email'
  | 'phone';

/** Header synonyms of every registry field (normalised by normalizeHeader before matching). */
export const REGISTRY_FIELDS: FieldSpec<RegistryField>[] = [
  {
    field: 'fullName',
    label: 'ФИО',
    synonyms: [
      'Ф.И.О.',
      'Фамилия Имя Отчество',
      'Фамилия, имя, отчество',
      'Фамилия И.О.',
      'ФИО собственника',
      'ФИО члена',
      'ФИО правообладателя',
      'Собственник',
      'Правообладатель',
      'Владелец',
    ],
    required: true,
  },
  { field: 'lastName', label: 'Фамилия', synonyms: [] },
  { field: 'firstName', label: 'Имя', synonyms: [] },
  { field: 'middleName', label: 'Отчество', synonyms: [] },
  {
    field: 'snils',
    label: 'СНИЛС',
    synonyms: ['№ СНИЛС', 'Номер СНИЛС', 'Страховой номер', 'Страховое свидетельство', 'СНИЛС собственника'],
  },
  {
    field: 'plotNumber',
    label: 'Участок',
    synonyms: [
      '№ участка',
      'Номер участка',
      'Участок №',
      'Уч.',
      '№ уч.',
      'Номер уч.',
      'Помещение',
      '№ помещения',
      'Номер помещения',
      'Квартира',
      '№ квартиры',
      'Номер квартиры',
      'Кв.',
      '№ кв.',
    ],
  },
  {
    field: 'cadastralNumber',
    label: 'Кадастровый номер',
    synonyms: ['Кадастровый №', 'Кад. номер', 'Кад. №', 'КН', 'Кадастровый номер участка'],
  },
  {
    field: 'area',
    label: 'Площадь',
    synonyms: ['Площадь, м²', 'Площадь, кв. м', 'Площадь участка', 'Площадь помещения', 'Общая площадь', 'S'],
  },
  {
    field: 'share',
    label: 'Доля',
    synonyms: ['Доля в праве', 'Доля собственности', 'Размер доли', 'Доля в праве собственности'],
  },
  {
    field: 'status',
    label: 'Статус',
    synonyms: [
      'Членство',
      'Членство в СНТ',
      'Статус членства',
      'Член СНТ',
      'Член СНТ (да/нет)',
      'Член товарищества (да/нет)',
      'Категория',
    ],
  },
  {
    field: 'residentialAddress',
    label: 'Адрес места жительства',
    synonyms: ['Адрес', 'Адрес регистрации', 'Адрес проживания', 'Место жительства', 'Адрес по прописке'],
  },
  {
    field: 'postalAddress',
    label: 'Почтовый адрес',
    synonyms: ['Адрес для корреспонденции', 'Адрес для почтовых отправлений', 'Адрес для уведомлений'],
  },
  {
    field: 'email',
    label: 'Эл. почта',
    synonyms: ['E-mail', 'Email', 'Электронная почта', 'Адрес электронной почты', 'Эл. адрес', 'Почта'],
  },
  {
    field: 'phone',
    label: 'Телефон',
    synonyms: ['Тел.', 'Номер телефона', 'Контактный телефон', 'Моб. телефон'],
  },
];

const LABELS = Object.fromEntries(REGISTRY_FIELDS.map((s) => [s.field, s.label])) as Record<
  RegistryField,
  string
>;

/** Russian name of a field as messages and the mapping preview show it (`Помещение` in an apartment building). */
export function registryFieldLabel(field: RegistryField, kind: PartnershipKind = 'snt'): string {
  if (field === 'plotNumber' && kind === 'mkd') return 'Помещение';
  return LABELS[field];
}

/** Which Person fields an import with this mapping fills (for diffRegistry's `fields`). */
export function mappedPersonFields(
  mapping: Partial<Record<RegistryField, number>>,
  kind: PartnershipKind,
): PersonField[] {
  const has = (f: RegistryField): boolean => mapping[f] !== undefined;
  const out: PersonField[] = ['fullName', 'holdings'];
  if (has('snils')) out.push('snils');
  if (kind === 'snt' ? has('status') : true) out.push('status');
  for (const f of ['residentialAddress', 'postalAddress', 'email', 'phone'] as const) if (has(f)) out.push(f);
  return out;
}
