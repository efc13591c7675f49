/**
 * Finding a ballot's voter in the registry: by person id, then СНИЛС, then cadastral number, then plot
 * number, then a unique normalised full name. A key that several persons share is ambiguous and the
 * next key is tried. The tally's names for the one voter matcher of shared/registry/voterIndex.ts (the
 * Gosuslugi import uses it too, with the candidates of an ambiguous key).
 */
import type { VoterRef } from '../domain/types';
import {
  AMBIGUOUS_MATCH,
  findVoterPacked,
  indexVoters,
  NO_DETAILS,
  NOT_FOUND,
  packedKey,
  type VoterIndex,
  type VoterKey,
} from '../registry/voterIndex';

export type MatchedBy = VoterKey;
export type RegistryIndex = VoterIndex;
export { AMBIGUOUS_MATCH, NO_DETAILS, NOT_FOUND };

export type VoterMatch =
  | { ok: true; index: number; by: MatchedBy }
  /** not_found: no key names anyone; ambiguous: a key names several persons; no_details: nothing given. */
  | { ok: false; reason: 'not_found' | 'ambiguous' | 'no_details' };

/** The index of a registry snapshot, built once per array (see indexVoters). */
export const indexRegistry = indexVoters;

export const matchedBy = packedKey;

export function matchVoter(ix: RegistryIndex, ref: VoterRef): VoterMatch {
  const m = findVoterPacked(ix, ref);
  if (m >= 0) return { ok: true, index: m >> 3, by: packedKey(m) };
  return {
    ok: false,
    reason: m === NO_DETAILS ? 'no_details' : m === AMBIGUOUS_MATCH ? 'ambiguous' : 'not_found',
  };
}
