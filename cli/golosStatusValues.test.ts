import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusValuesJson } from '../shared/registry/statusValuesJson';
import { makePersons } from '../test/fixtures/persons';
import { messyRegistry, personRows } from '../test/fixtures/messyRegistry';
import { writeRegistryXlsx } from '../test/fixtures/registryWriters';
import { SAMPLE_MEETING_DIR } from '../test/fixtures/protocolData';
import { buildGolosScript } from './golos.testkit';

// 12 people; two of them «арендатор», a value no vocabulary knows, which the app was told means a
// gardener without membership.
const persons = makePersons(12, 1313, { multiPlot: 0, coOwned: 0, gardeners: 0 });
const TENANTS = [2, 7];
const messy = messyRegistry(persons, { unknownStatus: TENANTS });
const meeting = JSON.parse(readFileSync(join(SAMPLE_MEETING_DIR, 'meeting.json'), 'utf8'));

let dir = '';
let script = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'golos-status-values-'));
  writeFileSync(join(dir, 'registry.xlsx'), await writeRegistryXlsx(messy.sheet));
  writeFileSync(join(dir, 'meeting.json'), JSON.stringify(meeting));
  writeFileSync(
    join(dir, 'meeting-mapped.json'),
    JSON.stringify({ ...meeting, statusValues: { арендатор: 'садовод без членства' } }),
  );
  // What the app saves from «Соответствия статусов».
  writeFileSync(join(dir, 'status-values.json'), statusValuesJson({ арендатор: 'gardener' }));
  writeFileSync(join(dir, 'status-bad.json'), '{\n  "statusValues": {\n    "арендатор": "жилец"\n  }\n}\n');
  script = await buildGolosScript('cli-status-values');
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const golos = (meetingFile: string, ...more: string[]) => {
  const out = join(dir, `out-${meetingFile}-${more.length}`);
  const run = spawnSync(
    process.execPath,
    [
      script,
      'tally',
      '--registry',
      join(dir, 'registry.xlsx'),
      '--meeting',
      join(dir, meetingFile),
      '--out',
      out,
      ...more,
    ],
    { encoding: 'utf8' },
  );
  const results = run.status === 0 ? JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) : undefined;
  return { code: run.status, stderr: run.stderr, results };
};

describe('golos tally with the status values mapped in the app', () => {
  const rows = personRows(messy.sheet);

  it('stops on a status value it was not told about, naming the row', () => {
    const run = golos('meeting.json');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `Строка ${rows[TENANTS[0]!]}, поле «Статус»: значение «арендатор» не распознано: укажите, что оно значит.`,
    );
  });

  it('reads «арендатор» as the app does, from meeting.json or from the file the app saves', () => {
    const fromMeeting = golos('meeting-mapped.json');
    const fromFile = golos('meeting.json', '--status-values', join(dir, 'status-values.json'));
    for (const run of [fromMeeting, fromFile]) {
      expect(run.code, run.stderr).toBe(0);
      // Every one of the 12 is a member but the two tenants (made without other gardeners).
      expect(run.results.registry).toMatchObject({ persons: 12, members: 10 });
    }
    expect(fromFile.results.registry).toEqual(fromMeeting.results.registry);
  });

  it('refuses a mapping to something that is no status, naming its line', () => {
    const run = golos('meeting.json', '--status-values', join(dir, 'status-bad.json'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'status-bad.json: Строка 3, поле «statusValues.арендатор»: «жилец» — не статус',
    );
  });
});
