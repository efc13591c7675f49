// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { EntryTab } from './EntryTab';
import { renderTab, seededDb } from './ballots.testkit';

function press(...keys: string[]) {
  const area = screen.getByRole('group', { name: 'Ввод бюллетеня' });
  for (const key of keys) fireEvent.keyDown(area, { key });
}

describe('EntryTab: the identity check of paper ballots at the desk', () => {
  it('a plot typed with another person’s surname is refused in Russian, naming the plot; nothing is stored', async () => {
    const { db, persons, meeting } = await seededDb();
    const owner = persons[0]!;
    const plot = owner.holdings[0]!.plotNumber;
    const other = persons.find(
      (p) =>
        p.fullName.split(' ')[0] !== owner.fullName.split(' ')[0] &&
        !p.holdings.some((h) => h.plotNumber === plot),
    )!;
    const surname = other.fullName.split(' ')[0]!;
    renderTab(db, EntryTab, meeting);
    await screen.findByRole('group', { name: 'Ввод бюллетеня' });

    press(...`${plot} ${surname}`, 'Enter');
    const message = screen.getByLabelText('Сообщение ввода');
    expect(message).toHaveTextContent(`Участок (помещение) № ${plot} — в реестре`);
    expect(message).toHaveTextContent(owner.fullName);
    expect(message).toHaveTextContent('указывают на разных участников реестра');
    expect(message).toHaveAttribute('role', 'alert');
    // No ballot was opened for anyone.
    expect(screen.queryByText('Все вопросы введены: Enter — сохранить.')).toBeNull();
    press('Enter');
    expect(await db.paperBallots.count()).toBe(0);

    // The same plot with its owner's surname opens the owner's ballot.
    press('Escape', ...`${plot} ${owner.fullName.split(' ')[0]}`, 'Enter');
    expect(screen.getByLabelText('Голосующий')).toHaveTextContent(owner.fullName);
  });
});
