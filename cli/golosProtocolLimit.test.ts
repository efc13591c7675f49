// `golos tally --protocol` on an input far larger than any meeting: a Russian message before the
// protocol is built, nothing written. The limits are lowered here so the repo's sample meeting exceeds them.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_MEETING_DIR } from '../test/fixtures/protocolData';
import { PROTOCOL_MAX_BALLOTS, PROTOCOL_MAX_PERSONS, protocolSizeProblem } from './protocolLimit';
import { runGolos } from './golos.testkit';

vi.mock('./protocolLimit', async (importOriginal) => {
  const real = await importOriginal<typeof import('./protocolLimit')>();
  return {
    ...real,
    protocolSizeProblem: (persons: number, ballots: number) =>
      real.protocolSizeProblem(persons, ballots, { persons: 5, ballots: 1000 }),
  };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'golos-cli-limit-'));
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
  it('refuses a registry over the limit in Russian and writes nothing', async () => {
    const out = join(dir, 'out');
    const { code, stderr } = await runGolos(...args(out), '--protocol');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Ничего не записано\. Протокол не составлен: в реестре \d+ человек, /);
    expect(stderr).toContain('не больше чем для 5');
    expect(existsSync(out)).toBe(false);
  });

  it('leaves a tally without --protocol alone', async () => {
    const out = join(dir, 'out');
    const { code } = await runGolos(...args(out));
    expect(code).toBe(0);
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
