// The developers' guide: small files, one job each; no source file of the product over 400 lines.
import { readSource, sourceFiles } from '../test/fixtures/sourceFiles';

const LIMIT = 400;

const lines = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

describe('file sizes', () => {
  it(`no source file of the product (tests aside) is over ${LIMIT} lines`, () => {
    const files = sourceFiles(['shared', 'renderer', 'electron', 'cli']);
    const over = files
      .map((f) => ({ file: f, lines: lines(readSource(f)) }))
      .filter((f) => f.lines > LIMIT)
      .map((f) => `${f.file}: ${f.lines}`);
    expect(over).toEqual([]);
    // The check reads the whole product, and counts a last line with or without its line break.
    expect(files.length).toBeGreaterThan(300);
    expect(lines('a\nb\n')).toBe(2);
    expect(lines('a\nb')).toBe(2);
  });
});
