import { COLUMNS_SHOWN, shownColumns, shownText } from './shownColumns';

test('a narrow file shows every column', () => {
  expect(shownColumns(4, { fullName: 0, plotNumber: 3 })).toEqual([0, 1, 2, 3]);
});

test('a wide file shows the first columns and the mapped ones past them, once each, in order', () => {
  const shown = shownColumns(30_001, { fullName: 29_000, plotNumber: 1, area: 5_000, share: 5_000 });
  expect(shown).toHaveLength(COLUMNS_SHOWN + 2);
  expect(shown.slice(0, 3)).toEqual([0, 1, 2]);
  expect(shown.slice(-3)).toEqual([COLUMNS_SHOWN - 1, 5_000, 29_000]);
});

test('a mapping past the file width is not drawn', () => {
  expect(shownColumns(300, { fullName: 400 })).toHaveLength(COLUMNS_SHOWN);
});

test('long cells are cut for drawing, short ones kept', () => {
  expect(shownText('Иванов')).toBe('Иванов');
  expect(shownText(undefined)).toBe('');
  const cut = shownText('Я'.repeat(3_000_000));
  expect(cut).toHaveLength(201);
  expect(cut.endsWith('…')).toBe(true);
});
