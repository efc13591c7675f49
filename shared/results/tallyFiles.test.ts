import { add, toDecimal, ZERO } from '../arith/rational';
import { largeRegistrySheet } from '../../test/fixtures/registryLayouts';
import { writeRegistryXlsx } from '../../test/fixtures/registryWriters';
import { batchRows, meetingJson, writeBatchCsv, writeGosuslugiXlsx } from '../../test/bench/ballotFiles';
import { makeTallyData } from '../../test/bench/tallyData';
import { makeRng } from '../../test/fixtures/random';
import type { Ballot, MeetingSpec, Person } from '../domain/types';
import { mkd as mkdProfile, profileFor } from '../rules/profiles';
import { indexVoters } from '../registry/voterIndex';
import { tally } from '../tally/tally';
import { personWeight } from '../tally/weights';
import { buildResults, type ResultsJson } from './buildResults';
import { tallyFiles, type TallyFiles } from './tallyFiles';

async function filesOf(
  registry: Person[],
  meeting: MeetingSpec,
  ballots: Ballot[],
): Promise<TallyFiles & { paper: { name: string; bytes: Uint8Array }[] }> {
  return {
    registry: { name: 'registry.xlsx', bytes: await writeRegistryXlsx(largeRegistrySheet(registry)) },
    meeting: { name: 'meeting.json', bytes: meetingJson(meeting) },
    gosuslugi: [{ name: 'gosuslugi.xlsx', bytes: await writeGosuslugiXlsx(ballots, registry, meeting) }],
    paper: [{ name: 'paper.csv', bytes: writeBatchCsv(ballots, registry, meeting) }],
  };
}

/** What must agree between two runs: every figure of the protocol. */
function figures(r: ResultsJson) {
  return {
    registry: r.registry,
    participation: r.participation,
    quorum: r.quorum,
    questions: r.questions,
    rejected: r.rejected.length,
    conflicts: r.conflicts.map((c) => `${c.person}/${c.question}`).sort(),
  };
}

async function run(files: TallyFiles): Promise<ResultsJson> {
  const r = await tallyFiles(files);
  if (!r.ok) throw new Error(r.error.map((p) => `${p.file}: ${p.message}`).join('\n'));
  return r.value.results;
}

describe('tallyFiles', () => {
  it('gives from files the same figures as the tally of the same ballots in memory (snt)', async () => {
    const { registry, meeting, ballots } = makeTallyData(200, 6, 11);
    const fromFiles = await run(await filesOf(registry, meeting, ballots));
    const inMemory = buildResults(tally({ registry, meeting, ballots }), meeting, profileFor('snt'));
    expect(figures(fromFiles)).toEqual(figures(inMemory));
    expect(fromFiles.participation.persons).toBeGreaterThan(150);
    expect(fromFiles.conflicts.length).toBeGreaterThan(0);
    expect(typeof fromFiles.questions[0]!.for).toBe('number');
  });

  it('tallies from the mark codes and voter matches its importers wrote, as from the ballot objects', async () => {
    for (const kind of ['snt', 'mkd'] as const) {
      const { registry, meeting, ballots } = makeTallyData(150, 5, 13, kind);
      const r = await tallyFiles(await filesOf(registry, meeting, ballots));
      if (!r.ok) throw new Error(r.error.map((p) => p.message).join('\n'));
      const { input, result } = r.value;
      // Every file's importer wrote the codes: the tally took them, not the objects' marks.
      expect(input.marks?.codes.length).toBe(input.ballots.length * meeting.questions.length);
      // And matched every ballot's voter in the registry index the tally uses.
      expect(input.marks?.voters?.match.length).toBe(input.ballots.length);
      expect(input.marks?.voters?.index).toBe(indexVoters(input.registry));
      const { marks: _codes, ...objects } = input;
      expect(result).toEqual(tally({ ...objects, registry: [...objects.registry] }));
    }
  });

  it('gives МКД weights as decimal strings exact to 0.01 m²', async () => {
    const { registry, meeting, ballots } = makeTallyData(120, 4, 5, 'mkd');
    const fromFiles = await run(await filesOf(registry, meeting, ballots));
    const inMemory = buildResults(tally({ registry, meeting, ballots }), meeting, mkdProfile);
    expect(figures(fromFiles)).toEqual(figures(inMemory));
    const total = registry.reduce((s, p) => add(s, personWeight(p, 'area_share')), ZERO);
    expect(fromFiles.registry.weightTotal).toBe(toDecimal(total));
    expect(fromFiles.questions[0]!.for).toMatch(/^\d+\.\d{2}$/);
    expect(fromFiles.questions[0]!.voters!.for).toBeGreaterThan(0);
  });

  it('does not depend on the order of files or of rows; a file given twice counts once', async () => {
    const { registry, meeting, ballots } = makeTallyData(120, 3, 21);
    const files = await filesOf(registry, meeting, ballots);
    const rows = batchRows(ballots, registry, meeting);
    const [header, ...data] = rows;
    const csv = (rs: string[][]) => new TextEncoder().encode(rs.map((r) => r.join(',')).join('\n'));
    const half = Math.floor(data.length / 2);
    const a = { name: 'a.csv', bytes: csv([header!, ...data.slice(0, half)]) };
    const b = { name: 'b.csv', bytes: csv([header!, ...data.slice(half)]) };
    const ab = await run({ ...files, paper: [a, b] });
    const ba = await run({ ...files, paper: [b, a] });
    expect(ba).toEqual(ab);
    const twice = await run({
      ...files,
      paper: [a, b, a],
      gosuslugi: [files.gosuslugi![0]!, files.gosuslugi![0]!],
    });
    expect(twice).toEqual(ab);

    const rng = makeRng(3);
    const shuffled = [...data];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const mixed = await run({ ...files, paper: [{ name: 'a.csv', bytes: csv([header!, ...shuffled]) }] });
    expect(figures(mixed)).toEqual(figures(ab));
  });

  it('goes on with a warning for a registry mistake that cannot change a count (an e-mail)', async () => {
    const { registry, meeting, ballots } = makeTallyData(20, 2, 4);
    registry[2]!.email = 'ivanov@@example';
    const r = await tallyFiles(await filesOf(registry, meeting, ballots));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.warnings.map((w) => [w.file, w.code, w.severity])).toEqual([
      ['registry.xlsx', 'email_format', 'warning'],
    ]);
    expect(r.value.results.warnings[0]).toMatch(/^registry\.xlsx: Строка \d+, поле «Эл\. почта»/);
  });

  it('goes on with a warning naming row and field for a СНИЛС failing its checksum', async () => {
    const { registry, meeting, ballots } = makeTallyData(20, 2, 4);
    // Someone who did not vote: a СНИЛС failing its checksum matches no ballot.
    const voter = registry.find((p) => !ballots.some((b) => JSON.stringify(b.voter).includes(p.snils!)))!;
    voter.snils =
      voter.snils!.slice(0, 9) + String((Number(voter.snils!.slice(9)) + 1) % 100).padStart(2, '0');
    const r = await tallyFiles(await filesOf(registry, meeting, ballots));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.warnings.map((w) => [w.file, w.code, w.severity])).toEqual([
      ['registry.xlsx', 'snils_checksum', 'warning'],
    ]);
    expect(r.value.results.warnings[0]).toMatch(
      /^registry\.xlsx: Строка \d+, поле «СНИЛС»: контрольная сумма/,
    );
  });

  it('collects the problems of every file and gives no result', async () => {
    const { registry, meeting, ballots } = makeTallyData(30, 2, 2);
    const files = await filesOf(registry, meeting, ballots);
    const rows = batchRows(ballots, registry, meeting);
    rows[3]![5] = '32.06.2026';
    const gos = (await import('../../test/bench/ballotFiles')).gosuslugiRows(ballots, registry, meeting);
    gos[5]![4] = 'наверное'; // question 1: after name, СНИЛС, cadastral number, date
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Результаты');
    gos.forEach((r) => ws.addRow(r));
    const r = await tallyFiles({
      ...files,
      gosuslugi: [{ name: 'g.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) }],
      paper: [{ name: 'p.csv', bytes: new TextEncoder().encode(rows.map((x) => x.join(',')).join('\n')) }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((p) => [p.file, p.row, p.field])).toEqual([
      ['g.xlsx', 6, 'Вопрос 1. Вопрос повестки № 1'],
      ['p.csv', 4, 'Получен'],
    ]);
  });
});
