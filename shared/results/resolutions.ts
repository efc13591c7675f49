/**
 * The counting commission's decisions of meeting.json, each naming its person by СНИЛС or full name,
 * turned into the tally's resolutions (by registry id and the mark that stands).
 */
import type { Person } from '../domain/types';
import { err, ok, problem, type Problem, type Result } from '../result';
import { AMBIGUOUS_MATCH, findVoterPacked, indexVoters } from '../registry/voterIndex';
import type { ResolutionEntry } from '../tally/meetingJson';
import type { ConflictResolution } from '../tally/tally';

export function resolveResolutions(
  entries: readonly ResolutionEntry[],
  registry: readonly Person[],
  file: string,
): Result<ConflictResolution[]> {
  const ix = indexVoters(registry);
  const problems: Problem[] = [];
  const out: ConflictResolution[] = [];
  for (const e of entries) {
    const digits = e.person.replace(/[\s-]/g, '');
    const ref = /^\d{11}$/.test(digits) ? { snils: digits } : { fullName: e.person };
    const m = findVoterPacked(ix, ref, [/^\d{11}$/.test(digits) ? 'snils' : 'name']);
    if (m < 0) {
      problems.push(
        problem(
          'resolution_person',
          `Строка ${e.row}, поле «${e.path}.person»: «${e.person}» — ${m === AMBIGUOUS_MATCH ? 'в реестре несколько таких участников, укажите СНИЛС' : 'нет в реестре'}.`,
          { file, row: e.row, field: `${e.path}.person` },
        ),
      );
      continue;
    }
    out.push({
      personId: registry[m >> 3]!.id,
      question: e.question,
      ballotId: null,
      ...(e.choice !== 'none' ? { mark: e.choice } : {}),
      ...(e.reason ? { reason: e.reason } : {}),
    });
  }
  return problems.length > 0 ? err(problems) : ok(out);
}
