// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Partnership } from '../../shared/domain/types';
import { DbProvider } from '../app/DbContext';
import { ToastProvider } from '../app/Toasts';
import { GolosDb } from '../db/db';
import { getPartnership, savePartnership } from '../db/partnershipRepo';
import { applyRegistryChanges } from '../db/personRepo';
import { PartnershipScreen } from './PartnershipScreen';

async function setup(withPerson: boolean) {
  const db = new GolosDb(`golos-partnership-${crypto.randomUUID()}`);
  const partnership = await savePartnership(db, { name: 'СНТ «Ромашка»', kind: 'snt', address: '' });
  if (withPerson) {
    await applyRegistryChanges(db, {
      added: [{ id: '', fullName: 'Абрамов Олег', status: 'member', holdings: [{ plotNumber: '7' }] }],
      changed: [],
      removed: [],
    });
  }
  const saved: Partnership[] = [];
  render(
    <DbProvider value={db}>
      <ToastProvider>
        <PartnershipScreen partnership={partnership} onSaved={(p) => saved.push(p)} />
      </ToastProvider>
    </DbProvider>,
  );
  return { db, saved, user: userEvent.setup() };
}

describe('PartnershipScreen: switching СНТ and МКД', () => {
  it('asks first when people are stored, says what changes, and changes nothing on «Отмена»', async () => {
    const { db, saved, user } = await setup(true);
    await user.click(screen.getByRole('radio', { name: /МКД/ }));
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    const dialog = await screen.findByRole('dialog', { name: /Сменить вид на МКД/ });
    expect(dialog).toHaveTextContent('В базе: людей в реестре — 1, собраний — 0.');
    expect(dialog).toHaveTextContent('по площади помещений');
    expect(dialog).toHaveTextContent('Уже созданные собрания сохранят свой вид');
    await user.click(within(dialog).getByRole('button', { name: 'Отмена' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((await getPartnership(db))!.kind).toBe('snt');
    expect(saved).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: /Сменить вид/ })).getByRole('button', {
        name: 'Сменить вид',
      }),
    );
    await waitFor(() => expect(saved).toHaveLength(1));
    expect((await getPartnership(db))!.kind).toBe('mkd');
  });

  it('an empty database switches without asking', async () => {
    const { db, saved, user } = await setup(false);
    await user.click(screen.getByRole('radio', { name: /МКД/ }));
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((await getPartnership(db))!.kind).toBe('mkd');
  });
});
