// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Partnership } from '../../shared/domain/types';
import { newMeeting, type Meeting } from '../../shared/meetings/meeting';
import { readChain } from '../audit/auditLog';
import { DbProvider } from '../app/DbContext';
import { ToastProvider } from '../app/Toasts';
import { GolosDb } from '../db/db';
import { getTimelineSettings } from './timelineSettings';
import { TimelineTab } from './TimelineTab';

const partnership: Partnership = {
  id: 'p',
  name: 'СНТ «Ромашка»',
  kind: 'snt',
  address: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const meeting: Meeting = {
  ...newMeeting({
    id: 'm1',
    partnershipId: 'p',
    kind: 'snt',
    title: 'Собрание',
    now: '2026-01-01T00:00:00.000Z',
  }),
  form: 'remote',
  votingStart: '2026-05-01',
  votingEnd: '2026-05-20',
  noticeDate: '2026-04-10',
  paperBallotDeadline: '2026-05-10',
  questions: [{ number: 1, text: 'Смета', item: '17', attachmentIds: [] }],
};

async function setup(m: Meeting = meeting) {
  const db = new GolosDb(`golos-timeline-${crypto.randomUUID()}`);
  const user = userEvent.setup();
  render(
    <DbProvider value={db}>
      <ToastProvider>
        <TimelineTab meeting={m} partnership={partnership} onMeetingChange={() => {}} today="2026-04-20" />
      </ToastProvider>
    </DbProvider>,
  );
  await screen.findByRole('form', { name: 'Сроки по уставу' });
  return { db, user };
}

const warnings = () => screen.queryByRole('list', { name: 'Предупреждения о сроках' });

describe('TimelineTab', () => {
  it('shows every date with the days left and the warnings in Russian', async () => {
    await setup();
    const rows = within(screen.getByRole('table', { name: 'Даты собрания' }))
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual([
      'Уведомление о собрании10 апреля 2026 г.10 дней назад',
      'Начало голосования1 мая 2026 г.через 11 дней',
      'Последний день приёма бумажных бюллетеней (по регламенту товарищества)10 мая 2026 г.через 20 дней',
      'Окончание голосования20 мая 2026 г.через 30 дней',
      'Срок составления протокола (по регламенту товарищества)27 мая 2026 г.через 37 дней',
      'Материалы доступны для ознакомленияне указана',
      'Подсчёт голосовне указана',
    ]);
    const list = warnings()!;
    expect(list).toHaveTextContent(
      'Уведомление (10 апреля 2026 г.) — за 21 день до начала собрания (1 мая 2026 г.): нарушен срок по уставу — не менее 30 дней',
    );
    expect(list).toHaveTextContent('Вопрос 1 (пункт 17) не может решаться заочным голосованием');
  });

  it('the charter deadlines can be changed, checked in Russian, and the warnings follow', async () => {
    const { db, user } = await setup();
    const form = within(screen.getByRole('form', { name: 'Сроки по уставу' }));
    const charter = form.getByLabelText('Уведомление по уставу, дней до собрания');
    expect(charter).toHaveValue('30');
    await user.clear(charter);
    await user.type(charter, '10');
    await user.click(form.getByRole('button', { name: 'Сохранить сроки' }));
    expect(await form.findByText('Срок по уставу не может быть меньше срока по закону.')).toBeInTheDocument();
    await user.clear(charter);
    await user.type(charter, 'две недели');
    await user.click(form.getByRole('button', { name: 'Сохранить сроки' }));
    expect(await form.findByText('Укажите целое число дней от 0 до 365.')).toBeInTheDocument();
    expect((await getTimelineSettings(db)).noticeDaysCharter).toBe(30);

    await user.clear(charter);
    await user.type(charter, '21');
    await user.click(form.getByRole('button', { name: 'Сохранить сроки' }));
    expect(await screen.findByText('Сроки по уставу сохранены.')).toBeInTheDocument();
    await waitFor(() => expect(warnings()).not.toHaveTextContent('нарушен срок по уставу'));
    expect((await getTimelineSettings(db)).noticeDaysCharter).toBe(21);
    const entry = (await readChain(db)).at(-1)!;
    expect(entry).toMatchObject({ action: 'settings.timeline', after: { noticeDaysCharter: 21 } });
  });
});
