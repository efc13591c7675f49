// @vitest-environment jsdom
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GolosDb } from '../db/db';
import { DbProvider } from './DbContext';
import { getOperator, setOperator } from './operator';
import { OperatorField } from './OperatorField';

test('«Оператор»: shows who is at the keyboard, saves on leaving the field, follows changes made elsewhere', async () => {
  const db = new GolosDb(`golos-operator-${crypto.randomUUID()}`);
  const user = userEvent.setup();
  render(
    <DbProvider value={db}>
      <OperatorField />
    </DbProvider>,
  );
  const field = screen.getByLabelText('Оператор:');
  await waitFor(() => expect(field).toHaveValue('Секретарь правления'));

  await user.clear(field);
  await user.type(field, 'Петрова Анна');
  // Not saved keystroke by keystroke: only when the field is left.
  expect(await getOperator(db)).toBe('Секретарь правления');
  await user.keyboard('{Enter}');
  await waitFor(async () => expect(await getOperator(db)).toBe('Петрова Анна'));

  // An empty name is not stored: the field goes back to the stored one.
  await user.clear(field);
  await user.tab();
  expect(field).toHaveValue('Петрова Анна');
  expect(await getOperator(db)).toBe('Петрова Анна');

  await act(() => setOperator(db, 'Иванов Иван'));
  expect(field).toHaveValue('Иванов Иван');
});
