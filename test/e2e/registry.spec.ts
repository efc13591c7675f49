/**
 * The registry, end to end in Chromium on the built renderer: create the partnership, import a 500-person
 * XLSX with title rows (fixing a column the import cannot guess), search, edit, reload and find it all
 * kept, refuse a broken file without touching the registry, export to XLSX and read the file back.
 */
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Person } from '../../shared/domain/types';
import { formatSnils } from '../../shared/registry/snils';
import { makePersons } from '../fixtures/persons';
import { largeRegistrySheet } from '../fixtures/registryLayouts';
import { writeRegistryXlsx } from '../fixtures/registryWriters';
import { tempDirUntilExit } from '../fixtures/tempDir';

const dir = tempDirUntilExit('golos-e2e-registry-');
const registryFile = join(dir, 'registry-500.xlsx');
const brokenFile = join(dir, 'broken.xlsx');
let persons: Person[];

test.beforeAll(async () => {
  persons = makePersons(500, 500);
  // Phones sit under «Контакты», a header the import does not guess: the user maps it in the preview.
  const bytes = await writeRegistryXlsx(largeRegistrySheet(persons, 'СНТ «Большое-500»', 'Контакты'));
  writeFileSync(registryFile, bytes);
  writeFileSync(brokenFile, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
});

async function chooseFile(page: Page, path: string, button = 'Импорт из файла…') {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: button }).click(),
  ]);
  await chooser.setFiles(path);
}

const table = (page: Page) => page.getByRole('table', { name: 'Реестр участников' });

test('registry: create, import with a fixed mapping, search, edit, reload, broken file, export', async ({
  page,
}) => {
  const sample = persons[42]!;
  const count = page.getByRole('status', { name: 'Число людей' });

  await test.step('first run: create the partnership', async () => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Начало работы: товарищество' })).toBeVisible();
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect(page.getByText('Укажите название товарищества.')).toBeVisible();
    await page.getByLabel('Название').fill('СНТ «Большое»');
    await page.getByLabel('ИНН').fill('7707083893');
    await page.getByLabel('Адрес').fill('Московская обл., Раменский р-н');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect(page.getByRole('heading', { name: 'Реестр участников' })).toBeVisible();
    await expect(count).toHaveText('В реестре: 0');
  });

  await test.step('import 500 persons, mapping the phone column by hand', async () => {
    await chooseFile(page, registryFile);
    const dialog = page.getByRole('dialog', { name: 'Импорт реестра из файла' });
    const summary = dialog.getByRole('list', { name: 'Итоги сравнения с реестром' });
    await expect(summary).toContainText('Людей в файле: 500');
    await expect(dialog.getByLabel('Строка заголовка')).toHaveValue('4');
    await expect(dialog.getByLabel('ФИО', { exact: true })).toHaveValue('1');
    const phone = dialog.getByLabel('Телефон', { exact: true });
    await expect(phone).toHaveValue('');
    const preview = dialog.getByRole('table', { name: 'Первые строки файла' });
    await expect(preview.getByRole('columnheader', { name: /Контакты/ })).toContainText('не загружается');

    await phone.selectOption({ label: 'L: Контакты' });
    await expect(preview.getByRole('columnheader', { name: /Контакты/ })).toContainText('→ Телефон');
    await expect(summary).toContainText('Добавится: 500');
    await expect(dialog.getByRole('heading', { name: 'Проблемы: ошибок 0, предупреждений 0' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Импортировать' }).click();
    await expect(page.getByText('Импорт завершён: добавлено 500, изменено 0, удалено 0.')).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(count).toHaveText('В реестре: 500');
  });

  await test.step('importing the same file again changes nothing', async () => {
    await chooseFile(page, registryFile);
    const dialog = page.getByRole('dialog', { name: 'Импорт реестра из файла' });
    await expect(dialog.getByText('Изменений нет: реестр уже совпадает с файлом.')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Импортировать' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Отмена' }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('search by name, plot number and СНИЛС', async () => {
    const search = page.getByLabel('Поиск');
    await search.fill(sample.fullName);
    await expect(count).toHaveText('Найдено: 1 из 500');
    const row = table(page).getByRole('row', { name: new RegExp(sample.fullName) });
    await expect(row).toContainText(sample.phone!);
    await expect(row).toContainText(formatSnils(sample.snils!));
    await search.fill(formatSnils(sample.snils!));
    await expect(count).toHaveText('Найдено: 1 из 500');
    await search.fill(sample.holdings[0]!.plotNumber);
    await expect(table(page).getByRole('row').nth(1)).toContainText(sample.fullName);
    await search.fill('');
    await expect(count).toHaveText('В реестре: 500');
  });

  await test.step('at 1366×768 the end of the list is drawn in place, long contacts included', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const scroller = page.locator('.table-scroll');
    const toEnd = () => scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    const lastRow = table(page).locator('tbody tr[aria-rowindex="501"]');
    await toEnd();
    await expect(lastRow).toBeVisible();
    // Contacts that would take three lines of the 11rem column: phone and a long e-mail.
    const name = (await lastRow.getByRole('cell').first().textContent())!;
    await lastRow.getByRole('button', { name: `Изменить: ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Изменить: ${name}` });
    const email = 'konstantin.konstantinopolsky.predsedatel.komissii@example.ru';
    await dialog.getByLabel('Эл. почта').fill(email);
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await expect(dialog).toBeHidden();
    await toEnd();
    await expect(lastRow.getByRole('cell').nth(6)).toHaveAttribute('title', new RegExp(email));
    // Every drawn row is one fixed height, each starts where the one above ends, and the last one
    // sits wholly inside the scroll area, at the bottom of the scrolled content.
    const layout = await scroller.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const rows = [...el.querySelectorAll('tbody tr:not(.spacer)')].map((r) => r.getBoundingClientRect());
      return {
        heights: [...new Set(rows.map((r) => Math.round(r.height)))],
        gaps: rows.slice(1).map((r, i) => Math.round(r.top - rows[i]!.bottom)),
        lastBottom: rows.at(-1)!.bottom,
        boxBottom: box.bottom,
        slack: el.scrollHeight - el.scrollTop - el.clientHeight,
      };
    });
    expect(layout.heights).toEqual([36]);
    expect(new Set(layout.gaps)).toEqual(new Set([0]));
    expect(layout.lastBottom).toBeLessThanOrEqual(layout.boxBottom);
    expect(layout.boxBottom - layout.lastBottom).toBeLessThan(36);
    expect(layout.slack).toBeLessThan(1);
    await page.screenshot({ path: join(dir, 'registry-end-1366.png') });
    await scroller.evaluate((el) => (el.scrollTop = 0));
  });

  await test.step('edit one person', async () => {
    await page.getByLabel('Поиск').fill(sample.fullName);
    await page.getByRole('button', { name: `Изменить: ${sample.fullName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Изменить: ${sample.fullName}` });
    await dialog.getByLabel('Телефон').fill('+7 999 000-00-42');
    await dialog.getByLabel('Примечание').fill('Сменил телефон');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await expect(dialog).toBeHidden();
    await expect(table(page).getByRole('row', { name: new RegExp(sample.fullName) })).toContainText(
      '+7 999 000-00-42',
    );
  });

  await test.step('reload: the partnership, all 500 and the edit are kept', async () => {
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Реестр участников' })).toBeVisible();
    await expect(page.getByText('СНТ «Большое»', { exact: true })).toBeVisible();
    await expect(count).toHaveText('В реестре: 500');
    await page.getByLabel('Поиск').fill(sample.fullName);
    await expect(table(page).getByRole('row', { name: new RegExp(sample.fullName) })).toContainText(
      '+7 999 000-00-42',
    );
    await page.getByLabel('Поиск').fill('');
  });

  await test.step('a broken file is refused and the registry stays as it was', async () => {
    await chooseFile(page, brokenFile);
    const dialog = page.getByRole('dialog', { name: 'Импорт реестра из файла' });
    await expect(dialog.getByRole('alert')).toContainText(
      'Файл «broken.xlsx» не импортирован. Реестр не изменён.',
    );
    await expect(dialog.getByRole('button', { name: 'Импортировать' })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Закрыть', exact: true }).click();
    await page.reload();
    await expect(count).toHaveText('В реестре: 500');
    await page.getByLabel('Поиск').fill(sample.fullName);
    await expect(table(page).getByRole('row', { name: new RegExp(sample.fullName) })).toContainText(
      '+7 999 000-00-42',
    );
    await page.getByLabel('Поиск').fill('');
  });

  await test.step('export to XLSX holds the 500 persons', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Экспорт в XLSX' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Реестр \d{4}-\d{2}-\d{2}\.xlsx$/);
    const path = join(dir, 'export.xlsx');
    await download.saveAs(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const ws = workbook.worksheets[0]!;
    let headerRow = 0;
    ws.eachRow((row, n) => {
      if (!headerRow && row.getCell(2).value === 'ФИО') headerRow = n;
    });
    expect(headerRow).toBeGreaterThan(0);
    const header = (ws.getRow(headerRow).values as unknown[]).map(String);
    const col = (name: string) => header.indexOf(name);
    const names = new Set<string>();
    const snilses = new Set<string>();
    let editedPhone = '';
    for (let r = headerRow + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const name = String(row.getCell(col('ФИО')).value ?? '');
      if (!name) continue;
      names.add(name);
      snilses.add(String(row.getCell(col('СНИЛС')).value ?? ''));
      if (name === sample.fullName) editedPhone = String(row.getCell(col('Телефон')).value ?? '');
    }
    expect(names.size).toBe(500);
    expect(snilses).toEqual(new Set(persons.map((p) => formatSnils(p.snils!))));
    expect(editedPhone).toBe('+7 999 000-00-42');
  });
});
