// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Partnership } from '../../shared/domain/types';
import { newMeeting, type Meeting } from '../../shared/meetings/meeting';
import { DbProvider } from '../app/DbContext';
import { ToastProvider } from '../app/Toasts';
import { decodeBackup } from '../../shared/backup/backupFile';
import { createBrowserBackupStore } from '../backup/backupStore';
import { GolosDb } from '../db/db';
import { MeetingsScreen } from './MeetingsScreen';

const partnership: Partnership = {
  id: 'p',
  name: 'СНТ «Ромашка»',
  kind: 'snt',
  address: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function meeting(id: string, patch: Partial<Meeting>): Meeting {
  return {
    ...newMeeting({ id, partnershipId: 'p', kind: 'snt', title: id, now: '2026-01-01T00:00:00.000Z' }),
    ...patch,
  };
}

async function setup(meetings: Meeting[]) {
  const db = new GolosDb(`golos-meetings-list-${crypto.randomUUID()}`);
  await db.meetings.bulkAdd(meetings);
  const opened: string[] = [];
  const user = userEvent.setup();
  render(
    <DbProvider value={db}>
      <ToastProvider>
        <MeetingsScreen partnership={partnership} onOpen={(id) => opened.push(id)} today="2026-04-20" />
      </ToastProvider>
    </DbProvider>,
  );
  return { db, user, opened };
}

const row = (name: string) => screen.getByRole('row', { name: new RegExp(name) });

describe('MeetingsScreen', () => {
  it('lists each meeting with its next deadline and days left', async () => {
    await setup([
      meeting('Собрание 2026 года', {
        votingStart: '2026-05-01',
        votingEnd: '2026-05-20',
        noticeDate: '2026-04-01',
        paperBallotDeadline: '2026-05-25',
        questions: [{ number: 1, text: 'Смета', item: '17', attachmentIds: [] }],
      }),
      meeting('Собрание 2025 года', {
        votingStart: '2025-05-01',
        votingEnd: '2025-05-20',
        protocolDate: '2025-05-25',
      }),
      meeting('Собрание 2024 года', { votingStart: '2024-05-01', votingEnd: '2024-05-20' }),
      meeting('Без дат', {}),
    ]);
    await screen.findByRole('table', { name: 'Собрания' });
    const names = within(screen.getByRole('table', { name: 'Собрания' }))
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('button')[0]!.textContent);
    expect(names).toEqual(['Собрание 2026 года', 'Собрание 2025 года', 'Собрание 2024 года', 'Без дат']);
    // Notice already sent: voting start is next, in 11 days; the paper deadline (24 days, after the end) is warned twice.
    expect(row('Собрание 2026 года')).toHaveTextContent('Начало голосования: 1 мая 2026 г. через 11 дней');
    expect(row('Собрание 2026 года')).toHaveTextContent('предупреждений: 2');
    expect(row('Собрание 2026 года')).toHaveTextContent('1 мая 2026 г. — 20 мая 2026 г.');
    // Protocol drawn up: nothing is due.
    expect(row('Собрание 2025 года')).toHaveTextContent('сроков нет');
    // Protocol never drawn up: overdue since 27 May 2024.
    expect(row('Собрание 2024 года')).toHaveTextContent(
      'Срок составления протокола (по регламенту товарищества): 27 мая 2024 г.',
    );
    expect(row('Собрание 2024 года')).toHaveTextContent('назад');
    expect(row('Без дат')).toHaveTextContent('даты не указаны');
  });

  it('creates a meeting after checking its title', async () => {
    const { db, user, opened } = await setup([]);
    expect(await screen.findByText(/Собраний пока нет/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Создать собрание' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Новое собрание' }));
    expect(dialog.getByLabelText('Название собрания')).toHaveValue(
      `Общее собрание членов СНТ «Ромашка» ${new Date().getFullYear()} года`,
    );
    await user.clear(dialog.getByLabelText('Название собрания'));
    await user.click(dialog.getByRole('button', { name: 'Создать' }));
    expect(await dialog.findByText('Укажите название собрания.')).toBeInTheDocument();
    expect(await db.meetings.count()).toBe(0);

    await user.type(dialog.getByLabelText('Название собрания'), 'Внеочередное собрание о дороге');
    await user.selectOptions(dialog.getByLabelText('Вид собрания'), 'внеочередное');
    await user.selectOptions(dialog.getByLabelText('Форма проведения'), 'заочная');
    await user.click(dialog.getByRole('button', { name: 'Создать' }));
    // Testing Library's waitFor (inside act) until the dialog has closed: every update of the screen seen.
    await waitFor(() => {
      expect(opened).toHaveLength(1);
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    const stored = (await db.meetings.get(opened[0]!))!;
    expect(stored).toMatchObject({
      title: 'Внеочередное собрание о дороге',
      meetingKind: 'extraordinary',
      form: 'remote',
      partnershipId: 'p',
      kind: 'snt',
    });
  });

  it('copies last year’s meeting into next year’s and opens the copy', async () => {
    const { db, user, opened } = await setup([
      meeting('Собрание 2025 года', {
        votingStart: '2025-05-01',
        votingEnd: '2025-05-20',
        questions: [{ number: 1, text: 'Смета', item: '17', attachmentIds: [] }],
      }),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Копировать: Собрание 2025 года' }));
    await waitFor(() => expect(opened).toHaveLength(1));
    expect(
      await screen.findByText('Создана копия: «Собрание 2026 года». Укажите в ней новые даты.'),
    ).toBeInTheDocument();
    const copy = (await db.meetings.get(opened[0]!))!;
    expect(copy).toMatchObject({ title: 'Собрание 2026 года', votingStart: '', votingEnd: '' });
    expect(copy.questions).toEqual([{ number: 1, text: 'Смета', item: '17', attachmentIds: [] }]);
  });

  it('deletes a meeting with what it holds after a backup, and «Отмена» keeps it', async () => {
    const { db, user } = await setup([meeting('Пробное собрание', {}), meeting('Собрание 2026 года', {})]);
    // The list read first (inside act), before the test's own database work.
    await screen.findByRole('table', { name: 'Собрания' });
    const trial = (await db.meetings.toArray()).find((m) => m.title === 'Пробное собрание')!;
    await db.paperBallots.bulkAdd([
      { id: 'b1', meetingId: trial.id, personId: 'x' },
      { id: 'b2', meetingId: trial.id, personId: 'y' },
    ] as never);
    const backups = createBrowserBackupStore();
    const listed = async () => {
      const r = await backups.list();
      return r.ok ? r.value : [];
    };
    const before = (await listed()).length;

    await user.click(await screen.findByRole('button', { name: 'Удалить: Пробное собрание' }));
    let dialog = within(screen.getByRole('dialog', { name: 'Удалить собрание?' }));
    expect(
      await dialog.findByText(/вместе со всем, что в нём хранится: бюллетеней \(бумага, очно\): 2\./),
    ).toBeInTheDocument();
    expect(dialog.getByRole('button', { name: 'Отмена' })).toHaveFocus();
    await user.click(dialog.getByRole('button', { name: 'Отмена' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await db.meetings.count()).toBe(2);

    await user.click(screen.getByRole('button', { name: 'Удалить: Пробное собрание' }));
    dialog = within(screen.getByRole('dialog', { name: 'Удалить собрание?' }));
    await user.click(await dialog.findByRole('button', { name: 'Удалить собрание' }));
    expect(
      await screen.findByText(
        /^Собрание «Пробное собрание» удалено \(бюллетеней \(бумага, очно\): 2\)\. Вернуть его можно, восстановив резервную копию от .+ в разделе «Резервные копии»\.$/,
      ),
    ).toBeInTheDocument();
    // The list is read again after the deletion.
    await waitFor(() =>
      expect(screen.queryByRole('row', { name: /Пробное собрание/ })).not.toBeInTheDocument(),
    );
    expect(row('Собрание 2026 года')).toBeInTheDocument();
    expect(await db.meetings.count()).toBe(1);
    expect(await db.paperBallots.count()).toBe(0);

    // The backup made first holds the meeting and its ballots.
    const made = await listed();
    expect(made.length).toBe(before + 1);
    expect(made[0]!.reason).toBe('before-delete');
    const read = await backups.read(made[0]!.id);
    const backup = read.ok ? decodeBackup(read.value) : read;
    expect(backup.ok && backup.value.tables.paperBallots!.rows).toHaveLength(2);
    expect(backup.ok && backup.value.tables.meetings!.rows).toHaveLength(2);
  });
});
