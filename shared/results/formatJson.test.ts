import fc from 'fast-check';
import { formatJson } from './formatJson';

describe('formatJson', () => {
  it('indents nested structures and keeps flat ones on one line', () => {
    const value = {
      a: 1,
      b: { x: 'за', y: null },
      c: [{ n: 1 }, { n: 2 }],
      d: [],
      e: {},
      f: undefined,
      g: [1, 'a'],
    };
    expect(formatJson(value)).toBe(
      [
        '{',
        '  "a": 1,',
        '  "b": {"x":"за","y":null},',
        '  "c": [',
        '    {"n":1},',
        '    {"n":2}',
        '  ],',
        '  "d": [],',
        '  "e": {},',
        '  "g": [1,"a"]',
        '}',
      ].join('\n'),
    );
  });

  it('reads back as the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(formatJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });
});
