// The app's protocol from what the database holds: keyed paper ballots all carry the source «ввод с
// клавиатуры», so each rejected one must be printed with its own date; electronic rows the user marked
// «не участник» are listed with the reason given.
import { sha256Hex } from '../../shared/crypto/sha256';
import { buildProtocolModel } from '../../shared/documents/protocolModel';
import { proofOf, tallyInputSha256 } from '../../shared/documents/protocolProof';
import { buildProtocolPdf } from '../../shared/documents/protocolPdf';
import { resultsFileText } from '../../shared/results/resultsFile';
import { readPtSansFonts } from '../../test/bench/ballotsPdfBench';
import { makeTallyData } from '../../test/bench/tallyData';
import { meetingRecords } from '../../test/fixtures/meetingRecords';
import { pdfPageTexts } from '../../test/fixtures/pdfText';
import { GolosDb } from '../db/db';
import { savePartnership } from '../db/partnershipRepo';
import { applyRegistryChanges } from '../db/personRepo';
import { loadProtocolSource } from './protocolSource';

const KEYED = 'ввод с клавиатуры';

async function seed() {
  const db = new GolosDb(`golos-protocol-source-${crypto.randomUUID()}`);
  const partnership = await savePartnership(db, {
    name: 'СНТ «Ромашка»',
    kind: 'snt',
    address: 'д. Берёзки',
  });
  const { registry, meeting: spec, ballots } = makeTallyData(40, 3, 23);
  await applyRegistryChanges(db, { added: registry, changed: [], removed: [] });
  // Every paper ballot keyed at the desk; two of them came after the end of voting (14 June), on
  // different days.
  const paper = ballots.filter((b) => b.channel === 'paper' && b.copy === 'original');
  for (const b of paper) b.source = KEYED;
  const late = [
    { ballot: paper[0]!, date: '2026-06-16', printed: '16.06.2026' },
    { ballot: paper[1]!, date: '2026-06-19', printed: '19.06.2026' },
  ];
  for (const l of late) l.ballot.receivedAt = l.date;
  const records = meetingRecords(spec, ballots, { partnershipId: partnership.id });
  records.gosuslugiImports[0]!.notCounted.push({
    source: 'госуслуги.xlsx:99',
    row: 99,
    name: 'Посторонний Павел Павлович',
    reason: 'not_participant',
    note: 'продал участок до собрания',
  });
  await db.meetings.add(records.meeting);
  await db.paperBallots.bulkAdd(records.paperBallots);
  await db.gosuslugiImports.bulkAdd(records.gosuslugiImports);
  return { db, partnership, meeting: records.meeting, late };
}

describe('the protocol of the app’s meeting', () => {
  it('prints each keyed ballot with its own date of receipt, and lists rows marked «не участник»', async () => {
    const { db, partnership, meeting, late } = await seed();
    const source = await loadProtocolSource(db, meeting, partnership);
    const model = buildProtocolModel(source, { maskSnils: false, today: '2026-06-20' });

    const rejected = model.tables.find((t) => t.key === 'rejected')!;
    const notAccepted = rejected.rows.filter((r) => r[5] === 'не принят');
    for (const l of late) {
      const outcome = source.result.ballots.find((b) => b.ballotId === l.ballot.id)!;
      const name = source.result.persons.find((p) => p.personId === outcome.personId)!.fullName;
      const row = notAccepted.find((r) => r[2] === name && r[1] === KEYED);
      expect(row, name).toBeDefined();
      expect(row![4], `${name}: date of receipt`).toBe(l.printed);
    }
    // Every keyed row shows the date of the ballot it stands for, not of another with the same source.
    const keyed = source.result.ballots.filter((b) => b.status === 'rejected' && b.source === KEYED);
    const printedDates = notAccepted.filter((r) => r[1] === KEYED).map((r) => String(r[4]));
    expect(printedDates.sort()).toEqual(keyed.map((b) => b.receivedAt.split('-').reverse().join('.')).sort());
    expect(new Set(printedDates).size).toBeGreaterThan(1);

    const excluded = model.tables.find((t) => t.key === 'unmatched')!;
    expect(excluded.rows).toContainEqual([
      excluded.rows.length,
      'госуслуги.xlsx:99',
      'Посторонний Павел Павлович',
      'не участник собрания: продал участок до собрания',
    ]);

    const text = pdfPageTexts(await buildProtocolPdf(model, readPtSansFonts())).join(' ');
    for (const l of late) expect(text).toContain(l.printed);
    expect(text).toContain('не участник собрания: продал участок до собрания');
    db.close();
  });
});

describe('the hashes the protocol prints', () => {
  it('are those the command line computes: SHA-256 of the tally input and of results.json', async () => {
    const { db, partnership, meeting } = await seed();
    const source = await loadProtocolSource(db, meeting, partnership);
    // The pure implementation (shared/crypto) on the same input as the command line hashes it.
    expect(source.inputSha256).toBe(
      tallyInputSha256({
        meeting: source.meeting,
        registry: source.registry,
        ballots: source.ballots,
        resolutions: source.resolutions,
      }),
    );
    expect(source.resultsSha256).toBe(sha256Hex(resultsFileText(source.results)));
    // The QR code names the same results hash as one proofOf computes by itself.
    expect(proofOf(source.results, {}, source.resultsSha256)).toEqual(proofOf(source.results));
    db.close();
  });
});
