/**
 * Small steps several e2e specs share: the first-run partnership form, choosing a file in the browser's
 * file chooser, importing a registry file through the registry screen, saving a download.
 */
import { expect, type Download, type Page } from '@playwright/test';
import { join } from 'node:path';

/** Presses `button` and gives the file chooser it opens the file at `path`. */
export async function chooseFile(page: Page, path: string, button = 'Импорт из файла…'): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: button }).click(),
  ]);
  await chooser.setFiles(path);
}

/** First run: fills in the partnership form and lands on the (empty) registry. */
export async function createPartnership(
  page: Page,
  p: { name: string; inn?: string; address?: string },
): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Начало работы: товарищество' })).toBeVisible();
  await page.getByLabel('Название').fill(p.name);
  if (p.inn) await page.getByLabel('ИНН').fill(p.inn);
  if (p.address) await page.getByLabel('Адрес').fill(p.address);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('heading', { name: 'Реестр участников' })).toBeVisible();
}

/** Imports a registry file whose columns the import recognises by itself; expects `count` new persons. */
export async function importRegistry(page: Page, path: string, count: number): Promise<void> {
  await page.getByRole('button', { name: 'Реестр', exact: true }).click();
  await chooseFile(page, path);
  const dialog = page.getByRole('dialog', { name: 'Импорт реестра из файла' });
  await expect(dialog.getByRole('list', { name: 'Итоги сравнения с реестром' })).toContainText(
    `Добавится: ${count}`,
  );
  await dialog.getByRole('button', { name: 'Импортировать' }).click();
  await expect(page.getByText(`Импорт завершён: добавлено ${count}, изменено 0, удалено 0.`)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status', { name: 'Число людей' })).toHaveText(`В реестре: ${count}`);
}

/** Clicks `button` and saves the download it starts into `dir`; returns the path. */
export async function downloadFrom(
  page: Page,
  click: () => Promise<void>,
  dir: string,
  timeout = 60_000,
): Promise<{ path: string; download: Download }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout }), click()]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return { path, download };
}
