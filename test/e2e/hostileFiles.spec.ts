/**
 * Every registry file of the bad-input corpus through the registry import screen in Chromium (built
 * renderer, real IndexedDB), one after another in one page: each ends within 60 s, refused with a
 * Russian message (in the dialog, or by the file picker for a type it does not take) or previewed; the
 * tab neither crashes nor shows a stack trace, the browser stays under 1.5 GB, and the stored registry,
 * partnership and audit trail are the same as before the file: read straight from IndexedDB after the
 * dialog is closed without importing, and after a reload when the file was refused. A crashed or hung
 * tab is recorded and replaced by a new one, so the summary covers every file. No Content Security
 * Policy violation is reported on the way (style-src has no 'unsafe-inline').
 */
import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readStore } from '../fixtures/appDb';
import { baseFiles, hostileCorpus, NAMES, type HostileFile } from '../fixtures/hostileCorpus';
import { tempDirUntilExit } from '../fixtures/tempDir';
import { browserPeakMb } from './browserMemory';
import { chooseFile, createPartnership, importRegistry } from './helpers';

const LIMIT_MS = 60_000;
const LIMIT_MB = 1536;
type Verdict = 'refused' | 'accepted' | 'crashed' | 'hung';
const STACK = /\n\s+at \S|\b(Range|Type|Syntax|Reference)Error\b|\bError:|Uncaught|Внутренняя ошибка/;

/** What IndexedDB holds that a refused or cancelled import must leave alone. */
async function stored(page: Page): Promise<string> {
  const stores = ['persons', 'partnership', 'audit'];
  return JSON.stringify(await Promise.all(stores.map((s) => readStore(page, s))));
}

test('every hostile registry file ends in a refusal or a preview and leaves the stored data as it was', async ({
  context,
}) => {
  test.setTimeout(1_200_000);
  const dir = tempDirUntilExit('golos-e2e-hostile-');
  const files = hostileCorpus().filter((f) => f.role === 'registry');
  const violations: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  let crashed = false;
  const open = async (): Promise<Page> => {
    const p = await context.newPage();
    p.on('console', (m) => {
      if (/Content Security Policy|unsafe-inline/i.test(m.text())) violations.push(m.text());
    });
    p.on('crash', () => (crashed = true));
    return p;
  };
  let page = await open();

  await createPartnership(page, { name: 'СНТ «Проверка»' });
  const base = join(dir, 'registry.xlsx');
  writeFileSync(base, baseFiles().registry.bytes);
  await importRegistry(page, base, NAMES.length);
  const before = await stored(page);

  const outcomes: { file: HostileFile; verdict: Verdict; ms: number; peakMb: number; why: string[] }[] = [];
  const started = Date.now();
  for (const file of files) {
    const path = join(dir, file.name);
    writeFileSync(path, file.bytes);
    const why: string[] = [];
    const count = page.getByRole('status', { name: 'Число людей' });
    const dialog = page.getByRole('dialog', { name: 'Импорт реестра из файла' });
    const refused = dialog.getByRole('alert').filter({ hasText: 'Реестр не изменён' });
    const previewed = dialog.getByRole('list', { name: 'Итоги сравнения с реестром' });
    // A file of a type the screen does not take (old XLS) is refused by the file picker, in a toast.
    const wrongType = page
      .getByRole('status')
      .filter({ hasText: 'не подходит' })
      .filter({ hasText: file.name });
    const t0 = Date.now();
    let verdict: Verdict;
    try {
      await chooseFile(page, path);
      await expect(refused.or(previewed).or(wrongType).first()).toBeVisible({ timeout: LIMIT_MS });
      verdict = (await previewed.count()) > 0 ? 'accepted' : 'refused';
    } catch (e) {
      verdict = crashed ? 'crashed' : 'hung';
      why.push(String(e).split('\n')[0]!);
    }
    const ms = Date.now() - t0;
    if (verdict === 'refused' || verdict === 'accepted') {
      if (STACK.test(await page.locator('body').innerText())) why.push('a stack trace on screen');
      if (verdict === 'refused') {
        const messages =
          (await wrongType.count()) > 0
            ? await wrongType.allInnerTexts()
            : await refused.getByRole('listitem').allInnerTexts();
        if (messages.length === 0 || !messages.every((m) => /[а-яё]/i.test(m)))
          why.push(`no Russian message: ${JSON.stringify(messages)}`);
        await page.reload();
      } else {
        await dialog.getByRole('button', { name: 'Отмена' }).click();
        await expect(dialog).toBeHidden();
      }
      await expect(count).toHaveText(`В реестре: ${NAMES.length}`);
      if ((await stored(page)) !== before) why.push('the stored data changed');
    } else {
      // A fresh tab for the next file; the stored data is checked there.
      await page.close().catch(() => undefined);
      crashed = false;
      page = await open();
      await page.goto('/');
      await expect(page.getByRole('status', { name: 'Число людей' })).toHaveText(
        `В реестре: ${NAMES.length}`,
      );
      if ((await stored(page)) !== before) why.push('the stored data changed');
    }
    const peakMb = browserPeakMb();
    if (peakMb >= LIMIT_MB) why.push(`browser over 1.5 GB (${peakMb} MB)`);
    outcomes.push({ file, verdict, ms, peakMb, why });
  }
  const wall = Date.now() - started;

  const summary: Record<Verdict, number> = { refused: 0, accepted: 0, crashed: 0, hung: 0 };
  for (const o of outcomes) summary[o.verdict]++;
  const slowest = [...outcomes].sort((a, b) => b.ms - a.ms)[0]!;
  console.log(
    `hostile registry files through the import screen: ${files.length} files in ${Math.round(wall / 1000)} s, ` +
      `${JSON.stringify(summary)}; slowest ${slowest.file.name} ${slowest.ms} ms; ` +
      `browser peak ${browserPeakMb()} MB\n` +
      outcomes.map((o) => `  ${o.file.name}: ${o.verdict} (${o.ms} ms, ${o.peakMb} MB)`).join('\n'),
  );

  await page.reload();
  const rows = page.getByRole('table', { name: 'Реестр участников' }).getByRole('row');
  await expect(rows).toHaveCount(NAMES.length + 1);
  for (const n of NAMES) await expect(rows.filter({ hasText: n })).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('registry-after.png') });
  // Every screen of the top bar renders under style-src 'self' without a violation.
  for (const screen of ['Товарищество', 'Собрания', 'Резервные копии', 'Журнал изменений', 'Реестр']) {
    await page.getByRole('button', { name: screen, exact: true }).click();
    await expect(page.getByRole('heading').first()).toBeVisible();
  }

  expect(files.length).toBeGreaterThanOrEqual(45);
  const failures = outcomes
    .filter((o) => o.why.length > 0 || o.verdict === 'crashed' || o.verdict === 'hung')
    .map((o) => `${o.file.name} (${o.file.about}): ${o.verdict}, ${o.ms} ms; ${o.why.join('; ')}`);
  expect(failures).toEqual([]);
  expect(violations).toEqual([]);
});
