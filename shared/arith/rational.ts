/**
 * Exact rational numbers on BigInt, for vote weights (area in 0.01 m² × ownership share).
 * Never a float: every comparison and sum is exact; rounding happens once, when a figure is printed.
 */

/** n/d in lowest terms with d > 0. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };

function abs(a: bigint): bigint {
  return a < 0n ? -a : a;
}

export function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function lcm(a: bigint, b: bigint): bigint {
  if (a === 0n || b === 0n) return 0n;
  return abs(a / gcd(a, b)) * abs(b);
}

/** n/d reduced; throws on a zero denominator (a programming error, never user input). */
export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('Zero denominator');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export function fromInt(n: number | bigint): Rational {
  return { n: BigInt(n), d: 1n };
}

export function add(a: Rational, b: Rational): Rational {
  if (a.d === b.d) return rational(a.n + b.n, a.d);
  return rational(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.n * b.n, a.d * b.d);
}

/** -1, 0 or 1 as a < b, a = b, a > b. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function equals(a: Rational, b: Rational): boolean {
  return a.n === b.n && a.d === b.d;
}

export function isZero(a: Rational): boolean {
  return a.n === 0n;
}

const DECIMAL = /^([+-]?)(\d+)(?:[.,](\d+))?$/;

/**
 * `54.30`, `54,3`, `1200`, ` 0.5 ` -> exact value; null for anything else (no exponents, no
 * thousands separators except spaces and non-breaking spaces, which are dropped).
 */
export function parseDecimal(text: string): Rational | null {
  const m = DECIMAL.exec(text.replace(/[\s\u00a0]/g, ''));
  if (!m) return null;
  const frac = m[3] ?? '';
  const n = BigInt((m[2] ?? '') + frac);
  return rational(m[1] === '-' ? -n : n, 10n ** BigInt(frac.length));
}

/**
 * An ownership share: `1/2`, `1 / 3`, `0.5`, `50%`, or empty (whole). Null when unreadable,
 * negative, zero or more than whole.
 */
export function parseShare(text: string | undefined): Rational | null {
  const t = (text ?? '').replace(/[\s\u00a0]/g, '');
  if (t === '') return ONE;
  let value: Rational | null;
  const slash = /^(\d+)\/(\d+)$/.exec(t);
  if (slash) {
    const d = BigInt(slash[2]!);
    value = d === 0n ? null : rational(BigInt(slash[1]!), d);
  } else if (t.endsWith('%')) {
    const p = parseDecimal(t.slice(0, -1));
    value = p ? mul(p, { n: 1n, d: 100n }) : null;
  } else {
    value = parseDecimal(t);
  }
  if (!value || value.n <= 0n || compare(value, ONE) > 0) return null;
  return value;
}

/**
 * Decimal text rounded half away from zero to `digits` places: 50/3 -> `16.67`, 1 -> `1.00`.
 * The value is exact up to that rounding, which is the only one applied.
 */
export function toDecimal(a: Rational, digits = 2): string {
  const scale = 10n ** BigInt(digits);
  const neg = a.n < 0n;
  const scaled = abs(a.n) * scale;
  let q = scaled / a.d;
  if ((scaled % a.d) * 2n >= a.d) q += 1n;
  const s = q.toString().padStart(digits + 1, '0');
  const body = digits > 0 ? `${s.slice(0, -digits)}.${s.slice(-digits)}` : s;
  return neg && q !== 0n ? `-${body}` : body;
}

/** `2/3`, `5` (integers without a denominator). */
export function toFraction(a: Rational): string {
  return a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`;
}
