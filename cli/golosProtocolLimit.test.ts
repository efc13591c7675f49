// `golos tally --protocol` on an input far larger than any meeting: a Russian message before the work
// starts, nothing written. The limits are lowered here so the repo's sample meeting exceeds them, and the
// expensive steps (reading the ballot files, the tally) are counted to show they did not run.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_MEETING_DIR } from '../test/fixtures/protocolData';
import { PROTOCOL_MAX_BALLOTS, PROTOCOL_MAX_PERSONS, protocolSizeProblem } from './protocolLimit';
import { runGolos } from './golos.testkit';

const { limits, calls } = vi.hoisted(() => ({
  limits: { persons: 5, ballots: 1000 },
  calls: { gosuslugi: 0, paper: 0, tally: 0 },
}));

vi.mock('./protocolLimit', async (importOriginal) => {
  const real = await importOriginal<typeof import('./protocolLimit')>();
  return {
    ...real,
    protocolSizeProblem: (persons: number, ballots: number) =>
      real.protocolSizeProblem(persons, ballots, limits),
  };
});
vi.mock('../shared/ballots/parseGosuslugiResults', async (importOriginal) => {
  const real = await importOriginal<typeof import('../shared/ballots/parseGosuslugiResults')>();
  return {
    ...real,
    parseGosuslugiResults: (...a: Parameters<typeof real.parseGosuslugiResults>) => (
      calls.gosuslugi++,
      real.parseGosuslugiResults(...a)
    ),
  };
});
vi.mock('../shared/paper/parseBallotBatch', async (importOriginal) => {
  const real = await importOriginal<typeof import('../shared/paper/parseBallotBatch')>();
  return {
    ...real,
    parseBallotBatch: (...a: Parameters<typeof real.parseBallotBatch>) => (
      calls.paper++,
      real.parseBallotBatch(...a)
    ),
  };
});
vi.mock('../shared/tally/tally', async (importOriginal) => {
  const real = await importOriginal<typeof import('../shared/tally/tally')>();
  return { ...real, tally: (...a: Parameters<typeof real.tally>) => (calls.tally++, real.tally(...a)) };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'golos-cli-limit-'));
  Object.assign(limits, { persons: 5, ballots: 1000 });
  Object.assign(calls, { gosuslugi: 0, paper: 0, tally: 0 });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const args = (out: string) => [
  'tally',
  '--registry',
  join(SAMPLE_MEETING_DIR, 'registry.xlsx'),
  '--meeting',
  join(SAMPLE_MEETING_DIR, 'meeting.json'),
  '--gosuslugi',
  join(SAMPLE_MEETING_DIR, 'gosuslugi.xlsx'),
  '--paper',
  join(SAMPLE_MEETING_DIR, 'paper.csv'),
  '--out',
  out,
];

describe('protocol size limit', () => {
  it('refuses a registry over the limit in Russian as soon as it is read: no ballot file read, no tally, nothing written', async () => {
    const out = join(dir, 'out');
    const { code, stderr } = await runGolos(...args(out), '--protocol');
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^Подсчёт не выполнен, ничего не записано:\nПротокол не составлен: в реестре \d+ человек, /,
    );
    expect(stderr).toContain('не больше чем для 5.');
    expect(calls).toEqual({ gosuslugi: 0, paper: 0, tally: 0 });
    expect(existsSync(out)).toBe(false);
  });

  it('refuses too many ballots once they are read, before the tally', async () => {
    Object.assign(limits, { persons: 1000, ballots: 2 });
    const out = join(dir, 'out');
    const { code, stderr } = await runGolos(...args(out), '--protocol');
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /Протокол не составлен: получено \d+ бюллетеней, а протокол составляется не больше чем для 2\./,
    );
    expect(calls.gosuslugi).toBe(1);
    expect(calls.paper).toBe(1);
    expect(calls.tally).toBe(0);
    expect(existsSync(out)).toBe(false);
  });

  it('leaves a tally without --protocol alone: the same files are read and tallied', async () => {
    const out = join(dir, 'out');
    const { code } = await runGolos(...args(out));
    expect(code).toBe(0);
    expect(calls).toEqual({ gosuslugi: 1, paper: 1, tally: 1 });
    expect(existsSync(join(out, 'results.json'))).toBe(true);
  });

  it('names persons first, then ballots, and passes what is within the limits', async () => {
    const { protocolSizeProblem: real } =
      await vi.importActual<typeof import('./protocolLimit')>('./protocolLimit');
    expect(real(PROTOCOL_MAX_PERSONS, PROTOCOL_MAX_BALLOTS)).toBeNull();
    expect(real(200_000, 10)!.message).toContain('в реестре 200\u00a0000 человек');
    expect(real(10, PROTOCOL_MAX_BALLOTS + 1)!.message).toContain('получено 200\u00a0001 бюллетеней');
    expect(protocolSizeProblem(6, 0)!.code).toBe('protocol_too_large');
  });
});
