/**
 * Small steps several e2e specs share: the first-run partnership form, choosing a file in the browser's
 * file chooser, importing a registry file through the registry screen, creating a meeting with its
 * agenda, saving a download.
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

/**
 * A new очно-заочная meeting of the partnership with its dates, session and counting commission filled
 * in and the given questions as its agenda; resolves with the meeting's id (the page shows the meeting).
 */
export async function createMixedMeeting(
  page: Page,
  title: string,
  questions: readonly string[],
): Promise<string> {
  await page.getByRole('button', { name: 'Собрания', exact: true }).click();
  await page.getByRole('button', { name: 'Создать собрание' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новое собрание' });
  await dialog.getByLabel('Название собрания').fill(title);
  await dialog.getByLabel('Форма проведения').selectOption({ label: 'очно-заочная' });
  await dialog.getByRole('button', { name: 'Создать' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const meetingId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
  const form = page.getByRole('form', { name: 'Сведения о собрании' });
  for (const [label, value] of [
    ['Начало голосования', '2026-11-15'],
    ['Окончание голосования', '2026-11-29'],
    ['Дата очной части', '2026-11-29'],
    ['Время очной части', '11:00'],
    ['Место очной части', 'Правление'],
    ['Адрес приёма бюллетеней', 'Правление товарищества'],
    ['Счётная комиссия', 'Иванова А. П.'],
  ] as const) {
    await form.getByLabel(label).fill(value);
  }
  await form.getByRole('button', { name: 'Сохранить сведения' }).click();
  await expect(page.getByText('Сведения о собрании сохранены.')).toBeVisible();
  for (const [i, text] of questions.entries()) {
    await page.getByRole('button', { name: 'Добавить вопрос' }).click();
    await page
      .getByRole('region', { name: `Вопрос ${i + 1}`, exact: true })
      .getByLabel('Формулировка вопроса')
      .fill(text);
  }
  await page.getByRole('button', { name: 'Сохранить повестку' }).click();
  await expect(page.getByText('Повестка сохранена.')).toBeVisible();
  return meetingId;
}
