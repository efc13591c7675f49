/**
 * How alike two wordings are, simply and explainably: the Dice coefficient over the character trigrams
 * of their words (lower case, `ё` as `е`, punctuation dropped). 1 for the same words, 0 for nothing in
 * common; a wording cut short to half its length still scores about 0.67.
 */

/** Trigram counts of a text's words, each word padded with a space on both sides. */
export type Trigrams = Map<string, number>;

/** Lower case, `ё` as `е`, words of letters and digits separated by single spaces. */
export function wordingWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function trigrams(text: string): Trigrams {
  const out: Trigrams = new Map();
  for (const word of wordingWords(text)) {
    const w = ` ${word} `;
    for (let i = 0; i + 3 <= w.length; i++) {
      const t = w.slice(i, i + 3);
      out.set(t, (out.get(t) ?? 0) + 1);
    }
  }
  return out;
}

function size(t: Trigrams): number {
  let n = 0;
  for (const c of t.values()) n += c;
  return n;
}

/** 2·|A ∩ B| / (|A| + |B|) over trigram multisets; 0 when either is empty. */
export function diceSimilarity(a: Trigrams, b: Trigrams): number {
  const total = size(a) + size(b);
  if (total === 0 || a.size === 0 || b.size === 0) return 0;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [t, c] of small) common += Math.min(c, large.get(t) ?? 0);
  return (2 * common) / total;
}

export function wordingSimilarity(a: string, b: string): number {
  return diceSimilarity(trigrams(a), trigrams(b));
}
