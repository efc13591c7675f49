import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VoterRef } from '../domain/types';
import {
  findVoterPacked,
  indexVoters,
  lookupVoter,
  lookupVoters,
  NONE,
  refValue,
  type VoterIndex,
  VOTER_KEYS,
} from '../registry/voterIndex';
import {
  CADASTRAL_NOT_FOUND,
  findPaperVoter,
  IDENTITY_MISMATCH,
  PLOT_NOT_FOUND,
  SNILS_NOT_FOUND,
} from './identity';
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

/**
 * The rule of identity.ts written out plainly, with no shortcut: every detail given is looked up (the
 * name through the name index, however it is spelled), as the module's doc comment states the rule.
 */
function paperVoterPlainly(ix: VoterIndex, ref: VoterRef): number {
  const m = findVoterPacked(ix, ref);
  if (ref.personId) return m;
  const missing = { snils: SNILS_NOT_FOUND, cadastral: CADASTRAL_NOT_FOUND, plot: PLOT_NOT_FOUND } as const;
  for (const key of ['snils', 'cadastral', 'plot'] as const) {
    const raw = refValue(ref, key);
    if (raw && lookupVoter(ix, key, raw) === NONE) return missing[key];
  }
  if (m < 0) return m;
  for (const key of ['snils', 'cadastral', 'plot', 'name'] as const) {
    const raw = refValue(ref, key);
    if (key === VOTER_KEYS[m & 7] || !raw) continue;
    const named = lookupVoters(ix, key, raw);
    if (named.length > 0 && !named.includes(m >> 3)) return IDENTITY_MISMATCH;
  }
  return m;
}

describe('findPaperVoter against the rule written out plainly', () => {
  // Namesakes (p3 has p1's name), a shared plot (p4 holds p2's), a name written as no one's.
  const registry = [
    person('p1', 'member', { fullName: 'Семёнова Марина Викторовна' }),
    person('p2', 'member', { fullName: 'Воробьёв Юрий Николаевич' }),
    person('p3', 'member', { fullName: 'Семёнова Марина Викторовна' }),
    person('p4', 'member', {
      fullName: 'Ёлкин Пётр Ильич',
      holdings: [{ plotNumber: '2', cadastralNumber: '50:18:0080301:4' }],
    }),
  ];
  const spellings = (name: string) => [
    name,
    name.toUpperCase(),
    name.replace(/ё/g, 'е').replace(/Ё/g, 'Е'),
    `  ${name.split(' ').join('   ')} `,
  ];
  const names = [...registry.flatMap((p) => spellings(p.fullName)), 'Неизвестный Иван', ''];
  const snils = [...registry.map((p) => p.snils!), '11111111111', ''];
  const plots = ['1', '2', '3', '4', '99', ''];
  const cadastral = ['50:18:0080301:1', '50:18:0080301:4', '50:18:0080301:77', ''];

  it('gives what every detail looked up gives, a name spelled as in the registry or not', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.constantFrom(...snils),
        fc.constantFrom(...plots),
        fc.constantFrom(...cadastral),
        (fullName, s, plotNumber, cadastralNumber) => {
          const ref: VoterRef = {
            ...(fullName ? { fullName } : {}),
            ...(s ? { snils: s } : {}),
            ...(plotNumber ? { plotNumber } : {}),
            ...(cadastralNumber ? { cadastralNumber } : {}),
          };
          // A fresh index each time: the shortcut must not depend on which maps were built before.
          expect(findPaperVoter(indexVoters([...registry]), ref)).toBe(
            paperVoterPlainly(indexVoters([...registry]), ref),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
