// @vitest-environment jsdom
// golos-test: isolated (vite.config.ts): the browser's backup store must start empty, and DOM files run
// before this one in a shared worker leave copies in it.
import { render, waitFor } from '@testing-library/react';
import { createBrowserBackupStore } from '../backup/backupStore';
import { GolosDb } from '../db/db';
import { savePartnership } from '../db/partnershipRepo';
import { DailyBackups } from './DailyBackups';
import { ToastProvider } from './Toasts';

test('the app makes the day’s automatic backup shortly after it starts, once', async () => {
  const db = new GolosDb(`golos-daily-${crypto.randomUUID()}`);
  await savePartnership(db, { name: 'СНТ «Ромашка»', kind: 'snt', address: '' });
  const store = createBrowserBackupStore();
  expect(await store.list()).toEqual({ ok: true, value: [] });
  const { unmount } = render(
    <ToastProvider>
      <DailyBackups db={db} />
    </ToastProvider>,
  );
  await waitFor(
    async () => {
      const listed = await store.list();
      expect(listed.ok && listed.value.map((b) => b.reason)).toEqual(['daily']);
    },
    { timeout: 8000, interval: 250 },
  );
  unmount();
  // A second start the same day adds nothing.
  render(
    <ToastProvider>
      <DailyBackups db={db} />
    </ToastProvider>,
  );
  await new Promise((r) => setTimeout(r, 4000));
  const listed = await store.list();
  expect(listed.ok && listed.value).toHaveLength(1);
}, 20000);
