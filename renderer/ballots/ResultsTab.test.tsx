// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Ballot, Mark, Person } from '../../shared/domain/types';
import { createRecord } from '../../shared/paper/ballotRecord';
import { voterRefOf } from '../../shared/paper/voterRef';
import type { GolosDb } from '../db/db';
import { saveKeyedBallot } from './ballotRepo';
import { ballotStoreFor } from './ballotStore';
import { ResultsTab } from './ResultsTab';
import { renderTab, seededDb } from './ballots.testkit';

function ballot(p: Person, id: string, channel: Ballot['channel'], marks: Record<number, Mark>): Ballot {
  return {
    id,
    channel,
    voter: voterRefOf(p),
    copy: 'original',
    receivedAt: channel === 'in_person' ? '2026-06-14' : '2026-06-10',
    delivery: channel === 'in_person' ? 'session' : 'hand',
    voidReasons: [],
    marks,
    source: id,
  };
}

async function store(db: GolosDb, meetingId: string, p: Person, b: Ballot) {
  const r = createRecord(b, { by: 'Иванова', at: '2026-06-14T20:00:00+03:00' });
  if (!r.ok) throw new Error('fixture');
  await db.paperBallots.put({ ...r.value, meetingId, personId: p.id });
}

const figures = (n: number) =>
  within(screen.getByRole('table', { name: 'Итоги по вопросам' }))
    .getByRole('row', { name: `Вопрос ${n}` })
    .querySelectorAll('td.fig');

const figureTexts = (n: number) => [...figures(n)].map((c) => c.textContent);

describe('ResultsTab: live results', () => {
  it('shows the quorum and each question with its threshold as numbers and bars, filters by channel, and follows a saved ballot at once', async () => {
    const { db, persons, meeting } = await seededDb(40);
    const members = persons.filter((p) => p.status === 'member');
    const [a, b, c, d, e] = members;
    const rest = Object.fromEntries([3, 4, 5, 6, 7, 8, 9, 10].map((n) => [n, 'for' as const]));
    await store(db, meeting.id, a!, ballot(a!, 'p1', 'paper', { 1: 'for', 2: 'several', ...rest }));
    await store(db, meeting.id, b!, ballot(b!, 'p2', 'paper', { 1: 'for', 2: 'for', ...rest }));
    await store(db, meeting.id, c!, ballot(c!, 'p3', 'paper', { 1: 'against', 2: 'for', ...rest }));
    await store(db, meeting.id, d!, ballot(d!, 'i1', 'in_person', { 1: 'abstain', 2: 'against', ...rest }));
    renderTab(db, ResultsTab, meeting);

    const quorum = await screen.findByRole('region', { name: 'Кворум' });
    const half = Math.floor(members.length / 2) + 1;
    expect(quorum).toHaveTextContent(
      `Кворум: не набран — 4 из ${members.length} членов (${(400 / members.length).toFixed(1).replace('.', ',')} %)`,
    );
    expect(quorum).toHaveTextContent(`нужно не менее ${half} (не хватает ${half - 4})`);
    expect(quorum).toHaveTextContent('бумажный бюллетень: 3, очно: 1');
    // за, против, возд., недейств., конфликт
    expect(figureTexts(1)).toEqual(['2', '1', '1', '0', '0']);
    expect(figureTexts(2)).toEqual(['2', '1', '0', '1', '0']);
    const q1 = within(screen.getByRole('table', { name: 'Итоги по вопросам' })).getByRole('row', {
      name: 'Вопрос 1',
    });
    // Item 1 of 217-ФЗ: two thirds of the 4 members taking part.
    expect(q1).toHaveTextContent('нужно не менее 3 (не хватает 1)');
    expect(q1.querySelector('[data-figure="margin"]')).toHaveTextContent('нет кворума — решение не принято');
    expect(within(q1).getByRole('img')).toHaveAccessibleName(
      'За 2, против 1, воздержались 1, недействительно 0; нужно не менее 3 (не хватает 1)',
    );

    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'Бумажные' }));
    expect(figureTexts(1)).toEqual(['0', '0', '1', '0', '0']);
    expect(quorum).toHaveTextContent('Бюллетеней в подсчёте: 1');
    await user.click(screen.getByRole('checkbox', { name: 'Бумажные' }));
    expect(figureTexts(1)).toEqual(['2', '1', '1', '0', '0']);

    // A ballot saved elsewhere in this window (the entry screen): the figures follow at once.
    const saved = await saveKeyedBallot(
      db,
      { meeting, registry: persons, by: 'Петров' },
      { ballot: ballot(e!, 'p4', 'paper', { 1: 'for', 2: 'for', ...rest }), correction: false },
    );
    if (!saved.ok) throw new Error(saved.error[0]!.message);
    // The store tells the screen at once: inside act, as the entry screen's own event would be.
    act(() => ballotStoreFor(db, meeting.id).apply({ records: [saved.value] }));
    await waitFor(() => expect(figureTexts(1)).toEqual(['3', '1', '1', '0', '0']));
    expect(q1).toHaveTextContent('нужно не менее 4 (не хватает 1)');
    expect(quorum).toHaveTextContent('Бюллетеней в подсчёте: 5');
    // The originals / scans pair follows right after (drawn at a lower priority).
    await waitFor(() =>
      expect(screen.getByRole('table', { name: 'Только оригиналы и с учётом сканов' })).toHaveTextContent(
        'Участников55',
      ),
    );
  });
});
