/**
 * Two laptops, one count, end to end in Chromium on the built renderer: two browser contexts (each its
 * own IndexedDB, like two installs) hold the same meeting and keyed ballots of their own; one laptop
 * withdraws and corrects, the other withdraws a ballot the first corrected, and both key one voter
 * differently. Batch files go both ways in both orders (a clash found while importing is kept on
 * «Сверка» even when the import is cancelled); importing a file twice changes nothing; another
 * meeting's file is refused by its name. Both laptops end with the same ballots, figures and
 * fingerprint, and the clashes stay on «Сверка» until settled.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ballot, Mark, Person } from '../../shared/domain/types';
import { createRecord } from '../../shared/paper/ballotRecord';
import { voterRefOf } from '../../shared/paper/voterRef';
import { putRows } from '../fixtures/appDb';
import { makePersons } from '../fixtures/persons';
import { tempDirUntilExit } from '../fixtures/tempDir';
import { chooseFile, downloadFrom } from './helpers';
import { MEETING_ID, meetingOf, registryFile, seedApp } from './gosuslugiSeed';

const dir = tempDirUntilExit('golos-e2e-laptops-');
let registry: Person[] = [];
const { meeting } = meetingOf([
  { number: 1, text: 'Об утверждении отчёта правления' },
  { number: 2, text: 'Об утверждении сметы' },
]);

test.beforeAll(async () => {
  registry = (await registryFile(makePersons(12, 1616))).registry;
});

interface Laptop {
  page: Page;
  name: string;
}

/** A laptop: its own profile with the meeting, its name and the ballots keyed on it. */
async function laptop(
  browser: Browser,
  me: { id: string; name: string; operator: string },
  keyed: { person: number; marks: [Mark, Mark] }[],
): Promise<Laptop> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const rows = keyed.map(({ person, marks }, i) => {
    const p = registry[person]!;
    const ballot: Ballot = {
      id: `${me.id}-b${i + 1}`,
      channel: 'paper',
      voter: voterRefOf(p),
      copy: 'original',
      receivedAt: '2026-06-10',
      delivery: 'hand',
      voidReasons: [],
      marks: { 1: marks[0], 2: marks[1] },
      source: 'ввод',
    };
    const r = createRecord(ballot, {
      by: me.operator,
      at: `2026-06-10T1${i}:00:00+03:00`,
      laptop: { id: me.id, name: me.name },
    });
    if (!r.ok) throw new Error('record');
    return { ...r.value, meetingId: MEETING_ID, personId: p.id };
  });
  await seedApp(page, meeting, registry, rows);
  await putRows(page, {
    settings: [
      { key: 'laptop', value: { id: me.id, name: me.name, named: true } },
      { key: 'operator', value: me.operator },
    ],
  });
  await page.goto(`/#/meetings/${MEETING_ID}/entry`);
  await page.reload();
  await expect(page.getByText(`Этот ноутбук: «${me.name}»`)).toBeVisible();
  return { page, name: me.name };
}

async function exportFile(l: Laptop): Promise<string> {
  await l.page.getByRole('tab', { name: 'Ввод бюллетеней' }).click();
  const { path, download } = await downloadFrom(
    l.page,
    () => l.page.getByRole('button', { name: 'Выгрузить файл бюллетеней' }).click(),
    dir,
  );
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^Бюллетени .+ ${l.name} \\d{4}-\\d{2}-\\d{2} \\d{2}-\\d{2}\\.csv$`),
  );
  // Two exports of one minute would share a name: keep each under its own.
  const own = join(dir, `${l.name} ${Date.now()}.csv`);
  writeFileSync(own, readFileSync(path));
  return own;
}

/** Opens the file for import; returns the preview. */
async function openImport(l: Laptop, file: string) {
  await l.page.getByRole('tab', { name: 'Ввод бюллетеней' }).click();
  await chooseFile(l.page, file, 'Загрузить файл бюллетеней…');
  const plan = l.page.getByRole('region', { name: 'Загрузка файла бюллетеней' });
  await expect(plan).toBeVisible();
  return plan;
}

async function importAll(l: Laptop, file: string) {
  const plan = await openImport(l, file);
  await plan.getByRole('button', { name: 'Загрузить', exact: true }).click();
  await expect(l.page.getByText(/^Загружено из файла/)).toBeVisible();
}

async function reconcile(l: Laptop) {
  await l.page.getByRole('tab', { name: 'Сверка' }).click();
  const section = l.page.getByRole('region', { name: 'Обмен между ноутбуками' });
  await expect(section).toBeVisible();
  return section;
}

async function fingerprint(l: Laptop): Promise<string> {
  const section = await reconcile(l);
  return (await section.getByLabel('Отпечаток бюллетеней').textContent()) ?? '';
}

async function figures(l: Laptop): Promise<string> {
  await l.page.getByRole('tab', { name: 'Итоги' }).click();
  const quorum = l.page.getByRole('region', { name: 'Кворум' });
  await expect(quorum).toBeVisible();
  return ((await quorum.textContent()) ?? '').replace(/\s+/g, ' ');
}

/** A button of the ballot list, pressed from the keyboard as the desk is used. */
async function press(page: Page, button: string) {
  const b = page.getByRole('button', { name: button });
  await b.focus();
  await page.keyboard.press('Enter');
}

async function withdraw(l: Laptop, name: string, reason: string) {
  await l.page.getByRole('tab', { name: 'Ввод бюллетеней' }).click();
  await l.page.getByRole('searchbox', { name: 'Найти бюллетень' }).fill(name);
  await press(l.page, `Отозвать: ${name}`);
  const ask = l.page.getByRole('dialog');
  await ask.getByLabel('Причина').fill(reason);
  await ask.getByRole('button', { name: 'Отозвать' }).click();
  await expect(l.page.getByRole('button', { name: `Восстановить: ${name}` })).toBeVisible();
}

test.use({ actionTimeout: 30_000 });

test('two laptops: histories travel both ways, clashes stay on «Сверка» until settled, both end the same', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const name = (i: number) => registry[i]!.fullName;
  const A = await laptop(browser, { id: 'LA', name: 'Ноутбук 1', operator: 'Иванова А. П.' }, [
    { person: 0, marks: ['for', 'against'] },
    { person: 1, marks: ['for', 'for'] },
    { person: 2, marks: ['for', 'abstain'] },
    { person: 3, marks: ['for', 'for'] },
  ]);
  const B = await laptop(browser, { id: 'LB', name: 'Ноутбук 2', operator: 'Петров П. П.' }, [
    { person: 4, marks: ['against', 'for'] },
    { person: 5, marks: ['abstain', 'for'] },
    // The same paper ballot of person 3 keyed differently here.
    { person: 3, marks: ['against', 'for'] },
  ]);

  const a1 = await exportFile(A);
  await test.step('B imports A: four new ballots, one voter keyed differently goes to «Сверка»', async () => {
    const plan = await openImport(B, a1);
    await expect(plan).toContainText('Новых бюллетеней: 4;');
    await expect(plan).toContainText('расхождений: 1.');
    await expect(plan.getByRole('list', { name: 'Расхождения с файлом' })).toContainText(name(3));
    await plan.getByRole('button', { name: 'Загрузить', exact: true }).click();
    await expect(B.page.getByText(/^Загружено из файла/)).toBeVisible();
    const section = await reconcile(B);
    await expect(section).toContainText('Расхождения между ноутбуками: 1');
    const clash = section.getByRole('article', { name: `Расхождение между ноутбуками: ${name(3)}` });
    await expect(clash).toContainText('Иванова А. П., ноутбук «Ноутбук 1»');
    await expect(clash).toContainText('Петров П. П., ноутбук «Ноутбук 2»');
    await expect(section.getByRole('table', { name: 'Загрузки с других ноутбуков' })).toContainText(
      'Ноутбук 1',
    );
  });

  await test.step('A withdraws one ballot and corrects another; B withdraws the one A corrected', async () => {
    await withdraw(A, name(1), 'участник отозвал бюллетень');
    await A.page.getByRole('searchbox', { name: 'Найти бюллетень' }).fill(name(2));
    await press(A.page, `Исправить: ${name(2)}`);
    const ask = A.page.getByRole('dialog', { name: 'Исправление бюллетеня' });
    await ask.getByLabel('Причина').fill('опечатка в вопросе 1');
    await ask.getByRole('button', { name: 'Открыть для исправления' }).click();
    await expect(A.page.getByLabel('Голосующий')).toContainText(`Исправление: ${name(2)}`);
    await A.page.keyboard.press('2');
    await A.page.keyboard.press('End');
    await A.page.keyboard.press('Enter');
    await expect(A.page.getByRole('button', { name: `История: ${name(2)}` })).toBeVisible();
    await withdraw(B, name(2), 'бюллетень без подписи');
  });

  const a2 = await exportFile(A);
  const b1 = await exportFile(B);
  await test.step('B imports A: the withdrawal arrives as such; the clash is kept when the import is cancelled', async () => {
    const plan = await openImport(B, a2);
    await expect(plan).toContainText('отзывов: 1');
    await expect(plan).toContainText('расхождений: 1.');
    await expect(plan.getByRole('list', { name: 'Расхождения с файлом' })).toContainText(
      `${name(2)}: бюллетень изменён по-разному на двух ноутбуках`,
    );
    await plan.getByRole('button', { name: 'Отмена' }).click();
    await expect(B.page.getByText('Загрузка отменена; расхождений записано на «Сверку»: 1.')).toBeVisible();
    const section = await reconcile(B);
    await expect(section).toContainText('Расхождения между ноутбуками: 2');
    const clash = section.getByRole('article', { name: `Расхождение между ноутбуками: ${name(2)}` });
    await expect(clash).toContainText('отозван');
    await expect(clash).toContainText('№1: против');
    // The rest of the file is imported now; the clash is already here.
    const again = await openImport(B, a2);
    await expect(again).toContainText('отзывов: 1');
    await expect(again).toContainText('расхождений: 0.');
    await again.getByRole('button', { name: 'Загрузить', exact: true }).click();
    await expect(B.page.getByText(/^Загружено из файла/)).toBeVisible();
  });

  await test.step('A imports the older B file: B’s ballots and both clashes arrive', async () => {
    const plan = await openImport(A, b1);
    await expect(plan).toContainText('Новых бюллетеней: 3;');
    await expect(plan).toContainText('расхождений: 2.');
    await plan.getByRole('button', { name: 'Загрузить', exact: true }).click();
    await expect(A.page.getByText(/^Загружено из файла/)).toBeVisible();
    await expect(await reconcile(A)).toContainText('Расхождения между ноутбуками: 2');
  });

  await test.step('files both ways again: the same ballots, figures and fingerprint on both; twice changes nothing', async () => {
    const b2 = await exportFile(B);
    const a3 = await exportFile(A);
    for (const [l, f] of [
      [A, b2],
      [B, a3],
      [B, a1],
      [B, a2],
      [A, b1],
    ] as const) {
      const p = await openImport(l, f);
      await expect(p.getByRole('button', { name: 'Нечего загружать' })).toBeDisabled();
      if (f === a1) {
        // An older file of a laptop says so.
        await expect(p).toContainText('Этот файл старше уже загруженного с ноутбука «Ноутбук 1»');
      }
      await p.getByRole('button', { name: 'Отмена' }).click();
    }
    expect(await fingerprint(A)).toMatch(/^[2-9А-Я]{4}$/);
    expect(await fingerprint(A)).toBe(await fingerprint(B));
    expect(await figures(A)).toBe(await figures(B));
  });

  await test.step('another meeting’s file is refused by its name', async () => {
    const other = join(dir, 'Бюллетени другого собрания.csv');
    writeFileSync(
      other,
      readFileSync(a1, 'utf8').replace(
        /^(\uFEFF?Файл[^\n]*\nСобрание;)[^;]*;[^;]*;[^\r\n]*/,
        '$1Собрание СНТ «Другое»;01.02.2026;m-other',
      ),
    );
    await A.page.getByRole('tab', { name: 'Ввод бюллетеней' }).click();
    await chooseFile(A.page, other, 'Загрузить файл бюллетеней…');
    await expect(A.page.getByRole('alert')).toContainText(
      'Файл «Бюллетени другого собрания.csv» — из другого собрания: «Собрание СНТ «Другое»» (01.02.2026)',
    );
  });

  await test.step('A settles both clashes; after one more exchange B has them settled too', async () => {
    const section = await reconcile(A);
    const versions = section.getByRole('article', { name: `Расхождение между ноутбуками: ${name(2)}` });
    await versions
      .getByRole('row', { name: /Иванова А\. П\./ })
      .getByRole('button', { name: 'Верно это' })
      .click();
    await expect(section).toContainText('Расхождения между ноутбуками: 1');
    const voter = section.getByRole('article', { name: `Расхождение между ноутбуками: ${name(3)}` });
    await voter
      .getByRole('row', { name: /Петров П\. П\./ })
      .getByRole('button', { name: 'Верно это' })
      .click();
    await expect(section).toContainText('Расхождения между ноутбуками: 0');
    await expect(await reconcile(B)).toContainText('Расхождения между ноутбуками: 2');
    await importAll(B, await exportFile(A));
    await expect(await reconcile(B)).toContainText('Расхождения между ноутбуками: 0');
    expect(await fingerprint(A)).toBe(await fingerprint(B));
    expect(await figures(A)).toBe(await figures(B));
    await A.page.setViewportSize({ width: 1366, height: 768 });
    await (await reconcile(A)).screenshot({ path: join(dir, 'reconcile-laptops.png') });
  });
});
