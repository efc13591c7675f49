// `golos scan` end to end: the ballots the command line's ids give (cliMeeting, registry rows p1..),
// rasterized by pdftoppm, marked, handed in as PNG, JPEG, TIFF and PDF; scanned.csv then counted by
// `golos tally --paper`.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import UTIF from 'utif2';
import type { BallotSheetLayout } from '../shared/documents/ballotLayout';
import { buildBallotsPdf } from '../shared/documents/ballotsPdf';
import { PT_SANS_FILES, type PdfFonts } from '../shared/documents/pdfFont';
import type { Choice } from '../shared/domain/types';
import type { GrayImage } from '../shared/omr/gray';
import { DEFAULT_OMR_SETTINGS } from '../shared/omr/settings';
import { readRegistryFile } from '../shared/registry/readRegistryFile';
import { ballotOrder } from '../shared/registry/sortPersons';
import { makePersons } from '../test/fixtures/persons';
import { makeRng } from '../test/fixtures/random';
import { largeRegistrySheet } from '../test/fixtures/registryLayouts';
import { writeRegistryXlsx } from '../test/fixtures/registryWriters';
import { drawMark, drawSignature, rasterizePdf, toJpeg } from '../test/fixtures/scanKit';
import { runGolos } from './golos.testkit';
import { cliMeeting, parseScanArgs } from './scan';

const require = createRequire(import.meta.url);
const fonts: PdfFonts = {
  regular: readFileSync(require.resolve(PT_SANS_FILES.regular)),
  bold: readFileSync(require.resolve(PT_SANS_FILES.bold)),
};

const meetingText = JSON.stringify({
  id: 'snt-2026',
  kind: 'snt',
  form: 'mixed',
  title: 'Общее собрание СНТ «Ромашка» 2026 года',
  votingStart: '2026-06-01',
  votingEnd: '2026-06-14',
  acceptScans: true,
  questions: [
    { number: 1, text: 'Об утверждении приходно-расходной сметы', item: '22' },
    { number: 2, text: 'О размере членских взносов', item: '21' },
    { number: 3, text: 'О ремонте дороги', item: '22' },
  ],
});

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function grayToRgba(img: GrayImage): Uint8Array {
  const out = new Uint8Array(img.width * img.height * 4);
  img.data.forEach((v, i) => out.set([v, v, v, 255], i * 4));
  return out;
}

describe('golos scan', () => {
  it('reads PNG, JPEG, TIFF and PDF scans into scanned.csv and review.json, and tally counts them', async () => {
    dir = mkdtempSync(join(tmpdir(), 'golos-scan-cli-'));
    const persons = makePersons(5, 11, { contacts: false, gardeners: 0, multiPlot: 0, coOwned: 0 });
    const registryBytes = await writeRegistryXlsx(largeRegistrySheet(persons));
    writeFileSync(join(dir, 'registry.xlsx'), registryBytes);
    writeFileSync(join(dir, 'meeting.json'), meetingText);
    // The ballots as the command line makes them: the same meeting and registry reading.
    const m = cliMeeting(meetingText, 'meeting.json');
    if (!m.ok) throw new Error(m.message);
    const reg = await readRegistryFile(registryBytes, 'registry.xlsx', { kind: 'snt' });
    if (!reg.ok) throw new Error('registry');
    const registry = reg.value.persons.map((p, i) => ({ ...p, id: `p${i + 1}` }));
    const layouts: BallotSheetLayout[] = [];
    const pdf = await buildBallotsPdf(m.meeting, registry, fonts, { onSheet: (l) => layouts.push(l) });
    expect(layouts.map((l) => l.qr.personId)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    writeFileSync(join(dir, 'ballots.pdf'), pdf);
    const pages = rasterizePdf(join(dir, 'ballots.pdf'), dir);

    // Voters' choices on questions 1..3 (null: left empty); p3 marks question 2 faintly; p5 does not sign.
    const choices: (Choice | null)[][] = [
      ['for', 'for', 'against'],
      ['for', 'against', null],
      ['abstain', 'for', 'for'],
      ['against', 'for', 'for'],
      ['for', 'for', 'for'],
    ];
    const rng = makeRng(3);
    pages.forEach((img, i) => {
      const layout = layouts[i]!;
      choices[i]!.forEach((c, q) => {
        const box = layout.boxes.find((b) => b.question === q + 1 && b.choice === c);
        if (box) drawMark(img, box.rect, 'cross', rng);
      });
      if (i === 2)
        drawMark(
          img,
          layout.boxes.find((b) => b.question === 2 && b.choice === 'against')!.rect,
          'faint',
          rng,
        );
      if (i !== 4) drawSignature(img, layout.signature!, rng);
    });
    const png = (img: GrayImage) => {
      const p = new PNG({ width: img.width, height: img.height });
      p.data = Buffer.from(grayToRgba(img));
      return PNG.sync.write(p);
    };
    writeFileSync(join(dir, 'a.png'), png(pages[0]!));
    writeFileSync(join(dir, 'b.png'), png(pages[1]!));
    writeFileSync(join(dir, 'c.jpg'), toJpeg(pages[2]!, 85));
    writeFileSync(
      join(dir, 'd.tif'),
      new Uint8Array(UTIF.encodeImage(grayToRgba(pages[3]!), pages[3]!.width, pages[3]!.height)),
    );
    writeFileSync(join(dir, 'e.png'), png(pages[4]!));
    const out = join(dir, 'out');
    const scan = await runGolos(
      'scan',
      '--registry',
      join(dir, 'registry.xlsx'),
      '--meeting',
      join(dir, 'meeting.json'),
      '--out',
      out,
      '--received',
      '2026-06-10',
      join(dir, 'a.png'),
      join(dir, 'b.png'),
      join(dir, 'c.jpg'),
      join(dir, 'd.tif'),
      join(dir, 'e.png'),
      join(dir, 'ballots.pdf'),
    );
    expect(scan.stderr).toContain('ballots.pdf:1: этот лист уже отсканирован (a.png:1)');
    expect(scan.code).toBe(0);
    const csv = readFileSync(join(out, 'scanned.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(csv[0]).toBe(
      'СНИЛС;Участок;ФИО;Канал;Вид;Получен;Доставка;Недействителен;Представитель;Доверенность;1;2;3;Источник',
    );
    const rows = csv.slice(1).map((l) => l.split(';'));
    expect(rows.map((r) => r[2])).toEqual(registry.map((p) => p.fullName));
    expect(rows.map((r) => [r[4], r[5]])).toEqual(Array(5).fill(['скан', '10.06.2026']));
    expect(rows.map((r) => r.slice(10, 13))).toEqual([
      ['за', 'за', 'против'],
      ['за', 'против', ''],
      ['воздержался', '', 'за'], // question 2 is under review: not guessed
      ['против', 'за', 'за'],
      ['за', 'за', 'за'],
    ]);
    expect(rows.map((r) => r[13])).toEqual(['a.png:1', 'b.png:1', 'c.jpg:1', 'd.tif:1', 'e.png:1']);
    const review = JSON.parse(readFileSync(join(out, 'review.json'), 'utf8'));
    expect(review).toEqual(
      expect.arrayContaining([
        {
          source: 'c.jpg:1',
          person: registry[2]!.fullName,
          question: 2,
          reason: 'слабая или маленькая отметка',
        },
        { source: 'e.png:1', person: registry[4]!.fullName, question: null, reason: 'не найдена подпись' },
      ]),
    );
    expect(review).toHaveLength(7); // + the five duplicate pages of ballots.pdf
    const tally = await runGolos(
      'tally',
      '--registry',
      join(dir, 'registry.xlsx'),
      '--meeting',
      join(dir, 'meeting.json'),
      '--paper',
      join(out, 'scanned.csv'),
      '--out',
      join(dir, 'tally'),
    );
    expect(tally.stderr).toBe('');
    expect(tally.code).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'tally', 'results.json'), 'utf8'));
    // Counted by hand from the table above.
    expect(results.questions.map((q: Record<string, number>) => [q.for, q.against, q.abstain])).toEqual([
      [3, 1, 1],
      [3, 1, 0],
      [3, 1, 0],
    ]);
  }, 120_000);

  it('reads the ballots `golos ballots --partnership` printed when given the same name', async () => {
    dir = mkdtempSync(join(tmpdir(), 'golos-scan-cli-'));
    const persons = makePersons(3, 12, { contacts: false, gardeners: 0, multiPlot: 0, coOwned: 0 });
    const registryBytes = await writeRegistryXlsx(largeRegistrySheet(persons));
    writeFileSync(join(dir, 'registry.xlsx'), registryBytes);
    writeFileSync(join(dir, 'meeting.json'), meetingText);
    // Long enough to take three lines at the top of the ballot, moving every box down.
    const partnership =
      'Садоводческое некоммерческое товарищество собственников недвижимости «Ромашка-2» ' +
      'Лесного сельского поселения Приозерского муниципального района Ленинградской области ' +
      '(бывшее садоводство «Заря» треста № 4)';
    const common = ['--registry', join(dir, 'registry.xlsx'), '--meeting', join(dir, 'meeting.json')];
    const printed = await runGolos(
      'ballots',
      ...common,
      '--out',
      join(dir, 'ballots.pdf'),
      '--partnership',
      partnership,
    );
    expect(printed.code).toBe(0);
    // Where the boxes are on those ballots: the builder's layouts for the same name.
    const m = cliMeeting(meetingText, 'meeting.json');
    if (!m.ok) throw new Error(m.message);
    const reg = await readRegistryFile(registryBytes, 'registry.xlsx', { kind: 'snt' });
    if (!reg.ok) throw new Error('registry');
    const registry = reg.value.persons.map((p, i) => ({ ...p, id: `p${i + 1}` }));
    const layouts = new Map<string, BallotSheetLayout>();
    const plain = new Map<string, BallotSheetLayout>();
    await buildBallotsPdf(m.meeting, registry, fonts, {
      partnershipName: partnership,
      layoutOnly: true,
      onSheet: (l) => layouts.set(l.qr.personId!, l),
    });
    await buildBallotsPdf(m.meeting, registry, fonts, {
      layoutOnly: true,
      onSheet: (l) => plain.set(l.qr.personId!, l),
    });
    // The name does move the boxes, by more than twice the reader's search around a box.
    expect(layouts.get('p1')!.boxes[0]!.rect.y - plain.get('p1')!.boxes[0]!.rect.y).toBeGreaterThan(
      2 * DEFAULT_OMR_SETTINGS.searchMm,
    );
    const pages = rasterizePdf(join(dir, 'ballots.pdf'), dir);
    const choices: Record<string, Choice[]> = {
      p1: ['for', 'against', 'abstain'],
      p2: ['against', 'against', 'for'],
      p3: ['abstain', 'for', 'for'],
    };
    const rng = makeRng(5);
    // The command line prints in plot order.
    const printedOrder = ballotOrder(registry, 'plot').map((p) => p.id);
    expect(pages).toHaveLength(3);
    const files = pages.map((img, i) => {
      const layout = layouts.get(printedOrder[i]!)!;
      choices[layout.qr.personId!]!.forEach((c, q) =>
        drawMark(img, layout.boxes.find((b) => b.question === q + 1 && b.choice === c)!.rect, 'cross', rng),
      );
      drawSignature(img, layout.signature!, rng);
      const file = join(dir, `s${i + 1}.jpg`);
      writeFileSync(file, toJpeg(img, 85));
      return file;
    });
    const out = join(dir, 'out');
    const scan = await runGolos('scan', ...common, '--out', out, '--partnership', partnership, ...files);
    expect(scan.code).toBe(0);
    const rows = readFileSync(join(out, 'scanned.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean)
      .slice(1)
      .map((l) => l.split(';'));
    const word = { for: 'за', against: 'против', abstain: 'воздержался' } as const;
    expect(new Map(rows.map((r) => [r[2], r.slice(10, 13)]))).toEqual(
      new Map(registry.map((p) => [p.fullName, choices[p.id]!.map((c) => word[c as keyof typeof word])])),
    );
    expect(JSON.parse(readFileSync(join(out, 'review.json'), 'utf8'))).toEqual([]);
    const without = await runGolos('scan', ...common, '--out', join(dir, 'out2'), ...files);
    // Read without the name, the boxes are not where the layout puts them: nothing is read as a mark,
    // every question waits for a person, saying why.
    expect(without.code).toBe(0);
    const unread = readFileSync(join(dir, 'out2', 'scanned.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean)
      .slice(1)
      .map((l) => l.split(';').slice(10, 13));
    expect(unread).toEqual(Array(3).fill(['', '', '']));
    const review = JSON.parse(readFileSync(join(dir, 'out2', 'review.json'), 'utf8')) as { reason: string }[];
    expect(review).toHaveLength(9);
    expect(new Set(review.map((r) => r.reason))).toEqual(
      new Set([expect.stringContaining('клетки не найдены там, где их печатает Голос')]),
    );
  }, 120_000);

  it('refuses a file that is not a scan, naming it, and writes nothing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'golos-scan-cli-'));
    const persons = makePersons(2, 11, { contacts: false });
    writeFileSync(join(dir, 'registry.xlsx'), await writeRegistryXlsx(largeRegistrySheet(persons)));
    writeFileSync(join(dir, 'meeting.json'), meetingText);
    writeFileSync(join(dir, 'broken.pdf'), 'not a pdf');
    writeFileSync(join(dir, 'notes.docx'), 'x');
    const args = [
      'scan',
      '--registry',
      join(dir, 'registry.xlsx'),
      '--meeting',
      join(dir, 'meeting.json'),
      '--out',
      join(dir, 'out'),
    ];
    const broken = await runGolos(...args, join(dir, 'broken.pdf'));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toBe('Сканы не прочитаны, ничего не записано: broken.pdf: файл PDF не читается.\n');
    const docx = await runGolos(...args, join(dir, 'notes.docx'));
    expect(docx.stderr).toContain('notes.docx: не скан — нужен файл PDF, PNG, JPEG или TIFF.');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  }, 60_000);

  it('names a missing parameter and a bad date', () => {
    expect(parseScanArgs(['--registry', 'r.xlsx', '--out', 'o', 'a.pdf'])).toEqual({
      ok: false,
      message: expect.stringContaining('Параметр --meeting обязателен.'),
    });
    expect(
      parseScanArgs(['--registry', 'r', '--meeting', 'm', '--out', 'o', '--received', '10.06.2026', 'a.pdf']),
    ).toEqual({
      ok: false,
      message: 'Параметр --received: дата «10.06.2026» — нужен вид ГГГГ-ММ-ДД.',
    });
  });
});
