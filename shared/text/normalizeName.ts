import { cleanName } from './cleanName';

/**
 * Normal form of a person's full name for matching: lower case, `ё` as `е`, single spaces, trimmed,
 * cleaned as `cleanName` cleans (NFC, no invisible or control characters).
 * `  Семёнова  Марина ВИКТОРОВНА ` and `семенова марина викторовна` give the same key.
 */
export function normalizeName(s: string): string {
  const lower = s.toLowerCase();
  if (isNormal(lower)) return lower;
  return cleanName(lower).name.replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/**
 * Already normal once lower-cased (the usual registry name): only printable ASCII and Cyrillic other
 * than `ё`, single inner spaces, none at the ends. None of these characters is whitespace but the space.
 */
function isNormal(s: string): boolean {
  const n = s.length;
  if (n === 0 || s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (s.charCodeAt(i + 1) === 32) return false;
    } else if (!((c > 32 && c < 127) || (c >= 0x400 && c <= 0x4ff && c !== 0x451))) return false;
  }
  return true;
}
