import { formatSnils, normalizeSnils, snilsCheckNumber, snilsChecksumOk } from './snils';

describe('normalizeSnils', () => {
  it('accepts the written form, bare digits and stray separators', () => {
    expect(normalizeSnils('112-233-445 95')).toBe('11223344595');
    expect(normalizeSnils('11223344595')).toBe('11223344595');
    expect(normalizeSnils(' 112 233 445-95 ')).toBe('11223344595');
    expect(normalizeSnils('112–233–445\u00a095')).toBe('11223344595');
  });

  it('rejects anything that is not 11 digits', () => {
    expect(normalizeSnils('112-233-445 9')).toBeNull();
    expect(normalizeSnils('112-233-445 955')).toBeNull();
    expect(normalizeSnils('112-233-44a 95')).toBeNull();
    expect(normalizeSnils('')).toBeNull();
  });
});

describe('snilsChecksumOk', () => {
  it('accepts a correct check number and rejects a wrong one', () => {
    expect(snilsChecksumOk('11223344595')).toBe(true);
    expect(snilsChecksumOk('11223344594')).toBe(false);
    expect(snilsChecksumOk('11223344596')).toBe(false);
  });

  it('uses the sum itself below 100', () => {
    expect(snilsCheckNumber('112233445')).toBe(95);
    expect(snilsCheckNumber('001001999')).toBe(65);
  });

  it('gives 00 for sums of 100 and 101', () => {
    expect(snilsCheckNumber('900000091')).toBe(0); // 81 + 18 + 1 = 100
    expect(snilsCheckNumber('900000092')).toBe(0); // 101
    expect(snilsChecksumOk('90000009100')).toBe(true);
    expect(snilsChecksumOk('90000009200')).toBe(true);
    expect(snilsChecksumOk('90000009101')).toBe(false);
  });

  it('takes the remainder mod 101 above 101, and a remainder of 100 gives 00', () => {
    expect(snilsCheckNumber('900000093')).toBe(1); // 102 mod 101
    expect(snilsCheckNumber('996000006')).toBe(0); // 201 mod 101 = 100 -> 00
    expect(snilsChecksumOk('99600000600')).toBe(true);
    expect(snilsChecksumOk('99600000699')).toBe(false);
  });

  it('does not check numbers up to 001-001-998', () => {
    expect(snilsChecksumOk('00100199812')).toBe(true);
    expect(snilsChecksumOk('00000000100')).toBe(true);
    expect(snilsChecksumOk('00100199900')).toBe(false);
    expect(snilsChecksumOk('00100199965')).toBe(true);
  });

  it('rejects input that is not 11 digits', () => {
    expect(snilsChecksumOk('112-233-445 95')).toBe(false);
    expect(snilsChecksumOk('1122334459')).toBe(false);
  });
});

describe('formatSnils', () => {
  it('writes 11 digits as 123-456-789 01', () => {
    expect(formatSnils('11223344595')).toBe('112-233-445 95');
    expect(formatSnils('123')).toBe('123');
  });
});
