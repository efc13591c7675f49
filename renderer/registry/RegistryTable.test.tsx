// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import type { Person } from '../../shared/domain/types';
import { makePersons } from '../../test/fixtures/persons';
import { RegistryTable } from './RegistryTable';

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
});
