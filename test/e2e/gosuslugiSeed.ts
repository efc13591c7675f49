/**
 * Test data for the Gosuslugi e2e spec and browser benchmark: a registry read from its spreadsheet the
 * way the command line reads it, a meeting with its snapshot, and rows written straight into the app's
 * IndexedDB (`golos`, opened by the app first) so a test does not depend on other screens.
 */
import type { Page } from '@playwright/test';
import type { Ballot, Person, Question } from '../../shared/domain/types';
import { newMeeting, type Meeting } from '../../shared/meetings/meeting';
import { createRecord } from '../../shared/paper/ballotRecord';
import { readRegistryFile } from '../../shared/registry/readRegistryFile';
import { putRows } from '../fixtures/appDb';
import { largeRegistrySheet } from '../fixtures/registryLayouts';
import { writeRegistryXlsx } from '../fixtures/registryWriters';

export const MEETING_ID = 'm-gos';
export const VOTING = { votingStart: '2026-06-01', votingEnd: '2026-06-14' } as const;

/** The registry as a spreadsheet, and the persons the CLI (and so the app's snapshot) reads from it. */
export async function registryFile(persons: Person[]): Promise<{ bytes: Uint8Array; registry: Person[] }> {
  const bytes = await writeRegistryXlsx(largeRegistrySheet(persons));
  const read = await readRegistryFile(bytes, 'registry.xlsx', { kind: 'snt' });
  if (!read.ok) throw new Error(read.error.map((p) => p.message).join('; '));
  // The CLI numbers persons p1.. in file order.
  const registry = read.value.persons.map((p, i) => ({ ...p, id: `p${i + 1}` }));
  return { bytes, registry };
}

/** The meeting as the CLI reads it (meeting.json) and as the app stores it. */
export function meetingOf(agenda: Question[]): { json: string; meeting: Meeting } {
  const spec = {
    kind: 'snt' as const,
    form: 'mixed' as const,
    title: 'Общее собрание членов СНТ «Большое» 2026',
    ...VOTING,
    questions: agenda,
  };
  const meeting: Meeting = {
    ...newMeeting({
      id: MEETING_ID,
      partnershipId: 'snt-1',
      kind: 'snt',
      title: spec.title,
      now: '2026-05-01T09:00:00.000Z',
    }),
    ...VOTING,
    questions: agenda.map((q) => ({ ...q, attachmentIds: [] })),
    snapshotId: 'snap-1',
  };
  return { json: JSON.stringify(spec, null, 2), meeting };
}

/** A stored paper ballot (entered once) as the ballots feature keeps it. */
export function paperRow(ballot: Ballot, personId?: string) {
  const r = createRecord(ballot, { by: 'Счётная комиссия', at: `${ballot.receivedAt}T12:00:00.000Z` });
  if (!r.ok) throw new Error('paper ballot record');
  return { ...r.value, meetingId: MEETING_ID, ...(personId ? { personId } : {}) };
}

/** Opens the app, then puts the partnership, the meeting, its snapshot and paper ballots in its database. */
export async function seedApp(
  page: Page,
  meeting: Meeting,
  registry: Person[],
  paper: ReturnType<typeof paperRow>[] = [],
): Promise<void> {
  await page.goto('/');
  await page.getByRole('heading', { name: 'Начало работы: товарищество' }).waitFor();
  const now = '2026-05-01T09:00:00.000Z';
  const data: Record<string, unknown[]> = {
    partnership: [
      {
        id: 'snt-1',
        name: 'СНТ «Большое»',
        kind: 'snt',
        address: 'Московская обл.',
        createdAt: now,
        updatedAt: now,
      },
    ],
    meetings: [meeting],
    snapshots: [
      { id: 'snap-1', meetingId: meeting.id, takenAt: now, reason: 'начало голосования', persons: registry },
    ],
    paperBallots: paper,
  };
  await putRows(page, data);
}
