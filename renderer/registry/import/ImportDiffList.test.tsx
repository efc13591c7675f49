// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makePersons } from '../../../test/fixtures/persons';
import { ImportDiffList } from './ImportDiffList';

describe('the people an import adds, changes and misses', () => {
  it('lists a short group at once and a long one when it is opened, up to 200 names and the count of the rest', async () => {
    const people = makePersons(230, 2020, { multiPlot: 0 });
    const user = userEvent.setup();
    render(
      <ImportDiffList
        diff={{ added: people.slice(0, 200), changed: [], removed: people.slice(200, 203), unchanged: 0 }}
        counts={{ added: 227, changed: 0, removed: 3 }}
        kind="snt"
      />,
    );
    const missing = screen.getByRole('list', { name: 'Нет в файле' });
    expect(within(missing).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.queryByRole('list', { name: 'Добавятся' })).toBeNull();
    await user.click(screen.getByText('Добавятся (227)'));
    const added = within(screen.getByRole('list', { name: 'Добавятся' })).getAllByRole('listitem');
    expect(added).toHaveLength(201);
    expect(added[0]).toHaveTextContent(
      `${people[0]!.fullName} (участок ${people[0]!.holdings[0]!.plotNumber})`,
    );
    expect(added[200]).toHaveTextContent('…и ещё 27.');
  });
});
