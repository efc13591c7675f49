// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GolosDb } from '../db/db';
import { getPartnership } from '../db/partnershipRepo';
import { App } from './App';

describe('App: first run and the partnership', () => {
  beforeEach(() => {
    window.location.hash = '';
  });

  it('asks for the partnership first, checks the fields in Russian, and keeps it across restarts', async () => {
    const name = `golos-app-${crypto.randomUUID()}`;
    const user = userEvent.setup();
    const first = render(<App db={new GolosDb(name)} />);
    expect(await screen.findByRole('heading', { name: 'Начало работы: товарищество' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Реестр' })).toBeDisabled();

    await user.type(screen.getByLabelText('ИНН'), '7707083894');
    await user.type(screen.getByLabelText('ОГРН'), '123');
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(await screen.findByText('Укажите название товарищества.')).toBeInTheDocument();
    expect(screen.getByText('Контрольное число ИНН не сходится: проверьте цифры.')).toBeInTheDocument();
    expect(screen.getByText('ОГРН — 13 цифр.')).toBeInTheDocument();
    expect(screen.getByLabelText('Название')).toHaveAttribute('aria-invalid', 'true');
    expect(await getPartnership(new GolosDb(name))).toBeUndefined();

    await user.type(screen.getByLabelText('Название'), 'СНТ «Ромашка»');
    await user.clear(screen.getByLabelText('ИНН'));
    await user.type(screen.getByLabelText('ИНН'), '7707083893');
    await user.clear(screen.getByLabelText('ОГРН'));
    await user.type(screen.getByLabelText('Адрес'), 'Московская обл., д. Берёзки');
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    // Created: the app moves on to the registry.
    expect(await screen.findByRole('heading', { name: 'Реестр участников' })).toBeInTheDocument();
    first.unmount();

    // A restart (new database connection): the partnership is there and editable.
    window.location.hash = '#/partnership';
    render(<App db={new GolosDb(name)} />);
    expect(await screen.findByRole('heading', { name: 'Товарищество' })).toBeInTheDocument();
    expect(screen.getByLabelText('Название')).toHaveValue('СНТ «Ромашка»');
    expect(screen.getByLabelText('ИНН')).toHaveValue('7707083893');
    expect(screen.getByLabelText('Адрес')).toHaveValue('Московская обл., д. Берёзки');
    expect(screen.getByLabelText(/^СНТ/)).toBeChecked();
    await user.click(screen.getByLabelText(/^МКД/));
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(await screen.findByText('Сведения о товариществе сохранены.')).toBeInTheDocument();
    const stored = await getPartnership(new GolosDb(name));
    expect(stored).toMatchObject({ name: 'СНТ «Ромашка»', kind: 'mkd', inn: '7707083893' });
    expect(stored?.ogrn).toBeUndefined();
    expect(
      within(screen.getByRole('navigation', { name: 'Разделы' })).getByRole('button', {
        name: 'Товарищество',
      }),
    ).toHaveAttribute('aria-current', 'page');
  });

  it('on a fresh install offers the backups (to restore) besides the partnership form, and the operator field', async () => {
    const user = userEvent.setup();
    render(<App db={new GolosDb(`golos-app-${crypto.randomUUID()}`)} />);
    expect(await screen.findByRole('heading', { name: 'Начало работы: товарищество' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Журнал изменений' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Резервные копии' }));
    expect(await screen.findByRole('heading', { name: 'Резервные копии' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Восстановить из файла…' })).toBeEnabled();
    expect(await screen.findByDisplayValue('Секретарь правления')).toBe(screen.getByLabelText('Оператор:'));
  });
});
