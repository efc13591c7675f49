/**
 * A registry kept the way secretaries keep it gets in on the first try: 300 people with title rows, a
 * «Член СНТ (да/нет)» column, «инд.»/«н/ч» for gardeners, a status value the app does not know, two
 * СНИЛС failing their checksum and a row without a name. The user maps the value once, fixes the row in
 * place and imports with two warnings; a corrected file then shows who is added, who changes and who is
 * missing, by name; a meeting that fixed the registry before names those people too; the journal tells
 * it all in Russian, with the people of each import.
 */
import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Person } from '../../shared/domain/types';
import { formatSnils } from '../../shared/registry/snils';
import { makePersons, messyRegistry, personRows, spoilSnils } from '../fixtures/messyRegistry';
import { writeRegistryXlsx } from '../fixtures/registryWriters';
import { tempDirUntilExit } from '../fixtures/tempDir';
import { chooseFile, createPartnership } from './helpers';

const dir = tempDirUntilExit('golos-e2e-messy-');
const messyFile = join(dir, 'реестр-300.xlsx');
const correctedFile = join(dir, 'реестр-исправленный.xlsx');
const shots = process.env.E2E_SHOTS;
let source: Person[];
let nameRow = 0;
const UNKNOWN = [40, 41, 42, 43, 44];
const MEETING = 'Очередное общее собрание членов СНТ «Ромашка»';

test.beforeAll(async () => {
  source = makePersons(301, 1313);
  const messy = messyRegistry(source.slice(0, 300), {
    badSnils: [10, 20],
    emptyName: [30],
    unknownStatus: UNKNOWN,
  });
  nameRow = personRows(messy.sheet)[30]!;
  writeFileSync(messyFile, await writeRegistryXlsx(messy.sheet));
  // The corrected file: the СНИЛС fixed, the last person gone, a new one come; the unknown value stays.
  const corrected = messyRegistry([...source.slice(0, 299), source[300]!], { unknownStatus: UNKNOWN });
  writeFileSync(correctedFile, await writeRegistryXlsx(corrected.sheet));
});

const plots = (p: Person) => {
  const list = p.holdings.map((h) => h.plotNumber);
  return `(${list.length > 1 ? 'участки' : 'участок'} ${list.join(', ')})`;
};

test('a messy registry: map a value once, fix a row in place, import with warnings, named diff, journal', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await createPartnership(page, { name: 'СНТ «Ромашка»' });
  const dialog = page.getByRole('dialog', { name: 'Импорт реестра из файла' });
  const summary = dialog.getByRole('list', { name: 'Итоги сравнения с реестром' });

  await test.step('the unknown status value is shown once with its rows, and mapped', async () => {
    await chooseFile(page, messyFile);
    await expect(summary).toContainText('Людей в файле: 300', { timeout: 30_000 });
    // One line for the value, with the count of its rows (a person with two plots has two rows).
    const rows = UNKNOWN.reduce((n, i) => n + source[i]!.holdings.length, 0);
    await expect(dialog.getByText(new RegExp(`«арендатор» — ${rows} строк`))).toHaveCount(1);
    const errors = `Проблемы: ошибок ${rows + 1}, предупреждений 2`;
    await expect(dialog.getByRole('heading', { name: errors })).toBeVisible();
    if (shots) await page.screenshot({ path: join(shots, 'messy-1-preview.png') });
    await dialog
      .getByRole('combobox', { name: 'Что значит «арендатор»' })
      .selectOption('садовод без членства');
    await expect(dialog.getByRole('heading', { name: 'Проблемы: ошибок 1, предупреждений 2' })).toBeVisible();
  });

  await test.step('the row without a name is fixed in place', async () => {
    const row = dialog.getByRole('form', { name: `Строка ${nameRow}` });
    await expect(row).toContainText(`Строка ${nameRow}, поле «ФИО»: не заполнено.`);
    await row.getByLabel('ФИО').fill(source[30]!.fullName);
    await row.getByRole('button', { name: 'Проверить' }).click();
    await expect(dialog.getByRole('heading', { name: 'Проблемы: ошибок 0, предупреждений 2' })).toBeVisible();
    await expect(summary).toContainText('Добавится: 300');
    if (shots) await page.screenshot({ path: join(shots, 'messy-2-fixed.png') });
  });

  await test.step('import with two warnings', async () => {
    await dialog.getByRole('button', { name: 'Импортировать' }).click();
    await expect(page.getByText('Импорт завершён: добавлено 300, изменено 0, удалено 0.')).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByRole('status', { name: 'Число людей' })).toHaveText('В реестре: 300');
  });

  await test.step('a meeting fixes the registry for its count', async () => {
    await page.getByRole('button', { name: 'Собрания', exact: true }).click();
    await page.getByRole('button', { name: 'Создать собрание' }).click();
    const create = page.getByRole('dialog', { name: 'Новое собрание' });
    await create.getByLabel('Название собрания').fill(MEETING);
    await create.getByRole('button', { name: 'Создать' }).click();
    await page.getByRole('button', { name: 'Начать голосование — зафиксировать реестр' }).click();
    await page
      .getByRole('dialog', { name: 'Зафиксировать реестр для подсчёта?' })
      .getByRole('button', { name: 'Зафиксировать реестр' })
      .click();
    await expect(page.getByRole('status', { name: 'Снимок реестра' })).toContainText('300 человек');
    await page.getByRole('button', { name: 'Реестр', exact: true }).click();
  });

  await test.step('the corrected file: who is added, who changes, who is missing, by name', async () => {
    await chooseFile(page, correctedFile);
    await expect(summary).toContainText('Людей в файле: 300');
    // The value mapped in the first import is remembered: nothing to ask.
    await expect(dialog.getByRole('combobox', { name: 'Что значит «арендатор»' })).toHaveCount(0);
    await expect(dialog.getByRole('heading', { name: 'Проблемы: ошибок 0, предупреждений 0' })).toBeVisible();
    const added = source[300]!;
    await expect(dialog.getByRole('list', { name: 'Добавятся' })).toHaveText(
      `${added.fullName} ${plots(added)}`,
    );
    const changed = dialog.getByRole('list', { name: 'Изменятся' });
    for (const i of [10, 20]) {
      const p = source[i]!;
      await expect(changed).toContainText(`${p.fullName} ${plots(p)}`);
      await expect(changed).toContainText(
        `СНИЛС: ${formatSnils(spoilSnils(p.snils!))} → ${formatSnils(p.snils!)}`,
      );
    }
    const gone = source[299]!;
    await expect(dialog.getByRole('list', { name: 'Нет в файле' })).toHaveText(
      `${gone.fullName} ${plots(gone)}`,
    );
    await dialog.getByLabel('Удалить из реестра тех, кого нет в файле (1)').check();
    await expect(dialog.getByRole('list', { name: 'Удалятся из реестра' })).toHaveText(
      `${gone.fullName} ${plots(gone)}`,
    );
    if (shots) await page.screenshot({ path: join(shots, 'messy-3-diff.png') });
    await dialog.getByRole('button', { name: 'Импортировать' }).click();
    await expect(page.getByText('Импорт завершён: добавлено 1, изменено 2, удалено 1.')).toBeVisible({
      timeout: 30_000,
    });
  });

  await test.step('the meeting names who changed in the registry since it was fixed', async () => {
    await page.getByRole('button', { name: 'Собрания', exact: true }).click();
    await page.getByRole('button', { name: MEETING, exact: true }).click();
    const drift = page.getByRole('region', { name: 'Изменения реестра после снимка' });
    await expect(drift).toContainText('добавлено 1, удалено 1, изменено 2');
    const added = source[300]!;
    await expect(drift.getByRole('list', { name: 'Добавлены' })).toHaveText(
      `${added.fullName} ${plots(added)}`,
    );
    const changed = drift.getByRole('list', { name: 'Изменены' });
    for (const i of [10, 20]) {
      const p = source[i]!;
      await expect(changed).toContainText(`${p.fullName} ${plots(p)}`);
      await expect(changed).toContainText(
        `СНИЛС: ${formatSnils(spoilSnils(p.snils!))} → ${formatSnils(p.snils!)}`,
      );
    }
    const gone = source[299]!;
    await expect(drift.getByRole('list', { name: 'Удалены из реестра' })).toHaveText(
      `${gone.fullName} ${plots(gone)}`,
    );
    await drift.scrollIntoViewIfNeeded();
    if (shots) await page.screenshot({ path: join(shots, 'messy-4-drift.png') });
  });

  await test.step('the journal tells the imports in Russian', async () => {
    await page.getByRole('button', { name: 'Журнал изменений' }).click();
    const journal = page.getByRole('table', { name: 'Записи журнала' });
    await expect(journal).toContainText('Импортирован реестр');
    await expect(journal).toContainText('Файл «реестр-300.xlsx»');
    await expect(journal).toContainText('Добавлено: 300');
    await expect(journal).toContainText('Файл «реестр-исправленный.xlsx»');
    await expect(journal).toContainText('Запомнены значения статуса для импорта');
    await expect(journal).not.toContainText('import.registry');
    // Who, by name and plot: the people of the second import, each changed one with its fields.
    const added = source[300]!;
    const gone = source[299]!;
    await expect(journal).toContainText(`Добавлены (1): ${added.fullName} ${plots(added)}`);
    await expect(journal).toContainText(`Удалены (1): ${gone.fullName} ${plots(gone)}`);
    for (const i of [10, 20]) {
      const p = source[i]!;
      await expect(journal).toContainText(
        `Изменены данные: ${p.fullName} ${plots(p)} — СНИЛС: ${formatSnils(spoilSnils(p.snils!))} → ${formatSnils(p.snils!)}`,
      );
    }
    await expect(journal).toContainText(`Добавлены (300): ${source[0]!.fullName} ${plots(source[0]!)}`);
    if (shots) await page.screenshot({ path: join(shots, 'messy-5-journal.png') });
  });
});
