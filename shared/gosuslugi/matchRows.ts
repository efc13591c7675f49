/**
 * Matching the rows of a results file to the meeting's registry snapshot: by СНИЛС, then cadastral
 * number, then a unique normalised full name (the voter matcher of the tally), then the user's
 * decisions on top (pick a person, or "not a participant" with a reason). A person on two rows of one
 * file is reported.
 */
import type { Person } from '../domain/types';
import { problem, type Problem } from '../result';
import { findVoter, type VoterIndex, type VoterKey } from '../registry/voterIndex';
import type { GosuslugiRow } from './readRows';

export type MatchedBy = 'snils' | 'cadastral' | 'name';

export type RowMatch =
  | { status: 'matched'; personId: string; by: MatchedBy | 'user' }
  /** Several persons fit (two sharing a cadastral number or a name): the user picks one. */
  | { status: 'ambiguous'; by: MatchedBy; candidates: string[] }
  /** not_found: no one in the registry has these details; no_details: the row names no one. */
  | { status: 'unmatched'; reason: 'not_found' | 'no_details' }
  | { status: 'not_participant'; reason: string };

/** What the user decided for a row on the review screen. */
export type MatchDecision =
  | { row: number; kind: 'person'; personId: string }
  | { row: number; kind: 'not_participant'; reason: string };

export interface PersonTwice {
  personId: string;
  /** 1-based rows, in file order. */
  rows: number[];
}

export interface RowMatches {
  /** matches[i] belongs to rows[i]. */
  matches: RowMatch[];
  /** Persons matched on more than one row (skipped rows aside). */
  duplicates: PersonTwice[];
  problems: Problem[];
}

/** The Gosuslugi file does not use plot numbers: a premises number names several owners. */
export const GOSUSLUGI_KEYS: readonly VoterKey[] = ['snils', 'cadastral', 'name'];

export function matchRow(ix: VoterIndex, row: GosuslugiRow): RowMatch {
  const ref = {
    ...(row.snils ? { snils: row.snils } : {}),
    ...(row.cadastral.length ? { cadastralNumber: row.cadastral.join(';') } : {}),
    ...(row.fullName ? { fullName: row.fullName } : {}),
  };
  const found = findVoter(ix, ref, GOSUSLUGI_KEYS);
  switch (found.status) {
    case 'matched':
      return { status: 'matched', personId: ix.persons[found.index]!.id, by: found.by as MatchedBy };
    case 'ambiguous':
      return {
        status: 'ambiguous',
        by: found.by as MatchedBy,
        candidates: found.candidates.map((i) => ix.persons[i]!.id),
      };
    case 'not_found':
    case 'no_details':
      return { status: 'unmatched', reason: found.status };
  }
}

function listRows(rows: readonly number[]): string {
  return rows.length === 2 ? `${rows[0]} и ${rows[1]}` : rows.join(', ');
}

export function matchGosuslugiRows(
  rows: readonly GosuslugiRow[],
  ix: VoterIndex,
  decisions: readonly MatchDecision[] = [],
  file?: string,
): RowMatches {
  const problems: Problem[] = [];
  const matches = rows.map((row) => matchRow(ix, row));
  const at = new Map(rows.map((r, i) => [r.row, i]));
  const byId = new Map<string, Person>(ix.persons.map((p) => [p.id, p]));
  for (const d of decisions) {
    const i = at.get(d.row);
    const where = { ...(file ? { file } : {}), row: d.row };
    if (i === undefined) {
      problems.push(
        problem(
          'gosuslugi_decision_row',
          `Решение для строки ${d.row} не применено: в файле нет такой строки участника.`,
          where,
          'warning',
        ),
      );
    } else if (d.kind === 'person') {
      if (byId.has(d.personId)) matches[i] = { status: 'matched', personId: d.personId, by: 'user' };
      else {
        problems.push(
          problem(
            'gosuslugi_decision_person',
            `Строка ${d.row}: выбранного участника нет в реестре собрания; выберите другого.`,
            where,
          ),
        );
      }
    } else if (d.reason.trim() === '') {
      problems.push(
        problem(
          'gosuslugi_decision_reason',
          `Строка ${d.row}: укажите причину, по которой это не участник собрания.`,
          where,
        ),
      );
    } else matches[i] = { status: 'not_participant', reason: d.reason.trim() };
  }

  const rowsOf = new Map<string, number[]>();
  matches.forEach((m, i) => {
    if (m.status !== 'matched' || rows[i]!.skipped) return;
    const list = rowsOf.get(m.personId);
    if (list) list.push(rows[i]!.row);
    else rowsOf.set(m.personId, [rows[i]!.row]);
  });
  const duplicates: PersonTwice[] = [];
  for (const [personId, list] of rowsOf) {
    if (list.length < 2) continue;
    duplicates.push({ personId, rows: list });
    problems.push(
      problem(
        'gosuslugi_person_twice',
        `Участник «${byId.get(personId)?.fullName ?? personId}» есть в строках ${listRows(list)}: ` +
          'совпадающие ответы будут учтены один раз, расходящиеся — как конфликт. Лишнюю строку можно пропустить.',
        { ...(file ? { file } : {}), row: list[1]! },
        'warning',
      ),
    );
  }
  duplicates.sort((a, b) => a.rows[0]! - b.rows[0]!);
  return { matches, duplicates, problems };
}
