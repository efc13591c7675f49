// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { Person } from '../../shared/domain/types';
import { newMeeting, type Meeting } from '../../shared/meetings/meeting';
import { DbProvider } from '../app/DbContext';
import { ToastProvider } from '../app/Toasts';
import { GolosDb } from '../db/db';
import { applyRegistryChanges, removePerson, listPersons, savePerson } from '../db/personRepo';
import { takeSnapshot } from './meetingRepo';
import { SnapshotPanel } from './SnapshotPanel';

const seed: Person[] = [
  { id: '', fullName: 'Иванов Иван', status: 'member', holdings: [{ plotNumber: '1' }] },
  { id: '', fullName: 'Петрова Анна', status: 'gardener', holdings: [{ plotNumber: '2' }] },
];

function Harness({ db, initial }: { db: GolosDb; initial: Meeting }) {
  const [meeting, setMeeting] = useState(initial);
  return (
    <DbProvider value={db}>
      <ToastProvider>
        <SnapshotPanel
          key={meeting.snapshotId}
          meeting={meeting}
          today="2026-05-03"
          onMeetingChange={setMeeting}
        />
      </ToastProvider>
    </DbProvider>
  );
}

async function setup() {
  const db = new GolosDb(`golos-snapshot-${crypto.randomUUID()}`);
  await applyRegistryChanges(db, { added: seed, changed: [], removed: [] });
  const meeting: Meeting = {
    ...newMeeting({
      id: 'm1',
      partnershipId: 'p',
      kind: 'snt',
      title: 'Собрание',
      now: '2026-01-01T00:00:00.000Z',
    }),
    votingStart: '2026-05-01',
    votingEnd: '2026-05-20',
  };
  await db.meetings.add(meeting);
  const user = userEvent.setup();
  render(<Harness db={db} initial={meeting} />);
  return { db, user };
}

describe('SnapshotPanel', () => {
  it('asks to freeze the registry once voting has started, then shows the snapshot and its history', async () => {
    const { db, user } = await setup();
    expect(await screen.findByText(/текущий реестр \(2 человека\)/)).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Голосование началось 1 мая 2026 г., а реестр не зафиксирован.',
    );
    await user.click(screen.getByRole('button', { name: 'Начать голосование — зафиксировать реестр' }));
    // It says what it does and asks first.
    const confirm = screen.getByRole('dialog', { name: 'Зафиксировать реестр для подсчёта?' });
    expect(confirm).toHaveTextContent('по нему печатаются бюллетени, считаются кворум и голоса');
    expect((await db.meetings.get('m1'))!.snapshotId).toBeUndefined();
    await user.click(within(confirm).getByRole('button', { name: 'Зафиксировать реестр' }));
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Снимок реестра' })).toHaveTextContent('2 человека'),
    );
    expect(screen.queryByRole('alert')).toBeNull();
    const stored = (await db.meetings.get('m1'))!;
    expect(stored.snapshotId).toBeDefined();

    // A registry edit after the snapshot is reported, not applied.
    await savePerson(db, {
      id: '',
      fullName: 'Новиков Олег',
      status: 'member',
      holdings: [{ plotNumber: '3' }],
    });
    await user.click(screen.getByRole('button', { name: 'Обновить снимок реестра…' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Обновить снимок реестра' }));
    await user.click(dialog.getByRole('button', { name: 'Обновить снимок' }));
    expect(
      await dialog.findByText('Укажите причину обновления снимка (не короче 5 знаков).'),
    ).toBeInTheDocument();
    expect((await db.meetings.get('m1'))!.snapshotId).toBe(stored.snapshotId);
    await user.click(dialog.getByRole('button', { name: 'Отмена' }));
    expect(await db.snapshots.count()).toBe(1);
  });

  it('re-snapshots with a reason, listing both snapshots', async () => {
    const { db, user } = await setup();
    await user.click(
      await screen.findByRole('button', { name: 'Начать голосование — зафиксировать реестр' }),
    );
    await user.click(screen.getByRole('button', { name: 'Зафиксировать реестр' }));
    // Until the panel has settled (the snapshot listed, the question closed), inside act.
    await waitFor(() => {
      expect(screen.getByRole('status', { name: 'Снимок реестра' })).toHaveTextContent('2 человека');
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    await savePerson(db, {
      id: '',
      fullName: 'Новиков Олег',
      status: 'member',
      holdings: [{ plotNumber: '3' }],
    });
    await user.click(screen.getByRole('button', { name: 'Обновить снимок реестра…' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Обновить снимок реестра' }));
    await user.type(dialog.getByLabelText('Причина обновления'), 'Принят новый член правления');
    await user.click(dialog.getByRole('button', { name: 'Обновить снимок' }));
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Снимок реестра' })).toHaveTextContent('3 человека'),
    );
    const history = within(screen.getByRole('table', { name: 'Снимки реестра' }));
    const rows = history.getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]!.textContent)).toEqual([
      'Начало голосования',
      'Принят новый член правления',
    ]);
    expect(rows[1]).toHaveTextContent('действующий');
    expect(rows[0]).not.toHaveTextContent('действующий');
  });

  it('names the people the registry gained, changed and lost since the snapshot', async () => {
    const db = new GolosDb(`golos-snapshot-${crypto.randomUUID()}`);
    await applyRegistryChanges(db, { added: seed, changed: [], removed: [] });
    const meeting: Meeting = {
      ...newMeeting({
        id: 'm1',
        partnershipId: 'p',
        kind: 'snt',
        title: 'Собрание',
        now: '2026-01-01T00:00:00.000Z',
      }),
      votingStart: '2026-05-01',
      votingEnd: '2026-05-20',
    };
    await db.meetings.add(meeting);
    const { meeting: frozen } = await takeSnapshot(db, 'm1', 'Начало голосования');
    const [ivanov, petrova] = await listPersons(db).then((ps) =>
      ps.sort((a, b) => a.fullName.localeCompare(b.fullName)),
    );
    await savePerson(db, { ...ivanov!, status: 'gardener', holdings: [{ plotNumber: '1а' }] });
    await removePerson(db, petrova!.id);
    await savePerson(db, {
      id: '',
      fullName: 'Новиков Олег',
      status: 'member',
      holdings: [{ plotNumber: '3' }],
    });
    render(<Harness db={db} initial={frozen} />);

    const notice = await screen.findByRole('region', { name: 'Изменения реестра после снимка' });
    expect(notice).toHaveTextContent('добавлено 1, удалено 1, изменено 1');
    const list = (name: string) =>
      within(within(notice).getByRole('list', { name }))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    expect(list('Добавлены')).toEqual(['Новиков Олег (участок 3)']);
    expect(list('Удалены из реестра')).toEqual(['Петрова Анна (участок 2)']);
    expect(list('Изменены')).toEqual([
      'Иванов Иван (участок 1)Статус: член → садовод без членстваУчастки: 1 → 1а',
      'Статус: член → садовод без членства',
      'Участки: 1 → 1а',
    ]);
  });
});
