/**
 * The integrity check keeps the window responsive on the benchmark's data (test/bench/
 * integrityBrowserBench): a registry of 10,000 persons in one entry (as an import writes it) and a
 * 40-question meeting's 25,000 ballots in entries of 500. The chain is hashed and the data compared with
 * the log in a Web Worker (renderer/audit/integrity.worker.ts). Recorded while the check runs: the page's long tasks
 * and frame gaps (wall time, which a loaded machine stretches) and, from Chromium's trace, each
 * main-thread task's CPU time, which is asserted under 100 ms.
 */
import { expect, test, type Page } from '@playwright/test';
import { toPersonRecord } from '../../renderer/db/personRecord';
import { putAuditedRows, putRows, readStore } from '../fixtures/appDb';
import { meetingRecords } from '../fixtures/meetingRecords';
import { waitForDailyBackup } from '../bench/browserKit';
import { makeTallyData } from '../bench/tallyData';
import { recordMainThread } from './mainThreadCpu';

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

test('the check of 10,000 persons and 25,000 ballots never holds the main thread 100 ms', async ({
  page,
}) => {
  test.setTimeout(1_500_000);
  const { registry, meeting: spec, ballots } = makeTallyData(10_000, 40, 7);
  const now = new Date().toISOString();
  const records = meetingRecords(spec, ballots, { meetingId: 'big', partnershipId: 'p' });
  expect(ballots.length).toBeGreaterThan(24_000);
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
  expect(JSON.stringify(registryEntry).length).toBeGreaterThan(2_500_000);
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

  const button = page.getByRole('button', { name: 'Проверить целостность' });
  const result = page.getByText(/Данные совпадают с журналом/);
  await startRecording(page);
  const stopTrace = await recordMainThread(page);
  await button.click();
  await expect(page.getByRole('status').filter({ hasText: 'Проверка…' })).toBeVisible();
  await expect(result).toBeVisible({ timeout: 600_000 });
  await expect(button).toBeEnabled();
  const cpu = await stopTrace();
  const seen = await stopRecording(page);
  console.log(`integrity check main thread: ${JSON.stringify({ ...seen, ...cpu })}`);

  await expect(page.getByText(new RegExp(`Цепочка цела, ${entries} запис`))).toBeVisible();
  const checked = registry.length + records.paperBallots.length + records.gosuslugiImports.length + 1;
  await expect(result).toContainText(
    `проверено записей — ${checked.toLocaleString('ru-RU').replace(/\s/g, ' ')}`,
  );
  expect(seen.frames).toBeGreaterThan(10);
  expect(cpu.tasks).toBeGreaterThan(10);
  // The work the page itself does in any one task (its thread's CPU time) stays under 100 ms; the wall
  // time of a task is logged above: on the shared 2-core machine it also holds the waits for a core.
  expect(cpu.longestCpuMs).toBeLessThan(100);
});
