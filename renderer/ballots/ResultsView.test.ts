import { fromInt, rational } from '../../shared/arith/rational';
import { shown } from './ResultsView';

describe('results screen figures', () => {
  it('shows a 4-digit МКД weight grouped as areas are (2 945,85 m²), whole votes as counts (1234)', () => {
    expect(shown(rational(294585n, 100n), false)).toBe('2\u00a0945,85');
    expect(shown(rational(99999n, 100n), false)).toBe('999,99');
    expect(shown(fromInt(12556), false)).toBe('12\u00a0556,00');
    expect(shown(fromInt(1234), true)).toBe('1234');
    expect(shown(fromInt(12345), true)).toBe('12\u00a0345');
  });
});
