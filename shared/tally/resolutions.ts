/** The counting commission's decisions on conflicts, as the tally indexes, applies and reports them. */
import type { Mark, Person } from '../domain/types';
import { problem, type Problem } from '../result';

/** Which ballot stands for one person's disagreeing decisions on one question. */
export interface ConflictResolution {
  personId: string;
  question: number;
  /** The ballot whose mark counts; null: no ballot stands, the person's vote on it is not counted. */
  ballotId: string | null;
  /**
   * Instead of a ballot id (meeting.json): the ballot of the person with this mark on the question
   * stands. Used when `ballotId` is null; `none` with a null ballotId means no ballot stands.
   */
  mark?: Mark;
  /** Why (shown in the protocol's appendix of conflicts). */
  reason?: string;
}

export interface IndexedResolution extends ConflictResolution {
  /** Set while tallying: applied, or the ballot named is not among the person's accepted ones. */
  used?: 'applied' | 'not_accepted';
}

export const resolutionKey = (personId: string, question: number): string => `${question}\u0000${personId}`;

/** Resolutions by person and question (the last one given wins); undefined when there are none. */
export function resolutionIndex(
  list: readonly ConflictResolution[] | undefined,
): Map<string, IndexedResolution> | undefined {
  if (!list || list.length === 0) return undefined;
  const out = new Map<string, IndexedResolution>();
  for (const r of list) out.set(resolutionKey(r.personId, r.question), { ...r });
  return out;
}

/** A warning for every resolution the tally could not apply, naming the person, question and why. */
export function reportResolutions(
  resolutions: Map<string, IndexedResolution>,
  registry: readonly Person[],
  numbers: readonly number[],
  problems: Problem[],
): void {
  const names = new Map(registry.map((p) => [p.id, p.fullName]));
  for (const r of resolutions.values()) {
    if (r.used === 'applied') continue;
    const name = names.get(r.personId);
    const what = `Решение комиссии по участнику «${name ?? r.personId}», вопрос ${r.question}, не применено`;
    let why: string;
    if (name === undefined) why = 'участника нет в реестре собрания';
    else if (!numbers.includes(r.question)) why = 'такого вопроса нет в повестке';
    else if (r.used === 'not_accepted')
      why = `выбранный бюллетень ${r.ballotId} не принят к подсчёту (отозван, заменён или не прошёл проверку); решите расхождение заново`;
    else why = 'бюллетени участника по этому вопросу не расходятся';
    const code = r.used === 'not_accepted' ? 'resolution_ballot_not_accepted' : 'resolution_not_needed';
    problems.push(problem(code, `${what}: ${why}.`, {}, 'warning'));
  }
}
