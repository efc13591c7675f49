/**
 * The entry desk as the commission uses it at 11 pm (issue 15): a late ballot, a second ballot of the
 * same person and an in-person ballot with a representative registered at attendance, each warned about
 * at the moment of entry, with the operator's keystrokes counted; then screenshots of the registry, the
 * entry desk, the results and the protocol preview at 1366×768 and 1024×768 into test-results/.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Person } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import { createEntryContext, type EntryContext } from '../../shared/paper/entry/entryContext';
import {
  keysForBallot,
  keysToOpen,
  operatorKeystrokes,
  type BallotToType,
} from '../../shared/paper/entry/typeBallot';
import { readStore } from '../fixtures/appDb';
import { makePersons } from '../fixtures/persons';
import { largeRegistrySheet } from '../fixtures/registryLayouts';
import { writeRegistryXlsx } from '../fixtures/registryWriters';
import { tempDirUntilExit } from '../fixtures/tempDir';
import { createMixedMeeting, createPartnership, importRegistry } from './helpers';
import { pressKeys } from './pressKeys';

const dir = tempDirUntilExit('golos-e2e-desk-');
const registryFile = join(dir, 'registry-40.xlsx');
const shots = join('test-results', 'screens-15');
let persons: Person[];

test.beforeAll(async () => {
  persons = makePersons(40, 15, { contacts: false });
  writeFileSync(registryFile, await writeRegistryXlsx(largeRegistrySheet(persons, 'СНТ «Ромашка»')));
  mkdirSync(shots, { recursive: true });
});

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
];

async function screenshots(page: Page, name: string) {
  // Toasts closed first: the screen as it stays.
  const close = page.getByRole('button', { name: 'Закрыть уведомление' });
  // A toast may close by itself between the count and the click: then there is nothing to click.
  while ((await close.count()) > 0)
    await close
      .first()
      .click({ timeout: 5_000 })
      .catch(() => undefined);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(shots, `${name}-${size.width}x${size.height}.png`) });
    // The top bar is never cut: every navigation button and the operator field lie inside the window.
    for (const box of await page
      .locator('.topbar nav button, .topbar input')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right))) {
      expect(box, `top bar at ${size.width} px`).toBeLessThanOrEqual(size.width);
    }
    // The operator's name is shown whole (the field grows with it).
    const operator = page.locator('.operator input');
    expect(
      await operator.evaluate((e) => e.scrollWidth - e.clientWidth),
      'operator field cut',
    ).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize(SIZES[0]!);
}

/**
 * The registry at each size: no header or cell of the rendered rows is cut (its content overflows
 * neither across nor down), every row keeps the fixed height the virtual scroll counts on, the table
 * needs no sideways scrolling, and every «Удалить» lies inside the table's frame and the window.
 */
async function expectRegistryReadable(page: Page) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const found = await page.getByRole('table', { name: 'Реестр участников' }).evaluate((table) => {
      const frame = table.parentElement!.getBoundingClientRect();
      const cut: string[] = [];
      for (const el of table.querySelectorAll<HTMLElement>('th, th button, tbody tr:not(.spacer) td')) {
        if (el.clientWidth === 0) continue; // the columns that give way below 1280 px
        if (el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight)
          cut.push(el.textContent ?? '');
      }
      const rows = [...table.querySelectorAll('tbody tr:not(.spacer)')];
      const removeRight = [...table.querySelectorAll('button')]
        .filter((b) => b.textContent === 'Удалить')
        .map((b) => b.getBoundingClientRect().right);
      return {
        cut,
        rows: rows.length,
        heights: [...new Set(rows.map((r) => Math.round(r.getBoundingClientRect().height)))],
        sideways: table.scrollWidth - table.parentElement!.clientWidth,
        removeRight,
        frameRight: frame.right,
      };
    });
    const at = `registry at ${size.width} px`;
    expect(found.rows, at).toBeGreaterThan(10);
    expect(found.cut, `${at}: cut off`).toEqual([]);
    expect(found.heights, `${at}: row heights`).toEqual([36]);
    expect(found.sideways, `${at}: sideways scroll`).toBeLessThanOrEqual(0);
    expect(found.removeRight.length, at).toBe(found.rows);
    for (const right of found.removeRight) {
      expect(right, `${at}: «Удалить»`).toBeLessThanOrEqual(Math.min(found.frameRight, size.width));
    }
  }
  await page.setViewportSize(SIZES[0]!);
}

const area = (page: Page) => page.getByRole('group', { name: 'Ввод бюллетеня' });
const warnings = (page: Page) => page.getByRole('alert', { name: 'Предупреждения' });
const saved = (page: Page) => page.getByRole('status', { name: 'Сохранение' });

test('entry desk: a late ballot, a second ballot and an in-person ballot with a representative, each warned at entry', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize(SIZES[0]!);
  let meetingId = '';
  let registry: Person[] = [];
  let ctx: EntryContext;
  const questions = ['Председатель собрания', 'Отчёт правления', 'Смета на 2027 год'];
  const counted: string[] = [];
  const keyed = async (label: string, b: BallotToType, c = ctx) => {
    const keys = keysForBallot(c, b);
    await pressKeys(page, keys);
    counted.push(`${label}: ${operatorKeystrokes(keys)}`);
    return keys;
  };
  // Keys until the ballot is open: the plot's digits, and Enter only where the number is not one person's.
  const opening = (b: BallotToType, c = ctx) => keysToOpen(c, b).length;

  await test.step('partnership, registry, a meeting with 3 questions', async () => {
    await createPartnership(page, { name: 'СНТ «Ромашка»' });
    await importRegistry(page, registryFile, 40);
    await screenshots(page, 'registry');
    await expectRegistryReadable(page);
    // Areas in the Russian format, thousands apart: «1 000,00», never «1000,00».
    const areas = await page
      .getByRole('table', { name: 'Реестр участников' })
      .locator('tbody tr:not(.spacer) td:nth-child(4)')
      .allTextContents();
    expect(areas.filter((a) => /^\d\u00a0\d{3},\d\d/.test(a)).length, 'areas from 1 000 m²').toBeGreaterThan(
      0,
    );
    expect(
      areas.filter((a) => /\d{4},\d\d/.test(a)),
      'areas without the thousands apart',
    ).toEqual([]);
    meetingId = await createMixedMeeting(page, 'Общее собрание 2026', questions);
    const stored = (await readStore<Meeting>(page, 'meetings')).find((m) => m.id === meetingId)!;
    registry = (await readStore<Person & { nameKey?: string; plotNumbers?: string[] }>(page, 'persons')).map(
      ({ nameKey: _n, plotNumbers: _p, ...p }) => p,
    );
    ctx = createEntryContext({
      meeting: stored,
      meetingId,
      registry,
      defaults: { channel: 'paper', copy: 'original', receivedAt: '2026-11-29' },
    });
  });

  const members = () => registry.map((p, i) => [p, i] as const).filter(([p]) => p.status === 'member');
  const allFor = { 1: 'for', 2: 'for', 3: 'for' } as const;

  await test.step('a ballot received after the end of voting: «не будет учтён: получен 01.12, голосование окончено 29.11»', async () => {
    await page.goto(`/#/meetings/${encodeURIComponent(meetingId)}/entry`);
    await expect(area(page)).toBeFocused();
    // Dates in the Russian order whatever the browser's locale (the field is typed дд.мм.гггг).
    await expect(page.getByLabel('Дата получения')).toHaveValue(/^\d\d\.\d\d\.\d{4}$/);
    await page.getByLabel('Дата получения').fill('01.12.2026');
    await area(page).focus();
    const [, i] = members()[0]!;
    const late = createEntryContext({
      meeting: ctx.meeting,
      meetingId,
      registry,
      defaults: { channel: 'paper', copy: 'original', receivedAt: '2026-12-01' },
    });
    const b: BallotToType = { personIndex: i, marks: allFor, findBy: 'plot' };
    const keys = keysForBallot(late, b);
    const picked = opening(b, late);
    await pressKeys(page, keys.slice(0, picked));
    await expect(warnings(page)).toHaveText('Не будет учтён: получен 01.12, голосование окончено 29.11.');
    // The marks: the last one does not save a ballot with a warning; Enter does.
    await pressKeys(page, keys.slice(picked, -1));
    await expect(page.getByLabel('Сообщение ввода')).toContainText('бюллетень не сохранён сам');
    await expect(saved(page)).toContainText('Введено бюллетеней (бумажных): 0;');
    expect(keys.at(-1)!.key.key).toBe('Enter');
    await pressKeys(page, keys.slice(-1));
    counted.push(`late: ${operatorKeystrokes(keys)}`);
    await expect(saved(page)).toContainText('Введено бюллетеней (бумажных): 1;');
    await page.getByLabel('Дата получения').fill('29.11.2026');
    await area(page).focus();
  });

  await test.step('Tab and Shift+Tab never leave the desk for the navigation; Enter in a field goes back to the ballot', async () => {
    const inDesk = () => page.locator('.entry-desk').evaluate((d) => d.contains(document.activeElement));
    await page.getByLabel('Экземпляр').focus();
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await inDesk()).toBe(true);
    }
    await page.getByLabel('Экземпляр').focus();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await inDesk()).toBe(true);
    }
    await page.getByLabel('Дата получения').focus();
    await page.keyboard.press('Enter');
    await expect(area(page)).toBeFocused();
  });

  await test.step('a second ballot of the same person: «уже голосовал», saved only on a second Enter, listed as such', async () => {
    const [p, i] = members()[1]!;
    // An ordinary ballot: the plot's digits (Enter only if the number is not one person's), one key per
    // question, and the last mark saves it: at most questions + 3 keys.
    const plain = await keyed('plain', { personIndex: i, marks: allFor, findBy: 'plot' });
    expect(operatorKeystrokes(plain)).toBeLessThanOrEqual(questions.length + 3);
    expect(plain.at(-1)!.key.key).not.toBe('Enter');
    await expect(saved(page)).toContainText('Введено бюллетеней (бумажных): 2;');
    const b: BallotToType = {
      personIndex: i,
      marks: { ...allFor, 1: 'against' },
      findBy: 'plot',
      second: true,
    };
    const keys = keysForBallot(ctx, b);
    const picked = opening(b);
    await pressKeys(page, keys.slice(0, picked));
    await expect(warnings(page)).toHaveText(/^Уже голосовал: бумажный бюллетень, \d\d\.\d\d \(ввод: .+\)\.$/);
    await pressKeys(page, keys.slice(picked, -1));
    await expect(page.getByLabel('Сообщение ввода')).toContainText('Нажмите Enter ещё раз');
    await expect(saved(page)).toContainText('Введено бюллетеней (бумажных): 2;');
    await pressKeys(page, keys.slice(-1));
    counted.push(`second: ${operatorKeystrokes(keys)}`);
    await expect(saved(page)).toContainText('Введено бюллетеней (бумажных): 3;');
    const list = page.getByRole('region', { name: 'Введённые бюллетени' });
    await expect(list.getByRole('row', { name: p.fullName }).first()).toContainText(
      'второй бюллетень участника',
    );
    // The desk with a warning on screen.
    await keysForBallot(ctx, { personIndex: i, marks: allFor, findBy: 'plot' })
      .slice(0, picked)
      .reduce((acc, k) => acc.then(() => pressKeys(page, [k])), Promise.resolve());
    await expect(warnings(page)).toBeVisible();
    await screenshots(page, 'entry-desk');
    await page.keyboard.press('Escape');
  });

  await test.step('in person: the representative registered at attendance goes with the ballot; an unregistered voter is warned about', async () => {
    await page.goto(`/#/meetings/${encodeURIComponent(meetingId)}/session`);
    const [p, i] = members()[2]!;
    const form = page.getByRole('form', { name: 'Регистрация прибывшего' });
    await form.getByRole('searchbox', { name: 'Участник' }).fill(p.snils!);
    await page.keyboard.press('Enter');
    await expect(form.getByLabel('Время прибытия')).toBeFocused();
    await form.getByRole('checkbox', { name: 'представитель по доверенности' }).check();
    await form.getByLabel('ФИО представителя').fill('Петров Пётр Петрович');
    await form.getByLabel('Номер доверенности').fill('12');
    await form.getByLabel('Дата доверенности').fill('20.11.2026');
    await form.getByRole('button', { name: 'Зарегистрировать' }).click();
    await expect(page.getByRole('status', { name: 'Присутствуют' })).toContainText('Присутствуют: 1');

    const inPerson = createEntryContext({
      meeting: ctx.meeting,
      meetingId,
      registry,
      defaults: { channel: 'in_person', copy: 'original', receivedAt: '2026-11-29' },
    });
    await area(page).focus();
    const b: BallotToType = { personIndex: i, marks: allFor, findBy: 'plot' };
    const keys = keysForBallot(inPerson, b);
    const picked = opening(b, inPerson);
    await pressKeys(page, keys.slice(0, picked));
    await expect(page.getByLabel('Голосующий')).toContainText(
      'представитель Петров Пётр Петрович, доверенность № 12',
    );
    await expect(warnings(page)).toBeHidden();
    await pressKeys(page, keys.slice(picked));
    counted.push(`in person with representative: ${operatorKeystrokes(keys)}`);
    await expect(saved(page)).toContainText('Введено бюллетеней (очно): 1;');
    const stored = await readStore<{ versions: { ballot: { representative?: { fullName: string } } }[] }>(
      page,
      'paperBallots',
    );
    expect(
      stored.some((r) => r.versions.at(-1)!.ballot.representative?.fullName === 'Петров Пётр Петрович'),
    ).toBe(true);

    const [, j] = members()[3]!;
    await pressKeys(page, keysToOpen(inPerson, { personIndex: j, marks: allFor, findBy: 'plot' }));
    await expect(warnings(page)).toHaveText(
      'Не зарегистрирован как присутствующий на очной части: отметьте прибытие в листе регистрации.',
    );
    await page.keyboard.press('Escape');
  });

  await test.step('results and protocol preview screenshots', async () => {
    await page.goto(`/#/meetings/${encodeURIComponent(meetingId)}/results`);
    await expect(page.getByRole('region', { name: 'Кворум' })).toContainText('Бюллетеней в подсчёте: 3');
    await expect(page.getByRole('region', { name: 'Кворум' })).toContainText('не учтено: 1');
    await screenshots(page, 'results');
    await page.goto(`/#/meetings/${encodeURIComponent(meetingId)}/protocol`);
    await expect(page.getByRole('article', { name: 'Предпросмотр протокола' })).toBeVisible({
      timeout: 60_000,
    });
    await screenshots(page, 'protocol-preview');
  });

  test.info().annotations.push({ type: 'keystrokes', description: counted.join('; ') });
  console.log(`operator keystrokes: ${counted.join('; ')}`);
});
