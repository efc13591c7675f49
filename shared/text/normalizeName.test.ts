import fc from 'fast-check';
import { normalizeName, normalizeNames } from './normalizeName';

describe('normalizeName', () => {
  it('ignores case, ё/е and extra whitespace', () => {
    expect(normalizeName('  Семёнова  Марина\tВИКТОРОВНА ')).toBe('семенова марина викторовна');
    expect(normalizeName('СЕМЁНОВА Марина Викторовна')).toBe(normalizeName('семенова марина викторовна'));
  });

  it('keeps different names different', () => {
    expect(normalizeName('Иванов Иван')).not.toBe(normalizeName('Иванова Иван'));
    expect(normalizeName('')).toBe('');
  });

  it('gives the full normal form for every kind of spacing and letter, already normal or not', () => {
    const slow = (s: string): string => s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
    const names = [
      'Иванов Иван Иванович',
      'иванов иван',
      'Ёлкин Пётр',
      'ivanov ivan',
      ' Иванов',
      'Иванов ',
      'Иванов  Иван',
      'Иванов\u00a0Иван',
      'Иванов\u2009Иван',
      'Иванов\tИван',
      'Иванов\nИван',
      'Оглы-Мамедов Д.',
      'Müller Hans',
      'Ӏван',
      // The letters on either side of ё (U+0450, U+0452): already normal.
      'ѐлкин ђорђе',
      ' ',
      '',
    ];
    for (const name of names) expect(normalizeName(name)).toBe(slow(name));
  });

  it('normalizes a whole list as it normalizes each name (normalizeNames)', () => {
    // Letters whose lower case is special (final sigma, dotted I, ß), spacing of every kind, line breaks.
    const letters = [
      'А',
      'я',
      'Ё',
      'ё',
      'Σ',
      'σ',
      'İ',
      'I',
      'ß',
      'Ǆ',
      ' ',
      '  ',
      '\t',
      '\n',
      '\u00a0',
      '\u200b',
      '-',
      '.',
      'Z',
    ];
    const name = fc.array(fc.constantFrom(...letters), { maxLength: 8 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(fc.oneof(name, fc.string()), { maxLength: 12 }), (names) => {
        expect(normalizeNames(names)).toEqual(names.map(normalizeName));
      }),
      { numRuns: 500 },
    );
    const registry = ['Воробьёв Юрий', 'ИВАНОВ  иван', 'ΟΔΥΣΣΕΥΣ', 'Σ', ''];
    expect(normalizeNames(registry)).toEqual(['воробьев юрий', 'иванов иван', 'οδυσσευς', 'σ', '']);
  });
});
