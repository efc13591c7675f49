// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Partnership, Person } from '../../shared/domain/types';
import { DbProvider } from '../app/DbContext';
import { ToastProvider } from '../app/Toasts';
import { GolosDb } from '../db/db';
import { applyRegistryChanges, listPersons } from '../db/personRepo';
import { RegistryScreen } from './RegistryScreen';

const partnership: Partnership = {
  id: 'p',
  name: 'СНТ «Ромашка»',
  kind: 'snt',
  address: '',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

const seed: Person[] = [
  {
    id: '',
    fullName: 'Иванов Иван Иванович',
    snils: '11223344595',
    status: 'member',
    phone: '+7 900 111-11-11',
    holdings: [{ plotNumber: '12', cadastralNumber: '50:18:0080301:12', area: '600.00' }],
  },
  {
    id: '',
    fullName: 'Петрова Анна Сергеевна',
    status: 'gardener',
    holdings: [{ plotNumber: '2' }, { plotNumber: '3' }],
  },
  { id: '', fullName: 'Абрамов Олег', status: 'member', holdings: [{ plotNumber: '105' }] },
  {
    id: '',
    fullName: 'Яковлева Мария',
    snils: '08765430300',
    status: 'member',
    holdings: [{ plotNumber: '7' }],
  },
];

async function setup() {
  const db = new GolosDb(`golos-registry-${crypto.randomUUID()}`);
  await applyRegistryChanges(db, { added: seed, changed: [], removed: [] });
  const user = userEvent.setup();
  render(
    <DbProvider value={db}>
      <ToastProvider>
        <RegistryScreen partnership={partnership} />
      </ToastProvider>
    </DbProvider>,
  );
  await screen.findByRole('table', { name: 'Реестр участников' });
  return { db, user };
}

/** Names in the table, top to bottom. */
function names(): string[] {
  const table = screen.getByRole('table', { name: 'Реестр участников' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[0]!.textContent ?? '');
}

describe('RegistryScreen', () => {
  it('lists everyone in name order with formatted СНИЛС, plots and contacts', async () => {
    await setup();
    expect(names()).toEqual([
      'Абрамов Олег',
      'Иванов Иван Иванович',
      'Петрова Анна Сергеевна',
      'Яковлева Мария',
    ]);
    const row = screen.getByRole('row', { name: /Иванов Иван/ });
    expect(row).toHaveTextContent('112-233-445 95');
    expect(row).toHaveTextContent('50:18:0080301:12');
    expect(row).toHaveTextContent('+7 900 111-11-11');
    // Areas in the Russian format.
    expect(row).toHaveTextContent('600,00');
    expect(row).not.toHaveTextContent('600.00');
    expect(screen.getByRole('row', { name: /Петрова/ })).toHaveTextContent('2, 3');
    expect(screen.getByText('В реестре: 4')).toBeInTheDocument();
  });

  it('searches as you type by name, plot number and СНИЛС', async () => {
    const { user } = await setup();
    const search = screen.getByLabelText('Поиск');
    await user.type(search, 'пет');
    expect(names()).toEqual(['Петрова Анна Сергеевна']);
    expect(screen.getByText('Найдено: 1 из 4')).toBeInTheDocument();
    await user.clear(search);
    await user.type(search, '105');
    expect(names()).toEqual(['Абрамов Олег']);
    await user.clear(search);
    await user.type(search, '087-654');
    expect(names()).toEqual(['Яковлева Мария']);
    await user.clear(search);
    await user.type(search, 'нет такого');
    expect(screen.getByText('Никого не найдено.')).toBeInTheDocument();
  });

  it('sorts by a column, both ways, and filters by status', async () => {
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Участок' }));
    expect(names()).toEqual([
      'Петрова Анна Сергеевна',
      'Яковлева Мария',
      'Иванов Иван Иванович',
      'Абрамов Олег',
    ]);
    expect(screen.getByRole('columnheader', { name: /Участок/ })).toHaveAttribute('aria-sort', 'ascending');
    await user.click(screen.getByRole('button', { name: /Участок/ }));
    expect(names()).toEqual([
      'Абрамов Олег',
      'Иванов Иван Иванович',
      'Яковлева Мария',
      'Петрова Анна Сергеевна',
    ]);
    await user.selectOptions(screen.getByLabelText('Статус'), 'садовод без членства');
    expect(names()).toEqual(['Петрова Анна Сергеевна']);
    // An СНТ never offers the МКД status «собственник».
    expect(
      [...(screen.getByLabelText('Статус') as HTMLSelectElement).options].map((o) => o.textContent),
    ).not.toContainEqual(expect.stringMatching(/собственник/));
  });

  it('edits a person, refusing to save while a field is wrong', async () => {
    const { db, user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Изменить: Абрамов Олег' }));
    const dialog = screen.getByRole('dialog', { name: 'Изменить: Абрамов Олег' });
    expect(within(dialog).getByLabelText('ФИО')).toHaveFocus();
    const snils = within(dialog).getByLabelText('СНИЛС');
    await user.type(snils, '112-233-445 96');
    await user.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    // A failing checksum is a warning: shown before anything is saved, the СНИЛС is kept «не проверен».
    expect(await within(dialog).findAllByText(/Контрольная сумма не сходится/)).not.toHaveLength(0);
    expect((await listPersons(db)).find((p) => p.fullName === 'Абрамов Олег')?.snils).toBeUndefined();

    // Another person's СНИЛС is a duplicate.
    await user.clear(snils);
    await user.type(snils, '112-233-445 95');
    await user.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    expect(await within(dialog).findByText(/уже указан у Иванов Иван Иванович/)).toBeInTheDocument();

    await user.clear(snils);
    const phone = within(dialog).getByLabelText('Телефон');
    await user.type(phone, '+7 901 000-00-01');
    const plot = within(within(dialog).getByRole('group', { name: 'Участок 1' })).getByLabelText('Номер');
    await user.clear(plot);
    await user.type(plot, '105а');
    await user.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('row', { name: /Абрамов Олег/ })).toHaveTextContent('+7 901 000-00-01');
    const stored = (await listPersons(db)).find((p) => p.fullName === 'Абрамов Олег');
    expect(stored?.phone).toBe('+7 901 000-00-01');
    expect(stored?.holdings).toEqual([{ plotNumber: '105а' }]);
  });

  it('adds a person with two plots', async () => {
    const { db, user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Добавить человека' }));
    const dialog = screen.getByRole('dialog', { name: 'Новый участник реестра' });
    await user.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    expect(await within(dialog).findByText('Не заполнено.')).toBeInTheDocument();
    expect(await listPersons(db)).toHaveLength(4);

    await user.type(within(dialog).getByLabelText('ФИО'), 'Новикова Ольга Петровна');
    await user.type(
      within(within(dialog).getByRole('group', { name: 'Участок 1' })).getByLabelText('Номер'),
      '40',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Добавить участок' }));
    const second = within(dialog).getByRole('group', { name: 'Участок 2' });
    await user.type(within(second).getByLabelText('Номер'), '41');
    await user.type(within(second).getByLabelText('Площадь, м²'), '612,5');
    await user.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const added = (await listPersons(db)).find((p) => p.fullName === 'Новикова Ольга Петровна');
    expect(added?.holdings).toEqual([{ plotNumber: '40' }, { plotNumber: '41', area: '612.50' }]);
    expect(added?.id).toMatch(/^[0-9a-f-]{36}$/);

    // Escape closes the form without saving anything.
    await user.click(screen.getByRole('button', { name: 'Добавить человека' }));
    await user.type(screen.getByLabelText('ФИО'), 'Черновик');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await listPersons(db)).toHaveLength(5);
  });

  it('removes a person and undoes the removal exactly', async () => {
    const { db, user } = await setup();
    const before = (await listPersons(db)).find((p) => p.fullName === 'Иванов Иван Иванович')!;
    await user.click(screen.getByRole('button', { name: 'Удалить: Иванов Иван Иванович' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: /Иванов Иван/ })).not.toBeInTheDocument());
    expect(await listPersons(db)).toHaveLength(3);
    expect(screen.getByText('Удалён: Иванов Иван Иванович')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Отменить' }));
    expect(await screen.findByRole('row', { name: /Иванов Иван/ })).toBeInTheDocument();
    const after = (await listPersons(db)).find((p) => p.fullName === 'Иванов Иван Иванович');
    expect(after).toEqual(before);
  });
});
