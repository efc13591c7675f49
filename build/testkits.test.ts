import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sources(path));
    else if (/\.tsx?$/.test(e.name)) out.push(path);
  }
  return out;
}

const PRODUCTION = ['shared', 'renderer', 'cli', 'electron']
  .flatMap(sources)
  .filter((f) => !/\.(test|spec|testkit)\.tsx?$/.test(f));

describe('test kits stay out of the product', () => {
  it('test helpers in production folders are named *.testkit.ts(x)', () => {
    // A module only tests import, not named as a test kit, would be built into the app.
    const kitLike = PRODUCTION.filter((f) => /(testKit|TestKit|runGolos)\.tsx?$/.test(f));
    expect(kitLike).toEqual([]);
  });

  it('no production module imports a test kit or a test', () => {
    const offenders = PRODUCTION.filter((f) =>
      /from '[^']*\.(testkit|test)'/.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
    // The scan sees the kits the tests do import.
    const kits = sources('shared').filter((f) => f.endsWith('.testkit.ts'));
    expect(kits).toEqual(expect.arrayContaining(['shared/tally/tally.testkit.ts']));
  });
});
