/**
 * The integrity check's findings in Russian: which record, what happened to it outside the program, and
 * for a change what it was and what it is now («бюллетень Петрова И. И., участок 12: изменён вне
 * программы, вопрос 3: было «за», стало «против»»).
 */
import type { Mark } from '../../shared/domain/types';
import { currentVersion, type PaperBallotRecord } from '../../shared/paper/ballotRecord';
import { describeChange, diffSummary } from './auditDiff';
import type { DataIssue } from './dataCheck';
import { MARK_EXPLANATION } from '../../shared/vocabulary';

type Json = Record<string, unknown>;
const asRecord = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});

function ballotOf(value: unknown) {
  const record = asRecord(value) as unknown as PaperBallotRecord;
  return Array.isArray(record.versions) && record.versions.length > 0 ? currentVersion(record) : undefined;
}

/** How a record is named: «бюллетень Петрова И. И., участок 12», «участник реестра …», … */
export function recordName(
  issue: Pick<DataIssue, 'table' | 'key' | 'expected' | 'stored'>,
  names: ReadonlyMap<string, string> = new Map(),
): string {
  const value = asRecord(issue.stored ?? issue.expected);
  const person = (id: unknown) => (typeof id === 'string' ? names.get(id) : undefined);
  switch (issue.table) {
    case 'paperBallots': {
      const voter = asRecord(ballotOf(value)?.ballot.voter);
      const who = (voter.fullName as string | undefined) ?? person(value.personId) ?? `№ ${issue.key}`;
      const plot = voter.plotNumber ? `, участок ${String(voter.plotNumber)}` : '';
      return `бюллетень ${who}${plot}`;
    }
    case 'persons':
      return `участник реестра ${String(value.fullName ?? issue.key)}`;
    case 'meetings':
      return `собрание «${String(value.title ?? issue.key)}»`;
    case 'snapshots':
      return `реестр, зафиксированный для собрания (запись ${issue.key})`;
    case 'gosuslugiImports':
      return `загрузка итогов Госуслуг «${String(value.fileName ?? issue.key)}»`;
    case 'resolutions':
      return `решение комиссии по вопросу ${String(value.question ?? '?')} (${person(value.personId) ?? 'участник'})`;
    case 'attendance':
      return `регистрация на очной части: ${person(value.personId) ?? String(value.personId ?? issue.key)}`;
  }
}

const markText = (m: unknown) =>
  m === undefined ? 'нет отметки' : `«${MARK_EXPLANATION[m as Mark] ?? String(m)}»`;

/** What differs: per question for a ballot, per field otherwise. */
function changes(issue: DataIssue): string[] {
  if (issue.table === 'paperBallots') {
    const was = ballotOf(issue.expected);
    const now = ballotOf(issue.stored);
    if (was && now) {
      const out: string[] = [];
      const marks = [asRecord(was.ballot.marks), asRecord(now.ballot.marks)];
      const questions = [...new Set([...Object.keys(marks[0]!), ...Object.keys(marks[1]!)])].sort(
        (a, b) => Number(a) - Number(b),
      );
      for (const q of questions) {
        if (marks[0]![q] !== marks[1]![q])
          out.push(`вопрос ${q}: было ${markText(marks[0]![q])}, стало ${markText(marks[1]![q])}`);
      }
      const { marks: _a, ...restWas } = was.ballot;
      const { marks: _b, ...restNow } = now.ballot;
      const other = diffSummary(
        { ...restWas, withdrawn: was.withdrawn },
        { ...restNow, withdrawn: now.withdrawn },
      );
      out.push(...other.changes.map(describeChange));
      const versions = [asRecord(issue.expected).versions, asRecord(issue.stored).versions] as unknown[][];
      if (versions[0]?.length !== versions[1]?.length) {
        out.push(`версий было ${versions[0]?.length ?? 0}, стало ${versions[1]?.length ?? 0}`);
      }
      if (out.length > 0) return out;
    }
  }
  return diffSummary(issue.expected, issue.stored).changes.map(describeChange);
}

/** The participle's ending by the gender of the record's name: бюллетень изменён, загрузка изменена. */
const ENDING: Record<DataIssue['table'], string> = {
  paperBallots: '',
  persons: '',
  snapshots: '',
  meetings: 'о',
  resolutions: 'о',
  gosuslugiImports: 'а',
  attendance: 'а',
};
const VERB: Record<DataIssue['kind'], string> = { changed: 'изменён', added: 'добавлен', deleted: 'удалён' };

function verb(issue: DataIssue): string {
  const base = VERB[issue.kind];
  const ending = ENDING[issue.table];
  return `${ending ? base.replace('ё', 'е') + ending : base} вне программы`;
}

export function describeIssue(issue: DataIssue, names?: ReadonlyMap<string, string>): string {
  const head = `${recordName(issue, names)}: ${verb(issue)}`;
  if (issue.kind !== 'changed') return head;
  const list = changes(issue);
  return list.length > 0 ? `${head}, ${list.join('; ')}` : head;
}
