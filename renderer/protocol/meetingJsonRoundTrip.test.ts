/**
 * The package's round trip: the app's meeting (rule settings, protocol fields, the commission's decision
 * on a conflict) exported with the package, then `golos tally` run on the package's files alone — its
 * meeting.json, batch file, registry and Gosuslugi export: the command line's results.json has the app's
 * figures. Likewise the batch file saved alone with the meeting.json beside it (with the registry and the
 * Gosuslugi file the app imported).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGolos } from '../../cli/golos.testkit';
import type { PartnershipKind } from '../../shared/domain/types';
import { parseMeetingJson } from '../../shared/tally/meetingJson';
import { parseProtocolFields } from '../../shared/documents/protocolMeetingJson';
import type { ResultsJson } from '../../shared/results/buildResults';
import { writeGosuslugiXlsx } from '../../test/bench/ballotFiles';
import { makeTallyData } from '../../test/bench/tallyData';
import { meetingRecords } from '../../test/fixtures/meetingRecords';
import { largeRegistrySheet } from '../../test/fixtures/registryLayouts';
import { writeRegistryXlsx } from '../../test/fixtures/registryWriters';
import type { Meeting } from '../../shared/meetings/meeting';
import { GolosDb } from '../db/db';
import { savePartnership } from '../db/partnershipRepo';
import { applyRegistryChanges } from '../db/personRepo';
import { batchFileName, besideBatch, exportBatch } from '../ballots/batchFile';
import { loadMeetingTally } from '../tally/meetingTally';
import { collectPackageFiles } from './protocolPackage';
import { loadProtocolSource } from './protocolSource';

async function seed(kind: PartnershipKind, extra: Record<string, unknown>) {
  const db = new GolosDb(`golos-meeting-json-${crypto.randomUUID()}`);
  const partnership = await savePartnership(db, { name: 'Товарищество', kind, address: 'д. Берёзки' });
  const { registry, meeting: spec, ballots } = makeTallyData(60, 4, 31, kind);
  await applyRegistryChanges(db, { added: registry, changed: [], removed: [] });
  const records = meetingRecords(spec, ballots, { partnershipId: partnership.id });
  const meeting: Meeting = {
    ...records.meeting,
    chair: 'Петров Пётр Петрович',
    secretary: 'Сидорова Анна Ивановна',
    countingCommission: ['Котов К. К.', 'Львова Л. Л.'],
    sessionPlace: 'здание правления',
    originalsStorage: 'у председателя правления',
    dissents: [{ question: 2, name: registry[3]!.fullName }],
    questions: records.meeting.questions.map((q) =>
      q.number === 1 ? { ...q, speaker: 'Петров П. П.', proposal: 'Избрать председателем Петрова П. П.' } : q,
    ),
    ...extra,
  };
  await db.meetings.add(meeting);
  await db.paperBallots.bulkAdd(records.paperBallots);
  await db.gosuslugiImports.bulkAdd(records.gosuslugiImports);
  return { db, partnership, meeting, registry, spec, ballots };
}

async function roundTrip(
  kind: PartnershipKind,
  extra: Record<string, unknown>,
  /** The commission decides the first conflict the app's tally left open. */
  decideConflict = false,
  /** Where the meeting.json and the ballots come from: the USB package, or the batch file saved alone. */
  via: 'package' | 'batch' = 'package',
) {
  const seeded = await seed(kind, extra);
  const { db, partnership, registry, spec, ballots } = seeded;
  let meeting = seeded.meeting;
  let source = await loadProtocolSource(db, meeting, partnership);
  const valid = (m: string) => m === 'for' || m === 'against' || m === 'abstain';
  const open = source.result.conflicts.find(
    (c) => c.resolution === 'flag' && c.choices.some((x) => valid(x.mark)),
  );
  const decision =
    decideConflict && open ? { conflict: open, choice: open.choices.find((x) => valid(x.mark))! } : null;
  if (decision) {
    await db.resolutions.add({
      id: 'r1',
      meetingId: meeting.id,
      personId: decision.conflict.personId,
      question: decision.conflict.question,
      ballotId: decision.choice.ballotId,
      reason: 'оригинал подписан лично',
      by: 'Котов К. К.',
      at: '2026-06-15T10:00:00.000Z',
    });
    meeting = (await db.meetings.get(meeting.id))!;
    source = await loadProtocolSource(db, meeting, partnership);
  }
  let meetingJson: Uint8Array;
  let batch: Uint8Array;
  // The registry and Gosuslugi files the app imported (the package brings its own copies of both).
  let registryFile = await writeRegistryXlsx(largeRegistrySheet(registry));
  let gosuslugiFile = await writeGosuslugiXlsx(ballots, registry, spec);
  if (via === 'package') {
    const files = await collectPackageFiles(db, source, {
      pdf: new Uint8Array(),
      workbook: new Uint8Array(),
    });
    if (!files.ok) throw new Error(files.error.map((p) => p.message).join(' '));
    const file = (name: string) => files.value.find((f) => f.name === name)?.bytes;
    // Every decision went into meeting.json: no notes beside it.
    expect(file('meeting.json — замечания.txt')).toBeUndefined();
    meetingJson = file('meeting.json')!;
    batch = file('Бюллетени (пакетный файл).csv')!;
    registryFile = file('Реестр (как учтён).xlsx')!;
    gosuslugiFile = file('Госуслуги (голоса, как учтены).xlsx')!;
  } else {
    // «Выгрузить бюллетени»: the batch file and what BatchExchange saves beside it, nothing else.
    const input = await loadMeetingTally(db, meeting);
    const laptop = { id: 'l1', name: 'Ноутбук 1' };
    const at = '2026-06-15T12:30:00';
    const name = batchFileName(meeting, laptop, at);
    const beside = besideBatch(input, name);
    expect(beside.map((f) => f.name)).toEqual([`${name.slice(0, -'.csv'.length)}.meeting.json`]);
    meetingJson = beside[0]!.bytes;
    batch = exportBatch(input, laptop, at).bytes;
  }

  const dir = mkdtempSync(join(tmpdir(), 'golos-meeting-json-'));
  try {
    writeFileSync(join(dir, 'meeting.json'), meetingJson);
    writeFileSync(join(dir, 'batch.csv'), batch);
    writeFileSync(join(dir, 'registry.xlsx'), registryFile);
    writeFileSync(join(dir, 'gosuslugi.xlsx'), gosuslugiFile);
    const run = await runGolos(
      'tally',
      ...['--registry', join(dir, 'registry.xlsx'), '--meeting', join(dir, 'meeting.json')],
      ...['--gosuslugi', join(dir, 'gosuslugi.xlsx'), '--paper', join(dir, 'batch.csv'), '--out', dir],
    );
    expect(run.stderr.replace(/^Предупреждение:.*\n/gm, '')).toBe('');
    expect(run.code).toBe(0);
    const cli = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as ResultsJson;
    return { app: source.results, cli, text: new TextDecoder().decode(meetingJson), source, decision };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures a protocol prints, person ids aside (the command line numbers persons by file row). */
function figures(r: ResultsJson) {
  return {
    registry: r.registry,
    participation: r.participation,
    quorum: r.quorum,
    meeting: r.meeting,
    questions: r.questions.map((q) => ({ ...q })),
  };
}

describe('the package’s meeting.json: golos tally gets the app’s figures', () => {
  it('СНТ: settings, protocol fields and the commission’s decision on a conflict', async () => {
    const { app, cli, text, decision } = await roundTrip(
      'snt',
      { charterAllowsElectronic: true, paperUntil: 'session', sessionDate: '2026-06-10' },
      true,
    );
    expect(decision).not.toBeNull();
    // The file is the command line's own format, read back by its own readers.
    const parsed = parseMeetingJson(text, 'meeting.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.meeting).toMatchObject({ charterAllowsElectronic: true, paperUntil: 'session' });
    expect(parsed.value.resolutions).toHaveLength(1);
    expect(parsed.value.resolutions![0]).toMatchObject({
      question: decision!.conflict.question,
      reason: 'оригинал подписан лично',
    });
    const printed = parseProtocolFields(text, 'meeting.json');
    expect(printed.ok && printed.value).toMatchObject({
      chair: 'Петров Пётр Петрович',
      secretary: 'Сидорова Анна Ивановна',
      countingCommission: ['Котов К. К.', 'Львова Л. Л.'],
      sessionPlace: 'здание правления',
      originalsStorage: 'у председателя правления',
    });
    expect(printed.ok && printed.value.questions.get(1)).toEqual({
      speaker: 'Петров П. П.',
      proposal: 'Избрать председателем Петрова П. П.',
    });
    // The decision settled the conflict in the app's count, and in the command line's the same way.
    const settled = (r: ResultsJson) =>
      r.conflicts
        .filter((c) => c.question === decision!.conflict.question && c.person === decision!.conflict.fullName)
        .map((c) => [c.resolution, c.counted, c.reason]);
    expect(settled(app)).toEqual([['resolved', decision!.choice.mark, 'оригинал подписан лично']]);
    expect(settled(cli)).toEqual(settled(app));
    expect(figures(cli)).toEqual(figures(app));
  });

  it('the batch file saved alone («Выгрузить бюллетени») has its meeting.json beside it: the same figures, the decision applied', async () => {
    const { app, cli, decision } = await roundTrip(
      'snt',
      { charterAllowsElectronic: true, paperUntil: 'session', sessionDate: '2026-06-10' },
      true,
      'batch',
    );
    expect(decision).not.toBeNull();
    const settled = (r: ResultsJson) =>
      r.conflicts
        .filter((c) => c.question === decision!.conflict.question && c.person === decision!.conflict.fullName)
        .map((c) => [c.resolution, c.counted]);
    expect(settled(cli)).toEqual([['resolved', decision!.choice.mark]]);
    expect(figures(cli)).toEqual(figures(app));
  });

  it('МКД: the building area larger than the registry’s sum is the base on both sides', async () => {
    const { app, cli, text } = await roundTrip('mkd', { buildingArea: '99999.99' });
    expect(JSON.parse(text).buildingArea).toBe('99999.99');
    expect(app.registry.weightTotal).toBe('99999.99');
    expect(figures(cli)).toEqual(figures(app));
  });
});
