import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gosuslugiLayouts } from '../../test/fixtures/gosuslugiExports';
import { generateGosuslugiFixtures } from '../../test/fixtures/generate';
import type { Question } from '../domain/types';
import { readRegistryFile } from '../registry/readRegistryFile';
import { readTable } from '../spreadsheet/readTable';
import { importGosuslugiTable } from './buildBallots';

// The Gosuslugi files `npm run fixtures` writes, imported the way the app and the command line do.
describe('generated Gosuslugi fixture files', () => {
  let dir = '';
  let manifest: Awaited<ReturnType<typeof generateGosuslugiFixtures>> = [];
  const read = (f: string): Uint8Array => new Uint8Array(readFileSync(join(dir, f)));
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'golos-gosuslugi-'));
    // The Gosuslugi half of the set only (shared/registry/generatedFixtures.test.ts reads the other).
    manifest = (await generateGosuslugiFixtures(dir)).filter((e) => e.type === 'gosuslugi');
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has the layouts and the two big exports, each layout importing as the manifest says', async () => {
    expect(manifest.map((e) => e.file)).toEqual([
      ...gosuslugiLayouts(1).map((l) => l.fileName),
      'gosuslugi-1500x12.xlsx',
      'gosuslugi-10000x30.xlsx',
    ]);
    for (const l of gosuslugiLayouts(1)) {
      const entry = manifest.find((e) => e.file === l.fileName)!;
      const table = await readTable(read(l.fileName), l.fileName);
      if (!table.ok) throw new Error(l.fileName);
      const fixes = l.rows.flatMap((r) =>
        r.badValues.map((question) => ({ row: r.row, question, value: 'none' as const })),
      );
      const r = importGosuslugiTable(table.value, {
        registry: l.registry,
        agenda: l.agenda,
        receivedAt: '2026-06-14',
        overrides: fixes,
      });
      if (!r.ok) throw new Error(`${l.fileName}: ${r.error[0]!.message}`);
      const { counts } = r.value.preview;
      expect([l.fileName, r.value.preview.mapping.headerRow, counts.rows]).toEqual([
        l.fileName,
        entry.headerRow,
        entry.rows,
      ]);
      expect([l.fileName, counts.matched]).toEqual([l.fileName, { ...entry.matched, user: 0 }]);
      expect([l.fileName, r.value.notCounted.map((n) => n.row)]).toEqual([
        l.fileName,
        [...entry.ambiguousRows!, ...entry.unmatchedRows!].sort((a, b) => a - b),
      ]);
      expect([l.fileName, r.value.preview.duplicates.map((d) => [d.personId, d.rows])]).toEqual([
        l.fileName,
        entry.personTwice,
      ]);
    }
  }, 60000);

  it('the 1,500-row export goes with its registry and meeting files', async () => {
    const entry = manifest.find((e) => e.file === 'gosuslugi-1500x12.xlsx')!;
    const reg = await readRegistryFile(read(entry.registry!), entry.registry!, { kind: 'snt' });
    if (!reg.ok) throw new Error('registry not read');
    // Ids as the command line gives them: p1, p2, … in file order.
    const registry = reg.value.persons.map((p, i) => ({ ...p, id: `p${i + 1}` }));
    const meeting = JSON.parse(new TextDecoder().decode(read(entry.meeting!))) as {
      votingEnd: string;
      questions: Question[];
    };
    const table = await readTable(read(entry.file), entry.file);
    if (!table.ok) throw new Error('export not read');
    const r = importGosuslugiTable(table.value, {
      registry,
      agenda: meeting.questions,
      receivedAt: meeting.votingEnd,
      decisions: entry.fixable!.map((f) => ({ row: f.row, kind: 'person' as const, personId: f.personId })),
    });
    if (!r.ok) throw new Error(r.error[0]!.message);
    expect(r.value.ballots).toHaveLength(1500);
    expect(r.value.preview.counts.matched).toEqual({ ...entry.matched, user: 2 });
    expect(r.value.ballots.every((b) => b.receivedAt === '2026-06-14')).toBe(true);
  }, 60000);
});
