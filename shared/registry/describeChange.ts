import type { Holding, PartnershipKind, Person } from '../domain/types';
import type { PersonField } from './diffRegistry';
import { formatArea } from '../documents/figuresRu';
import { formatSnils } from './snils';
import { STATUS_LABEL } from '../vocabulary';

/** Russian names of the person fields an import can change. */
export const PERSON_FIELD_LABEL: Record<PersonField, string> = {
  fullName: 'ФИО',
  snils: 'СНИЛС',
  status: 'Статус',
  residentialAddress: 'Адрес места жительства',
  postalAddress: 'Почтовый адрес',
  email: 'Эл. почта',
  phone: 'Телефон',
  holdings: 'Участки',
};

/** `12 (600,00 м², доля 1/2)` */
function holdingText(h: Holding): string {
  const parts: string[] = [];
  if (h.area) parts.push(`${formatArea(h.area)} м²`);
  if (h.share) parts.push(`доля ${h.share}`);
  const name = h.plotNumber || h.cadastralNumber || '—';
  return parts.length ? `${name} (${parts.join(', ')})` : name;
}

/** A field's value as the secretary reads it; `—` when empty. */
export function personFieldText(p: Person, f: PersonField): string {
  if (f === 'holdings') return p.holdings.map(holdingText).join('; ') || '—';
  if (f === 'status') return STATUS_LABEL[p.status];
  if (f === 'snils') return p.snils ? formatSnils(p.snils) : '—';
  return p[f]?.trim() || '—';
}

/** `Иванов Иван Иванович (участок 12)`, `(участки 3, 4)`, `(помещение 5)` in an apartment building. */
export function personName(p: Person, kind: PartnershipKind = 'snt'): string {
  const plots = p.holdings.map((h) => h.plotNumber || h.cadastralNumber).filter(Boolean);
  const name = p.fullName.trim() || 'Без ФИО';
  if (plots.length === 0) return name;
  const many = plots.length > 1;
  const word = kind === 'mkd' ? (many ? 'помещения' : 'помещение') : many ? 'участки' : 'участок';
  return `${name} (${word} ${plots.join(', ')})`;
}

/** One line per changed field: `Статус: член → садовод без членства`. */
export function describePersonChange(
  before: Person,
  after: Person,
  fields: readonly PersonField[],
  kind: PartnershipKind = 'snt',
): string[] {
  return fields.map((f) => {
    const label = f === 'holdings' && kind === 'mkd' ? 'Помещения' : PERSON_FIELD_LABEL[f];
    return `${label}: ${personFieldText(before, f)} → ${personFieldText(after, f)}`;
  });
}
