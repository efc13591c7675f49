/**
 * meeting.json's rule settings end to end: parsed with Russian messages naming line and field, applied
 * by the tally, reported in results.json (building area, paperUntil, resolutions, rows matched by name).
 */
import { largeRegistrySheet } from '../../test/fixtures/registryLayouts';
import { writeRegistryXlsx } from '../../test/fixtures/registryWriters';
import { writeBatchCsv, writeGosuslugiXlsx } from '../../test/bench/ballotFiles';
import type { Ballot, MeetingSpec, Person } from '../domain/types';
import { parseMeetingJson } from '../tally/meetingJson';
import { ballot, person } from '../tally/tally.testkit';
import { tallyFiles } from './tallyFiles';

const base = {
  kind: 'snt',
  form: 'mixed',
  title: 'Общее собрание',
  votingStart: '2026-06-01',
  votingEnd: '2026-06-14',
  sessionDate: '2026-06-07',
  questions: [{ number: 1, text: 'Председатель' }],
};

describe('meeting.json rule settings', () => {
  it('reads the settings and the commission’s resolutions', () => {
    const r = parseMeetingJson(
      JSON.stringify({
        ...base,
        charterAllowsElectronic: true,
        emergencyRegime: false,
        paperUntil: 'session',
        resolutions: [
          { person: '000-000-000 01', question: 1, choice: 'против', reason: 'позднее решение' },
          { person: 'Участник p2', question: 1, choice: 'не учитывать' },
        ],
      }),
      'meeting.json',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.meeting).toMatchObject({
      charterAllowsElectronic: true,
      emergencyRegime: false,
      paperUntil: 'session',
    });
    expect(
      r.value.resolutions!.map(({ person, question, choice, reason }) => [person, question, choice, reason]),
    ).toEqual([
      ['000-000-000 01', 1, 'against', 'позднее решение'],
      ['Участник p2', 1, 'none', undefined],
    ]);
    const m = parseMeetingJson(JSON.stringify({ ...base, kind: 'mkd', buildingArea: '5230,4' }), 'm.json');
    expect(m.ok && m.value.meeting.buildingArea).toBe('5230.4');
  });

  it('names the line and the field of each bad setting, in Russian', () => {
    const text = JSON.stringify(
      {
        ...base,
        buildingArea: '-5',
        charterAllowsElectronic: 'да',
        paperUntil: 'sessionStart',
        resolutions: [{ person: '', question: 9, choice: 'за всех' }],
      },
      null,
      2,
    );
    const r = parseMeetingJson(text, 'meeting.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.error.map((p) => p.message);
    const line = (field: string) => text.split('\n').findIndex((l) => l.includes(`"${field}"`)) + 1;
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(`^Строка ${line('buildingArea')}, поле «buildingArea»: «-5» — нужна общая площадь`),
        ),
        `Строка ${line('charterAllowsElectronic')}, поле «charterAllowsElectronic»: «да» — нужно true или false.`,
        `Строка ${line('paperUntil')}, поле «paperUntil»: «sessionStart» — нужно «votingEnd», «session».`,
        expect.stringContaining('поле «resolutions[0].person»: нужен СНИЛС или ФИО участника.'),
        expect.stringContaining('поле «resolutions[0].question»: 9 — нужен номер вопроса повестки.'),
        expect.stringContaining(
          'поле «resolutions[0].choice»: «за всех» — нужно «за», «против», «воздержался», «не учитывать».',
        ),
      ]),
    );
    const snt = parseMeetingJson(JSON.stringify({ ...base, buildingArea: '100' }), 'm.json');
    expect(!snt.ok && snt.error[0]!.message).toContain('только для МКД');
  });
});

describe('tallyFiles with the rule settings', () => {
  const registry: Person[] = [
    person('p1', 'member', { fullName: 'Иванов Иван Иванович' }),
    person('p2', 'member', { fullName: 'Петров Пётр Петрович' }),
    person('p3', 'member', { fullName: 'Сидоров Сидор Сидорович' }),
    // No СНИЛС, no cadastral number: a Gosuslugi row can only name this person by name.
    {
      id: 'p4',
      fullName: 'Смирнова Анна Павловна',
      status: 'member',
      holdings: [{ plotNumber: '4' }],
    },
  ];
  const meeting: MeetingSpec = { ...(base as MeetingSpec), form: 'mixed' };
  const paper: Ballot[] = [
    ballot('p1', 'for', { id: 'x1', receivedAt: '2026-06-03' }),
    ballot('p2', 'for', { id: 'x2', receivedAt: '2026-06-03' }),
    ballot('p3', 'for', { id: 'x3', receivedAt: '2026-06-10' }),
  ];
  const online: Ballot[] = [
    ballot('p1', 'against', { id: 'g1', channel: 'gosuslugi', receivedAt: '2026-06-14' }),
    ballot('p4', 'for', { id: 'g4', channel: 'gosuslugi', receivedAt: '2026-06-14' }),
  ];

  async function run(extra: object) {
    const json = { ...base, ...extra };
    return tallyFiles({
      registry: { name: 'registry.xlsx', bytes: await writeRegistryXlsx(largeRegistrySheet(registry)) },
      meeting: { name: 'meeting.json', bytes: new TextEncoder().encode(JSON.stringify(json, null, 2)) },
      gosuslugi: [{ name: 'gosuslugi.xlsx', bytes: await writeGosuslugiXlsx(online, registry, meeting) }],
      paper: [{ name: 'paper.csv', bytes: writeBatchCsv(paper, registry, meeting) }],
    });
  }

  it('counts a row matched by name alone, lists it and warns', async () => {
    const r = await run({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { results } = r.value;
    expect(results.matchedByName).toEqual([
      {
        source: expect.stringMatching(/^gosuslugi\.xlsx:\d+$/),
        name: 'Смирнова Анна Павловна',
        person: 'Смирнова Анна Павловна',
      },
    ]);
    expect(
      results.warnings.some((w) => w.includes('только по ФИО') && w.includes('Смирнова Анна Павловна')),
    ).toBe(true);
    // p1's paper «за» and Gosuslugi «против» disagree: not counted by default (flag). 4 of 4 took part;
    // for: p2, p3, p4 = 3; 3 of 4 members voted on it: more than half.
    expect(results.questions[0]).toMatchObject({ for: 3, conflict: 1, decision: 'adopted' });
  });

  it('applies the commission’s resolution named by СНИЛС and mark', async () => {
    const r = await run({
      resolutions: [
        { person: '00000000001', question: 1, choice: 'против', reason: 'решение на Госуслугах позже' },
      ],
    });
    expect(r.ok && r.value.results.questions[0]).toMatchObject({ for: 3, against: 1, conflict: 0 });
    expect(r.ok && r.value.results.conflicts[0]).toMatchObject({
      resolution: 'resolved',
      counted: 'against',
      reason: 'решение на Госуслугах позже',
    });
    const unknown = await run({ resolutions: [{ person: 'Никто Никтович', question: 1, choice: 'за' }] });
    expect(!unknown.ok && unknown.error.map((p) => p.message)).toEqual([
      expect.stringMatching(
        /^Строка \d+, поле «resolutions\[0\]\.person»: «Никто Никтович» — нет в реестре\.$/,
      ),
    ]);
  });

  it('paperUntil "session": the paper ballot received after the in-person part is rejected', async () => {
    const r = await run({ paperUntil: 'session' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.results.meeting.paperUntil).toBe('session');
    expect(r.value.results.rejected.map((x) => [x.reasons, x.person])).toEqual([
      [['after_session'], 'Сидоров Сидор Сидорович'],
    ]);
  });
});
