/**
 * A meeting of the app written as the command line's meeting.json (the format shared/tally/meetingJson.ts
 * and shared/documents/protocolMeetingJson.ts read, documented in the README): the agenda and dates, the
 * rule settings, what the protocol prints, and the counting commission's decisions on conflicts. With the
 * registry, the ballot batch file and the Gosuslugi files, `golos tally` reproduces the app's figures.
 *
 * The app keeps a decision as «this ballot stands»; meeting.json names the person (СНИЛС, else full
 * name) and the choice that stands, which is the mark of that ballot on the question.
 */
import type { Ballot, Person } from '../domain/types';
import { formatSnils } from '../registry/snils';
import { normalizeName } from '../text/normalizeName';
import { problem, type Problem } from '../result';
import type { ConflictResolution } from '../tally/resolutions';
import type { Meeting } from './meeting';
import { MARK_LABEL } from '../vocabulary';

export const MEETING_JSON_NAME = 'meeting.json';

export interface MeetingJsonExport {
  text: string;
  /** Decisions that could not be written (their ballot is gone, or the person cannot be named). */
  problems: Problem[];
}

export interface MeetingJsonInput {
  registry: readonly Person[];
  ballots: readonly Ballot[];
  resolutions?: readonly ConflictResolution[];
}

/** The fields of meeting.json, in the order the README lists them; absent values are left out. */
export function meetingJsonText(meeting: Meeting, input: MeetingJsonInput): MeetingJsonExport {
  const problems: Problem[] = [];
  const resolutions = (input.resolutions ?? []).flatMap((r) => {
    const entry = resolutionEntry(r, input);
    if (typeof entry === 'string') {
      problems.push(problem('meeting_json_resolution', entry, {}, 'warning'));
      return [];
    }
    return [entry];
  });
  const text = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);
  const json = {
    kind: meeting.kind,
    form: meeting.form,
    title: meeting.title,
    votingStart: meeting.votingStart,
    votingEnd: meeting.votingEnd,
    sessionDate: meeting.sessionDate || undefined,
    invalidMarks: meeting.invalidMarks,
    acceptScans: meeting.acceptScans,
    conflicts: meeting.conflicts,
    buildingArea: meeting.kind === 'mkd' ? text(meeting.buildingArea) : undefined,
    charterAllowsElectronic: meeting.charterAllowsElectronic,
    emergencyRegime: meeting.emergencyRegime,
    paperUntil: meeting.paperUntil,
    address: text(meeting.address),
    place: text(meeting.sessionPlace),
    initiator: text(meeting.initiator),
    chair: text(meeting.chair),
    secretary: text(meeting.secretary),
    counters: meeting.countingCommission.some((n) => n.trim())
      ? meeting.countingCommission.map((n) => n.trim()).filter(Boolean)
      : undefined,
    originalsStorage: text(meeting.originalsStorage),
    gisNumber: text(meeting.gisNumber),
    questions: meeting.questions.map((q) => ({
      number: q.number,
      text: q.text,
      proposal: text(q.proposal),
      speaker: text(q.speaker),
      item: q.item,
      rule: q.rule,
    })),
    dissents: meeting.dissents?.length ? meeting.dissents : undefined,
    resolutions: resolutions.length > 0 ? resolutions : undefined,
  };
  // JSON.stringify leaves the undefined members out.
  return { text: `${JSON.stringify(json, null, 2)}\n`, problems };
}

/** One decision as meeting.json writes it, or why it cannot be written. */
function resolutionEntry(
  r: ConflictResolution,
  input: MeetingJsonInput,
): { person: string; question: number; choice: string; reason?: string } | string {
  const person = input.registry.find((p) => p.id === r.personId);
  const what = `Решение комиссии по вопросу ${r.question}`;
  if (!person) return `${what} не записано в meeting.json: участника нет в реестре собрания.`;
  let choice = 'не учитывать';
  if (r.ballotId !== null) {
    const ballot = input.ballots.find((b) => b.id === r.ballotId);
    if (!ballot) {
      return `${what} (${person.fullName}) не записано в meeting.json: выбранного бюллетеня нет среди бюллетеней собрания.`;
    }
    const mark = ballot.marks[r.question];
    if (mark !== 'for' && mark !== 'against' && mark !== 'abstain') {
      return `${what} (${person.fullName}) не записано в meeting.json: в выбранном бюллетене вопрос отмечен неверно, а meeting.json называет только «за», «против», «воздержался» или «не учитывать».`;
    }
    choice = MARK_LABEL[mark];
  }
  const key = normalizeName(person.fullName);
  const namesake = input.registry.some((p) => p !== person && normalizeName(p.fullName) === key);
  if (!person.snils && namesake) {
    return `${what} (${person.fullName}) не записано в meeting.json: в реестре есть однофамилец, а СНИЛС не указан.`;
  }
  return {
    person: person.snils ? formatSnils(person.snils) : person.fullName,
    question: r.question,
    choice,
    ...(r.reason?.trim() ? { reason: r.reason.trim() } : {}),
  };
}
