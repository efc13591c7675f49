// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { DateInput, parseTypedDate, shownDate } from './DateInput';

function Form({ initial, seen }: { initial: string; seen: string[] }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <label htmlFor="d">Дата</label>
      <DateInput
        id="d"
        value={value}
        onChange={(v) => {
          seen.push(v);
          setValue(v);
        }}
      />
      <button type="button" onClick={() => setValue('2027-01-31')}>
        Другая
      </button>
    </>
  );
}

describe('DateInput: the Russian order whatever the browser locale', () => {
  it('shows an ISO value as дд.мм.гггг, a text field with the Russian hint', () => {
    render(<Form initial="2026-12-01" seen={[]} />);
    const input = screen.getByLabelText('Дата');
    expect(input).toHaveValue('01.12.2026');
    expect(input).toHaveAttribute('type', 'text');
    expect(input).toHaveAttribute('placeholder', 'дд.мм.гггг');
  });

  it('gives the ISO date for дд.мм.гггг, 8 digits or ISO typed; the text while it is no date; "" when emptied', () => {
    const seen: string[] = [];
    render(<Form initial="" seen={seen} />);
    const input = screen.getByLabelText('Дата');
    for (const t of ['29.11.2026', '29112026', '2026-11-29', '31.02.2026', '01.02.12026', '']) {
      fireEvent.change(input, { target: { value: t } });
    }
    expect(seen).toEqual(['2026-11-29', '2026-11-29', '2026-11-29', '31.02.2026', '01.02.12026', '']);
  });

  it('keeps what is typed, and shows a new value given from outside', () => {
    render(<Form initial="2026-12-01" seen={[]} />);
    const input = screen.getByLabelText('Дата');
    fireEvent.change(input, { target: { value: '5.1.2027' } });
    expect(input).toHaveValue('5.1.2027');
    fireEvent.click(screen.getByRole('button', { name: 'Другая' }));
    expect(input).toHaveValue('31.01.2027');
  });

  it('typed character by character into a form that takes only whole dates, the text stays', () => {
    function WholeDates() {
      const [value, setValue] = useState('2026-06-10');
      return (
        <>
          <label htmlFor="w">Дата</label>
          <DateInput id="w" value={value} onChange={(v) => /^\d{4}-/.test(v) && setValue(v)} />
          <output aria-label="Значение">{value}</output>
        </>
      );
    }
    render(<WholeDates />);
    const input = screen.getByLabelText('Дата');
    let typed = '';
    for (const c of '01.12.2026') {
      typed += c;
      fireEvent.change(input, { target: { value: typed } });
      expect(input).toHaveValue(typed);
    }
    expect(screen.getByLabelText('Значение')).toHaveTextContent('2026-12-01');
  });

  it('parses and shows by hand-worked examples', () => {
    expect(parseTypedDate(' 1.2.2026 ')).toBe('2026-02-01');
    expect(parseTypedDate('30.02.2026')).toBeNull();
    expect(parseTypedDate('12026-02-01')).toBeNull();
    expect(shownDate('2026-02-01')).toBe('01.02.2026');
    expect(shownDate('01.02')).toBe('01.02');
  });
});
