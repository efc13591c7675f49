import { schemaV3 } from '../db/schema';
import { tableLabel } from './format';

describe('tableLabel', () => {
  it('names in Russian every table a backup of the app holds', () => {
    for (const name of Object.keys(schemaV3)) expect(tableLabel(name)).toMatch(/^[А-ЯЁ]/);
    expect(tableLabel('paperBallots')).toBe('Бумажные бюллетени');
    expect(tableLabel('gosuslugiImports')).toBe('Импорт Госуслуг');
    expect(tableLabel('persons')).toBe('Реестр участников');
  });
});
