/**
 * Batch exchange between laptops: paper and in-person ballots written as the ballot batch file that
 * `parseBallotBatch` (and `golos tally --paper`) reads, and an imported batch merged into the stored
 * ballots so that importing twice changes nothing and clashes are listed.
 *
 * A ballot's identity is its voter (the registry person when a registry is given), channel, copy and
 * date received; its content is what the file carries of the rest: delivery, whole-ballot problems,
 * representative, power of attorney and the marks.
 */
import { BATCH_COLUMNS } from './parseBallotBatch';
import type { Ballot, Person, VoterRef } from '../domain/types';
import { formatSnils } from '../registry/snils';
import { normalizeCadastral } from '../registry/cadastral';
import { plotKey } from '../registry/fieldValues';
import { writeCsv } from '../spreadsheet/writeCsv';
import { normalizeName } from '../text/normalizeName';
import { diffBallots, markOf, VOID_REASONS, type BallotDiff } from './ballotDiff';
import { voterIndex } from './voterRef';
import { BATCH_MARK_WORD, BATCH_VOID_WORD } from '../vocabulary';
import { dateRu } from '../meetings/dates';

const DELIVERY_WORD = {
  mail: 'почта',
  hand: 'лично',
  email: 'email',
  session: 'на собрании',
  platform: 'госуслуги',
} as const;

/** The content cells of a ballot (everything but its identity), as written to the file. */
function contentCells(b: Ballot, questions: readonly number[]): string[] {
  const rep = b.representative;
  let poa = (rep?.powerOfAttorney ?? '').replace(/\s+/g, ' ').trim();
  if (rep?.powerOfAttorneyDate && !poa.includes(dateRu(rep.powerOfAttorneyDate))) {
    poa = `${poa}${poa ? ' ' : ''}от ${dateRu(rep.powerOfAttorneyDate)}`;
  }
  return [
    b.delivery ? DELIVERY_WORD[b.delivery] : '',
    VOID_REASONS.filter((r) => b.voidReasons.includes(r))
      .map((r) => BATCH_VOID_WORD[r])
      .join(', '),
    rep ? rep.fullName.replace(/\s+/g, ' ').trim() : '',
    rep ? poa : '',
    ...questions.map((n) => BATCH_MARK_WORD[markOf(b, n)]),
  ];
}

function identityVoter(
  b: Ballot,
  person: Person | undefined,
): Pick<VoterRef, 'snils' | 'plotNumber' | 'fullName'> {
  const v = b.voter;
  const plot = v.plotNumber ?? v.cadastralNumber ?? person?.holdings[0]?.plotNumber;
  const snils = v.snils ?? person?.snils;
  const fullName = v.fullName ?? person?.fullName;
  return {
    ...(snils ? { snils } : {}),
    ...(plot ? { plotNumber: plot } : {}),
    ...(fullName ? { fullName } : {}),
  };
}

/** The voter (СНИЛС, plot, name: what another laptop can match) and content cells of a ballot row. */
export function ballotCells(
  b: Ballot,
  questions: readonly number[],
  byId: ReadonlyMap<string, Person>,
): string[] {
  const who = identityVoter(b, b.voter.personId ? byId.get(b.voter.personId) : undefined);
  if (!who.snils && !who.plotNumber && !who.fullName) {
    throw new RangeError(`Ballot ${b.id} names no voter the batch file can carry`);
  }
  return [
    who.snils ? formatSnils(who.snils) : '',
    who.plotNumber ?? '',
    who.fullName ?? '',
    b.channel === 'in_person' ? 'очно' : 'бумага',
    b.copy === 'scan' ? 'скан' : 'оригинал',
    dateRu(b.receivedAt),
    ...contentCells(b, questions),
  ];
}

/** The voter as another laptop can match it (no registry id: ids differ between installs). */
export function portableVoter(b: Ballot, byId: ReadonlyMap<string, Person>): VoterRef {
  const person = b.voter.personId ? byId.get(b.voter.personId) : undefined;
  const { personId: _id, ...rest } = b.voter;
  const who = identityVoter(b, person);
  if (rest.cadastralNumber) delete who.plotNumber;
  return { ...rest, ...who };
}

/**
 * The batch file (CSV, UTF-8 with BOM, `;`-separated, CRLF) of the paper and in-person ballots given;
 * electronic ones are left out (they come from the Gosuslugi file). A ballot that names its voter by
 * registry id only gets СНИЛС, plot and name from `registry`.
 */
export function writeBallotBatch(
  ballots: readonly Ballot[],
  questions: readonly number[],
  registry: readonly Person[] = [],
): string {
  const byId = new Map(registry.map((p) => [p.id, p]));
  const lines = [[...BATCH_COLUMNS, ...questions.map(String)]];
  for (const b of ballots) {
    if (b.channel === 'gosuslugi') continue;
    lines.push(ballotCells(b, questions, byId));
  }
  return writeCsv(lines);
}

export interface BatchClash {
  stored: Ballot;
  imported: Ballot;
  diff: BallotDiff;
}

export interface BatchMerge {
  /** New ballots (ids made unique against the stored ones). */
  added: Ballot[];
  /** Already stored exactly so: skipped. */
  identical: Ballot[];
  /** The same ballot (voter, channel, copy, date) stored with different content: not imported. */
  clashes: BatchClash[];
}

export interface MergeOptions {
  /** Agenda question numbers the content is compared on; default: every question either ballot marks. */
  questions?: readonly number[];
  /** Resolves voters to registry persons, so a ballot keyed by id and its row in a file are the same. */
  registry?: readonly Person[];
}

/** The voter key of a ballot: registry person, else its first own key. */
function voterKey(b: Ballot, registry: readonly Person[] | undefined): string {
  if (registry) {
    const i = voterIndex(registry, b.voter);
    if (i >= 0) return `p:${i}`;
  }
  const v = b.voter;
  if (v.snils) return `s:${v.snils.replace(/\D/g, '')}`;
  if (v.cadastralNumber) return `c:${normalizeCadastral(v.cadastralNumber)}`;
  if (v.plotNumber) return `u:${plotKey(v.plotNumber)}`;
  if (v.fullName) return `n:${normalizeName(v.fullName)}`;
  return `id:${v.personId ?? b.id}`;
}

/** Identity of a ballot for merging: voter, channel, copy, date received. */
export function ballotIdentity(b: Ballot, registry?: readonly Person[]): string {
  return [voterKey(b, registry), b.channel, b.copy, b.receivedAt].join('|');
}

function questionsOf(a: Ballot, b: Ballot): number[] {
  const s = new Set<number>();
  for (const k of Object.keys(a.marks)) s.add(Number(k));
  for (const k of Object.keys(b.marks)) s.add(Number(k));
  return [...s].sort((x, y) => x - y);
}

/**
 * Merges an imported batch into the stored ballots. Pass every stored ballot, withdrawn ones too, so a
 * withdrawn ballot is not brought back. Importing the same batch again adds nothing.
 */
export function mergeBallotBatch(
  stored: readonly Ballot[],
  imported: readonly Ballot[],
  opts: MergeOptions = {},
): BatchMerge {
  const known = new Map<string, Ballot[]>();
  const ids = new Set<string>();
  const remember = (key: string, b: Ballot) => {
    const list = known.get(key);
    if (list) list.push(b);
    else known.set(key, [b]);
    ids.add(b.id);
  };
  for (const b of stored) remember(ballotIdentity(b, opts.registry), b);
  const merge: BatchMerge = { added: [], identical: [], clashes: [] };
  for (const b of imported) {
    if (b.channel === 'gosuslugi') continue;
    const key = ballotIdentity(b, opts.registry);
    const have = known.get(key);
    if (have) {
      const same = have.some((h) => {
        const qs = opts.questions ?? questionsOf(h, b);
        return contentCells(h, qs).join('\u0000') === contentCells(b, qs).join('\u0000');
      });
      if (same) merge.identical.push(b);
      else {
        // Same identity: the voter may be named differently (registry id or file columns), not a clash.
        const diff = diffBallots(have[0]!, b, opts.questions ?? questionsOf(have[0]!, b));
        merge.clashes.push({
          stored: have[0]!,
          imported: b,
          diff: { ...diff, fields: diff.fields.filter((f) => f !== 'voter') },
        });
      }
      continue;
    }
    let id = b.id;
    for (let n = 2; ids.has(id); n++) id = `${b.id}#${n}`;
    const added = id === b.id ? b : { ...b, id };
    remember(key, added);
    merge.added.push(added);
  }
  return merge;
}
