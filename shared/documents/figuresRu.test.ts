import { formatArea, formatFigure } from './figuresRu';

describe('areas as every screen and paper shows them', () => {
  it('writes two decimals after a comma and groups from 1 000 with a non-breaking space', () => {
    expect(formatArea('1000.00')).toBe('1\u00a0000,00');
    expect(formatArea('600')).toBe('600,00');
    expect(formatArea('615.5')).toBe('615,50');
    expect(formatArea('12345.67')).toBe('12\u00a0345,67');
    expect(formatArea('1234567.891')).toBe('1\u00a0234\u00a0567,89');
    expect(formatArea('0')).toBe('0,00');
    expect(formatArea('не число')).toBe('не число');
  });

  it('prints what Intl ru-RU prints for the same area', () => {
    const ru = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    for (const area of [
      '0.5',
      '54.3',
      '999.99',
      '1000',
      '1200.00',
      '5230.4',
      '10000',
      '98765.43',
      '1500000',
    ]) {
      expect(formatArea(area)).toBe(ru.format(Number(area)));
    }
  });

  it('groups a vote weight in m² as it groups an area: from 1 000 up, also a 4-digit weight', () => {
    // A 4-digit МКД weight (results.json keeps it as "2945.85") reads «2 945,85», not «2945,85».
    expect(formatFigure('2945.85')).toBe('2\u00a0945,85');
    expect(formatFigure('999.99')).toBe('999,99');
    expect(formatFigure('12345.60')).toBe('12\u00a0345,60');
    const ru = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    for (const weight of ['1000.00', '2945.85', '5230.40', '98765.43', '1234567.89']) {
      expect(formatFigure(weight)).toBe(ru.format(Number(weight)));
      expect(formatFigure(weight)).toBe(formatArea(weight));
    }
  });

  it('leaves counts grouped from 10 000 up', () => {
    expect(formatFigure(1000)).toBe('1000');
    expect(formatFigure(12345)).toBe('12\u00a0345');
  });
});
