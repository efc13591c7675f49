/**
 * The protocol end to end in Chromium on the built renderer: a meeting with 500 participants (registry
 * imported through the UI; the meeting, its paper, in-person and Gosuslugi ballots and two scans written
 * into IndexedDB in the app's record shapes), the protocol previewed, downloaded as PDF (pdftotext holds
 * every number of results.json computed here for the same data) and XLSX (read back with exceljs equal to
 * results.json), the package downloaded as one zip whose manifest verifies with sha256sum; a backup, the
 * database wiped, the backup restored through the backup screen (itself an audit entry), and the same
 * protocol produced again (same figures; the audit head is the restore's entry). Then one stored audit entry is edited behind the app's back and
 * «Журнал изменений» shows the break.
 */
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ballot, Person } from '../../shared/domain/types';
import { NOT_VOTING_WORD } from '../../shared/documents/protocolModel';
import { buildResults, type ResultsJson } from '../../shared/results/buildResults';
import { profileFor } from '../../shared/rules/profiles';
import { tally } from '../../shared/tally/tally';
import type { Decision } from '../../shared/tally/types';
import { makeBallots, makeMeeting } from '../bench/tallyData';
import { putAuditedRows, readStore } from '../fixtures/appDb';
import { meetingRecords, type MeetingRecords } from '../fixtures/meetingRecords';
import { pageQrText } from '../fixtures/pdfQr';
import { hasToken, numbersOf, pdfPageTexts, printed, printedShare } from '../fixtures/pdfText';
import { makePersons } from '../fixtures/persons';
import { largeRegistrySheet } from '../fixtures/registryLayouts';
import { AUDIT_ACTIONS } from '../../shared/audit/auditCatalogue';
import { writeRegistryXlsx } from '../fixtures/registryWriters';
import { tempDirUntilExit } from '../fixtures/tempDir';
import { MARK_LABEL } from '../../shared/vocabulary';

const dir = tempDirUntilExit('golos-e2e-protocol-');
const registryFile = join(dir, 'registry-500.xlsx');
const spec = makeMeeting(5, 'snt');
let persons: Person[];
let ballots: Ballot[];
let records: MeetingRecords;
const UNMATCHED = 'Неизвестный Некто Никтович';

test.beforeAll(async () => {
  persons = makePersons(500, 2026, { contacts: false });
  writeFileSync(registryFile, await writeRegistryXlsx(largeRegistrySheet(persons, 'СНТ «Протокол»')));
  ballots = makeBallots(persons, spec, 4242);
  records = meetingRecords(spec, ballots, {
    meetingId: 'meeting-e2e',
    partnershipId: 'set-in-page',
    scans: 2,
    unmatched: [UNMATCHED],
  });
});

/** Writes the meeting's records into the app's IndexedDB, as the app stores them (with their audit entry). */
async function seedMeeting(page: Page, recs: MeetingRecords): Promise<void> {
  const [partnership] = await readStore<{ id: string }>(page, 'partnership');
  await putAuditedRows(page, {
    meetings: [{ ...recs.meeting, partnershipId: partnership!.id }],
    paperBallots: recs.paperBallots,
    gosuslugiImports: recs.gosuslugiImports,
  });
  // Files are not among the records checked against the log.
  const attachments = recs.attachments.map((a) => ({ ...a, bytes: [...a.bytes] }));
  await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('golos');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction('attachments', 'readwrite');
    for (const a of rows) tx.objectStore('attachments').put({ ...a, bytes: new Uint8Array(a.bytes) });
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, attachments);
}

/** The stored registry in the order the app reads it (primary key order), without the index keys. */
async function storedRegistry(page: Page): Promise<Person[]> {
  const rows = await readStore<Person & { nameKey?: string; plotNumbers?: string[] }>(page, 'persons');
  return rows.map(({ nameKey: _n, plotNumbers: _p, ...person }) => person);
}

/** results.json for the same data, computed here from the generated ballots. */
function expectedResults(registry: Person[]): ResultsJson {
  const profile = profileFor('snt');
  const unmatched = records.gosuslugiImports[0]!.notCounted.map((r) => ({
    source: r.source,
    name: r.name,
    channel: 'gosuslugi' as const,
    reason: 'not_found' as const,
  }));
  const result = tally({ registry, meeting: spec, ballots, unmatched, profile });
  return buildResults(result, spec, profile);
}

function expectEveryNumber(pdfText: string, results: ResultsJson): number {
  const text = pdfText.replace(/Стр\. \d+ из \d+/g, ' ');
  let checked = 0;
  for (const [path, value] of numbersOf(results)) {
    const token = path === 'quorum.share' ? printedShare(String(value)) : printed(value);
    expect(hasToken(text, token), `${path} = ${value} printed as «${token}»`).toBe(true);
    checked++;
  }
  return checked;
}

/** A sheet as objects keyed by its header row. */
function sheetRecords(ws: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, ExcelJS.CellValue>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    out.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
  }
  return out;
}

async function expectWorkbookEqualsResults(path: string, results: ResultsJson): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const summary = new Map(
    sheetRecords(workbook.getWorksheet('Итоги')!).map((r) => [r['Показатель'] as string, r['Значение']]),
  );
  expect(summary.get('Всего в реестре (человек)')).toBe(results.registry.persons);
  expect(summary.get('Членов товарищества в реестре')).toBe(results.registry.members);
  expect(summary.get('Садоводов без членства в реестре')).toBe(results.registry.gardeners);
  expect(summary.get('Приняли участие (человек)')).toBe(results.participation.persons);
  expect(summary.get('из них членов товарищества')).toBe(results.participation.members);
  expect(summary.get('из них садоводов без членства')).toBe(results.participation.gardeners);
  expect(summary.get('Голосовали через Госуслуги')).toBe(results.participation.byChannel.gosuslugi);
  expect(summary.get('Голосовали бумажными бюллетенями')).toBe(results.participation.byChannel.paper);
  expect(summary.get('Голосовали очно')).toBe(results.participation.byChannel.in_person);
  expect(summary.get('Доля принявших участие членов')).toBe(Number(results.quorum.share));
  expect(summary.get('Кворум')).toBe(results.quorum.reached ? 'имеется' : 'отсутствует');

  const questions = sheetRecords(workbook.getWorksheet('Вопросы')!);
  expect(questions).toHaveLength(results.questions.length);
  results.questions.forEach((q, i) => {
    expect(questions[i]).toMatchObject({
      '№': q.number,
      За: q.for,
      Против: q.against,
      Воздержались: q.abstain,
      Недействительно: q.invalid,
      Конфликт: q.conflict,
      База: q.base,
    });
  });

  const words = new Map<string, Decision | null>([
    ...Object.entries(MARK_LABEL).map(([d, w]) => [w, d as Decision] as const),
    [NOT_VOTING_WORD, null],
  ]);
  const matrix = sheetRecords(workbook.getWorksheet('Решения')!);
  expect(matrix).toHaveLength(results.persons.length);
  results.persons.forEach((p, i) => {
    expect(matrix[i]!['ФИО']).toBe(p.name);
    expect(matrix[i]!['Принял участие']).toBe(p.participated ? 'да' : 'нет');
    for (const q of results.questions) {
      const cell = matrix[i]![`Вопрос ${q.number}`];
      if (p.participated) expect(words.get(cell as string)).toBe(p.decisions[String(q.number)]);
      else expect(cell).toBeNull();
    }
  });
  const unmatched = sheetRecords(workbook.getWorksheet('Не сопоставлены')!);
  expect(unmatched.map((r) => r['ФИО в файле'])).toEqual([UNMATCHED]);
}

async function download(page: Page, button: string, name: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const path = join(dir, name);
  await file.saveAs(path);
  return path;
}

/** The printed audit head: «Журнал изменений: последняя запись № N, её хеш H». */
const AUDIT_LINE = /Журнал изменений: последняя запись № (\d+), её хеш ([0-9a-f]{64})/;

const preview = (page: Page) => page.getByRole('article', { name: 'Предпросмотр протокола' });

async function openProtocol(page: Page): Promise<void> {
  await page.goto('/#/meetings/meeting-e2e/protocol');
  await expect(preview(page)).toBeVisible({ timeout: 60_000 });
}

test('protocol: 500 participants, PDF and XLSX equal results.json, package, backup, wipe, restore, same protocol; tampering shows', async ({
  page,
}) => {
  test.setTimeout(600_000);
  let results: ResultsJson;
  let firstText = '';
  let head = '';

  await test.step('partnership and the 500-person registry through the UI', async () => {
    await page.goto('/');
    await page.getByLabel('Название').fill('СНТ «Протокол»');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect(page.getByRole('heading', { name: 'Реестр участников' })).toBeVisible();
    await page.getByLabel('Оператор:').fill('Секретарёва Анна Ивановна');
    await page.getByLabel('Оператор:').press('Enter');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Импорт из файла…' }).click(),
    ]);
    await chooser.setFiles(registryFile);
    const dialog = page.getByRole('dialog', { name: 'Импорт реестра из файла' });
    await expect(dialog.getByRole('list', { name: 'Итоги сравнения с реестром' })).toContainText(
      'Добавится: 500',
    );
    await dialog.getByRole('button', { name: 'Импортировать' }).click();
    await expect(page.getByText('Импорт завершён: добавлено 500, изменено 0, удалено 0.')).toBeVisible();
  });

  await test.step('the meeting and its ballots in the app’s records', async () => {
    await seedMeeting(page, records);
    results = expectedResults(await storedRegistry(page));
    expect(results.participation.persons).toBeGreaterThanOrEqual(490);
    expect(results.participation.byChannel.gosuslugi).toBeGreaterThan(300);
    expect(results.participation.byChannel.paper).toBeGreaterThan(300);
    expect(results.participation.byChannel.in_person).toBeGreaterThan(300);
  });

  await test.step('the preview shows the tally’s figures, the due date and the audit head', async () => {
    await openProtocol(page);
    const figures = preview(page).getByRole('table', { name: 'Участие и кворум' });
    await expect(figures.getByRole('row', { name: /^Приняли участие \(человек\)/ })).toContainText(
      String(results.participation.persons),
    );
    for (const q of results.questions) {
      const table = preview(page).getByRole('table', { name: `Итоги по вопросу ${q.number}` });
      await expect(table.getByRole('row', { name: /^За / })).toContainText(String(q.for));
      await expect(table.getByRole('row', { name: /^Против / })).toContainText(String(q.against));
    }
    await expect(page.getByText(/не позднее 21 июня 2026 г\./).first()).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'с опозданием' })).toBeVisible();
    await expect(page.getByText(/Журнал изменений цел: 4 записи/)).toBeVisible();
  });

  await test.step('PDF: every number of results.json; XLSX equal to results.json', async () => {
    await page.getByLabel('Номер протокола').fill('12');
    const pdfPath = await download(page, 'Скачать PDF', 'protocol-1.pdf');
    await expect(page.getByText(/^Сохранено: Протокол № 12 от \d\d\.\d\d\.\d{4}\.pdf$/)).toBeVisible();
    firstText = pdfPageTexts(readFileSync(pdfPath)).join(' ');
    expect(firstText).toContain('ПРОТОКОЛ № 12');
    expect(expectEveryNumber(firstText, results)).toBeGreaterThan(550);
    head = AUDIT_LINE.exec(firstText)![2]!;
    await expect(page.getByText(head).first()).toBeVisible();
    await expect(page.getByText(/Журнал изменений цел: 5 записей/)).toBeVisible();

    const xlsxPath = await download(page, 'Скачать XLSX', 'results-1.xlsx');
    await expectWorkbookEqualsResults(xlsxPath, results);
    // Producing the same protocol again logs nothing new.
    await expect(page.getByText(/Журнал изменений цел: 5 записей/)).toBeVisible();
  });

  await test.step('publication copy: СНИЛС masked', async () => {
    await page.getByLabel('Скрыть СНИЛС (копия для публикации)').check();
    const path = await download(page, 'Скачать PDF', 'protocol-masked.pdf');
    const text = pdfPageTexts(readFileSync(path)).join(' ');
    expect(text).not.toMatch(/\d{3}-\d{3}-\d{3} \d{2}/);
    expect(text).toMatch(/\*\*\*-\*\*\*-\d{3} \d{2}/);
    expect(firstText).toMatch(/\d{3}-\d{3}-\d{3} \d{2}/);
    await page.getByLabel('Скрыть СНИЛС (копия для публикации)').uncheck();
  });

  await test.step('the package downloads as one zip with the manifest', async () => {
    const zipPath = await download(page, 'Записать на флешку (скачать архив)', 'package.zip');
    await expect(page.getByRole('status').filter({ hasText: 'скачан одним архивом' })).toContainText(
      '«Протокол № 12 от',
    );
    await expect(page.getByText(/можно извлекать/i)).toHaveCount(0);
    const entries = unzipSync(readFileSync(zipPath));
    const names = Object.keys(entries);
    const folder = names[0]!.split('/')[0]!;
    expect(folder).toMatch(/^Протокол № 12 от \d\d\.\d\d\.\d{4}$/);
    const out = join(dir, 'package');
    mkdirSync(join(out, folder), { recursive: true });
    for (const [name, bytes] of Object.entries(entries)) writeFileSync(join(out, name), bytes);
    const files = names.map((n) => n.slice(folder.length + 1));
    expect(files.slice(0, 10)).toEqual([
      'Протокол.pdf',
      'Итоги голосования.xlsx',
      'results.json',
      'Реестр (как учтён).xlsx',
      'Госуслуги (голоса, как учтены).xlsx',
      'Бюллетени (пакетный файл).csv',
      'meeting.json',
      'audit-head.json',
      'Скан 1 бюллетень 1.jpg',
      'Скан 2 бюллетень 2.jpg',
    ]);
    expect(files[10]).toMatch(/^Голос, копия .*\.golos-backup$/);
    expect(files[11]).toBe('manifest.sha256');
    const check = execFileSync('sha256sum', ['-c', 'manifest.sha256'], {
      cwd: join(out, folder),
      encoding: 'utf8',
    });
    expect(check.trim().split('\n')).toHaveLength(11);
    // The protocol's QR code (read from the page's pixels) names the package's results.json byte for byte.
    const resultsSha = execFileSync('sha256sum', ['results.json'], {
      cwd: join(out, folder),
      encoding: 'utf8',
    });
    expect(pageQrText(entries[`${folder}/Протокол.pdf`]!, 1)?.split('|')[1]).toBe(resultsSha.slice(0, 64));
    expect(check).not.toContain('FAILED');
    // The package's protocol is the one downloaded before: same figures, same hash.
    expect(pdfPageTexts(entries[`${folder}/Протокол.pdf`]!).join(' ')).toBe(firstText);
  });

  let backupPath = '';
  await test.step('automatic backups were made before the import and the export; back up to a file', async () => {
    await page.getByRole('button', { name: 'Резервные копии' }).click();
    const list = page.getByRole('table', { name: 'Автоматические копии' });
    await expect(list.getByRole('row', { name: /перед импортом/ })).toHaveCount(1);
    await expect(list.getByRole('row', { name: /перед выгрузкой протокола/ })).toHaveCount(1);
    backupPath = await download(page, 'Сохранить копию в файл', 'golos.golos-backup');
  });

  await test.step('wipe the database and restore the backup through the backup screen', async () => {
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.deleteDatabase('golos');
          req.onsuccess = () => resolve();
          req.onerror = () => reject(req.error);
        }),
    );
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Начало работы: товарищество' })).toBeVisible();
    await page.getByRole('button', { name: 'Резервные копии' }).click();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Восстановить из файла…' }).click(),
    ]);
    await chooser.setFiles(backupPath);
    await expect(page.getByRole('heading', { name: 'Восстановление из копии' })).toBeVisible();
    await expect(page.getByText('СНТ «Протокол»')).toBeVisible();
    await page.getByRole('button', { name: 'Восстановить', exact: true }).click();
    await expect(page.getByText('СНТ «Протокол»', { exact: true })).toBeVisible({ timeout: 60_000 });
  });

  await test.step('the same protocol again: same figures; the log goes on with the restore entry', async () => {
    await openProtocol(page);
    await expect(page.getByLabel('Номер протокола')).toHaveValue('12');
    const pdfPath = await download(page, 'Скачать PDF', 'protocol-2.pdf');
    const again = pdfPageTexts(readFileSync(pdfPath)).join(' ');
    // Everything but the audit head is the same; the head is the restore's entry, right after the old one.
    expect(again.replace(AUDIT_LINE, '')).toBe(firstText.replace(AUDIT_LINE, ''));
    expect(Number(AUDIT_LINE.exec(again)![1])).toBe(Number(AUDIT_LINE.exec(firstText)![1]) + 1);
    await page.getByRole('button', { name: 'Журнал изменений' }).click();
    await expect(
      page.getByRole('row', { name: new RegExp(AUDIT_ACTIONS['backup.restore'].label) }).first(),
    ).toBeVisible();
    await openProtocol(page);
    const xlsxPath = await download(page, 'Скачать XLSX', 'results-2.xlsx');
    await expectWorkbookEqualsResults(xlsxPath, results);
  });

  await test.step('an audit entry edited in IndexedDB: the check shows the break', async () => {
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('golos');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction('audit', 'readwrite');
      const store = tx.objectStore('audit');
      const req = store.get(2);
      req.onsuccess = () => store.put({ ...req.result, after: { ...req.result.after, added: 499 } });
      await new Promise<void>((resolve) => (tx.oncomplete = () => resolve()));
      db.close();
    });
    await page.getByRole('button', { name: 'Журнал изменений' }).click();
    await page.getByRole('button', { name: 'Проверить целостность' }).click();
    await expect(page.getByRole('alert')).toContainText(
      'Журнал изменений нарушен на записи № 2: содержимое записи изменено после её внесения.',
    );
    await openProtocol(page);
    await expect(
      page.getByRole('alert').filter({ hasText: 'Журнал изменений нарушен на записи № 2' }),
    ).toBeVisible();
  });
});
