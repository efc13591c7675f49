import fc from 'fast-check';
import {
  add,
  compare,
  equals,
  fromInt,
  lcm,
  mul,
  ONE,
  parseDecimal,
  parseShare,
  rational,
  toDecimal,
  toFraction,
  ZERO,
} from './rational';

describe('rational', () => {
  it('keeps values in lowest terms with a positive denominator', () => {
    expect(rational(6n, -4n)).toEqual({ n: -3n, d: 2n });
    expect(rational(0n, 5n)).toEqual({ n: 0n, d: 1n });
    expect(() => rational(1n, 0n)).toThrow(RangeError);
  });

  it('adds and multiplies exactly', () => {
    expect(add(rational(1n, 3n), rational(1n, 6n))).toEqual(rational(1n, 2n));
    expect(mul(rational(2n, 3n), rational(9n, 4n))).toEqual(rational(3n, 2n));
    // 0.1 + 0.2 is exactly 0.3, unlike with floats.
    expect(equals(add(parseDecimal('0.1')!, parseDecimal('0.2')!), parseDecimal('0.3')!)).toBe(true);
  });

  it('compares without floats', () => {
    expect(compare(rational(2n, 3n), rational(667n, 1000n))).toBe(-1);
    expect(compare(rational(4n, 6n), rational(2n, 3n))).toBe(0);
    expect(compare(ONE, ZERO)).toBe(1);
    expect(lcm(4n, 6n)).toBe(12n);
  });

  it('parses decimals with a point or a comma', () => {
    expect(parseDecimal('54.30')).toEqual(rational(543n, 10n));
    expect(parseDecimal('54,3')).toEqual(rational(543n, 10n));
    expect(parseDecimal(' 1 200 ')).toEqual(fromInt(1200));
    expect(parseDecimal('-2.5')).toEqual(rational(-5n, 2n));
    expect(parseDecimal('1e3')).toBeNull();
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('12.')).toBeNull();
  });

  it('parses shares as fractions, decimals or percents, whole when empty', () => {
    expect(parseShare('1/2')).toEqual(rational(1n, 2n));
    expect(parseShare(' 2 / 6 ')).toEqual(rational(1n, 3n));
    expect(parseShare('0.25')).toEqual(rational(1n, 4n));
    expect(parseShare('50%')).toEqual(rational(1n, 2n));
    expect(parseShare('')).toEqual(ONE);
    expect(parseShare(undefined)).toEqual(ONE);
    expect(parseShare('3/2')).toBeNull();
    expect(parseShare('0')).toBeNull();
    expect(parseShare('1/0')).toBeNull();
    expect(parseShare('половина')).toBeNull();
  });

  it('prints decimals rounded half away from zero, once', () => {
    expect(toDecimal(rational(50n, 3n))).toBe('16.67');
    expect(toDecimal(rational(100n, 3n))).toBe('33.33');
    expect(toDecimal(rational(1n, 200n))).toBe('0.01');
    expect(toDecimal(rational(1n, 201n))).toBe('0.00');
    expect(toDecimal(rational(-1n, 200n))).toBe('-0.01');
    expect(toDecimal(fromInt(1200))).toBe('1200.00');
    expect(toDecimal(rational(5n, 8n), 4)).toBe('0.6250');
    expect(toDecimal(rational(7n, 2n), 0)).toBe('4');
    expect(toFraction(rational(2n, 3n))).toBe('2/3');
    expect(toFraction(fromInt(5))).toBe('5');
  });

  it('sums of exact cent values print back exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 50 }), (cents) => {
        const sum = cents.reduce((s, c) => add(s, rational(BigInt(c), 100n)), ZERO);
        const total = cents.reduce((s, c) => s + c, 0);
        const expected = `${Math.floor(total / 100)}.${String(total % 100).padStart(2, '0')}`;
        expect(toDecimal(sum)).toBe(expected);
      }),
    );
  });
});
