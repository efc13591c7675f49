import { cleanName } from './cleanName';

/**
 * Already normal once lower-cased (the usual registry name): words of printable ASCII and Cyrillic other
 * than `ё` (none of them whitespace), single spaces between them, none at the ends. A regular expression,
 * not a loop over the characters: it runs at full speed in the cold code of a first tally.
 */
const NORMAL = /^[!-~\u0400-\u0450\u0452-\u04ff]+(?: [!-~\u0400-\u0450\u0452-\u04ff]+)*$/;

/**
 * Normal form of a person's full name for matching: lower case, `ё` as `е`, single spaces, trimmed,
 * cleaned as `cleanName` cleans (NFC, no invisible or control characters).
 * `  Семёнова  Марина ВИКТОРОВНА ` and `семенова марина викторовна` give the same key.
 */
export function normalizeName(s: string): string {
  const lower = s.toLowerCase();
  if (NORMAL.test(lower)) return lower;
  return cleanName(lower).name.replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}
