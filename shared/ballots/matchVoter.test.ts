import { person } from '../tally/tally.testkit';
import { indexRegistry, matchVoter } from './matchVoter';

describe('matchVoter', () => {
  const registry = [
    person('p1', 'member', { fullName: 'Семёнова Марина Викторовна', holdings: [{ plotNumber: '12а' }] }),
    person('p2', 'member', {
      snils: '11111111145',
      holdings: [{ plotNumber: '7', cadastralNumber: '50:18:1:7' }],
    }),
    // A co-owned plot: the plot number names two persons.
    person('p3', 'owner', { snils: undefined, holdings: [{ plotNumber: '9' }] }),
    person('p4', 'owner', { snils: undefined, holdings: [{ plotNumber: '9' }] }),
  ];
  const ix = indexRegistry(registry);

  it('tries СНИЛС, cadastral number, plot, then name, and says which matched', () => {
    expect(matchVoter(ix, { snils: '111-111-111 45' })).toEqual({ ok: true, index: 1, by: 'snils' });
    expect(matchVoter(ix, { snils: '99999999999', cadastralNumber: '50:18:1:7 ' })).toEqual({
      ok: true,
      index: 1,
      by: 'cadastral',
    });
    expect(matchVoter(ix, { plotNumber: 'Уч. 12А' })).toEqual({ ok: true, index: 0, by: 'plot' });
    expect(matchVoter(ix, { fullName: 'СЕМЕНОВА  марина викторовна' })).toEqual({
      ok: true,
      index: 0,
      by: 'name',
    });
    expect(matchVoter(ix, { personId: 'p4' })).toEqual({ ok: true, index: 3, by: 'id' });
  });

  it('is ambiguous when a key names several persons, and says when nothing was given', () => {
    expect(matchVoter(ix, { plotNumber: '9' })).toEqual({ ok: false, reason: 'ambiguous' });
    expect(matchVoter(ix, { plotNumber: '9', fullName: 'Участник p4' })).toEqual({
      ok: true,
      index: 3,
      by: 'name',
    });
    expect(matchVoter(ix, { snils: '22222222222' })).toEqual({ ok: false, reason: 'not_found' });
    expect(matchVoter(ix, {})).toEqual({ ok: false, reason: 'no_details' });
  });
});
