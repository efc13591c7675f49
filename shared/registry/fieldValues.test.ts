import { describe, expect, it } from 'vitest';
import { plotKey } from './fieldValues';

describe('plotKey', () => {
  it.each([
    ['12', '12'],
    ['№ 12', '12'],
    ['уч. 12', '12'],
    ['уч.№12', '12'],
    ['Участок № 12', '12'],
    ['участок 12а', '12а'],
    ['Кв. 7', '7'],
    ['Квартира 7', '7'],
    ['пом. 3', '3'],
    ['Помещение № 3', '3'],
    ['12 А', '12а'],
  ])('«%s» is the plot «%s»', (written, key) => {
    expect(plotKey(written)).toBe(key);
  });

  it('keeps plots that only share a prefix apart', () => {
    expect(plotKey('Участок 12')).not.toBe(plotKey('Участок 1'));
  });
});
