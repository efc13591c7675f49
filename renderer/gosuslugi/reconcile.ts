/**
 * The reconciliation view of a tally: persons with several accepted ballots (agreeing ones count once,
 * disagreeing questions are conflicts), what the meeting's policy does with an open conflict, and
 * every decision that is not counted, with its reason. Pure: from the tally result and its input.
 */
import { toDecimal, type Rational } from '../../shared/arith/rational';
import { formatFigure } from '../../shared/documents/figuresRu';
import type { Channel, ConflictPolicy, MeetingSpec } from '../../shared/domain/types';
import { rejectText } from '../../shared/tally/explain';
import type { ConflictEntry, TallyResult } from '../../shared/tally/types';
import type { ResolutionRecord } from '../db/records';
import type { ResolutionInput } from './resolutionRepo';
import { CHANNEL_LABEL } from '../../shared/vocabulary';

export interface SeveralBallots {
  personId: string;
  name: string;
  channels: Channel[];
  /** Sources of the accepted ballots, in the order received. */
  sources: string[];
  /** Questions where they disagree (conflicts); empty: they agree and count once. */
  conflicts: number[];
}

/** Persons with more than one accepted ballot, those with conflicts first, then by name. */
export function severalBallots(result: TallyResult): SeveralBallots[] {
  const conflictsOf = new Map<string, number[]>();
  for (const c of result.conflicts)
    conflictsOf.set(c.personId, [...(conflictsOf.get(c.personId) ?? []), c.question]);
  const out: SeveralBallots[] = [];
  for (const p of result.persons) {
    if (!p.participated) continue;
    const accepted = result.ballots.slice(p.ballotsFrom, p.ballotsTo).filter((b) => b.status === 'accepted');
    if (accepted.length < 2) continue;
    out.push({
      personId: p.personId,
      name: p.fullName,
      channels: [...new Set(accepted.map((b) => b.channel))],
      sources: accepted.map((b) => b.source),
      conflicts: conflictsOf.get(p.personId) ?? [],
    });
  }
  const collator = new Intl.Collator('ru');
  return out.sort(
    (a, b) =>
      Number(b.conflicts.length > 0) - Number(a.conflicts.length > 0) || collator.compare(a.name, b.name),
  );
}

/** The meeting's conflicts policy in Russian: what happens to an open conflict. */
export function policyText(policy: ConflictPolicy | undefined): string {
  if (policy === undefined || policy === 'flag') return 'голос участника по такому вопросу не учитывается';
  if (policy === 'latest') return 'учитывается бюллетень, полученный последним';
  return `учитывается бюллетень по приоритету способов: ${policy.map((c) => CHANNEL_LABEL[c]).join(', ')}`;
}

/** The decisions «apply the meeting's policy to all» records for the open conflicts. */
export function policyResolutions(
  meetingId: string,
  policy: ConflictPolicy | undefined,
  open: readonly ConflictEntry[],
): ResolutionInput[] {
  return open.map((c) => ({
    meetingId,
    personId: c.personId,
    question: c.question,
    ballotId: c.countedBallotId ?? null,
    reason:
      `По правилу собрания: ${policyText(policy)}` +
      (c.countedBallotId === undefined && policy !== undefined && policy !== 'flag'
        ? ' (правило не выбрало один бюллетень, голос не учтён).'
        : '.'),
  }));
}

export const resolutionKey = (personId: string, question: number): string => `${personId}\u0000${question}`;

export function resolutionsByKey(records: readonly ResolutionRecord[]): Map<string, ResolutionRecord> {
  return new Map(records.map((r) => [resolutionKey(r.personId, r.question), r]));
}

export interface NotCountedDecision {
  source: string;
  name: string;
  channel?: Channel;
  why: string;
}

/**
 * Decisions that are not counted and why: ballots not accepted, rows matching no one in the registry
 * snapshot, and a gardener's marks on members-only questions.
 */
export function notCountedDecisions(result: TallyResult, meeting: MeetingSpec): NotCountedDecision[] {
  const names = new Map(result.persons.map((p) => [p.personId, p.fullName]));
  const out: NotCountedDecision[] = [];
  for (const u of result.unmatched) {
    out.push({
      source: u.source,
      name: u.name,
      ...(u.channel ? { channel: u.channel } : {}),
      why:
        u.reason === 'ambiguous'
          ? 'не учтено: в реестре собрания подходят несколько человек'
          : u.reason === 'no_details'
            ? 'не учтено: не указано, кто голосовал'
            : 'не учтено: голосовавшего нет в реестре собрания',
    });
  }
  for (const b of result.ballots) {
    const name = b.personId ? (names.get(b.personId) ?? '') : '';
    if (b.status === 'rejected') {
      out.push({ source: b.source, name, channel: b.channel, why: `не учтён: ${rejectText(b, meeting)}` });
    } else if (b.status === 'accepted' && b.ignoredQuestions?.length) {
      const list = b.ignoredQuestions.map((n) => `№${n}`).join(', ');
      out.push({
        source: b.source,
        name,
        channel: b.channel,
        why: `голоса по вопросам ${list} не учтены: садовод без членства не голосует по вопросам только для членов товарищества`,
      });
    }
  }
  return out;
}

/** A figure as the screens show it: persons, or area weights exact to 0.01 m² (МКД, `2 945,85`). */
export function figure(r: Rational, exact: boolean): string {
  return formatFigure(exact ? toDecimal(r, 2) : (r.n / r.d).toString());
}
