import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { meetingJson } from '../test/bench/ballotFiles';
import { makeMeeting, makeTallyData } from '../test/bench/tallyData';
import { encodeCp1251 } from '../test/fixtures/cp1251';
import { largeRegistrySheet } from '../test/fixtures/registryLayouts';
import { writeRegistryXlsx } from '../test/fixtures/registryWriters';
import { runGolos } from './golos.testkit';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'golos-bad-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A registry of 20 persons and a meeting file of the given bytes; the run's outcome. */
async function tallyWithMeeting(meeting: Uint8Array | string) {
  const { registry } = makeTallyData(20, 3, 5);
  writeFileSync(join(dir, 'registry.xlsx'), await writeRegistryXlsx(largeRegistrySheet(registry)));
  writeFileSync(join(dir, 'meeting.json'), meeting);
  const out = join(dir, 'out');
  const run = await runGolos(
    'tally',
    '--registry',
    join(dir, 'registry.xlsx'),
    '--meeting',
    join(dir, 'meeting.json'),
    '--out',
    out,
  );
  return { ...run, out };
}

describe('golos tally: meeting files that are not what they claim', () => {
  it('refuses JSON nested 200,000 deep with one Russian line, not a stack overflow', async () => {
    const { code, stderr, out } = await tallyWithMeeting('['.repeat(200_000) + ']'.repeat(200_000));
    expect(code).toBe(1);
    expect(stderr).toBe(
      'Подсчёт не выполнен, ничего не записано:\nmeeting.json: Строка 1: ошибка JSON — вложенность глубже 64 уровней.\n',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('reads a meeting file saved in Windows-1251 as Windows-1251, with a warning naming it', async () => {
    const { code, stderr, out } = await tallyWithMeeting(encodeCp1251(JSON.stringify(makeMeeting(3))));
    expect(code).toBe(0);
    expect(stderr).toContain(
      'meeting.json: Файл описания собрания не в кодировке UTF-8: прочитан как Windows-1251',
    );
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.meeting.title).toBe('Общее собрание (3 вопросов)');
  });

  it('reads UTF-8 strictly: the same file in UTF-8 gives the same title and no warning', async () => {
    const { code, stderr, out } = await tallyWithMeeting(meetingJson(makeMeeting(3)));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).meeting.title).toBe(
      'Общее собрание (3 вопросов)',
    );
  });

  it('refuses a meeting file of megabytes before parsing it', async () => {
    const { code, stderr } = await tallyWithMeeting(`{"title": "${'я'.repeat(3_000_000)}"}`);
    expect(code).toBe(1);
    expect(stderr).toContain('meeting.json: Файл описания собрания слишком велик (6 МБ)');
  });
});
