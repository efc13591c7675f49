import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRegistryFixtures } from '../../test/fixtures/generate';
import { messyRegistryLayouts } from '../../test/fixtures/registryLayouts';
import { readRegistryFile } from './readRegistryFile';
import { validateRegistry } from './validateRegistry';

// The files `npm run fixtures` writes, read back the way the app reads them.
describe('generated fixture files', () => {
  let dir = '';
  let manifest: Awaited<ReturnType<typeof generateRegistryFixtures>> = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'golos-fixtures-'));
    // The registry half of the set only (shared/gosuslugi/generatedFixtures.test.ts reads the other).
    manifest = await generateRegistryFixtures(dir);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are all read as the manifest says', async () => {
    expect(manifest.length).toBeGreaterThanOrEqual(15);
    for (const entry of manifest.filter((e) => e.type !== 'gosuslugi')) {
      const bytes = new Uint8Array(readFileSync(join(dir, entry.file)));
      const r = await readRegistryFile(bytes, entry.file, { kind: entry.kind ?? 'snt' });
      if (!r.ok) {
        expect([entry.file, r.error.map((p) => p.code)]).toEqual([entry.file, entry.problemCodes]);
        expect(r.error[0]!.message).toContain(`«${entry.file}»`);
        continue;
      }
      const imp = r.value;
      const problems = [
        ...imp.problems,
        ...validateRegistry(imp.persons, { file: entry.file, sourceRows: imp.sourceRows, kind: entry.kind }),
      ];
      expect([entry.file, problems.map((p) => p.code)]).toEqual([entry.file, entry.problemCodes ?? []]);
      expect([entry.file, imp.headerRow]).toEqual([entry.file, entry.headerRow]);
      if (entry.persons !== undefined) {
        expect([entry.file, imp.persons.length]).toEqual([entry.file, entry.persons]);
        expect([entry.file, imp.persons.filter((p) => p.status === 'member').length]).toEqual([
          entry.file,
          entry.members,
        ]);
        expect([entry.file, imp.persons.filter((p) => p.status === 'gardener').length]).toEqual([
          entry.file,
          entry.gardeners,
        ]);
      }
      for (const col of entry.unmappedColumns ?? []) {
        const c = imp.columns.indexOf(col);
        expect(c).toBeGreaterThanOrEqual(0);
        expect(Object.values(imp.mapping)).not.toContain(c);
      }
    }
  }, 60000);

  it('writes the same bytes for the same seed', async () => {
    // The files made again from the same seed by what generateRegistryFixtures writes them with (its first
    // step, so nothing made before them can move the seed); the rest of the set is not made twice.
    const again = new Map(messyRegistryLayouts(1).map((l) => [l.fileName, l]));
    for (const f of ['04-utf8-comma.csv', '05-cp1251-semicolon.csv', '09-tab-no-snils.csv']) {
      expect(Buffer.from(await again.get(f)!.bytes()).equals(readFileSync(join(dir, f)))).toBe(true);
    }
  }, 60000);
});
