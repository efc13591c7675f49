// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseStatusValuesJson } from '../../../shared/registry/statusValuesJson';
import { DbProvider } from '../../app/DbContext';
import { ToastProvider } from '../../app/Toasts';
import { GolosDb } from '../../db/db';
import * as platform from '../../platform/platform';
import { rememberStatusValues } from './statusValuesRepo';
import { STATUS_VALUES_FILE, StatusValuesExport } from './StatusValuesExport';

afterEach(() => vi.restoreAllMocks());

describe('StatusValuesExport', () => {
  it('saves the remembered status values as the file golos tally --status-values reads', async () => {
    const db = new GolosDb(`golos-status-export-${crypto.randomUUID()}`);
    const view = (
      <DbProvider value={db}>
        <ToastProvider>
          <StatusValuesExport partnershipId="p1" refresh={0} />
        </ToastProvider>
      </DbProvider>
    );
    const { rerender } = render(view);
    // Nothing remembered: nothing to save.
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('button', { name: 'Соответствия статусов…' })).toBeNull();

    await rememberStatusValues(db, 'p1', { арендатор: 'gardener', ч: 'member' });
    rerender(
      <DbProvider value={db}>
        <ToastProvider>
          <StatusValuesExport partnershipId="p1" refresh={1} />
        </ToastProvider>
      </DbProvider>,
    );
    const saved: { name: string; bytes: Uint8Array }[] = [];
    vi.spyOn(platform, 'getPlatform').mockReturnValue({
      saveFile: async (req: { suggestedName: string; bytes: Uint8Array }) => {
        saved.push({ name: req.suggestedName, bytes: req.bytes });
        return { ok: true, value: { savedAs: req.suggestedName } };
      },
    } as unknown as ReturnType<typeof platform.getPlatform>);
    await userEvent.click(await screen.findByRole('button', { name: 'Соответствия статусов…' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe(STATUS_VALUES_FILE);
    const read = parseStatusValuesJson(new TextDecoder().decode(saved[0]!.bytes), STATUS_VALUES_FILE, true);
    expect(read).toEqual({ ok: true, value: { арендатор: 'gardener', ч: 'member' } });
  });
});
