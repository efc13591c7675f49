import { describe, expect, it } from 'vitest';
import { utf8Bytes } from './utf8Bytes';

describe('utf8Bytes', () => {
  it('gives the bytes TextEncoder.encode gives: ASCII, Cyrillic, a surrogate pair, a lone surrogate', () => {
    for (const text of ['', 'abc', 'Иванова Мария «Ёлка» № 12', '🗳 голос', 'a\ud800b', 'x'.repeat(70_000)]) {
      expect([...utf8Bytes(text)]).toEqual([...new TextEncoder().encode(text)]);
    }
  });

  it('writes the known UTF-8 of «Ё» and of 🗳 (U+1F5F3)', () => {
    expect([...utf8Bytes('Ё')]).toEqual([0xd0, 0x81]);
    expect([...utf8Bytes('🗳')]).toEqual([0xf0, 0x9f, 0x97, 0xb3]);
  });
});
