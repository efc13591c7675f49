// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { gosuslugiAgenda } from '../../test/fixtures/gosuslugiExports';
import { makePersons } from '../../test/fixtures/persons';
import { formatSnils } from '../../shared/registry/snils';
import { DbProvider } from '../app/DbContext';
import { ToastProvider } from '../app/Toasts';
import { readChain } from '../audit/auditLog';
import { fakePlatform, meetingWithSnapshot } from './gosuslugi.testkit';

const fake = fakePlatform();
vi.mock('../platform/platform', async (original) => ({
  ...(await original<typeof import('../platform/platform')>()),
  getPlatform: () => fake.platform,
}));
const { GosuslugiScreen } = await import('./GosuslugiScreen');

const partnership = {
  id: 'snt',
  name: 'СНТ «Берёзка»',
  kind: 'snt' as const,
  address: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('Gosuslugi import: rows found by the name alone', () => {
  it('are counted only once the secretary confirms them; a rejected one is not counted; both are audited', async () => {
    const registry = makePersons(6, 61, { gardeners: 0 });
    const [a, b, c] = registry;
    const { db, meeting } = await meetingWithSnapshot(registry, gosuslugiAgenda(2));
    // Row 3 has a СНИЛС; rows 4 and 5 only a name (the СНИЛС column is empty).
    const lines = [
      'Результаты голосования;;;',
      'ФИО;СНИЛС;Вопрос 1;Вопрос 2',
      `${a!.fullName};${formatSnils(a!.snils!)};За;За`,
      `${b!.fullName};;Против;За`,
      `${c!.fullName};;За;Против`,
    ];
    fake.next.push({ name: 'итоги.csv', bytes: new TextEncoder().encode(`${lines.join('\r\n')}\r\n`) });
    const user = userEvent.setup();
    render(
      <DbProvider value={db}>
        <ToastProvider>
          <GosuslugiScreen meeting={meeting} partnership={partnership} onMeetingChange={() => {}} />
        </ToastProvider>
      </DbProvider>,
    );
    await user.click(await screen.findByRole('button', { name: /^Загрузить файл/ }));
    await screen.findByRole('heading', { name: 'Импорт файла «итоги.csv»' });
    await user.click(await screen.findByRole('button', { name: 'Далее: проверка строк' }));

    expect(
      await screen.findByRole('heading', { name: 'Найдены только по ФИО: строк 2, не подтверждено 2' }),
    ).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Строки, найденные только по ФИО' });
    expect(within(list).getByRole('listitem', { name: 'Строка 4 (по ФИО)' })).toHaveTextContent(
      `Найден только по ФИО: ${b!.fullName}`,
    );
    // Nothing goes on while a name-only row is undecided.
    const next = screen.getByRole('button', { name: 'Далее: подтверждение' });
    expect(next).toBeDisabled();
    expect(
      screen.getByText(/Сначала подтвердите или отклоните строки, найденные только по ФИО: 2/),
    ).toBeInTheDocument();

    await user.click(within(list).getByRole('button', { name: `Подтвердить: это ${b!.fullName}` }));
    await waitFor(() =>
      expect(
        within(screen.getByRole('listitem', { name: 'Строка 4 (по ФИО)' })).getByText(/^Подтверждено:/),
      ).toBeInTheDocument(),
    );
    expect(screen.getByRole('button', { name: 'Далее: подтверждение' })).toBeDisabled();

    const row5 = screen.getByRole('listitem', { name: 'Строка 5 (по ФИО)' });
    await user.click(within(row5).getByRole('button', { name: 'Отклонить совпадение…' }));
    await user.type(within(row5).getByLabelText('Или: почему не участник (строка 5)'), 'однофамилец');
    await user.click(within(row5).getByRole('button', { name: 'Отклонить: не участник' }));
    await waitFor(() =>
      expect(
        screen.getByRole('heading', { name: 'Найдены только по ФИО: строк 2, все решены' }),
      ).toBeInTheDocument(),
    );
    expect(screen.getByRole('listitem', { name: 'Строка 5 (по ФИО)' })).toHaveTextContent(
      'Совпадение отклонено, не участник: однофамилец.',
    );

    await user.click(screen.getByRole('button', { name: 'Далее: подтверждение' }));
    await user.click(await screen.findByRole('button', { name: 'Подтвердить импорт' }));
    await screen.findByText(/Импорт подтверждён: «итоги.csv», учтено 2 бюллетеня/);

    const [stored] = await db.gosuslugiImports.toArray();
    expect(stored!.ballots.map((x) => x.voter.personId)).toEqual([a!.id, b!.id]);
    expect(stored!.notCounted).toEqual([
      expect.objectContaining({ row: 5, reason: 'not_participant', note: 'однофамилец' }),
    ]);
    const entry = (await readChain(db)).find((e) => e.action === 'gosuslugi.import')!;
    expect((entry.after as { nameChecks: unknown }).nameChecks).toEqual([
      { row: 4, name: b!.fullName, personId: b!.id, decision: 'confirmed' },
      { row: 5, name: c!.fullName, personId: c!.id, decision: 'rejected', reason: 'однофамилец' },
    ]);
  });
});
