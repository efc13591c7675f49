/**
 * «Сканы» end to end: the project's own ballots for 19 voters, printed as the app prints them, marked by
 * the scan kit (clear marks, one faint mark, one filled-then-crossed box, one unsigned ballot, one page
 * upside down) and put with a blank page into a 20-page PDF of JPEG pages, as a copier makes it. The
 * app reads it in its worker, the review cards are decided by keyboard, and the figures on «Итоги»
 * equal `golos scan` + `golos tally --paper` on the same file, with the same answers written into the
 * CLI's scanned.csv (the CLI leaves a question under review empty).
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { BallotSheetLayout } from '../../shared/documents/ballotLayout';
import { buildBallotsPdf } from '../../shared/documents/ballotsPdf';
import { PT_SANS_FILES, type PdfFonts } from '../../shared/documents/pdfFont';
import type { Choice, Person } from '../../shared/domain/types';
import { rotate180, type GrayImage } from '../../shared/omr/gray';
import type { ResultsJson } from '../../shared/results/buildResults';
import type { AuditEntry } from '../../shared/audit/auditChain';
import type { AttachmentRecord, PaperBallotRow } from '../../renderer/db/records';
import { waitForDailyBackup } from '../bench/browserKit';
import { readStore } from '../fixtures/appDb';
import { makePersons } from '../fixtures/persons';
import { makeRng } from '../fixtures/random';
import { copyImage, drawMark, drawSignature, rasterizePdf } from '../fixtures/scanKit';
import { scannedPdf } from '../fixtures/scannedPdf';
import { tempDirUntilExit } from '../fixtures/tempDir';
import { buildTestDeckPdf, planTestDeck } from '../../shared/omr/testDeck';
import { meetingOf, MEETING_ID, registryFile, seedApp } from './gosuslugiSeed';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli/golos.mjs');
const require = createRequire(import.meta.url);
const fonts: PdfFonts = {
  regular: readFileSync(require.resolve(PT_SANS_FILES.regular)),
  bold: readFileSync(require.resolve(PT_SANS_FILES.bold)),
};
const dir = tempDirUntilExit('golos-e2e-scans-');
const files = {
  registry: join(dir, 'registry.xlsx'),
  meeting: join(dir, 'meeting.json'),
  scans: join(dir, 'scans-20.pdf'),
  out: join(dir, 'cli'),
};
const agenda = [
  { number: 1, text: 'Об утверждении сметы', item: '22' },
  { number: 2, text: 'О членских взносах', item: '21' },
  { number: 3, text: 'О ремонте дороги', item: '22' },
];
const RECEIVED = '2026-06-10';
/** The answers the commission gives, by why the card is there. */
const ANSWER: Record<string, { key: string; word: string | null }> = {
  'слабая или маленькая отметка': { key: '2', word: 'против' },
  'отметка закрашена и зачёркнута': { key: '0', word: 'несколько' },
  'не найдена подпись': { key: '1', word: null },
};

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
test.use({ viewport: { width: 1366, height: 768 } });

let registry: Person[];
let review: { source: string; person: string; question: number | null; reason: string }[];
let expected: string[][];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  expect(existsSync(cli), 'build the CLI first: node build/build-node.mjs').toBe(true);
  const persons = makePersons(19, 1707, { gardeners: 0, contacts: false, multiPlot: 0, coOwned: 0 });
  const reg = await registryFile(persons);
  registry = reg.registry;
  writeFileSync(files.registry, reg.bytes);
  const { json, meeting } = meetingOf(agenda);
  writeFileSync(files.meeting, JSON.stringify({ ...JSON.parse(json), id: MEETING_ID, acceptScans: true }));

  // The ballots as the app prints them (partnership name at the top), one sheet each.
  const layouts: BallotSheetLayout[] = [];
  const pdf = await buildBallotsPdf({ ...meeting, acceptScans: true }, registry, fonts, {
    partnershipName: 'СНТ «Большое»',
    onSheet: (l) => layouts.push(l),
  });
  expect(layouts).toHaveLength(19);
  writeFileSync(join(dir, 'ballots.pdf'), pdf);
  const printed = rasterizePdf(join(dir, 'ballots.pdf'), dir);
  const rng = makeRng(17);
  const pages: GrayImage[] = printed.map((page, i) => {
    const img = copyImage(page);
    const l = layouts[i]!;
    for (const q of [1, 2, 3]) {
      const boxes = l.boxes.filter((b) => b.question === q);
      if (i === 2 && q === 2) drawMark(img, boxes[1]!.rect, 'faint', rng);
      else if (i === 7 && q === 1) drawMark(img, boxes[0]!.rect, 'crossed_out', rng);
      else if ((i + q) % 9 !== 0) {
        const choice: Choice = (['for', 'for', 'against', 'abstain'] as const)[(i * 3 + q) % 4]!;
        drawMark(
          img,
          boxes.find((b) => b.choice === choice)!.rect,
          (['cross', 'tick', 'fill'] as const)[i % 3]!,
          rng,
        );
      }
    }
    if (i !== 11) drawSignature(img, l.signature!, rng);
    return i === 4 ? rotate180(img) : img;
  });
  pages.push({ ...pages[0]!, data: new Uint8Array(pages[0]!.data.length).fill(252) });
  writeFileSync(files.scans, await scannedPdf(pages));

  // The command line on the same file.
  const run = (...args: string[]) =>
    execFileSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'pipe' });
  run(
    'scan',
    '--registry',
    files.registry,
    '--meeting',
    files.meeting,
    '--out',
    files.out,
    '--received',
    RECEIVED,
    files.scans,
  );
  review = JSON.parse(readFileSync(join(files.out, 'review.json'), 'utf8')) as typeof review;
  // The same answers written into the CLI's scanned.csv.
  const csv = readFileSync(join(files.out, 'scanned.csv'), 'utf8').split('\r\n');
  const header = csv[0]!.split(';');
  for (const r of review) {
    if (r.question === null) continue;
    const word = ANSWER[r.reason]!.word!;
    const at = csv.findIndex((line) => line.includes(r.person));
    const cells = csv[at]!.split(';');
    cells[header.indexOf(String(r.question))] = word;
    csv[at] = cells.join(';');
  }
  writeFileSync(join(files.out, 'decided.csv'), csv.join('\r\n'));
  run(
    'tally',
    '--registry',
    files.registry,
    '--meeting',
    files.meeting,
    '--paper',
    join(files.out, 'decided.csv'),
    '--out',
    join(files.out, 'tally'),
  );
  const r = JSON.parse(readFileSync(join(files.out, 'tally', 'results.json'), 'utf8')) as ResultsJson;
  const word = { adopted: 'принято', rejected: 'не принято', no_quorum: 'нет кворума' };
  expected = r.questions.map((q) =>
    [q.number, q.for, q.against, q.abstain, q.invalid, q.conflict].map(String).concat(word[q.decision]),
  );
});

test('scans: a 20-page PDF read in the worker, review by keyboard, «Итоги» equal the CLI', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // What the CLI put under review: the faint mark, the crossed-out box, the unsigned ballot; the blank page.
  expect(review.map((r) => [r.source, r.question, r.reason]).sort()).toEqual(
    [
      ['scans-20.pdf:20', null, 'пустая страница'],
      ['scans-20.pdf:3', 2, 'слабая или маленькая отметка'],
      ['scans-20.pdf:8', 1, 'отметка закрашена и зачёркнута'],
      ['scans-20.pdf:12', null, 'не найдена подпись'],
    ].sort(),
  );
  const { meeting } = meetingOf(agenda);
  await seedApp(page, { ...meeting, acceptScans: true }, registry);
  await page.goto(`/#/meetings/${MEETING_ID}/scans`);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Сканы бюллетеней' })).toBeVisible();
  await page.getByLabel('Оператор:').fill('Секретарёва Анна Ивановна');
  await page.getByLabel('Оператор:').press('Enter');
  await page.getByLabel('Что за пачка').selectOption({ label: 'Сканы, присланные по электронной почте' });
  await page.getByLabel('Дата получения').fill(RECEIVED);
  // The app's daily automatic backup (3 s after the start) is not part of a scan-in: done first.
  await waitForDailyBackup(page);
  // Long tasks on the main thread while the stack is scanned in, and what ran in the longest frames.
  await page.evaluate(() => {
    type Script = { invoker: string; sourceURL: string; sourceFunctionName: string; duration: number };
    type Frame = PerformanceEntry & { scripts: Script[] };
    const w = window as unknown as { tasks: [number, number][]; frames: string[] };
    w.tasks = [];
    w.frames = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: false });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Frame[]) {
        const scripts = e.scripts
          .map((x) => {
            const at = `${x.sourceURL.split('/').pop()} ${x.sourceFunctionName}`.trim();
            return `${x.invoker} (${at}) ${Math.round(x.duration)} ms`;
          })
          .join(', ');
        if (e.duration > 50) w.frames.push(`${Math.round(e.duration)} ms: ${scripts || 'no script'}`);
      }
    }).observe({ type: 'long-animation-frame', buffered: false });
  });
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Выбрать сканы…' }).click(),
  ]);
  await chooser.setFiles(files.scans);
  await expect(page.getByRole('status', { name: 'Чтение сканов' })).toContainText('из 20', {
    timeout: 60_000,
  });
  const summary = page.getByRole('list', { name: 'Итоги чтения сканов' });
  await expect(summary).toBeVisible({ timeout: 180_000 });
  await expect(summary).toContainText('Страниц: 20');
  await expect(summary).toContainText('Бюллетеней прочитано: 19');
  await expect(summary).toContainText('Внесено в подсчёт: 16');
  await expect(summary).toContainText('Карточек на проверку: 3');
  await expect(summary).toContainText('Не прочитано страниц: 1');
  await expect(page.getByRole('table', { name: 'Не прочитанные страницы' })).toContainText('scans-20.pdf:20');
  // The files are read, the pages rasterized and read, and the scan file stored in the worker (until
  // its result arrives, the mark «scan:read»); the ballots read are stored and the review cards shown
  // from the window's thread. From the pick to the first card in focus, no task of that thread takes
  // 100 ms or more.
  const queue = page.getByRole('region', { name: 'Проверка отметок' });
  await expect(queue.getByRole('article')).toBeFocused();
  const timeline = await page.evaluate(() => ({
    ...(window as unknown as { tasks: [number, number][]; frames: string[] }),
    readAt: performance.getEntriesByName('scan:read')[0]!.startTime,
  }));
  const reading = timeline.tasks.filter(([start, d]) => start + d <= timeline.readAt).map(([, d]) => d);
  const after = timeline.tasks.filter(([start, d]) => start + d > timeline.readAt).map(([, d]) => d);
  writeFileSync(
    test.info().outputPath('longest-task.txt'),
    `while reading and storing the file: ${Math.round(Math.max(0, ...reading))} ms; ` +
      `storing the ballots and showing the cards: ${Math.round(Math.max(0, ...after))} ms; ` +
      `long tasks: ${timeline.tasks.length}\nframes over 50 ms:\n${timeline.frames.join('\n')}\n`,
  );
  expect(Math.max(0, ...reading)).toBeLessThan(100);
  expect(Math.max(0, ...after)).toBeLessThan(100);
  // The worker stored the file as the meeting's scan with its audit entry, the ballots read link to it,
  // and the audit trail's head (the worker's entries, then the window's) is anchored.
  const scans = (await readStore<AttachmentRecord>(page, 'attachments')).filter((a) => a.purpose === 'scan');
  expect(scans.map((a) => [a.name, a.size, a.meetingId])).toEqual([
    ['scans-20.pdf', readFileSync(files.scans).byteLength, MEETING_ID],
  ]);
  const audit = await readStore<AuditEntry>(page, 'audit');
  expect(audit.filter((e) => e.action === 'attachment.add').map((e) => e.entityId)).toEqual([scans[0]!.id]);
  const rows = await readStore<PaperBallotRow>(page, 'paperBallots');
  expect(rows.map((r) => r.versions.at(-1)!.attachmentIds)).toEqual(rows.map(() => [scans[0]!.id]));
  expect(rows).toHaveLength(16);
  await expect
    .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('golos.auditAnchor.golos') ?? '{}').seq))
    .toBe(audit.at(-1)!.seq);

  // The review cards, decided from the keyboard: the focused card takes 1/2/3/0.
  for (let n = 0; n < 3; n++) {
    const card = queue.getByRole('article');
    await expect(card).toBeFocused();
    const reason = (await card.locator('.reason').textContent())!.replace('Почему на проверке: ', '');
    await expect(card.getByRole('img')).toBeVisible();
    // The crop is its PNG file (made in the worker), decoded by the browser: a picture wider than tall.
    await expect
      .poll(() =>
        card
          .getByRole('img')
          .evaluate((i: HTMLImageElement) => (i.complete ? [i.naturalWidth, i.naturalHeight] : [])),
      )
      .toEqual([expect.any(Number), expect.any(Number)]);
    const [w, h] = await card
      .getByRole('img')
      .evaluate((i: HTMLImageElement) => [i.naturalWidth, i.naturalHeight]);
    expect(w!).toBeGreaterThan(2 * h!);
    if (n === 0) await page.screenshot({ path: test.info().outputPath('review-card.png') });
    await page.keyboard.press(ANSWER[reason]!.key);
    await expect(queue.getByRole('heading')).toContainText(`решено ${n + 1} из 3`);
  }
  await expect(queue).toContainText('Все карточки решены.');
  await expect(summary).toContainText('Внесено в подсчёт: 19');
  await page.screenshot({ path: test.info().outputPath('scans-tab.png') });

  await page.getByRole('tab', { name: 'Итоги' }).click();
  const results = page.getByRole('table', { name: 'Итоги по вопросам' });
  await expect(results).toBeVisible();
  const live = await results
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [
        tr.querySelector('td')?.textContent ?? '',
        ...['for', 'against', 'abstain', 'invalid', 'conflict'].map((f) =>
          (tr.querySelector(`[data-figure="${f}"]`)?.textContent ?? '').replace(/\D/g, ''),
        ),
        tr.querySelector('td.decision')?.textContent ?? '',
      ]),
    );
  expect(live).toEqual(expected);
});

test('«Тестовые бюллетени»: the deck the app prints, scanned as a copier does, is read exactly as printed', async ({
  page,
}) => {
  const { meeting } = meetingOf(agenda);
  const seeded = { ...meeting, acceptScans: true };
  // The deck as the app prints it (the same builder the documents worker runs), through a copier.
  const deck = planTestDeck({ ...seeded, id: MEETING_ID });
  writeFileSync(
    join(dir, 'deck.pdf'),
    await buildTestDeckPdf(deck, fonts, { partnershipName: 'СНТ «Большое»' }),
  );
  const deckScans = join(dir, 'deck-scans.pdf');
  // Rasterized apart from the other test's pages (pdftoppm names pages by number in its folder).
  const deckDir = mkdtempSync(join(dir, 'deck-'));
  writeFileSync(deckScans, await scannedPdf(rasterizePdf(join(dir, 'deck.pdf'), deckDir)));
  await seedApp(page, seeded, registry);
  await page.goto(`/#/meetings/${MEETING_ID}/scans`);
  await page.reload();
  await page.getByText('Тестовые бюллетени', { exact: true }).click();
  // Printing saves a PDF (a download in the browser).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Напечатать тестовые бюллетени' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^Тестовые бюллетени.*\.pdf$/);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Проверить сканы тестовых бюллетеней…' }).click(),
  ]);
  await chooser.setFiles(deckScans);
  await expect(page.getByText('Прочитано ровно как напечатано: совпали все 32 проверки.')).toBeVisible({
    timeout: 120_000,
  });
  await page.screenshot({ path: test.info().outputPath('test-deck.png') });
});

test("a PDF that is not a copier's is rendered page by page, and a cut-off PDF is listed with its reason", async ({
  page,
}) => {
  test.setTimeout(180_000);
  // The app's own ballots (text and lines, no page images: pdf.js renders them) for the first three
  // voters, and the copier file cut short.
  const ballots = join(dir, 'ballots-3.pdf');
  const { meeting } = meetingOf(agenda);
  writeFileSync(
    ballots,
    await buildBallotsPdf({ ...meeting, acceptScans: true }, registry.slice(0, 3), fonts, {
      partnershipName: 'СНТ «Большое»',
    }),
  );
  const cut = join(dir, 'cut.pdf');
  writeFileSync(cut, readFileSync(files.scans).subarray(0, 300));
  await seedApp(page, { ...meeting, acceptScans: true }, registry);
  await page.goto(`/#/meetings/${MEETING_ID}/scans`);
  await page.reload();
  await page.getByLabel('Оператор:').fill('Секретарёва Анна Ивановна');
  await page.getByLabel('Оператор:').press('Enter');
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Выбрать сканы…' }).click(),
  ]);
  await chooser.setFiles([ballots, cut]);
  const summary = page.getByRole('list', { name: 'Итоги чтения сканов' });
  await expect(summary).toBeVisible({ timeout: 120_000 });
  // Unmarked and unsigned: each ballot read, its signature a card.
  await expect(summary).toContainText('Страниц: 3');
  await expect(summary).toContainText('Бюллетеней прочитано: 3');
  await expect(summary).toContainText('Не прочитано страниц: 1');
  const unread = page.getByRole('table', { name: 'Не прочитанные страницы' });
  await expect(unread.getByRole('row', { name: /cut\.pdf/ })).toContainText(
    'файл PDF не читается: он повреждён или обрезан',
  );
});
