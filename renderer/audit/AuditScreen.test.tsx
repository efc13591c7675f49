// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { appendAudit, AUDIT_SCHEMA, readChain } from './auditLog';
import { AuditScreen } from './AuditScreen';

let counter = 0;

async function loggedDb(): Promise<Dexie> {
  const db = new Dexie(`audit-screen-test-${++counter}`);
  db.version(1).stores({ persons: 'id', ...AUDIT_SCHEMA });
  const changes = [
    { before: undefined, after: { id: 'a', fullName: 'Иванов Иван', snils: '112-233-445 95' } },
    { before: undefined, after: { id: 'b', fullName: 'Петрова Анна' } },
    {
      before: { id: 'a', fullName: 'Иванов Иван', snils: '112-233-445 95' },
      after: { id: 'a', fullName: 'Иванов Иван Петрович', snils: '112-233-445 95' },
    },
  ];
  for (const [i, { before, after }] of changes.entries()) {
    await db.transaction('rw', db.table('persons'), db.table('audit'), async () => {
      await db.table('persons').put(after);
      await appendAudit(
        db,
        {
          actor: 'Секретарь Иванова',
          action: before ? 'person.update' : 'person.create',
          entity: 'person',
          entityId: after.id,
          before,
          after,
          ...(before ? { reason: 'исправлена опечатка' } : {}),
        },
        new Date(2025, 4, 1, 10, i),
      );
    });
  }
  return db;
}

const rowOf = (seq: number) =>
  within(screen.getByRole('table', { name: 'Записи журнала' }))
    .getAllByRole('row')
    .find((r) => within(r).queryAllByRole('cell')[0]?.textContent?.startsWith(String(seq)))!;

test('lists who changed what and when, newest first', async () => {
  const db = await loggedDb();
  render(<AuditScreen db={db} />);
  const table = await screen.findByRole('table', { name: 'Записи журнала' });
  const rows = within(table).getAllByRole('row').slice(1);
  expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['3', '2', '1']);
  const update = rows[0]!;
  expect(update).toHaveTextContent('1 мая 2025, 10:02');
  expect(update).toHaveTextContent('Секретарь Иванова');
  expect(update).toHaveTextContent('Изменены данные участника');
  expect(update).toHaveTextContent('Иванов Иван Петрович');
  expect(update).toHaveTextContent('ФИО: Иванов Иван → Иванов Иван Петрович');
  expect(update).not.toHaveTextContent('СНИЛС');
  expect(update).toHaveTextContent('Причина: исправлена опечатка');
  expect(rows[2]).toHaveTextContent('Добавлен участник');
  expect(rows[2]).toHaveTextContent('СНИЛС: 112-233-445 95');
  // Never an action code, an id or JSON.
  for (const r of rows) expect(r.textContent).not.toMatch(/person\.|[{}"]|\bid\b/);
  expect(screen.getByText('Показано 3 из 3, сначала новые.')).toBeInTheDocument();
});

test('filters by who, what and when', async () => {
  const db = await loggedDb();
  await appendAudit(
    db,
    {
      actor: 'Председатель',
      action: 'meeting.protocol',
      entity: 'meeting',
      entityId: 'm',
      after: { title: 'Весна' },
    },
    new Date(2025, 5, 2, 9, 0),
  );
  render(<AuditScreen db={db} />);
  await screen.findByRole('table', { name: 'Записи журнала' });
  expect(screen.getByText('Показано 4 из 4, сначала новые.')).toBeInTheDocument();
  await userEvent.selectOptions(screen.getByLabelText('Кто'), 'Председатель');
  expect(screen.getByText('Показано 1 из 1 (отобрано из 4), сначала новые.')).toBeInTheDocument();
  expect(rowOf(4)).toHaveTextContent('Сформирован протокол');
  expect(rowOf(4)).toHaveTextContent('Собрание «Весна»');
  await userEvent.selectOptions(screen.getByLabelText('Кто'), '');
  await userEvent.selectOptions(screen.getByLabelText('Что'), 'Реестр');
  expect(screen.getByText('Показано 3 из 3 (отобрано из 4), сначала новые.')).toBeInTheDocument();
  await userEvent.selectOptions(screen.getByLabelText('Что'), '');
  await userEvent.type(screen.getByLabelText('С'), '2025-06-01');
  expect(screen.getByText('Показано 1 из 1 (отобрано из 4), сначала новые.')).toBeInTheDocument();
});

test('the integrity check says the chain is intact, then finds an entry edited directly in IndexedDB', async () => {
  const db = await loggedDb();
  const head = (await readChain(db)).at(-1)!.hash;
  render(<AuditScreen db={db} />);
  await screen.findByRole('table', { name: 'Записи журнала' });

  await userEvent.click(screen.getByRole('button', { name: 'Проверить целостность' }));
  expect(await screen.findByText(`Цепочка цела, 3 записи, последний хеш ${head}.`)).toBeInTheDocument();

  // Someone rewrites who made change 2, straight in the database.
  await db.table('audit').update(2, { actor: 'Председатель' });
  await userEvent.click(screen.getByRole('button', { name: 'Проверить целостность' }));
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent(
    'Журнал изменений нарушен на записи № 2: содержимое записи изменено после её внесения.',
  );
  expect(alert).toHaveTextContent('Записи начиная с № 2 не подтверждены.');
  expect(rowOf(2)).toHaveTextContent('— нарушение');
  await waitFor(() => expect(rowOf(2)).toHaveTextContent('Председатель'));
  expect(rowOf(3)).not.toHaveTextContent('— нарушение');
});

test('checking again hides the last result until the new one is in', async () => {
  const db = await loggedDb();
  render(<AuditScreen db={db} />);
  await screen.findByRole('table', { name: 'Записи журнала' });
  await userEvent.click(screen.getByRole('button', { name: 'Проверить целостность' }));
  expect(await screen.findByText(/Цепочка цела, 3 записи/)).toBeInTheDocument();

  await db.table('audit').delete(3);
  fireEvent.click(screen.getByRole('button', { name: 'Проверить целостность' }));
  // Checking: the old «цела» is gone at once (it may no longer hold), the button waits for the check.
  expect(screen.queryByText(/Цепочка цела/)).toBeNull();
  expect(screen.getByRole('status')).toHaveTextContent('Проверка…');
  expect(screen.getByRole('button', { name: 'Проверить целостность' })).toBeDisabled();
  expect(await screen.findByText(/Цепочка цела, 2 записи/)).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Проверить целостность' })).toBeEnabled();
});

test('a removed entry is reported where the gap is', async () => {
  const db = await loggedDb();
  await db.table('audit').delete(1);
  render(<AuditScreen db={db} />);
  await screen.findByRole('table', { name: 'Записи журнала' });
  await userEvent.click(screen.getByRole('button', { name: 'Проверить целостность' }));
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'Журнал изменений нарушен на записи № 2: пропущены записи (запись удалена).',
  );
});

test('long logs are shown a page at a time', async () => {
  const db = await loggedDb();
  render(<AuditScreen db={db} pageSize={2} />);
  expect(await screen.findByText('Показано 2 из 3, сначала новые.')).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: 'Показать ещё' }));
  expect(await screen.findByText('Показано 3 из 3, сначала новые.')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Показать ещё' })).toBeNull();
});

test('an empty log', async () => {
  const db = new Dexie(`audit-screen-test-${++counter}`);
  db.version(1).stores(AUDIT_SCHEMA);
  render(<AuditScreen db={db} />);
  expect(await screen.findByText('Изменений ещё не было.')).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: 'Проверить целостность' }));
  expect(await screen.findByText('Журнал пуст: изменений ещё не было.')).toBeInTheDocument();
});
