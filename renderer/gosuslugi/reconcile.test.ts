import { fromInt, rational } from '../../shared/arith/rational';
import { figure } from './reconcile';

describe('«Итоги с учётом сверки» figures', () => {
  it('shows МКД weights in m² grouped from 1 000 with a decimal comma, persons as counts', () => {
    expect(figure(rational(294585n, 100n), true)).toBe('2\u00a0945,85');
    expect(figure(rational(61550n, 100n), true)).toBe('615,50');
    expect(figure(fromInt(1605), false)).toBe('1605');
    expect(figure(fromInt(12345), false)).toBe('12\u00a0345');
  });
});
