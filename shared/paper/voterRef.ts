import { indexRegistry, matchVoter } from '../ballots/matchVoter';
import type { Person, VoterRef } from '../domain/types';

/**
 * How a keyed ballot names its voter: the registry id plus СНИЛС, first plot and name, so the ballot
 * still identifies the person in a batch file read on another laptop (which has no ids).
 */
export function voterRefOf(person: Person): VoterRef {
  const plot = person.holdings[0];
  return {
    personId: person.id,
    ...(person.snils ? { snils: person.snils } : {}),
    ...(plot ? { plotNumber: plot.plotNumber } : {}),
    fullName: person.fullName,
  };
}

/** Registry index of the ballot's voter (the tally's matching), or -1 when not exactly one person. */
export function voterIndex(registry: readonly Person[], voter: VoterRef): number {
  const m = matchVoter(indexRegistry(registry), voter);
  return m.ok ? m.index : -1;
}
