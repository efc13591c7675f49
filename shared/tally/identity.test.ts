import { describe, expect, it } from 'vitest';
import { indexVoters } from '../registry/voterIndex';
import { findPaperVoter, IDENTITY_MISMATCH, PLOT_NOT_FOUND } from './identity';
import { person } from './tally.testkit';

// Registry index × 8 + the key's position (plot 3) when one person matches.
const byPlot = (i: number) => i * 8 + 3;

describe('findPaperVoter', () => {
  const registry = [
    person('p1', 'member', { fullName: 'Семёнова Марина Викторовна' }),
    person('p2', 'member', { fullName: 'Воробьёв Юрий Николаевич' }),
  ];

  it('takes a name written as in the registry without building the name index', () => {
    const ix = indexVoters([...registry]);
    expect(findPaperVoter(ix, { plotNumber: '2', fullName: 'Воробьёв Юрий Николаевич' })).toBe(byPlot(1));
    expect(ix.maps.name).toBeUndefined();
  });

  it('matches a name spelled otherwise (е for ё, capitals, spaces) through the name index', () => {
    const ix = indexVoters([...registry]);
    const ref = { plotNumber: '1', fullName: '  СЕМЕНОВА марина  викторовна' };
    expect(findPaperVoter(ix, ref)).toBe(byPlot(0));
    expect(ix.maps.name).toBeDefined();
  });

  it('rejects a plot of one person with the name of another, however the name is written', () => {
    const ix = indexVoters([...registry]);
    expect(findPaperVoter(ix, { plotNumber: '1', fullName: 'Воробьёв Юрий Николаевич' })).toBe(
      IDENTITY_MISMATCH,
    );
    expect(findPaperVoter(ix, { plotNumber: '1', fullName: 'воробьев юрий николаевич' })).toBe(
      IDENTITY_MISMATCH,
    );
  });

  it('still checks a detail that did not make the match: a СНИЛС of another person, a plot no one has', () => {
    const ix = indexVoters([...registry]);
    expect(findPaperVoter(ix, { plotNumber: '1', snils: registry[1]!.snils! })).toBe(IDENTITY_MISMATCH);
    expect(findPaperVoter(ix, { snils: registry[0]!.snils!, plotNumber: '99' })).toBe(PLOT_NOT_FOUND);
  });
});
