import { describe, expect, it } from 'vitest';
import { concatBytes } from './concatBytes';

describe('concatBytes', () => {
  it('puts the parts one after another, empty parts included', () => {
    const out = concatBytes([
      Uint8Array.of(1, 2),
      new Uint8Array(),
      Uint8Array.of(3),
      Uint8Array.of(4, 5, 6),
    ]);
    expect([...out]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('gives an empty array for no parts, and a copy for one', () => {
    expect(concatBytes([]).length).toBe(0);
    const one = Uint8Array.of(7, 8);
    const copy = concatBytes([one]);
    one[0] = 0;
    expect([...copy]).toEqual([7, 8]);
  });
});
