/**
 * The whole `golos tally` run on file contents: meeting JSON, registry spreadsheet, Gosuslugi results
 * and ballot batch files in, results.json out. Every input problem is collected (file, row, field);
 * any error means no result at all.
 */
import type { Ballot, MeetingSpec, Person } from '../domain/types';
import { err, ok, problem, type Problem, type Result } from '../result';
import { parseBallotBatch } from '../paper/parseBallotBatch';
import { parseGosuslugiResults } from '../ballots/parseGosuslugiResults';
import { readRegistryFile } from '../registry/readRegistryFile';
import type { StatusValues } from '../registry/statusVocabulary';
import { parseStatusValuesJson } from '../registry/statusValuesJson';
import { validateRegistry } from '../registry/validateRegistry';
import { agendaWarnings } from '../rules/agendaWarnings';
import type { RuleProfile } from '../rules/profile';
import { profileFor, withOverrides } from '../rules/profiles';
import { decodeText } from '../spreadsheet/readCsv';
import { readTable } from '../spreadsheet/readTable';
import { parseMeetingJson } from '../tally/meetingJson';
import { tally, type ConflictResolution, type TallyInput } from '../tally/tally';
import { joinMarkCodes, type MarkCodes } from '../tally/markCodes';
import { matchedByName, matchedByNameWarning } from './matchedByName';
import { resolveResolutions } from './resolutions';
import type { TallyResult, UnmatchedEntry } from '../tally/types';
import { buildResults, type ResultsJson } from './buildResults';

export interface InputFile {
  /** File name as the user gave it; messages and ballot sources use it. */
  name: string;
  bytes: Uint8Array;
}

export interface TallyFiles {
  registry: InputFile;
  meeting: InputFile;
  gosuslugi?: InputFile[];
  paper?: InputFile[];
  /** Status values mapped in the app (its «status-values.json»); over meeting.json's `statusValues`. */
  statusValues?: InputFile;
}

/** Registry problems that cannot change a count. */
const NOT_FOR_COUNTING = new Set(['email_format']);
const errorsOf = (problems: readonly Problem[]): Problem[] => problems.filter((p) => p.severity === 'error');
const withFile = (file: string, problems: readonly Problem[]): Problem[] =>
  problems.map((p) => (p.file ? p : { ...p, file }));

export interface TallyFilesOutput {
  results: ResultsJson;
  warnings: Problem[];
  /** What the tally ran on and returned, for documents built from the same run (the protocol). */
  input: {
    registry: Person[];
    meeting: MeetingSpec;
    ballots: Ballot[];
    /** The ballots' marks as codes, as the importers wrote them. */
    marks?: MarkCodes;
    profile: RuleProfile;
    /** Gosuslugi rows matching no registry person (not counted, listed). */
    unmatched: UnmatchedEntry[];
    /** The counting commission's decisions from meeting.json. */
    resolutions?: ConflictResolution[];
  };
  result: TallyResult;
}

/** A meeting description is a few kilobytes; a file this big is not one. */
const MAX_MEETING_BYTES = 5 * 1024 * 1024;

/**
 * The meeting file's text: UTF-8 read strictly; a file that is not UTF-8 is read as Windows-1251
 * (as Excel and Notepad of a Russian Windows save it), with a warning naming the encoding.
 */
export function readMeetingText(file: InputFile): Result<{ text: string; warnings: Problem[] }> {
  const where = { file: file.name };
  if (file.bytes.length > MAX_MEETING_BYTES) {
    return err([
      problem(
        'file_too_large',
        `Файл описания собрания слишком велик (${Math.ceil(file.bytes.length / 1024 / 1024)} МБ): ` +
          'это не описание собрания.',
        where,
      ),
    ]);
  }
  const { text, encoding } = decodeText(file.bytes);
  const warnings =
    encoding === 'windows-1251'
      ? [
          problem(
            'file_encoding',
            'Файл описания собрания не в кодировке UTF-8: прочитан как Windows-1251. Проверьте названия ' +
              'в результатах; лучше сохранить файл в UTF-8.',
            where,
            'warning',
          ),
        ]
      : [];
  return ok({ text, warnings });
}

/**
 * An equal copy of a person read from a file (strings, arrays and plain objects only), made through
 * JSON: every field in the object itself and every string its own. A person filled field by field keeps
 * the later fields in a side array, and a cell cut from the file's text (a phone number) keeps that whole
 * text alive: for a 600,000-row registry the copies take about 120 MB less (cli/largeCsv.test.ts).
 */
function compactCopy(person: Person): Person {
  return JSON.parse(JSON.stringify(person)) as Person;
}

/**
 * The registry's persons with ids p1, p2, … in file order; every problem of reading and checking it
 * goes to `keep`. The persons are this run's own: each gets its id, then stands as its compact copy.
 */
async function readRegistryPersons(
  file: InputFile,
  kind: MeetingSpec['kind'],
  statusValues: StatusValues,
  keep: (file: string, problems: readonly Problem[]) => void,
): Promise<Person[]> {
  const reg = await readRegistryFile(file.bytes, file.name, { kind, statusValues });
  if (!reg.ok) {
    keep(file.name, reg.error);
    return [];
  }
  keep(file.name, reg.value.problems);
  const registry = reg.value.persons;
  for (let i = 0; i < registry.length; i++) {
    registry[i]!.id = `p${i + 1}`;
    registry[i] = compactCopy(registry[i]!);
  }
  // A mistyped e-mail does not change any count: the tally goes on, with a warning.
  const checks = validateRegistry(registry, {
    file: file.name,
    sourceRows: reg.value.sourceRows,
    kind,
  }).map((p) => (NOT_FOR_COUNTING.has(p.code) ? { ...p, severity: 'warning' as const } : p));
  keep(file.name, checks);
  if (registry.length === 0 && errorsOf(reg.value.problems).length === 0) {
    keep(file.name, [problem('registry_empty', 'В реестре нет ни одного участника.', { file: file.name })]);
  }
  return registry;
}

/** The files' mark columns joined, when every file's importer wrote one of this agenda. */
function markCodesOf(agenda: readonly number[], parts: readonly (MarkCodes | undefined)[]) {
  const marks = joinMarkCodes(agenda, parts);
  return marks ? { marks } : {};
}

/**
 * A check of the input's size (the command line's protocol limit), asked before the expensive steps:
 * with the registry's persons once the registry is read (ballots 0), before any ballot file is read;
 * then with the ballots too, before the tally. A problem stops the run with that problem alone.
 */
export type SizeCheck = (persons: number, ballots: number) => Problem | null;

export interface TallyFilesOptions {
  sizeCheck?: SizeCheck;
  /**
   * The count to run, the tally itself unless given: the first-tally benchmark wraps it to time the
   * tally where `golos tally` runs it, after the same files were read in the same process.
   */
  tally?: (input: TallyInput) => TallyResult;
}

export async function tallyFiles(
  files: TallyFiles,
  options: TallyFilesOptions = {},
): Promise<Result<TallyFilesOutput>> {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const keep = (file: string, problems: readonly Problem[]): void => {
    for (const p of withFile(file, problems)) (p.severity === 'error' ? errors : warnings).push(p);
  };

  const meetingText = readMeetingText(files.meeting);
  if (!meetingText.ok) return meetingText;
  const meetingFile = parseMeetingJson(meetingText.value.text, files.meeting.name);
  if (!meetingFile.ok) return err(withFile(files.meeting.name, meetingFile.error));
  keep(files.meeting.name, meetingText.value.warnings);
  const { meeting, overrides, resolutions: resolutionEntries } = meetingFile.value;
  const profile = withOverrides(profileFor(meeting.kind), overrides);
  const agenda = meeting.questions.map((q) => q.number);
  keep(files.meeting.name, agendaWarnings(meeting, profile));

  // Status values the app learnt for this partnership, so that the registry reads as it did there.
  const fromMeeting = parseStatusValuesJson(meetingText.value.text, files.meeting.name);
  const fromFile = files.statusValues
    ? parseStatusValuesJson(decodeText(files.statusValues.bytes).text, files.statusValues.name, true)
    : ok({});
  if (!fromMeeting.ok) keep(files.meeting.name, fromMeeting.error);
  if (!fromFile.ok) keep(files.statusValues!.name, fromFile.error);
  const statusValues = {
    ...(fromMeeting.ok ? fromMeeting.value : {}),
    ...(fromFile.ok ? fromFile.value : {}),
  };

  // Only the persons stay: the table, the source rows and the checks are dropped once read.
  const registry = await readRegistryPersons(files.registry, meeting.kind, statusValues, keep);
  const tooManyPersons = options.sizeCheck?.(registry.length, 0);
  if (tooManyPersons) return err([tooManyPersons]);

  const ballots: Ballot[] = [];
  /** Each file's marks as codes, as its importer wrote them (the tally's input, markCodes.ts). */
  const marks: (MarkCodes | undefined)[] = [];
  const importAll = async (
    list: InputFile[] | undefined,
    parse: (t: Parameters<typeof parseBallotBatch>[0]) => ReturnType<typeof parseBallotBatch>,
  ): Promise<void> => {
    for (const f of list ?? []) {
      const table = await readTable(f.bytes, f.name);
      if (!table.ok) {
        keep(f.name, table.error);
        continue;
      }
      const parsed = parse(table.value);
      if (!parsed.ok) keep(f.name, parsed.error);
      else {
        keep(f.name, parsed.value.problems);
        ballots.push(...parsed.value.ballots);
        marks.push(parsed.value.marks);
      }
    }
  };
  // Gosuslugi rows are matched as the app's import matches them (СНИЛС, cadastral number, unique name;
  // question columns by number, then wording); rows matching no one are listed, once per row.
  const unmatched = new Map<string, UnmatchedEntry>();
  await importAll(files.gosuslugi, (t) => {
    const r = parseGosuslugiResults(t, {
      questions: meeting.questions,
      receivedAt: meeting.votingEnd,
      registry,
    });
    if (r.ok) for (const u of r.value.unmatched) unmatched.set(u.source, u);
    return r;
  });
  // Paper and in-person ballots are matched as the tally matches them (each detail must name the voter).
  await importAll(files.paper, (t) => parseBallotBatch(t, { questions: agenda, registry }));

  let resolutions: ConflictResolution[] = [];
  if (resolutionEntries && errors.length === 0) {
    const r = resolveResolutions(resolutionEntries, registry, files.meeting.name);
    if (!r.ok) errors.push(...r.error);
    else resolutions = r.value;
  }
  if (errors.length > 0) return err(errors);
  const tooManyBallots = options.sizeCheck?.(registry.length, ballots.length);
  if (tooManyBallots) return err([tooManyBallots]);
  const byName = matchedByName(ballots, registry);
  warnings.push(...matchedByNameWarning(byName));
  const input = {
    registry,
    meeting,
    ballots,
    ...markCodesOf(agenda, marks),
    profile,
    unmatched: [...unmatched.values()],
    ...(resolutions.length > 0 ? { resolutions } : {}),
  };
  const result = (options.tally ?? tally)(input);
  return ok({
    results: buildResults(result, meeting, profile, warnings, byName),
    warnings: [...warnings, ...result.problems],
    input,
    result,
  });
}
