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

test('canonical JSON sorts keys at every depth and drops undefined', () => {
  expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe(
    '{"a":{"d":[{"y":2,"z":1}]},"b":1}',
  );
});

test('canonical JSON covers dates and bytes instead of dropping them', () => {
  expect(canonicalJson({ at: new Date('2026-06-01T00:00:00Z') })).toBe('{"at":"2026-06-01T00:00:00.000Z"}');
  expect(canonicalJson({ b: new Uint8Array([1]) })).not.toBe(canonicalJson({ b: new Uint8Array([2]) }));
});
