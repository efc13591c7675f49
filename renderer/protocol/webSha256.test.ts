import { expect, test } from 'vitest';
import { sha256Hex } from '../../shared/crypto/sha256';
import { sha256HexOf } from './webSha256';

test('hashes the UTF-8 bytes as the FIPS 180-4 test vectors and the pure implementation do', async () => {
  // FIPS 180-4 examples «abc» and the empty string.
  expect(await sha256HexOf('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  expect(await sha256HexOf('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  const text = `Протокол № 1 ${'ё'.repeat(70_000)} 🗳`;
  expect(await sha256HexOf(text)).toBe(sha256Hex(text));
});
