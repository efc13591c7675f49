/**
 * Test setup for the ballot screens (component tests only): a fresh database with a registry and a
 * 10-question meeting (test/fixtures/paperBallots), and the providers a meeting tab needs.
 */
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Partnership, Person } from '../../shared/domain/types';
import { newMeeting, type Meeting } from '../../shared/meetings/meeting';
import { makePersons } from '../../test/fixtures/persons';
import { paperMeeting } from '../../test/fixtures/paperBallots';
import { DbProvider } from '../app/DbContext';
import { ToastProvider } from '../app/Toasts';
import { GolosDb } from '../db/db';
import { toPersonRecord } from '../db/personRecord';
import type { MeetingTabProps } from '../meetings/meetingTabProps';

let counter = 0;

export const partnership: Partnership = {
  id: 'pt-1',
  name: 'СНТ «Рассвет»',
  kind: 'snt',
  address: 'Московская обл.',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

export function testMeeting(id = 'm-2026', extra: Partial<Meeting> = {}): Meeting {
  const spec = paperMeeting();
  return {
    ...newMeeting({
      id,
      partnershipId: partnership.id,
      kind: 'snt',
      title: spec.title,
      now: '2026-05-01T10:00:00Z',
    }),
    votingStart: spec.votingStart,
    votingEnd: spec.votingEnd,
    sessionDate: spec.sessionDate,
    questions: spec.questions.map((q) => ({ ...q, attachmentIds: [] })),
    ...extra,
  };
}

/** A database with `n` persons and the meeting stored. */
export async function seededDb(
  n = 60,
  meeting: Meeting = testMeeting(),
): Promise<{ db: GolosDb; persons: Person[]; meeting: Meeting }> {
  const db = new GolosDb(`ballots-test-${Date.now()}-${++counter}`);
  const persons = makePersons(n, 7, { contacts: false });
  await db.persons.bulkPut(persons.map(toPersonRecord));
  await db.meetings.put(meeting);
  await db.settings.put({ key: 'operator', value: 'Иванова А. П.' });
  // The tab reads the registry in the database's order (by id).
  const stored = (await db.persons.toArray()).map(({ nameKey: _n, plotNumbers: _p, ...p }) => p as Person);
  return { db, persons: stored, meeting };
}

export function renderTab(db: GolosDb, View: (p: MeetingTabProps) => ReactElement, meeting: Meeting) {
  return render(
    <DbProvider value={db}>
      <ToastProvider>
        <View meeting={meeting} partnership={partnership} onMeetingChange={() => {}} />
      </ToastProvider>
    </DbProvider>,
  );
}
