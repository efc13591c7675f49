/** Display text of spreadsheet values: numbers as written (no float noise), dates as DD.MM.YYYY. */

/** 1200 -> `1200`, 54.3 -> `54.3`, 0.1 + 0.2 -> `0.3`. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return n.toFixed(0);
  return String(Number(n.toPrecision(15)));
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Spreadsheet dates carry no time zone: exceljs gives them as UTC. `DD.MM.YYYY`, plus ` HH:MM` when timed. */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const date = `${pad2(d.getUTCDate())}.${pad2(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  return h === 0 && m === 0 ? date : `${date} ${pad2(h)}:${pad2(m)}`;
}

/**
 * Applies a digit mask number format such as `000-000-000 00` (a СНИЛС kept as a number) or `00000`
 * (leading zeros) to a non-negative integer. Returns null for any other format: those show the plain number.
 */
export function applyDigitMask(n: number, numFmt: string | undefined): string | null {
  if (!numFmt || !Number.isInteger(n) || n < 0) return null;
  const parts: (string | 0)[] = [];
  for (let i = 0; i < numFmt.length; i++) {
    const ch = numFmt[i]!;
    if (ch === '0') parts.push(0);
    else if (ch === '\\' && i + 1 < numFmt.length) parts.push(numFmt[++i]!);
    else if (ch === '"') {
      const end = numFmt.indexOf('"', i + 1);
      if (end < 0) return null;
      parts.push(numFmt.slice(i + 1, end));
      i = end;
    } else if (' -()/:'.includes(ch)) parts.push(ch);
    else return null;
  }
  const slots = parts.filter((p) => p === 0).length;
  if (slots < 2) return null;
  const digits = n.toFixed(0).padStart(slots, '0');
  let next = digits.length - slots; // extra leading digits go into the first slot
  let first = true;
  let out = '';
  for (const p of parts) {
    if (p !== 0) {
      out += p;
      continue;
    }
    out += first ? digits.slice(0, next + 1) : digits[next]!;
    next++;
    first = false;
  }
  return out;
}

/** True for the whitespace `\s` matches besides space, tab and line breaks (NBSP, thin spaces, BOM, …). */
const isOtherSpace = (c: number): boolean =>
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/** Runs of whitespace as one space, none at the ends: how a cell's text is shown and compared. */
export function collapseSpaces(s: string): string {
  // Most cells need nothing: check before building a new string.
  let prevSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return s.replace(/\s+/g, ' ').trim();
      prevSpace = true;
    } else if (c < 32 || (c > 126 && isOtherSpace(c))) return s.replace(/\s+/g, ' ').trim();
    else prevSpace = false;
  }
  return prevSpace && s.length > 0 ? s.trimEnd() : s;
}

/**
 * Whether a number format shows a date or time: day, month, year, hour or second tokens outside
 * quoted text, `[…]` sections (colours, locales, elapsed time) and escaped or padding characters.
 */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      if (end < 0) return false;
      i = end;
    } else if (ch === '[') {
      const end = fmt.indexOf(']', i + 1);
      if (end < 0) return false;
      i = end;
    } else if (ch === '\\' || ch === '_' || ch === '*') i++;
    else if ('dDmMyYhHsS'.includes(ch)) return true;
  }
  return false;
}

/** A spreadsheet date serial (days since 30.12.1899, or since 01.01.1904 in 1904 workbooks) as dateText. */
export function serialDateText(serial: number, date1904: boolean): string {
  return dateText(new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000)));
}
