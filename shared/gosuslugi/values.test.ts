import { parseGosuslugiValue } from './values';

describe('parseGosuslugiValue', () => {
  it('understands За, Против, Воздержался in any case, the abbreviations and blanks', () => {
    for (const t of ['За', 'ЗА', 'за', ' за ']) expect(parseGosuslugiValue(t)).toBe('for');
    for (const t of ['Против', 'ПРОТИВ']) expect(parseGosuslugiValue(t)).toBe('against');
    for (const t of ['Воздержался', 'воздержалась', 'Воздерж.', 'воздерж', 'ВОЗДЕРЖ.']) {
      expect(parseGosuslugiValue(t)).toBe('abstain');
    }
    expect(parseGosuslugiValue('')).toBe('none');
    expect(parseGosuslugiValue('Не голосовал')).toBe('none');
  });

  it('refuses anything else', () => {
    for (const t of ['Да', '+', '1', 'x', 'за против', 'Воздержался ?', '-', 'за..']) {
      expect(parseGosuslugiValue(t)).toBeNull();
    }
    expect(parseGosuslugiValue('Против.')).toBe('against');
  });
});
