/** A registry, a 10-question СНТ meeting and key helpers for the entry reducer's tests. */
import type { MeetingSpec, Person } from '../../domain/types';
import { makePersons } from '../../../test/fixtures/persons';
import {
  createEntryContext,
  type EntryContextInput,
  type EntryFields,
  type KnownBallot,
} from './entryContext';
import { entryReducer, type EntryInput, type EntryState } from './entryReducer';

export const registry: Person[] = makePersons(150, 3, { contacts: false });
export const MEETING_ID = 'm-2026';
export const meeting: MeetingSpec = {
  kind: 'snt',
  form: 'mixed',
  title: 'Общее собрание 2026',
  votingStart: '2026-06-01',
  votingEnd: '2026-06-14',
  questions: Array.from({ length: 10 }, (_, i) => ({
    number: i + 1,
    text: `Вопрос ${i + 1}`,
    // Questions 4 and 5: items where gardeners vote too.
    ...(i === 3 ? { item: '21' } : i === 4 ? { item: '22' } : {}),
  })),
};
export const defaults: EntryFields = {
  channel: 'paper',
  copy: 'original',
  receivedAt: '2026-06-10',
  delivery: 'hand',
};

export const memberIndex = registry.findIndex(
  (p) => p.status === 'member' && p.holdings[0]!.plotNumber === '12',
);
export const gardenerIndex = registry.findIndex((p) => p.status === 'gardener');
export const member = registry[memberIndex]!;

export function ctx(
  known: KnownBallot[] = [],
  pass: 'first' | 'second' = 'first',
  more: Partial<EntryContextInput> = {},
) {
  return createEntryContext({
    meeting,
    meetingId: MEETING_ID,
    registry,
    known,
    defaults,
    pass,
    idPrefix: 'op1-',
    ...more,
  });
}

export function press(s: EntryState, ...keys: EntryInput[]): EntryState {
  return keys.reduce<EntryState>((acc, k) => entryReducer(acc, k), s);
}

export function typed(s: EntryState, text: string): EntryState {
  return press(s, ...[...text]);
}

export const TEN_FOR = Array.from({ length: 10 }, () => '1');
