import { diceSimilarity, trigrams, wordingSimilarity, wordingWords } from './similarity';

describe('wordingSimilarity', () => {
  it('is 1 for the same words whatever the case, ё and punctuation', () => {
    expect(wordingSimilarity('Об утверждении сметы на 2026 год.', 'об УТВЕРЖДЕНИИ  сметы, на 2026 год')).toBe(
      1,
    );
    expect(wordingSimilarity('Об избрании счётной комиссии', 'Об избрании счетной комиссии')).toBe(1);
    expect(wordingWords('«Вопрос №3»: Ёлки-палки')).toEqual(['вопрос', '3', 'елки', 'палки']);
  });

  it('scores a wording cut short about 2/3, unrelated ones low, and nothing with an empty text', () => {
    const full = 'Об утверждении приходно-расходной сметы товарищества на 2026 год';
    const cut = wordingSimilarity(full, full.slice(0, 32));
    expect(cut).toBeGreaterThan(0.55);
    expect(cut).toBeLessThan(0.8);
    expect(wordingSimilarity(full, 'О подключении к газораспределительной сети')).toBeLessThan(0.25);
    expect(wordingSimilarity('', full)).toBe(0);
  });

  it('counts repeated trigrams as a multiset', () => {
    expect(trigrams('за за').get(' за')).toBe(2);
    // {" за":1,"за ":1} against {" за":2,"за ":2}: 2·2 / (2 + 4)
    expect(diceSimilarity(trigrams('за'), trigrams('за за'))).toBeCloseTo(2 / 3, 10);
  });
});
