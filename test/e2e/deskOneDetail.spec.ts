/**
 * One detail typed at the entry desk (issue 11): a plot held by one person opens their ballot although
 * plots starting with the same digits are listed; a plot of two co-owners names both and opens no one
 * until the operator presses Enter again or picks with ↓; a plot no one holds is refused even when a
 * longer number starts with it. Screenshots at 1366×768 into test-results/screens-11/.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Person } from '../../shared/domain/types';
import { largeRegistrySheet } from '../fixtures/registryLayouts';
import { writeRegistryXlsx } from '../fixtures/registryWriters';
import { tempDirUntilExit } from '../fixtures/tempDir';
import { createMixedMeeting, createPartnership, importRegistry } from './helpers';

const dir = tempDirUntilExit('golos-e2e-one-detail-');
const registryFile = join(dir, 'registry.xlsx');
const shots = join('test-results', 'screens-11');
const member = (id: string, fullName: string, plotNumber: string, share?: string): Person => ({
  id,
  fullName,
  status: 'member',
  holdings: [{ plotNumber, area: '600', ...(share ? { share } : {}) }],
});
const persons: Person[] = [
  member('a', 'Петров Пётр Петрович', '7'),
  member('b', 'Козлов Олег Иванович', '70'),
  member('c', 'Сидоров Антон Павлович', '21', '1/2'),
  member('d', 'Сидорова Белла Ивановна', '21', '1/2'),
  member('e', 'Орлов Глеб Сергеевич', '80'),
];

test.beforeAll(async () => {
  writeFileSync(registryFile, await writeRegistryXlsx(largeRegistrySheet(persons, 'СНТ «Ромашка»')));
  mkdirSync(shots, { recursive: true });
});

const area = (page: Page) => page.getByRole('group', { name: 'Ввод бюллетеня' });
const message = (page: Page) => page.getByLabel('Сообщение ввода');
const voter = (page: Page) => page.getByLabel('Голосующий');

test('one detail typed: a ballot opens only for the one person it names', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  let meetingId = '';
  await test.step('partnership, registry, a meeting with one question', async () => {
    await createPartnership(page, { name: 'СНТ «Ромашка»' });
    await importRegistry(page, registryFile, persons.length);
    meetingId = await createMixedMeeting(page, 'Общее собрание 2026', ['Смета на 2027 год']);
    await page.goto(`/#/meetings/${encodeURIComponent(meetingId)}/entry`);
    await expect(area(page)).toBeFocused();
  });

  await test.step('«7»: plot 7 has one holder, so Enter opens Петров although plot 70 is listed too', async () => {
    await page.keyboard.type('7');
    await expect(page.getByRole('listbox', { name: 'Найденные участники' }).getByRole('option')).toHaveCount(
      2,
    );
    await page.keyboard.press('Enter');
    await expect(voter(page)).toContainText('Петров Пётр Петрович');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  await test.step('«21»: two co-owners are named and no ballot opens; Enter again opens the highlighted one', async () => {
    await page.keyboard.type('21');
    await page.keyboard.press('Enter');
    await expect(message(page)).toContainText(
      'Участок (помещение) № 21 — у 2 участников реестра (Сидоров Антон Павлович, Сидорова Белла Ивановна)',
    );
    await expect(voter(page)).toHaveCount(0);
    await page.screenshot({ path: join(shots, 'desk-co-owners-1366x768.png') });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(voter(page)).toContainText('Сидорова Белла Ивановна');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  await test.step('«8»: no one holds plot 8; Орлов of plot 80 is not opened', async () => {
    await page.keyboard.type('8');
    await page.keyboard.press('Enter');
    await expect(message(page)).toContainText('Участок (помещение) № 8 не найден в реестре');
    await page.keyboard.press('Enter');
    await expect(voter(page)).toHaveCount(0);
    await page.screenshot({ path: join(shots, 'desk-no-plot-1366x768.png') });
  });
});
