import { innProblem, ogrnProblem } from './requisites';

describe('requisites', () => {
  it('accepts empty values (both are optional)', () => {
    expect(innProblem('')).toBeNull();
    expect(ogrnProblem(undefined)).toBeNull();
  });

  it('checks the ИНН length, digits and check numbers', () => {
    expect(innProblem('7707083893')).toBeNull(); // 10 digits, a real organisation's ИНН
    expect(innProblem('500100732259')).toBeNull(); // 12 digits
    expect(innProblem('7707083894')).toBe('Контрольное число ИНН не сходится: проверьте цифры.');
    expect(innProblem('500100732258')).toBe('Контрольное число ИНН не сходится: проверьте цифры.');
    expect(innProblem('77070838')).toBe('ИНН организации — 10 цифр (12 — у предпринимателя).');
    expect(innProblem('77070838ab')).toBe('ИНН состоит только из цифр.');
  });

  it('checks the ОГРН length, digits and check digit', () => {
    expect(ogrnProblem('1027700132195')).toBeNull();
    expect(ogrnProblem('1027700132196')).toBe('Контрольная цифра ОГРН не сходится: проверьте цифры.');
    expect(ogrnProblem('102770013219')).toBe('ОГРН — 13 цифр.');
    expect(ogrnProblem('10277OO132195')).toBe('ОГРН состоит только из цифр.');
  });
});
