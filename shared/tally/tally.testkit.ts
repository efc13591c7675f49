/** Small builders for tally tests: registry persons, meetings and ballots with sensible defaults. */
import type { Ballot, Mark, MeetingSpec, Person, PersonStatus, Question } from '../domain/types';

export function person(id: string, status: PersonStatus = 'member', extra: Partial<Person> = {}): Person {
  const n = id.replace(/\D/g, '') || '0';
  return {
    id,
    fullName: `Участник ${id}`,
    snils: n.padStart(11, '0'),
    status,
    holdings: [{ plotNumber: `${n}`, cadastralNumber: `50:18:0080301:${n}` }],
    ...extra,
  };
}

export function persons(count: number, status: PersonStatus = 'member', from = 1): Person[] {
  return Array.from({ length: count }, (_, i) => person(`p${from + i}`, status));
}

export function meeting(
  questions: Question[] = [{ number: 1, text: 'Вопрос 1' }],
  extra: Partial<MeetingSpec> = {},
): MeetingSpec {
  return {
    kind: 'snt',
    form: 'mixed',
    title: 'Тестовое собрание',
    votingStart: '2026-06-01',
    votingEnd: '2026-06-14',
    questions,
    ...extra,
  };
}

let counter = 0;

/** A valid paper original of `personId`, received in the period; marks by question number. */
export function ballot(
  personId: string,
  marks: Record<number, Mark> | Mark,
  extra: Partial<Ballot> = {},
): Ballot {
  const id = extra.id ?? `b${++counter}`;
  return {
    id,
    channel: 'paper',
    voter: { personId },
    copy: 'original',
    receivedAt: '2026-06-05',
    voidReasons: [],
    marks: typeof marks === 'string' ? { 1: marks } : marks,
    source: id,
    ...extra,
  };
}

/** `n` ballots with the same mark on question 1, for persons p{from}..p{from+n-1}. */
export function votes(mark: Mark, n: number, from: number): Ballot[] {
  return Array.from({ length: n }, (_, i) => ballot(`p${from + i}`, mark));
}
