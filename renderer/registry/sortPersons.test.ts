import type { Person } from '../../shared/domain/types';
import { sortPersons } from './sortPersons';

const person = (fullName: string, plot?: string, snils?: string): Person => ({
  id: fullName,
  fullName,
  status: 'member',
  holdings: plot ? [{ plotNumber: plot }] : [],
  ...(snils ? { snils } : {}),
});

describe('sortPersons', () => {
  const list = [person('Яковлев', '10'), person('Абрамов', '2'), person('Ёлкин', '12а'), person('Белов')];

  it('sorts plot numbers naturally and puts people without a plot last', () => {
    expect(sortPersons(list, { key: 'plot', dir: 'asc' }).map((p) => p.fullName)).toEqual([
      'Абрамов',
      'Яковлев',
      'Ёлкин',
      'Белов',
    ]);
    expect(sortPersons(list, { key: 'plot', dir: 'desc' }).map((p) => p.fullName)).toEqual([
      'Ёлкин',
      'Яковлев',
      'Абрамов',
      'Белов',
    ]);
  });

  it('sorts names by Russian collation', () => {
    expect(sortPersons(list, { key: 'fullName', dir: 'asc' }).map((p) => p.fullName)).toEqual([
      'Абрамов',
      'Белов',
      'Ёлкин',
      'Яковлев',
    ]);
  });
});
