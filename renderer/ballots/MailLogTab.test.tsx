// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { GolosBridge } from '../../shared/ipc/contract';
import { ok } from '../../shared/result';
import { createRecord } from '../../shared/paper/ballotRecord';
import { voterRefOf } from '../../shared/paper/voterRef';
import { readChain } from '../audit/auditLog';
import { MailLogTab } from './MailLogTab';
import { renderTab, seededDb, testMeeting } from './ballots.testkit';

/** The Electron bridge with a file picker that returns `files`. */
function bridgeOpening(files: { name: string; bytes: Uint8Array }[]): GolosBridge {
  const unused = () => Promise.reject(new Error('not used'));
  return {
    saveFile: unused,
    openFile: () => Promise.resolve(ok(files)),
    writePackage: unused,
    saveBackup: unused,
    listBackups: unused,
    readBackup: unused,
    readAnchor: unused,
    writeAnchor: unused,
  };
}

afterEach(() => {
  delete window.golos;
});

const row = (name: string) =>
  within(screen.getByRole('table', { name: 'Журнал поступления бюллетеней' })).getByRole('row', { name });

describe('MailLogTab: the mail log', () => {
  it('records a scan by e-mail with its file: the person shows «только скан», the file is stored with the audit entries', async () => {
    const { db, persons, meeting } = await seededDb(40);
    const person = persons[3]!;
    window.golos = bridgeOpening([{ name: 'скан.png', bytes: new Uint8Array([137, 80, 78, 71]) }]);
    const user = userEvent.setup();
    renderTab(db, MailLogTab, meeting);
    expect(await screen.findByRole('list', { name: 'Итоги поступления' })).toHaveTextContent(
      'Не поступали: 40',
    );
    expect(row(person.fullName)).toHaveTextContent('не поступал');

    const form = screen.getByRole('form', { name: 'Отметить поступление' });
    await user.type(within(form).getByRole('searchbox', { name: 'Участник' }), person.snils!);
    await user.keyboard('{Enter}');
    expect(form).toHaveTextContent(`Участник: ${person.fullName}`);
    await user.click(within(form).getByRole('radio', { name: 'скан по электронной почте' }));
    await user.clear(within(form).getByLabelText('Дата получения'));
    await user.type(within(form).getByLabelText('Дата получения'), '2026-06-05');
    await user.click(within(form).getByRole('button', { name: 'Приложить файл скана…' }));
    expect(await within(form).findByRole('list', { name: 'Приложенные файлы' })).toHaveTextContent(
      'скан.png',
    );
    await user.click(within(form).getByRole('button', { name: 'Отметить поступление' }));

    await waitFor(() => expect(row(person.fullName)).toHaveTextContent('только скан'), { timeout: 8000 });
    expect(row(person.fullName)).toHaveTextContent('скан 05.06.2026, e-mail');
    expect(screen.getByRole('list', { name: 'Итоги поступления' })).toHaveTextContent('Только скан: 1');
    expect(
      within(row(person.fullName)).getByRole('button', { name: `Скан: ${person.fullName}` }),
    ).toBeInTheDocument();
    const [attachment] = await db.attachments.toArray();
    expect(attachment).toMatchObject({
      meetingId: meeting.id,
      name: 'скан.png',
      mime: 'image/png',
      size: 4,
      purpose: 'scan',
    });
    expect((await readChain(db)).map((e) => e.action)).toEqual(['attachment.add', 'ballot.logged']);
  });

  it('a registered letter needs its tracking number (nothing stored until given); one received after the end of voting is marked not counted with the reason', async () => {
    const { db, persons, meeting } = await seededDb(40);
    const person = persons[5]!;
    const user = userEvent.setup();
    renderTab(db, MailLogTab, meeting);
    await screen.findByRole('form', { name: 'Отметить поступление' });
    await user.click(
      within(screen.getByRole('table', { name: 'Журнал поступления бюллетеней' })).getByRole('button', {
        name: `Отметить поступление: ${person.fullName}`,
      }),
    );
    expect(screen.getByRole('form', { name: 'Отметить поступление' })).toHaveTextContent(
      `Участник: ${person.fullName}`,
    );
    const f = screen.getByRole('form', { name: 'Отметить поступление' });
    await user.click(within(f).getByRole('radio', { name: 'оригинал заказным письмом' }));
    await user.clear(within(f).getByLabelText('Дата получения'));
    await user.type(within(f).getByLabelText('Дата получения'), '2026-06-20');
    await user.click(within(f).getByRole('button', { name: 'Отметить поступление' }));
    expect(
      await within(f).findByText('Поле «Номер отправления»: укажите трек-номер заказного письма.'),
    ).toBeInTheDocument();
    expect(await db.paperBallots.count()).toBe(0);

    await user.type(within(f).getByLabelText('Номер отправления'), '80081234567890');
    await user.click(within(f).getByRole('button', { name: 'Отметить поступление' }));
    await waitFor(() => expect(row(person.fullName)).toHaveTextContent('опоздал, не учитывается'), {
      timeout: 8000,
    });
    expect(row(person.fullName)).toHaveTextContent('оригинал 20.06.2026, почта, РПО 80081234567890');
    expect(row(person.fullName)).toHaveTextContent(
      'не учитывается: получен 20.06.2026, после окончания голосования (14.06.2026)',
    );
    expect(screen.getByRole('list', { name: 'Итоги поступления' })).toHaveTextContent('Опоздали: 1');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Показать' }), 'late');
    const rows = within(screen.getByRole('table', { name: 'Журнал поступления бюллетеней' })).getAllByRole(
      'row',
    );
    expect(rows).toHaveLength(2);
  });

  it('shows «только оригиналы» and «с учётом сканов»: a keyed scan without its original counts only in the second', async () => {
    const { db, persons, meeting } = await seededDb(40, testMeeting('m-2026', { acceptScans: false }));
    const member = persons.find((p) => p.status === 'member')!;
    const scan = createRecord(
      {
        id: 'scan-1',
        channel: 'paper',
        voter: voterRefOf(member),
        copy: 'scan',
        receivedAt: '2026-06-03',
        delivery: 'email',
        voidReasons: [],
        marks: Object.fromEntries(meeting.questions.map((q) => [q.number, 'for'])),
        source: 'скан по e-mail',
      },
      { by: 'Иванова', at: '2026-06-03T10:00:00+03:00' },
    );
    if (!scan.ok) throw new Error('fixture');
    await db.paperBallots.put({ ...scan.value, meetingId: meeting.id, personId: member.id });
    renderTab(db, MailLogTab, meeting);
    const figures = await screen.findByRole('table', { name: 'Оригиналы и сканы' });
    const participants = within(figures).getByRole('row', { name: /Участников/ });
    expect(
      within(participants)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Участников', '0', '1']);
    expect(row(member.fullName)).toHaveTextContent('только скан');
    expect(row(member.fullName)).toHaveTextContent('не учитывается');
  });

  it('is sorted by arrival, then plot in natural order; the columns say plot, name, date, state', async () => {
    const { db, persons, meeting } = await seededDb(12);
    const put = async (id: string, who: (typeof persons)[number], receivedAt: string) => {
      const r = createRecord(
        {
          id,
          channel: 'paper',
          voter: voterRefOf(who),
          copy: 'original',
          receivedAt,
          delivery: 'hand',
          voidReasons: [],
          marks: {},
          source: 'журнал почты',
        },
        { by: 'Иванова', at: `${receivedAt}T10:00:00+03:00`, receiptMark: 'принято' },
        false,
      );
      if (!r.ok) throw new Error('fixture');
      await db.paperBallots.put({ ...r.value, meetingId: meeting.id, personId: who.id });
    };
    // The last two persons of the registry arrive: the later one in the registry on an earlier day.
    const [a, b] = [persons[10]!, persons[11]!];
    await put('r1', a, '2026-06-05');
    await put('r2', b, '2026-06-03');
    renderTab(db, MailLogTab, meeting);
    const table = await screen.findByRole('table', { name: 'Журнал поступления бюллетеней' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Участки', 'Участник', 'Поступил', 'Состояние', 'Что поступило', 'Действия']);
    const names = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.getAttribute('aria-label'));
    const plot = (p: (typeof persons)[number]) => p.holdings[0]?.plotNumber ?? '';
    const rest = persons
      .filter((p) => p !== a && p !== b)
      .sort(
        (x, y) =>
          plot(x).localeCompare(plot(y), 'ru', { numeric: true }) ||
          x.fullName.localeCompare(y.fullName, 'ru'),
      );
    expect(names()).toEqual([b.fullName, a.fullName, ...rest.map((p) => p.fullName)]);
    expect(row(b.fullName)).toHaveTextContent('03.06.2026');
    await user().selectOptions(screen.getByRole('combobox', { name: 'Порядок' }), 'по ФИО');
    expect(names()).toEqual(
      [...persons].sort((x, y) => x.fullName.localeCompare(y.fullName, 'ru')).map((p) => p.fullName),
    );
  });
});

const user = () => userEvent.setup();
