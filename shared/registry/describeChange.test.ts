import type { Person } from '../domain/types';
import { describePersonChange, personName } from './describeChange';

const ivanov: Person = {
  id: 'a',
  fullName: 'Иванов Иван Иванович',
  snils: '11223344595',
  status: 'member',
  holdings: [{ plotNumber: '12', area: '600.00' }],
};

describe('describePersonChange', () => {
  it('names each field in Russian with its value before and after', () => {
    const after: Person = {
      ...ivanov,
      status: 'gardener',
      email: 'ivanov@mail.ru',
      holdings: [
        { plotNumber: '12', area: '600.00' },
        { plotNumber: '14', share: '1/2' },
      ],
    };
    expect(describePersonChange(ivanov, after, ['status', 'email', 'holdings'])).toEqual([
      'Статус: член → садовод без членства',
      'Эл. почта: — → ivanov@mail.ru',
      'Участки: 12 (600,00 м²) → 12 (600,00 м²); 14 (доля 1/2)',
    ]);
  });

  it('writes a СНИЛС with its dashes and rooms in an apartment building', () => {
    const after: Person = { ...ivanov, snils: '08765432102', status: 'owner' };
    expect(describePersonChange(ivanov, after, ['snils', 'holdings'], 'mkd')).toEqual([
      'СНИЛС: 112-233-445 95 → 087-654-321 02',
      'Помещения: 12 (600,00 м²) → 12 (600,00 м²)',
    ]);
  });

  it('writes areas from 1 000 m² with their thousands apart', () => {
    const after: Person = { ...ivanov, holdings: [{ plotNumber: '12', area: '1200.00' }] };
    expect(describePersonChange(ivanov, after, ['holdings'])).toEqual([
      'Участки: 12 (600,00 м²) → 12 (1\u00a0200,00 м²)',
    ]);
  });
});

describe('personName', () => {
  it('names a person by name and plots', () => {
    expect(personName(ivanov)).toBe('Иванов Иван Иванович (участок 12)');
    expect(personName({ ...ivanov, holdings: [{ plotNumber: '3' }, { plotNumber: '4' }] })).toBe(
      'Иванов Иван Иванович (участки 3, 4)',
    );
    expect(personName({ ...ivanov, fullName: ' ', holdings: [] }, 'mkd')).toBe('Без ФИО');
    expect(personName({ ...ivanov, holdings: [{ plotNumber: '5' }] }, 'mkd')).toBe(
      'Иванов Иван Иванович (помещение 5)',
    );
  });
});
