/**
 * A person's name as Golos stores it: Unicode NFC (one code point per letter, so `й` typed as `и` +
 * breve equals `й`), without invisible characters (zero-width space, joiner and non-joiner, word
 * joiner, BOM, soft hyphen, bidi controls) and control characters, runs of spaces as one, trimmed.
 * Two names that look equal on screen are then equal as text.
 */

/** A name longer than this is not a name (a registry cell pasted with a whole document). */
export const MAX_NAME_LENGTH = 300;

// C0 and C1 controls (but tab and line breaks, which are spacing), zero-width and bidi format characters.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- control characters are what is being removed
  /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

export interface CleanName {
  name: string;
  /** Something other than spacing was removed or recomposed: the user is told. */
  cleaned: boolean;
  /** Longer than MAX_NAME_LENGTH once cleaned: refused. */
  tooLong: boolean;
}

/** Printable ASCII and Cyrillic only, the usual name: nothing to clean but spacing. */
const PLAIN = /^[\u0020-\u007e\u0400-\u04ff]*$/;

export function cleanName(raw: string): CleanName {
  const spaced = (s: string): string => s.replace(/\s+/g, ' ').trim();
  if (PLAIN.test(raw)) {
    const name = spaced(raw);
    return { name, cleaned: false, tooLong: name.length > MAX_NAME_LENGTH };
  }
  const name = spaced(raw.replace(INVISIBLE, '').normalize('NFC'));
  return { name, cleaned: name !== spaced(raw), tooLong: name.length > MAX_NAME_LENGTH };
}

/** The warning about a cleaned name, after «Строка N, поле «ФИО»: ». */
export const NAME_CLEANED_TEXT =
  'удалены невидимые или управляющие символы (так одинаковые на вид имена совпадут).';

/** The error about a name past MAX_NAME_LENGTH, after «Строка N, поле «ФИО»: ». */
export const nameTooLongText = (name: string): string =>
  `длиннее ${MAX_NAME_LENGTH} знаков (${name.length}): это не ФИО, проверьте ячейку.`;
