/**
 * A date field in the Russian order (дд.мм.гггг) whatever the browser's language: a native
 * `<input type="date">` follows the browser's locale (mm/dd/yyyy in an English Chromium). It also takes a
 * date typed as 8 digits (`01122026`) or in ISO (`2026-12-01`, as pasted or filled by a test). `onChange`
 * gets the ISO date, '' when emptied, or the text as typed while it is not a real date (the form's own
 * check then names the field); a five-digit year never becomes a date.
 */
import { useState, type InputHTMLAttributes } from 'react';
import { parseDateCell } from '../../shared/ballots/cellValues';
import { isIsoDate } from '../../shared/meetings/dates';

/** The ISO date of a typed text, or null. */
export function parseTypedDate(text: string): string | null {
  const t = text.trim();
  const digits = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  return parseDateCell(digits ? `${digits[1]}.${digits[2]}.${digits[3]}` : t);
}

/** `2026-12-01` → `01.12.2026`; anything else as it is. */
export function shownDate(value: string): string {
  return isIsoDate(value) ? `${value.slice(8, 10)}.${value.slice(5, 7)}.${value.slice(0, 4)}` : value;
}

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: string;
  onChange: (value: string) => void;
};

/** What a typed text gives: its ISO date, '' when empty, else the text itself. */
function valueOf(text: string): string {
  return text.trim() === '' ? '' : (parseTypedDate(text) ?? text);
}

export function DateInput({ value, onChange, ...rest }: Props) {
  const [text, setText] = useState(() => shownDate(value));
  // A new value given from outside (not the one the text typed gives) replaces what is shown; a form that
  // takes only whole dates leaves the value as it was, and the text being typed stays.
  const [given, setGiven] = useState(value);
  if (value !== given) {
    setGiven(value);
    if (value !== valueOf(text)) setText(shownDate(value));
  }
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder="дд.мм.гггг"
      maxLength={10}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(valueOf(e.target.value));
      }}
    />
  );
}
