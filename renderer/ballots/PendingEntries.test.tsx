// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import type { Ballot, Person } from '../../shared/domain/types';
import { voterRefOf } from '../../shared/paper/voterRef';
import { saveKeyedBallot } from './ballotRepo';
import { EntryTab } from './EntryTab';
import { ResultsTab } from './ResultsTab';
import { renderTab, seededDb, testMeeting } from './ballots.testkit';

function ballot(p: Person, id: string): Ballot {
  return {
    id,
    channel: 'paper',
    voter: voterRefOf(p),
    copy: 'original',
    receivedAt: '2026-06-10',
    delivery: 'hand',
    voidReasons: [],
    marks: { 1: 'for', 2: 'against' },
    source: id,
  };
}

async function keyedOnce() {
  const seeded = await seededDb(20, testMeeting('m-blind', { doubleEntry: true }));
  const [a, b, c] = seeded.persons;
  const ctx = { meeting: seeded.meeting, registry: seeded.persons, by: 'Иванова А. П.' };
  for (const [p, id] of [
    [a!, 'b1'],
    [b!, 'b2'],
  ] as const) {
    const r = await saveKeyedBallot(seeded.db, ctx, { ballot: ballot(p, id), correction: false });
    expect(r.ok).toBe(true);
  }
  // The third ballot is keyed twice alike: settled, counted.
  await saveKeyedBallot(seeded.db, ctx, { ballot: ballot(c!, 'b3'), correction: false });
  const second = await saveKeyedBallot(
    seeded.db,
    { ...ctx, by: 'Петров П. П.' },
    { ballot: ballot(c!, 'x'), recordId: 'b3', correction: false },
  );
  expect(second.ok).toBe(true);
  return { ...seeded, waiting: [a!, b!], settled: c! };
}

describe('double entry stays blind and waiting ballots are named', () => {
  it('«Итоги» counts and names the ballots waiting for their second entry, held out of the figures', async () => {
    const { db, meeting, waiting } = await keyedOnce();
    renderTab(db, ResultsTab, meeting);
    const note = await screen.findByRole('note', { name: 'Не сверены при двойном вводе' });
    expect(note).toHaveTextContent(
      `ждут повторного ввода — 2 (${waiting.map((p) => p.fullName).join(', ')}); расхождений при повторном вводе — 0`,
    );
    expect(note).toHaveTextContent('Не входят в итоги и в протокол');
  });

  it('the list shows no history or correction of a ballot keyed once; a settled one has both', async () => {
    const { db, meeting, waiting, settled } = await keyedOnce();
    renderTab(db, EntryTab, meeting);
    const row = await screen.findByRole('row', { name: waiting[0]!.fullName });
    expect(row).toHaveTextContent('скрыт до повторного ввода');
    expect(within(row).queryByRole('button', { name: /История/ })).toBeNull();
    expect(within(row).queryByRole('button', { name: /Исправить/ })).toBeNull();
    const done = screen.getByRole('row', { name: settled.fullName });
    expect(within(done).getByRole('button', { name: `История: ${settled.fullName}` })).toBeInTheDocument();
  });
});
