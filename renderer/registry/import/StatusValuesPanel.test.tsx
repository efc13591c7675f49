// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusValuesPanel } from './StatusValuesPanel';

describe('StatusValuesPanel', () => {
  it('shows a value chosen before the rows are checked again once, with its choice', () => {
    render(
      <StatusValuesPanel
        unknown={[
          { key: 'почетный', text: 'почётный', rows: [8, 9] },
          { key: 'кандидат', text: 'кандидат', rows: [11] },
        ]}
        chosen={[{ key: 'почетный', text: 'почётный', status: 'member' }]}
        onChoose={() => {}}
      />,
    );
    const selects = screen.getAllByRole('combobox');
    expect(selects.map((s) => s.getAttribute('aria-label'))).toEqual([
      'Что значит «кандидат»',
      'Что значит «почётный»',
    ]);
    expect(screen.getByRole('combobox', { name: 'Что значит «почётный»' })).toHaveValue('member');
  });
});
