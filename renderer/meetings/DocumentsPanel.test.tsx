// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Partnership, Person } from '../../shared/domain/types';
import { newMeeting, type Meeting } from '../../shared/meetings/meeting';
import { DbProvider } from '../app/DbContext';
import { ToastProvider } from '../app/Toasts';
import { GolosDb } from '../db/db';
import { applyRegistryChanges } from '../db/personRepo';
import type { DocumentJob, JobControl } from '../documents/documentJob';
import { DocumentsPanel } from './DocumentsPanel';

// The PDF itself is built and read back in the e2e spec; here the panel's own logic is under test:
// which job it starts, the progress it shows, cancelling, and what it saves.
const jobs: { job: DocumentJob; ctl: Required<JobControl>; resolve: (b: Uint8Array) => void }[] = [];
vi.mock('../documents/documentRunner', () => ({
  runDocumentJob: (job: DocumentJob, ctl: Required<JobControl>) =>
    new Promise<Uint8Array>((resolve, reject) => {
      ctl.signal.addEventListener('abort', () => reject(new DOMException('Отменено', 'AbortError')));
      jobs.push({ job, ctl, resolve });
    }),
}));
const saved: { suggestedName: string; bytes: Uint8Array; mime: string }[] = [];
vi.mock('../platform/platform', () => ({
  getPlatform: () => ({
    saveFile: async (req: { suggestedName: string; bytes: Uint8Array; mime: string }) => {
      saved.push(req);
      return { ok: true, value: { savedAs: req.suggestedName } };
    },
  }),
}));

const partnership: Partnership = {
  id: 'p',
  name: 'СНТ «Ромашка»',
  kind: 'snt',
  address: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const persons: Person[] = [
  { id: '', fullName: 'Яковлева Мария', status: 'member', holdings: [{ plotNumber: '7' }] },
  { id: '', fullName: 'Абрамов Олег', status: 'member', holdings: [{ plotNumber: '105' }] },
  {
    id: '',
    fullName: 'Петрова Анна',
    status: 'gardener',
    holdings: [{ plotNumber: '2' }, { plotNumber: '3' }],
  },
];

async function setup(questions: Meeting['questions']) {
  jobs.length = 0;
  saved.length = 0;
  const db = new GolosDb(`golos-docs-${crypto.randomUUID()}`);
  await applyRegistryChanges(db, { added: persons, changed: [], removed: [] });
  await db.attachments.add({
    id: 'f1',
    meetingId: 'm1',
    name: 'смета.xlsx',
    mime: 'application/octet-stream',
    size: 1,
    bytes: new Uint8Array([1]),
    addedAt: '2026-01-01T00:00:00.000Z',
    purpose: 'material',
  });
  const meeting: Meeting = {
    ...newMeeting({
      id: 'm1',
      partnershipId: 'p',
      kind: 'snt',
      title: 'Собрание: 2026 / весна',
      now: '2026-01-01T00:00:00.000Z',
    }),
    questions,
  };
  const user = userEvent.setup();
  render(
    <DbProvider value={db}>
      <ToastProvider>
        <DocumentsPanel meeting={meeting} partnership={partnership} />
      </ToastProvider>
    </DbProvider>,
  );
  await screen.findByRole('button', { name: 'Бюллетени для всех (3)' }, { timeout: 5000 });
  return { user, meeting };
}

const agenda: Meeting['questions'] = [
  { number: 1, text: 'О взносах', item: '21', attachmentIds: [] },
  {
    number: 2,
    text: 'О приёме',
    item: '7',
    rule: { majority: 'two_thirds', electorate: 'members' },
    attachmentIds: [],
  },
];

describe('DocumentsPanel', () => {
  it('refuses documents for an empty agenda', async () => {
    const { user } = await setup([]);
    await user.click(screen.getByRole('button', { name: 'Уведомление (PDF)' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'В повестке нет вопросов: добавьте вопросы и сохраните повестку.',
    );
    expect(jobs).toHaveLength(0);
  });

  it('builds ballots for chosen voters in natural plot order, with progress, and saves the PDF', async () => {
    const { user, meeting } = await setup(agenda);
    // The agenda as printed, with the override badged.
    const printed = within(screen.getByRole('list', { name: 'Повестка в документах' })).getAllByRole(
      'listitem',
    );
    expect(printed[0]).toHaveTextContent('Правило: 2/3 голосов членов и садоводов, принявших участие');
    expect(printed[1]).toHaveTextContent('правило изменено');

    await user.click(screen.getByRole('button', { name: 'Бюллетени для выбранных…' }));
    const picker = within(screen.getByRole('dialog', { name: 'Бюллетени для выбранных участников' }));
    await user.type(picker.getByLabelText('Поиск'), '105');
    await user.click(picker.getByRole('checkbox', { name: /Абрамов Олег/ }));
    await user.clear(picker.getByLabelText('Поиск'));
    await user.click(picker.getByRole('checkbox', { name: /Яковлева Мария/ }));
    expect(picker.getByRole('status', { name: 'Выбрано участников' })).toHaveTextContent('Выбрано: 2 из 3');
    await user.click(picker.getByRole('button', { name: 'Создать бюллетени (2)' }));

    await waitFor(() => expect(jobs).toHaveLength(1));
    const { job, ctl, resolve } = jobs[0]!;
    expect(job).toMatchObject({ type: 'ballots', meeting, partnershipName: 'СНТ «Ромашка»' });
    // Plot 7 before plot 105 (natural order, not text order).
    expect(job.type === 'ballots' && job.voters !== 'blank' && job.voters.map((p) => p.fullName)).toEqual([
      'Яковлева Мария',
      'Абрамов Олег',
    ]);
    act(() => ctl.onProgress(1, 2));
    expect(await screen.findByRole('progressbar', { name: 'Создание: Бюллетени (2)' })).toHaveAttribute(
      'value',
      '1',
    );
    expect(screen.getByRole('status', { name: 'Ход создания документа' })).toHaveTextContent(
      '1 из 2 бюллетеней',
    );
    expect(screen.getByRole('button', { name: 'Уведомление (PDF)' })).toBeDisabled();
    resolve(new Uint8Array([37, 80, 68, 70]));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({
      suggestedName: 'Бюллетени 2 — Собрание 2026 весна.pdf',
      mime: 'application/pdf',
    });
    expect(
      await screen.findByText('Файл сохранён: Бюллетени 2 — Собрание 2026 весна.pdf'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('cancels a run: nothing is saved and the buttons come back', async () => {
    const { user } = await setup(agenda);
    await user.click(screen.getByRole('button', { name: 'Бюллетени для всех (3)' }));
    await waitFor(() => expect(jobs).toHaveLength(1));
    expect(jobs[0]!.job).toMatchObject({ type: 'ballots' });
    await user.click(screen.getByRole('button', { name: 'Отменить' }));
    expect(await screen.findByText('Бюллетени (3): отменено.')).toBeInTheDocument();
    expect(jobs[0]!.ctl.signal.aborted).toBe(true);
    expect(saved).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Бюллетени для всех (3)' })).toBeEnabled();

    await user.click(screen.getByRole('button', { name: 'Пустой бюллетень' }));
    await waitFor(() => expect(jobs).toHaveLength(2));
    expect(jobs[1]!.job).toMatchObject({ type: 'ballots', voters: 'blank' });
  });

  it('lists the agenda files in the notice it asks for', async () => {
    const { user } = await setup([{ ...agenda[0]!, attachmentIds: ['f1'] }, agenda[1]!]);
    await user.click(screen.getByRole('button', { name: 'Уведомление (PDF)' }));
    await waitFor(() => expect(jobs).toHaveLength(1));
    expect(jobs[0]!.job).toMatchObject({ type: 'notice', materials: [{ question: 1, name: 'смета.xlsx' }] });
  });

  it('prints everyone by plot (2, 7, 105) or, when asked, by name', async () => {
    const { user } = await setup(agenda);
    const names = (n: number) => {
      const job = jobs[n]!.job;
      return job.type === 'ballots' && job.voters !== 'blank' && job.voters.map((p) => p.fullName);
    };
    await user.click(screen.getByRole('button', { name: 'Бюллетени для всех (3)' }));
    await waitFor(() => expect(jobs).toHaveLength(1));
    expect(names(0)).toEqual(['Петрова Анна', 'Яковлева Мария', 'Абрамов Олег']);
    jobs[0]!.resolve(new Uint8Array([37]));
    await waitFor(() => expect(saved).toHaveLength(1));
    await user.selectOptions(screen.getByLabelText('Порядок бюллетеней'), 'по ФИО');
    await user.click(screen.getByRole('button', { name: 'Бюллетени для всех (3)' }));
    await waitFor(() => expect(jobs).toHaveLength(2));
    expect(names(1)).toEqual(['Абрамов Олег', 'Петрова Анна', 'Яковлева Мария']);
  });
});
