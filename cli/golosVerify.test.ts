// `golos verify`: the protocol written by `golos tally --protocol` confirms its results.json, and an
// edited results.json is refused with every changed figure named.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { largeRegistrySheet } from '../test/fixtures/registryLayouts';
import { writeRegistryXlsx } from '../test/fixtures/registryWriters';
import { meetingJson, writeBatchCsv, writeGosuslugiXlsx } from '../test/bench/ballotFiles';
import { makeTallyData } from '../test/bench/tallyData';
import { parseVerifyArgs } from './verify';
import { runGolos } from './golos.testkit';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'golos-cli-verify-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});
// The pair of each kind is written once per file (golos tally with its protocol takes seconds); each
// test gets its own copy to read or edit.
let shared: string;
const pairs = new Map<'snt' | 'mkd', { pdf: string; results: string }>();
beforeAll(async () => {
  shared = mkdtempSync(join(tmpdir(), 'golos-cli-verify-pairs-'));
  for (const kind of ['snt', 'mkd'] as const) pairs.set(kind, await writePair(kind, join(shared, kind)));
}, 120_000);
afterAll(() => rmSync(shared, { recursive: true, force: true }));

function protocolPair(kind: 'snt' | 'mkd') {
  const pair = pairs.get(kind)!;
  const copy = { pdf: join(dir, 'protocol.pdf'), results: join(dir, 'results.json') };
  copyFileSync(pair.pdf, copy.pdf);
  copyFileSync(pair.results, copy.results);
  return copy;
}

async function writePair(kind: 'snt' | 'mkd', folder: string) {
  const { registry, meeting, ballots } = makeTallyData(120, 4, 11, kind);
  mkdirSync(folder);
  const f = (name: string) => join(folder, name);
  writeFileSync(f('registry.xlsx'), await writeRegistryXlsx(largeRegistrySheet(registry)));
  writeFileSync(f('meeting.json'), meetingJson(meeting));
  writeFileSync(f('gosuslugi.xlsx'), await writeGosuslugiXlsx(ballots, registry, meeting));
  writeFileSync(f('paper.csv'), writeBatchCsv(ballots, registry, meeting));
  const out = f('out');
  const run = await runGolos(
    'tally',
    '--registry',
    f('registry.xlsx'),
    '--meeting',
    f('meeting.json'),
    '--gosuslugi',
    f('gosuslugi.xlsx'),
    '--paper',
    f('paper.csv'),
    '--out',
    out,
    '--protocol',
  );
  expect(run.stderr).not.toContain('Подсчёт не выполнен');
  expect(run.code).toBe(0);
  return { pdf: join(out, 'protocol.pdf'), results: join(out, 'results.json') };
}

describe('golos verify', () => {
  for (const kind of ['snt', 'mkd'] as const) {
    it(`passes on the pair golos tally wrote (${kind})`, async () => {
      const pair = protocolPair(kind);
      const { code, stdout, stderr } = await runGolos(
        'verify',
        '--protocol',
        pair.pdf,
        '--results',
        pair.results,
      );
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toContain('совпадают');
    });
  }

  it('fails on an edited results.json, naming the figure and the checksum', async () => {
    const pair = protocolPair('mkd');
    const json = JSON.parse(readFileSync(pair.results, 'utf8'));
    const was = json.questions[1].for as string;
    const now = (Number(was) + 10).toFixed(2);
    json.questions[1].for = now;
    writeFileSync(pair.results, JSON.stringify(json, null, 2));
    const { code, stderr } = await runGolos('verify', '--protocol', pair.pdf, '--results', pair.results);
    expect(code).toBe(1);
    expect(stderr).toContain(`Вопрос 2, «за»: в протоколе ${was}, в results.json ${now}.`);
    expect(stderr).toContain('Контрольная сумма итогов (SHA-256 results.json)');
    // Only that figure is named.
    expect(stderr.match(/^Вопрос/gm)).toHaveLength(1);
  });

  it('fails when only the bytes changed (a space added), saying the figures are the same', async () => {
    const pair = protocolPair('snt');
    writeFileSync(pair.results, `${readFileSync(pair.results, 'utf8')} `);
    const { code, stderr } = await runGolos('verify', '--protocol', pair.pdf, '--results', pair.results);
    expect(code).toBe(1);
    expect(stderr).toContain('цифры вопросов совпадают, но файл итогов другой');
  });

  it('refuses a file that is not a protocol, and bad arguments', async () => {
    const pair = protocolPair('snt');
    const { code, stderr } = await runGolos('verify', '--protocol', pair.results, '--results', pair.results);
    expect(code).toBe(1);
    expect(stderr).toContain('не читается как PDF');
    expect(parseVerifyArgs(['--protocol', 'p.pdf'])).toEqual({
      ok: false,
      message: expect.stringContaining('Параметр --results обязателен'),
    });
    expect(parseVerifyArgs(['--protocol', 'p.pdf', '--results', 'r.json'])).toEqual({
      ok: true,
      args: { protocol: 'p.pdf', results: 'r.json' },
    });
  });
});
