/**
 * Normal form of a person's full name for matching: lower case, `ё` as `е`, single spaces, trimmed.
 * `  Семёнова  Марина ВИКТОРОВНА ` and `семенова марина викторовна` give the same key.
 */
export function normalizeName(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}
