/**
 * Each ballot's voter as the tally matches it, as a column an importer hands over with the marks
 * (MarkCodes.voters): `golos tally`'s importers are given the registry and match every row against it
 * anyway (the Gosuslugi rows to list the ones matching no one), so they build the registry's key maps
 * and can write each ballot's match as they make it. The tally then takes the column instead of
 * matching 25,000 ballots again; it is only valid for the same registry index (the same array).
 */
import type { Ballot } from '../domain/types';
import { findVoterPacked, type VoterIndex } from '../registry/voterIndex';
import { findPaperVoter } from './identity';

export interface VoterMatches {
  /** The registry index matched against (indexVoters: one per registry array). */
  readonly index: VoterIndex;
  /** Per ballot, ballotVoter's answer. */
  readonly match: Int32Array;
}

/**
 * The voter of a ballot: registry index × 8 + key, or a negative failure. A paper or in-person ballot's
 * every detail must name its voter (identity.ts); electronic rows are matched as imported.
 */
export function ballotVoter(ix: VoterIndex, ballot: Ballot): number {
  return ballot.channel === 'gosuslugi'
    ? findVoterPacked(ix, ballot.voter)
    : findPaperVoter(ix, ballot.voter);
}

/** The column of a file's ballots, as its importer hands it over. */
export function matchVoters(ix: VoterIndex, ballots: readonly Ballot[]): VoterMatches {
  const match = new Int32Array(ballots.length);
  for (let b = 0; b < ballots.length; b++) match[b] = ballotVoter(ix, ballots[b]!);
  return { index: ix, match };
}
