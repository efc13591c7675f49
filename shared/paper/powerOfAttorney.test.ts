import { describe, expect, it } from 'vitest';
import { powerOfAttorneyDateProblem } from './powerOfAttorney';

describe('powerOfAttorneyDateProblem', () => {
  it('takes a real date on or before the day given', () => {
    expect(powerOfAttorneyDateProblem('2026-05-20', '2026-06-14')).toBeNull();
    expect(powerOfAttorneyDateProblem('2026-06-14', '2026-06-14')).toBeNull();
    expect(powerOfAttorneyDateProblem('2026-05-20')).toBeNull();
  });

  it('refuses a five-digit year, an impossible day, an empty field, a year typo and a date after the ballot', () => {
    expect(powerOfAttorneyDateProblem('12026-02-01')).toBe('укажите дату доверенности (ДД.ММ.ГГГГ).');
    expect(powerOfAttorneyDateProblem('2026-02-30')).toBe('укажите дату доверенности (ДД.ММ.ГГГГ).');
    expect(powerOfAttorneyDateProblem('')).toBe('укажите дату доверенности (ДД.ММ.ГГГГ).');
    expect(powerOfAttorneyDateProblem('0202-02-01')).toBe('дата 01.02.0202 слишком ранняя — проверьте год.');
    expect(powerOfAttorneyDateProblem('2026-06-15', '2026-06-14')).toBe(
      'доверенность от 15.06.2026 выдана позже 14.06.2026 — проверьте дату.',
    );
  });
});
