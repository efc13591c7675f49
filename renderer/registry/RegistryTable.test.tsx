// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import type { Person } from '../../shared/domain/types';
import { makePersons } from '../../test/fixtures/persons';
import { ROW_HEIGHT, RegistryTable } from './RegistryTable';

const persons: Person[] = makePersons(300, 7);

function table(shown: Person[], rerender?: (ui: React.ReactElement) => void) {
  const ui = (
    <RegistryTable
      persons={shown}
      sort={null}
      onSort={() => {}}
      onEdit={() => {}}
      onRemove={() => {}}
      scrollResetKey=""
    />
  );
  if (rerender) rerender(ui);
  else return render(ui);
}

/** The body rows with people (the spacer rows are aria-hidden). */
function rows(): HTMLElement[] {
  const grid = screen.getByRole('table', { name: 'Реестр участников' });
  return within(grid)
    .getAllByRole('row')
    .filter((r) => r.closest('tbody'));
}

describe('RegistryTable', () => {
  it('renders only a window of a long registry and announces the whole count', () => {
    table(persons);
    const shown = rows();
    // 720 px of fallback viewport at 36 px a row, plus the overscan below: far fewer than 300.
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.length).toBeLessThan(40);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe(String(persons.length + 1));
    expect(shown[0]!.getAttribute('aria-rowindex')).toBe('2');
    expect(within(shown[0]!).getAllByRole('cell')[0]!.textContent).toBe(persons[0]!.fullName);
  });

  it('fills the same rows with the next search result instead of building new ones', () => {
    const { rerender } = table(persons)!;
    const before = rows();
    const found = persons.slice(150, 153);
    table(found, rerender);
    const after = rows();
    expect(after).toHaveLength(3);
    // The row elements are the ones that were there; only their content changed.
    after.forEach((row, i) => {
      expect(row).toBe(before[i]);
      expect(row.getAttribute('aria-rowindex')).toBe(String(i + 2));
      expect(within(row).getAllByRole('cell')[0]!.textContent).toBe(found[i]!.fullName);
      expect(within(row).getByRole('button', { name: `Изменить: ${found[i]!.fullName}` })).toBeTruthy();
    });
    expect(before.slice(3).every((row) => !row.isConnected)).toBe(true);
  });

  it('draws rows at the height the scroll places them by, with every cut text whole in its tooltip', () => {
    const long: Person = {
      ...persons[0]!,
      email: 'konstantin.konstantinopolsky.predsedatel.revizionnoy.komissii@example.ru',
      phone: '+7 912 345-67-89',
    };
    table([long, ...persons.slice(1)]);
    // The CSS row height (--row-h, used by registryTable.css) is the constant the windowing computes with.
    const grid = screen.getByRole('table', { name: 'Реестр участников' });
    expect(grid.style.getPropertyValue('--row-h')).toBe(`${ROW_HEIGHT}px`);
    for (const row of rows().slice(0, 3)) {
      const cells = within(row).getAllByRole('cell').slice(0, -1);
      expect(cells).toHaveLength(7);
      for (const cell of cells) {
        // Text sits in the two-line clamp, and the cell's tooltip repeats all of it.
        expect(cell.querySelector('.cell-text')?.textContent).toBe(cell.textContent);
        if (cell.textContent) expect(cell.getAttribute('title')).toBe(cell.textContent);
      }
    }
    const contacts = within(rows()[0]!).getAllByRole('cell')[6]!;
    expect(contacts.getAttribute('title')).toBe(`${long.phone}, ${long.email}`);
  });
});
