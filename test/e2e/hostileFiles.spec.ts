/**
 * Hostile files through the registry import screen in Chromium (built renderer): a representative part
 * of the bad-input corpus is picked one file after another; each is refused with a Russian message or
 * previewed, the dialog is closed, and the stored registry is the same after a reload. No Content
 * Security Policy violation is reported on the way (style-src has no 'unsafe-inline').
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseFiles, hostileCorpus, NAMES } from '../fixtures/hostileCorpus';
import { chooseFile, createPartnership, importRegistry } from './helpers';

const PICKED = [
  'row-50000000.xlsx',
  'cell-ZZZZZZ9.xlsx',
  'merge-A2000000.xlsx',
  'merge-A8-XFD1048576.xlsx',
  'cells-budget.xlsx',
  'inflate-1200MB.xlsx',
  'inflate-lying-small.xlsx',
  'parts-10001.xlsx',
  'truncated.xlsx',
  'xml-entities.xlsx',
  'registry-formulas.csv',
  'registry-zwj.xlsx',
  'registry-nul.xlsx',
  'registry-bidi.csv',
  'registry-1MB-name.xlsx',
  'registry-cp1251.csv',
  'registry-unclosed-quote.csv',
  'registry-binary.csv',
  'registry-huge-line.csv',
];

test('hostile registry files never change the stored registry and raise no CSP violation', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const dir = mkdtempSync(join(tmpdir(), 'golos-e2e-hostile-'));
  const corpus = new Map(hostileCorpus().map((f) => [f.name, f]));
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|unsafe-inline/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });

  await createPartnership(page, { name: 'СНТ «Проверка»' });
  const base = join(dir, 'registry.xlsx');
  writeFileSync(base, baseFiles().registry.bytes);
  await importRegistry(page, base, NAMES.length);

  const count = page.getByRole('status', { name: 'Число людей' });
  const dialog = page.getByRole('dialog', { name: 'Импорт реестра из файла' });
  const outcomes: string[] = [];
  for (const name of PICKED) {
    const file = corpus.get(name)!;
    const path = join(dir, name);
    writeFileSync(path, file.bytes);
    await chooseFile(page, path);
    await expect(dialog).toBeVisible();
    const refused = dialog.getByRole('alert').filter({ hasText: 'Реестр не изменён' });
    const previewed = dialog.getByRole('list', { name: 'Итоги сравнения с реестром' });
    await expect(refused.or(previewed).first()).toBeVisible({ timeout: 60_000 });
    outcomes.push(`${name}: ${(await refused.count()) > 0 ? 'refused' : 'previewed'}`);
    if ((await refused.count()) > 0) await expect(refused).toContainText(/[а-яё]/);
    await dialog
      .getByRole('button', { name: /^(Закрыть|Отмена)$/ })
      .first()
      .click();
    await expect(dialog).toBeHidden();
    await expect(count).toHaveText(`В реестре: ${NAMES.length}`);
  }
  console.log(outcomes.join('\n'));

  await page.reload();
  await expect(count).toHaveText(`В реестре: ${NAMES.length}`);
  const rows = page.getByRole('table', { name: 'Реестр участников' }).getByRole('row');
  await expect(rows).toHaveCount(NAMES.length + 1);
  for (const n of NAMES) await expect(rows.filter({ hasText: n })).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('registry-after.png') });
  // Every screen of the top bar renders under style-src 'self' without a violation.
  for (const screen of ['Товарищество', 'Собрания', 'Резервные копии', 'Журнал изменений', 'Реестр']) {
    await page.getByRole('button', { name: screen, exact: true }).click();
    await expect(page.getByRole('heading').first()).toBeVisible();
  }
  expect(violations).toEqual([]);
});
