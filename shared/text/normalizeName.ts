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

/**
 * normalizeName of each name, for a whole registry at once. Lower-casing Cyrillic one name at a time
 * costs a call into the Unicode tables per name (about 3 µs: 30 ms for 10,000 names, the first tally's
 * largest cost), so the names are joined, lower-cased and `ё` replaced in one call each, and split
 * again; a name not normal then (spacing, other letters) takes normalizeName's full path. Lower-casing
 * is the same joined or alone: the one letter whose lower case depends on its neighbours (Greek final
 * sigma) sees a line break at a name's end as it sees the end of the text. A name with a line break
 * in it (the pieces do not add up) sends every name through normalizeName.
 */
export function normalizeNames(names: readonly string[]): string[] {
  const lower = names.join('\n').toLowerCase().replace(/ё/g, 'е').split('\n');
  if (lower.length !== names.length) return names.map(normalizeName);
  for (let i = 0; i < lower.length; i++) {
    if (!NORMAL.test(lower[i]!)) lower[i] = normalizeName(names[i]!);
  }
  return lower;
}
