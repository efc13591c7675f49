// `golos ballots`: the personalized ballots from a registry file and meeting.json, in natural plot
// order (1, 2, 2а, 10) or by name, with blank ones after; the QR codes carry the ids `golos scan` reads
// (p1, p2, … in registry row order; meeting.json's "id").
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBallotQr } from '../shared/documents/qrPayload';
import { decodeQrJs } from '../shared/omr/qrRead';
import { makePersons } from '../test/fixtures/persons';
import { largeRegistrySheet } from '../test/fixtures/registryLayouts';
import { writeRegistryXlsx } from '../test/fixtures/registryWriters';
import { rasterizePdf } from '../test/fixtures/scanKit';
import { parseBallotsArgs } from './ballots';
import { runGolos } from './golos.testkit';

const meetingText = JSON.stringify({
  id: 'snt-2026',
  kind: 'snt',
  form: 'remote',
  title: 'Общее собрание СНТ «Ромашка» 2026 года',
  votingStart: '2026-06-01',
  votingEnd: '2026-06-14',
  questions: [
    { number: 1, text: 'Об утверждении приходно-расходной сметы', item: '22', proposal: 'Утвердить смету.' },
    { number: 2, text: 'О ремонте дороги', item: '22' },
  ],
});

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Registry rows in this order of plots: 10, 2, 1, 2а (ids p1..p4). */
async function setUp(): Promise<{ names: string[] }> {
  dir = mkdtempSync(join(tmpdir(), 'golos-ballots-'));
  const persons = makePersons(4, 21, { contacts: false, gardeners: 0, multiPlot: 0, coOwned: 0 }).map(
    (p, i) => ({ ...p, holdings: [{ ...p.holdings[0]!, plotNumber: ['10', '2', '1', '2а'][i]! }] }),
  );
  writeFileSync(join(dir, 'registry.xlsx'), await writeRegistryXlsx(largeRegistrySheet(persons)));
  writeFileSync(join(dir, 'meeting.json'), meetingText);
  return { names: persons.map((p) => p.fullName) };
}

async function qrIds(pdf: string): Promise<(string | null)[]> {
  const ids: (string | null)[] = [];
  for (const page of rasterizePdf(pdf, dir, 100)) {
    const parsed = parseBallotQr((await decodeQrJs(page)) ?? '');
    if (!parsed.ok) throw new Error('QR not read');
    expect(parsed.value.meetingId).toBe('snt-2026');
    ids.push(parsed.value.personId);
  }
  return ids;
}

const pagesText = (pdf: string): string[] =>
  execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);

describe('golos ballots', () => {
  it('prints one ballot per person in natural plot order, then the blank ones, with the scan ids', async () => {
    const { names } = await setUp();
    const out = join(dir, 'ballots.pdf');
    const r = await runGolos(
      'ballots',
      '--registry',
      join(dir, 'registry.xlsx'),
      '--meeting',
      join(dir, 'meeting.json'),
      '--out',
      out,
      '--blank',
      '2',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('бюллетеней 4 и пустых 2');
    // Plots 1, 2, 2а, 10 are registry rows 3, 2, 4, 1.
    expect(await qrIds(out)).toEqual(['p3', 'p2', 'p4', 'p1', null, null]);
    const pages = pagesText(out);
    expect(pages).toHaveLength(6);
    [2, 1, 3, 0].forEach((row, page) => expect(pages[page]).toContain(names[row]!));
    // The proposal from meeting.json is printed; the blank ballots have the fields to fill in.
    expect(pages[0]).toContain('Проект решения: Утвердить смету.');
    expect(pages[5]).toContain('Ф. И. О. голосующего');
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('prints by name when asked; ids stay those of the registry rows', async () => {
    const { names } = await setUp();
    const out = join(dir, 'by-name.pdf');
    const r = await runGolos(
      'ballots',
      ...['--registry', join(dir, 'registry.xlsx'), '--meeting', join(dir, 'meeting.json')],
      ...['--out', out, '--order', 'name'],
    );
    expect(r.code).toBe(0);
    const byName = names.map((n, i) => ({ n, id: `p${i + 1}` })).sort((a, b) => a.n.localeCompare(b.n, 'ru'));
    expect(await qrIds(out)).toEqual(byName.map((x) => x.id));
  });

  it('refuses bad arguments and bad files in Russian, writing nothing', async () => {
    await setUp();
    expect(parseBallotsArgs(['--registry', 'r.xlsx', '--meeting', 'm.json'])).toEqual({
      ok: false,
      message: expect.stringContaining('Параметр --out обязателен'),
    });
    expect(parseBallotsArgs(['--registry', 'r', '--meeting', 'm', '--out', 'o', '--blank', 'два'])).toEqual({
      ok: false,
      message: expect.stringContaining('нужно целое число'),
    });
    expect(parseBallotsArgs(['--registry', 'r', '--meeting', 'm', '--out', 'o', '--order', 'x'])).toEqual({
      ok: false,
      message: expect.stringContaining('--order'),
    });
    const out = join(dir, 'none.pdf');
    const r = await runGolos(
      'ballots',
      ...['--registry', join(dir, 'missing.xlsx'), '--meeting', join(dir, 'meeting.json'), '--out', out],
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Бюллетени не созданы');
    expect(r.stderr).toContain('файл не найден');
    expect(() => readFileSync(out)).toThrow();
  });
});
