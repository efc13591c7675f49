/**
 * The scanned stack the reading benchmarks share (omrBench for `golos scan`, omrBrowserBench for the
 * «Сканы» tab): one ballot a voter, printed by the app's builder for a meeting of 6 questions, marked as
 * the «Тестовые бюллетени» deck marks them (crosses, fills, ticks, empty questions, two boxes, a faint
 * pencil cross, every eighth ballot unsigned: shared/omr/testDeck), rasterized by pdftoppm to JPEG at
 * 200 dpi and put one image a page into a PDF as an office copier makes it (test/fixtures/scannedPdf).
 * A reading counts only when it equals what was drawn (checkTestDeck): a wrong read must not look fast.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliMeeting } from '../../cli/scan';
import type { Mark, Person } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import { REVIEW_REASON_TEXT, type ReviewReason } from '../../shared/omr/classify';
import type { ReadBallot } from '../../shared/omr/readStack';
import { SOURCE_COLUMN } from '../../shared/omr/scannedBatch';
import { buildTestDeckPdf, checkTestDeck, markedBallots, type TestDeck } from '../../shared/omr/testDeck';
import { readRegistryFile } from '../../shared/registry/readRegistryFile';
import { parseCsv } from '../../shared/spreadsheet/readCsv';
import { BATCH_MARK_WORD } from '../../shared/vocabulary';
import { copierPdf } from '../fixtures/scannedPdf';
import { makePersons } from '../fixtures/persons';
import { largeRegistrySheet } from '../fixtures/registryLayouts';
import { writeRegistryXlsx } from '../fixtures/registryWriters';
import { readPtSansFonts } from './ballotsPdfBench';

/** As printed at the top of the ballots (`golos scan --partnership`, the seeded app's partnership). */
export const PARTNERSHIP = 'СНТ «Большое»';

export const meetingText = JSON.stringify({
  id: 'bench-scan',
  kind: 'snt',
  form: 'mixed',
  title: 'Общее собрание СНТ «Ромашка» 2026 года',
  votingStart: '2026-06-01',
  votingEnd: '2026-06-14',
  acceptScans: true,
  questions: [
    ['Об утверждении приходно-расходной сметы', '22'],
    ['О размере членских взносов', '21'],
    ['О ремонте дороги', '22'],
    ['О ремонте водопровода', '17'],
    ['Об избрании правления', '2'],
    ['О приёме в члены', '7'],
  ].map(([text, item], i) => ({ number: i + 1, text, item })),
});

export interface ScanStack {
  meeting: Meeting;
  /** The voters with the ids the command line gives them (p1, p2, … in registry order). */
  registry: Person[];
  registryPath: string;
  meetingPath: string;
  /** The printed ballots, for the layout row. */
  deck: TestDeck;
  /** Copier PDFs by page count (one page a voter, the first `pages` voters). */
  pdfs: Map<number, string>;
}

/**
 * Members only: a gardener's ballot has no boxes for the questions only members decide, where the
 * deck's plan would still expect the marks it drew nowhere. Writes the registry, the meeting and one
 * copier PDF per page count into `dir`.
 */
export async function makeScanStack(dir: string, counts: readonly number[]): Promise<ScanStack> {
  const voters = Math.max(...counts);
  const registryBytes = await writeRegistryXlsx(
    largeRegistrySheet(
      makePersons(voters, 2026, { gardeners: 0, contacts: false, multiPlot: 0, coOwned: 0 }),
    ),
  );
  const registryPath = join(dir, 'registry.xlsx');
  const meetingPath = join(dir, 'meeting.json');
  writeFileSync(registryPath, registryBytes);
  writeFileSync(meetingPath, meetingText);
  const m = cliMeeting(meetingText, 'meeting.json');
  const reg = await readRegistryFile(registryBytes, 'registry.xlsx', { kind: 'snt' });
  if (!m.ok || !reg.ok) throw new Error('bench inputs');
  const registry = reg.value.persons.map((p, i) => ({ ...p, id: `p${i + 1}` }));
  const deck = markedBallots(m.meeting, registry);
  const printed = join(dir, 'printed.pdf');
  writeFileSync(printed, await buildTestDeckPdf(deck, readPtSansFonts(), { partnershipName: PARTNERSHIP }));
  execFileSync('pdftoppm', ['-jpeg', '-jpegopt', 'quality=80', '-r', '200', printed, join(dir, 'j')]);
  const jpegs = readdirSync(dir)
    .filter((f) => /^j-\d+\.jpg$/.test(f))
    .sort();
  if (jpegs.length !== voters) throw new Error(`${jpegs.length} pages printed for ${voters} voters`);
  const pdfs = new Map<number, string>();
  for (const n of counts) {
    const path = join(dir, `scanned-${n}.pdf`);
    writeFileSync(path, await copierPdf(jpegs.slice(0, n).map((f) => () => readFileSync(join(dir, f)))));
    pdfs.set(n, path);
  }
  return { meeting: m.meeting, registry, registryPath, meetingPath, deck, pdfs };
}

/** Throws unless the first `pages` ballots were read exactly as drawn (the deck's own check). */
export function assertReadAsDrawn(
  stack: ScanStack,
  pages: number,
  ballots: readonly ReadBallot[],
  where: string,
): void {
  const deck = { ...stack.deck, ballots: stack.deck.ballots.slice(0, pages) };
  const check = checkTestDeck(deck, { ballots: [...ballots], rejected: [] });
  if (check.exact) return;
  const wrong = check.lines.filter((l) => !l.same).slice(0, 5);
  throw new Error(
    `${where}: not read as drawn: ${wrong.map((l) => `${l.ballot}, вопрос ${l.question}: напечатано «${l.printed}», прочитано «${l.read}»`).join('; ')}`,
  );
}

/** `golos scan`'s scanned.csv and review.json as the ballots read (voters found by their page). */
export function cliBallots(stack: ScanStack, outDir: string): ReadBallot[] {
  const [header, ...rows] = parseCsv(readFileSync(join(outDir, 'scanned.csv'), 'utf8').trim(), ';');
  const markOf = new Map(Object.entries(BATCH_MARK_WORD).map(([mark, word]) => [word, mark as Mark]));
  const reasonOf = new Map(Object.entries(REVIEW_REASON_TEXT).map(([r, text]) => [text, r as ReviewReason]));
  const review = JSON.parse(readFileSync(join(outDir, 'review.json'), 'utf8')) as {
    source: string;
    question: number | null;
    reason: string;
  }[];
  return rows.map((cells) => {
    const source = cells[header!.indexOf(SOURCE_COLUMN)]!;
    const personId = stack.registry[Number(source.split(':').pop()) - 1]!.id;
    const marks: Record<number, Mark> = {};
    for (const q of stack.meeting.questions)
      marks[q.number] = markOf.get(cells[header!.indexOf(String(q.number))]!)!;
    return {
      personId,
      sources: [source],
      marks,
      review: review
        .filter((r) => r.source === source)
        .map((r) => ({ ...r, personId, reason: reasonOf.get(r.reason)!, message: r.reason })),
    };
  });
}
