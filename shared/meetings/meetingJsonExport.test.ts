import type { Ballot, Person } from '../domain/types';
import { parseMeetingJson } from '../tally/meetingJson';
import { newMeeting, type Meeting } from './meeting';
import { meetingJsonText } from './meetingJsonExport';

const meeting: Meeting = {
  ...newMeeting({ id: 'm', partnershipId: 'p', kind: 'mkd', title: 'Собрание', now: '2026-05-01T00:00:00Z' }),
  form: 'remote',
  votingStart: '2026-06-01',
  votingEnd: '2026-06-14',
  buildingArea: '5230.40',
  gisNumber: '  ',
  questions: [{ number: 1, text: 'Вопрос', item: '1.3', attachmentIds: [] }],
};
const persons: Person[] = [
  { id: 'a', fullName: 'Иванов Иван Иванович', snils: '11223344595', status: 'member', holdings: [] },
  { id: 'b', fullName: 'Петров Пётр Петрович', status: 'member', holdings: [] },
  { id: 'c', fullName: 'Петров Пётр Петрович', status: 'member', holdings: [] },
];
const ballot = (id: string, personId: string, mark: Ballot['marks'][number]): Ballot => ({
  id,
  channel: 'paper',
  voter: { personId },
  copy: 'original',
  receivedAt: '2026-06-05',
  voidReasons: [],
  marks: { 1: mark },
  source: id,
});

describe('meeting.json written by the app', () => {
  it('is the command line’s format: settings as given, empty print fields left out', () => {
    const out = meetingJsonText(meeting, { registry: persons, ballots: [] });
    expect(out.problems).toEqual([]);
    const json = JSON.parse(out.text);
    expect(json).toMatchObject({ kind: 'mkd', form: 'remote', buildingArea: '5230.40' });
    expect('gisNumber' in json).toBe(false);
    expect('resolutions' in json).toBe(false);
    const read = parseMeetingJson(out.text, 'meeting.json');
    expect(read.ok && read.value.meeting.questions).toEqual([{ number: 1, text: 'Вопрос', item: '1.3' }]);
  });

  it('names the decision’s person by СНИЛС and the choice by the chosen ballot’s mark; says what it cannot write', () => {
    const ballots = [ballot('x', 'a', 'against'), ballot('y', 'a', 'several'), ballot('z', 'b', 'for')];
    const out = meetingJsonText(meeting, {
      registry: persons,
      ballots,
      resolutions: [
        { personId: 'a', question: 1, ballotId: 'x', reason: ' позднее решение ' },
        { personId: 'a', question: 1, ballotId: null },
        { personId: 'a', question: 1, ballotId: 'y' },
        { personId: 'b', question: 1, ballotId: 'z' },
      ],
    });
    expect(JSON.parse(out.text).resolutions).toEqual([
      { person: '112-233-445 95', question: 1, choice: 'против', reason: 'позднее решение' },
      { person: '112-233-445 95', question: 1, choice: 'не учитывать' },
    ]);
    expect(out.problems.map((p) => p.message)).toEqual([
      'Решение комиссии по вопросу 1 (Иванов Иван Иванович) не записано в meeting.json: в выбранном бюллетене вопрос отмечен неверно, а meeting.json называет только «за», «против», «воздержался» или «не учитывать».',
      'Решение комиссии по вопросу 1 (Петров Пётр Петрович) не записано в meeting.json: в реестре есть однофамилец, а СНИЛС не указан.',
    ]);
  });
});
