/**
 * The integrity check keeps the window responsive on a large audit trail: 18,000 registry persons in one
 * entry (about 5 MB, as an import writes it) and a meeting's ballots in entries of 500. The chain is
 * hashed and the data compared with the log in a Web Worker (renderer/audit/integrity.worker.ts); this
 * spec records the page's long tasks (PerformanceObserver 'longtask') and animation-frame gaps while
 * «Проверить целостность» runs, and asserts the result is the same as the check on the main thread gave.
 */
import { expect, test, type Page } from '@playwright/test';
import { toPersonRecord } from '../../renderer/db/personRecord';
import { putAuditedRows, putRows, readStore } from '../fixtures/appDb';
import { meetingRecords } from '../fixtures/meetingRecords';
import { waitForDailyBackup } from '../bench/browserKit';
import { makeTallyData } from '../bench/tallyData';

/** Starts recording long tasks and frame gaps in the page. */
function startRecording(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __frames: number[]; __stop: boolean };
    Object.assign(w, { __long: [], __frames: [], __stop: false });
    new PerformanceObserver((list) => {
      if (!w.__stop) for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask' });
    const tick = (t: number) => {
      w.__frames.push(t);
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

function stopRecording(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __frames: number[]; __stop: boolean };
    w.__stop = true;
    let maxGap = 0;
    for (let i = 1; i < w.__frames.length; i++)
      maxGap = Math.max(maxGap, w.__frames[i]! - w.__frames[i - 1]!);
    return {
      longest: Math.max(0, ...w.__long),
      longTasks: w.__long.length,
      maxGap,
      frames: w.__frames.length,
    };
  });
}

test('the check of a 5 MB audit entry runs off the main thread: no long task of half a second or more', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const { registry, meeting: spec, ballots } = makeTallyData(18_000, 20, 7);
  const now = new Date().toISOString();
  const records = meetingRecords(spec, ballots.slice(0, 2_000), { meetingId: 'big', partnershipId: 'p' });
  await page.goto('/');
  await page.getByRole('heading', { name: 'Начало работы: товарищество' }).waitFor();
  await putRows(page, {
    partnership: [{ id: 'p', name: 'СНТ «Замер»', kind: 'snt', address: '', createdAt: now, updatedAt: now }],
  });
  const registryEntry = await putAuditedRows(
    page,
    { persons: registry.map(toPersonRecord), meetings: [records.meeting] },
    'import.registry',
  );
  expect(JSON.stringify(registryEntry).length).toBeGreaterThan(4_800_000);
  await putAuditedRows(page, { gosuslugiImports: records.gosuslugiImports }, 'gosuslugi.import');
  for (let i = 0; i < records.paperBallots.length; i += 500) {
    await putAuditedRows(page, { paperBallots: records.paperBallots.slice(i, i + 500) }, 'ballot.enter');
  }
  const entries = (await readStore<unknown>(page, 'audit')).length;
  await page.goto('/#/audit');
  await page.reload();
  await page.getByRole('heading', { name: 'Журнал изменений' }).waitFor();
  // The daily automatic backup (3 s after the start) is main-thread work of its own: let it finish first.
  await waitForDailyBackup(page);
  await page.waitForTimeout(1_000);

  await startRecording(page);
  await page.getByRole('button', { name: 'Проверить целостность' }).click();
  await expect(page.getByText(/Данные совпадают с журналом/)).toBeVisible({ timeout: 300_000 });
  const seen = await stopRecording(page);
  console.log(`integrity check main thread: ${JSON.stringify(seen)}`);

  await expect(page.getByText(new RegExp(`Цепочка цела, ${entries} запис`))).toBeVisible();
  const checked = registry.length + records.paperBallots.length + records.gosuslugiImports.length + 1;
  await expect(page.getByText(/Данные совпадают с журналом/)).toContainText(
    `проверено записей — ${checked.toLocaleString('ru-RU').replace(/\s/g, ' ')}`,
  );
  expect(seen.frames).toBeGreaterThan(10);
  // Runs have shown no long task at all and, on the loaded 2-core machine, two of about 190 ms whose
  // source is not the hashing (see the note); the frozen window was one task of 2.2 s.
  expect(seen.longest).toBeLessThan(500);
  // Frame gaps also take in the rest of a busy machine; the frozen window was 2.2 s.
  expect(seen.maxGap).toBeLessThan(1_000);
});
