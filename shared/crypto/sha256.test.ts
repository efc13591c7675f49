import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson, sha256Hex } from './sha256';

test('known vectors', () => {
  expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('agrees with node:crypto on any bytes, across block boundaries', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }),
  );
  expect(sha256Hex('Протокол № 1')).toBe(createHash('sha256').update('Протокол № 1').digest('hex'));
});

test('agrees with node:crypto on any text (UTF-8 of 1 to 4 bytes a character), across block boundaries', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 90 }), (text) => {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }),
  );
  for (let n = 50; n < 70; n++) {
    const text = 'я'.repeat(n >> 1) + 'a'.repeat(n & 1) + '😀';
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  }
});

test('canonical JSON sorts keys at every depth and drops undefined', () => {
  expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe(
    '{"a":{"d":[{"y":2,"z":1}]},"b":1}',
  );
});

test('canonical JSON covers dates and bytes instead of dropping them', () => {
  expect(canonicalJson({ at: new Date('2026-06-01T00:00:00Z') })).toBe('{"at":"2026-06-01T00:00:00.000Z"}');
  expect(canonicalJson({ b: new Uint8Array([1]) })).not.toBe(canonicalJson({ b: new Uint8Array([2]) }));
});

/** The definition the stored hashes were computed with: a sorted copy, then JSON.stringify. */
function referenceCanonical(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (v instanceof Date) return v.toISOString();
    if (ArrayBuffer.isView(v)) {
      const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
      return { $bytes: sha256Hex(bytes), length: bytes.length };
    }
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(o)
          .filter((k) => o[k] !== undefined)
          .sort()
          .map((k) => [k, sortKeys(o[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(sortKeys(value));
}

test('canonical JSON is written exactly as the sorted copy it was defined by, for any value', () => {
  const keys = fc.oneof(
    fc.string(),
    fc.constantFrom(
      '0',
      '1',
      '2',
      '10',
      '01',
      '-1',
      '1.5',
      '4294967294',
      '4294967295',
      'a"b',
      'é\n',
      '\ud800',
    ),
  );
  fc.assert(
    fc.property(
      fc.anything({
        key: keys,
        maxDepth: 3,
        maxKeys: 6,
        withBoxedValues: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withNullPrototype: true,
        withObjectString: true,
        withTypedArray: true,
        withUnicodeString: true,
      }),
      (value) => {
        // Invalid dates throw in both (toISOString).
        let expected: string;
        try {
          expected = referenceCanonical(value);
        } catch (e) {
          expect(() => canonicalJson(value)).toThrow((e as Error).constructor as ErrorConstructor);
          return;
        }
        expect(canonicalJson(value)).toBe(expected);
      },
    ),
    { numRuns: 100 },
  );
  // eslint-disable-next-line no-sparse-arrays
  const b = [1, undefined, () => 1, -0, NaN, , 2];
  const record = { 10: 'x', 2: 'y', b, a: { toJSON: () => 'j' }, c: Symbol('s') };
  expect(canonicalJson(record)).toBe(referenceCanonical(record));
  expect(canonicalJson(record)).toBe('{"2":"y","10":"x","a":"j","b":[1,null,null,0,null,null,2]}');
});
