import { readSource, sourceFiles } from '../test/fixtures/sourceFiles';

const PRODUCTION = sourceFiles(['shared', 'renderer', 'cli', 'electron']).filter(
  (f) => !/\.testkit\.tsx?$/.test(f),
);

describe('test kits stay out of the product', () => {
  it('test helpers in production folders are named *.testkit.ts(x)', () => {
    // A module only tests import, not named as a test kit, would be built into the app.
    const kitLike = PRODUCTION.filter((f) => /(testKit|TestKit|runGolos)\.tsx?$/.test(f));
    expect(kitLike).toEqual([]);
  });

  it('no production module imports a test kit or a test', () => {
    const offenders = PRODUCTION.filter((f) => /from '[^']*\.(testkit|test)'/.test(readSource(f)));
    expect(offenders).toEqual([]);
    // The scan sees the kits the tests do import.
    const kits = sourceFiles(['shared']).filter((f) => f.endsWith('.testkit.ts'));
    expect(kits).toEqual(expect.arrayContaining(['shared/tally/tally.testkit.ts']));
  });
});
