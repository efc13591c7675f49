import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorRegistrySheet, largeRegistrySheet } from '../test/fixtures/registryLayouts';
import { writeRegistryXlsx } from '../test/fixtures/registryWriters';
import {
  batchRows,
  gosuslugiRows,
  meetingJson,
  writeBatchCsv,
  writeGosuslugiXlsx,
} from '../test/bench/ballotFiles';
import { makeTallyData } from '../test/bench/tallyData';
import { SAMPLE_MEETING_DIR } from '../test/fixtures/protocolData';
import { parseArgs } from './golos';
import { buildGolosScript, runGolos } from './golos.testkit';

const sample = SAMPLE_MEETING_DIR;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'golos-cli-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

const sampleArgs = (out: string) => [
  'tally',
  '--registry',
  join(sample, 'registry.xlsx'),
  '--meeting',
  join(sample, 'meeting.json'),
  '--gosuslugi',
  join(sample, 'gosuslugi.xlsx'),
  '--paper',
  join(sample, 'paper.csv'),
  '--out',
  out,
];

describe('golos tally on the sample meeting', () => {
  it('reproduces expected.json', async () => {
    const expected = JSON.parse(readFileSync(join(sample, 'expected.json'), 'utf8'));
    const out = join(dir, 'out');
    const { code, stdout } = await runGolos(...sampleArgs(out));
    expect(code).toBe(0);
    expect(stdout).toContain('results.json');
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.registry).toMatchObject(expected.registry);
    expect(results.participation).toMatchObject(expected.participation);
    expect(results.quorum).toMatchObject(expected.quorum);
    expect(results.questions).toHaveLength(expected.questions.length);
    for (const q of expected.questions) {
      expect(results.questions.find((r: { number: number }) => r.number === q.number)).toMatchObject(q);
    }
    expect(results.rejected.length).toBeGreaterThanOrEqual(expected.min_rejected);
    expect(results.unmatched).toHaveLength(expected.unmatched);
    expect(results.conflicts).toHaveLength(expected.conflicts);
    for (const r of results.rejected) expect(r.source).toMatch(/^paper\.csv:\d+$/);
    expect(results.persons.every((p: { explanation: string }) => p.explanation.length > 0)).toBe(true);
  });
});

describe('golos tally on generated files', () => {
  async function writeFiles(kind: 'snt' | 'mkd' = 'snt') {
    const data = makeTallyData(150, 5, 31, kind);
    const { registry, meeting, ballots } = data;
    const files = {
      registry: join(dir, 'registry.xlsx'),
      meeting: join(dir, 'meeting.json'),
      gosuslugi: join(dir, 'gosuslugi.xlsx'),
      paper: join(dir, 'paper.csv'),
    };
    writeFileSync(files.registry, await writeRegistryXlsx(largeRegistrySheet(registry)));
    writeFileSync(files.meeting, meetingJson(meeting));
    writeFileSync(files.gosuslugi, await writeGosuslugiXlsx(ballots, registry, meeting));
    writeFileSync(files.paper, writeBatchCsv(ballots, registry, meeting));
    return { ...data, files };
  }
  const args = (f: Record<string, string>, out: string) => [
    'tally',
    '--registry',
    f.registry!,
    '--meeting',
    f.meeting!,
    '--gosuslugi',
    f.gosuslugi!,
    '--paper',
    f.paper!,
    '--out',
    out,
  ];

  it('writes results.json for a gardening partnership and for an apartment building', async () => {
    for (const kind of ['snt', 'mkd'] as const) {
      const { files, registry } = await writeFiles(kind);
      const out = join(dir, `out-${kind}`);
      const { code, stderr } = await runGolos(...args(files, out));
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
      expect(results.registry.persons).toBe(registry.length);
      expect(results.questions).toHaveLength(5);
      for (const q of results.questions) {
        if (kind === 'mkd') expect(q.for).toMatch(/^\d+\.\d{2}$/);
        else expect(q.for + q.against + q.abstain + q.invalid + q.conflict).toBe(q.electorateParticipants);
      }
    }
  });

  /** Every error line names the file, the row and the field, and nothing is written. */
  async function expectRefused(argv: string[], out: string, file: string, row: number, field: string) {
    const { code, stderr } = await runGolos(...argv);
    expect(code).toBe(1);
    expect(existsSync(out)).toBe(false);
    const lines = stderr.trim().split('\n').slice(1);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^[^:]+: Строка \d+(, поле «[^»]+»)?: /);
    expect(stderr).toContain(`${file}: Строка ${row}, поле «${field}»: `);
  }

  it('refuses a bad ballot batch, naming file, row and field, and writes nothing', async () => {
    const { files, registry, meeting, ballots } = await writeFiles();
    const rows = batchRows(ballots, registry, meeting);
    rows[4]![5] = '15.13.2026';
    rows[7]![10] = 'может быть';
    writeFileSync(files.paper, rows.map((r) => r.join(',')).join('\n'));
    const out = join(dir, 'out');
    await expectRefused(args(files, out), out, 'paper.csv', 5, 'Получен');
    const { stderr } = await runGolos(...args(files, out));
    expect(stderr).toContain('paper.csv: Строка 8, поле «1»: «может быть» — неизвестная отметка');
  });

  it('refuses a bad Gosuslugi file, naming file, row and field', async () => {
    const { files, registry, meeting, ballots } = await writeFiles();
    const rows = gosuslugiRows(ballots, registry, meeting);
    rows[6]![5] = 'не знаю';
    writeFileSync(files.gosuslugi, rows.map((r) => r.join(';')).join('\n'));
    const out = join(dir, 'out');
    await expectRefused(
      args(files, out),
      out,
      'gosuslugi.xlsx',
      7,
      `Вопрос 2. ${meeting.questions[1]!.text}`,
    );
  });

  it('refuses a bad meeting file, naming file, line and field', async () => {
    const { files, meeting } = await writeFiles();
    writeFileSync(files.meeting, JSON.stringify({ ...meeting, form: 'zoom' }, null, 2));
    const out = join(dir, 'out');
    await expectRefused(args(files, out), out, 'meeting.json', 3, 'form');
  });

  it('refuses a registry with mistakes, naming file, row and field', async () => {
    const { files } = await writeFiles();
    writeFileSync(files.registry, await writeRegistryXlsx(errorRegistrySheet(1).sheet));
    const out = join(dir, 'out');
    const { code, stderr } = await runGolos(...args(files, out));
    expect(code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(stderr).toMatch(/registry\.xlsx: Строка \d+, поле «СНИЛС»: /);
  });

  it('says which file is missing, and explains the arguments', async () => {
    const { files } = await writeFiles();
    const out = join(dir, 'out');
    const missing = await runGolos(...args({ ...files, paper: join(dir, 'нет.csv') }, out));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('нет.csv: файл не найден');
    expect(existsSync(out)).toBe(false);
    expect((await runGolos('count')).stderr).toContain('Неизвестная команда «count»');
    expect(parseArgs(['tally', '--registry', 'r.xlsx', '--meeting', 'm.json'])).toEqual({
      ok: false,
      message: expect.stringContaining('Параметр --out обязателен'),
    });
    expect(
      parseArgs([
        'tally',
        '--registry=r.xlsx',
        '--meeting',
        'm.json',
        '--paper',
        'a.csv',
        '--paper',
        'b.csv',
        '--out',
        'o',
      ]),
    ).toEqual({
      ok: true,
      args: { registry: 'r.xlsx', meeting: 'm.json', gosuslugi: [], paper: ['a.csv', 'b.csv'], out: 'o' },
    });
    expect(parseArgs(['tally', '--paper'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('--paper: не указан файл'),
    });
  });
});

describe('the built command', () => {
  it('runs as node on the bundled script: exit 0 with results.json, exit 1 on bad input', async () => {
    const script = await buildGolosScript('cli-test');
    const out = join(dir, 'out');
    const ok = spawnSync(process.execPath, [script, ...sampleArgs(out)], { encoding: 'utf8' });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).quorum.reached).toBe(true);
    const badMeeting = join(dir, 'bad.json');
    writeFileSync(badMeeting, '{ "kind": "snt" ');
    const out2 = join(dir, 'out2');
    const bad = spawnSync(
      process.execPath,
      [script, ...sampleArgs(out2).map((a) => (a.endsWith('meeting.json') ? badMeeting : a))],
      {
        encoding: 'utf8',
      },
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('bad.json: Строка 1: ошибка JSON');
    expect(existsSync(out2)).toBe(false);
  });
});
