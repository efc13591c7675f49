/**
 * Who a paper ballot names (issue 11, item 10). A paper ballot is matched by its strongest detail, as
 * any ballot is, but every identifying detail it carries must point to that person: a СНИЛС, cadastral
 * number or plot number that names no one in the registry, or a detail that names someone other than
 * the ballot's name, rejects the ballot with that reason. It is never counted for a namesake. A name
 * that names no one (a misspelling) does not reject a ballot whose СНИЛС or plot found its voter.
 */
import type { VoterRef } from '../domain/types';
import { formatSnils } from '../registry/snils';
import {
  AMBIGUOUS,
  findVoterPacked,
  lookupVoter,
  lookupVoters,
  NONE,
  refValue,
  type VoterIndex,
  VOTER_KEYS,
  type VoterKey,
} from '../registry/voterIndex';

/** Packed failures beyond those of findVoterPacked (NOT_FOUND -1, AMBIGUOUS_MATCH -2, NO_DETAILS -3). */
export const SNILS_NOT_FOUND = -4;
export const CADASTRAL_NOT_FOUND = -5;
export const PLOT_NOT_FOUND = -6;
/** A detail names a registry person other than the one the ballot's name (or another detail) names. */
export const IDENTITY_MISMATCH = -7;

const DETAILS: readonly { key: VoterKey; missing: number }[] = [
  { key: 'snils', missing: SNILS_NOT_FOUND },
  { key: 'cadastral', missing: CADASTRAL_NOT_FOUND },
  { key: 'plot', missing: PLOT_NOT_FOUND },
];

/** The details that must name the matched person (its name too), in the order checked. */
const CHECKED_KEYS: readonly VoterKey[] = ['snils', 'cadastral', 'plot', 'name'];

/** Whether the key value names person `i` (alone or among several); null when it names no one. */
function names(ix: VoterIndex, key: VoterKey, raw: string, i: number): boolean | null {
  const found = lookupVoter(ix, key, raw);
  if (found === NONE) return null;
  if (found >= 0) return found === i;
  if (found === AMBIGUOUS) return lookupVoters(ix, key, raw).includes(i);
  return true; // empty once normalised: as if not given
}

/**
 * Whether `raw` is, as written, person `i`'s own value of the key: then it names `i` (alone or among
 * namesakes) without a lookup, and the name index need not be built when ballots spell names as the
 * registry does (the first tally's cost: normalising every name).
 */
function ownValue(ix: VoterIndex, key: VoterKey, raw: string, i: number): boolean {
  const p = ix.persons[i]!;
  if (key === 'name') return raw === p.fullName;
  if (key === 'snils') return raw === p.snils;
  for (const h of p.holdings) if (raw === (key === 'plot' ? h.plotNumber : h.cadastralNumber)) return true;
  return false;
}

/** The voter of a paper or in-person ballot: findVoterPacked's answer, or one of the failures above. */
export function findPaperVoter(ix: VoterIndex, ref: VoterRef): number {
  const m = findVoterPacked(ix, ref);
  if (ref.personId) return m;
  // The key that matched names someone: looked up once, not again.
  const by = m >= 0 ? VOTER_KEYS[m & 7] : undefined;
  for (const { key, missing } of DETAILS) {
    const raw = refValue(ref, key);
    if (raw && key !== by && lookupVoter(ix, key, raw) === NONE) return missing;
  }
  if (m < 0) return m;
  const i = m >> 3;
  for (const key of CHECKED_KEYS) {
    const raw = refValue(ref, key);
    if (raw && key !== by && !ownValue(ix, key, raw, i) && names(ix, key, raw, i) === false) {
      return IDENTITY_MISMATCH;
    }
  }
  return m;
}

/**
 * A СНИЛС as reasons print it: the first six digits hidden, as in a protocol copy for publication (the
 * ballot's source names the paper to look at); anything not 11 digits as written.
 */
function maskedSnils(raw: string): string {
  const d = raw.replace(/\D/g, '');
  return d.length === 11 ? `***-***-${d.slice(6, 9)} ${d.slice(9)}` : formatSnils(raw);
}

/** The failing detail in Russian, for the reason of a rejected ballot («СНИЛС 123-456-789 01»). */
export function identityDetail(ref: VoterRef, code: number): string {
  switch (code) {
    case SNILS_NOT_FOUND:
      return `СНИЛС ${maskedSnils(ref.snils ?? '')}`;
    case CADASTRAL_NOT_FOUND:
      return `кадастровый номер ${ref.cadastralNumber ?? ''}`;
    case PLOT_NOT_FOUND:
      return `участок (помещение) № ${ref.plotNumber ?? ''}`;
    default: {
      const given = [
        ref.snils ? `СНИЛС ${maskedSnils(ref.snils)}` : '',
        ref.cadastralNumber ? `кадастровый номер ${ref.cadastralNumber}` : '',
        ref.plotNumber ? `участок № ${ref.plotNumber}` : '',
      ].filter(Boolean);
      return `${given.join(', ')} и ФИО «${ref.fullName ?? ''}»`;
    }
  }
}
