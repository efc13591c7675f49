import { normalizeName } from './normalizeName';

describe('normalizeName', () => {
  it('ignores case, ё/е and extra whitespace', () => {
    expect(normalizeName('  Семёнова  Марина\tВИКТОРОВНА ')).toBe('семенова марина викторовна');
    expect(normalizeName('СЕМЁНОВА Марина Викторовна')).toBe(normalizeName('семенова марина викторовна'));
  });

  it('keeps different names different', () => {
    expect(normalizeName('Иванов Иван')).not.toBe(normalizeName('Иванова Иван'));
    expect(normalizeName('')).toBe('');
  });
});
