// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { currentVersion } from '../../shared/paper/ballotRecord';
import { readChain } from '../audit/auditLog';
import { SessionTab } from './SessionTab';
import { renderTab, seededDb } from './ballots.testkit';

describe('SessionTab: the in-person session', () => {
  it('registers arrivals (in person and by power of attorney), counts them against the quorum, strikes one out with a reason', async () => {
    const { db, persons, meeting } = await seededDb(40);
    const members = persons.filter((p) => p.status === 'member');
    const [a, b] = members;
    const user = userEvent.setup();
    renderTab(db, SessionTab, meeting);
    const present = await screen.findByRole('status', { name: 'Присутствуют' });
    const half = Math.floor(members.length / 2) + 1;
    expect(present).toHaveTextContent(
      `Присутствуют: 0. Кворум не набран: 0 из ${members.length}, нужно не менее ${half}`,
    );

    const form = screen.getByRole('form', { name: 'Регистрация прибывшего' });
    await user.type(within(form).getByRole('searchbox', { name: 'Участник' }), a!.snils!);
    await user.keyboard('{Enter}');
    // The person picked, the focus is on the next field (not lost to the page).
    expect(within(form).getByLabelText('Время прибытия')).toHaveFocus();
    // The time is typed in the 24-hour form; a time that is none is refused, naming the field.
    await user.clear(within(form).getByLabelText('Время прибытия'));
    await user.type(within(form).getByLabelText('Время прибытия'), '25:05');
    await user.click(within(form).getByRole('button', { name: 'Зарегистрировать' }));
    expect(
      within(form).getByText('Поле «Время прибытия»: укажите время вида ЧЧ:ММ, например 10:05.'),
    ).toBeInTheDocument();
    expect(await db.attendance.count()).toBe(0);
    await user.clear(within(form).getByLabelText('Время прибытия'));
    await user.type(within(form).getByLabelText('Время прибытия'), '10:05');
    await user.click(within(form).getByRole('button', { name: 'Зарегистрировать' }));
    await waitFor(() => expect(present).toHaveTextContent('Присутствуют: 1.'));

    // A representative without the power of attorney's number is refused.
    await user.type(within(form).getByRole('searchbox', { name: 'Участник' }), b!.snils!);
    await user.keyboard('{Enter}');
    await user.click(within(form).getByRole('checkbox', { name: 'представитель по доверенности' }));
    await user.type(within(form).getByLabelText('ФИО представителя'), 'Петров Пётр Петрович');
    await user.click(within(form).getByRole('button', { name: 'Зарегистрировать' }));
    expect(
      await within(form).findByText('Поле «Доверенность»: укажите номер доверенности представителя.'),
    ).toBeInTheDocument();
    expect(await db.attendance.count()).toBe(1);
    await user.type(within(form).getByLabelText('Номер доверенности'), '12');
    await user.type(within(form).getByLabelText('Дата доверенности'), '2026-05-20');
    await user.click(within(form).getByRole('button', { name: 'Зарегистрировать' }));
    await waitFor(() => expect(present).toHaveTextContent('Присутствуют: 2, из них по доверенности 1.'));
    const list = screen.getByRole('table', { name: 'Лист регистрации' });
    expect(within(list).getByRole('row', { name: b!.fullName })).toHaveTextContent(
      'Петров Пётр Петрович, доверенность № 12 от 20.05.2026',
    );
    expect(within(list).getByRole('row', { name: a!.fullName })).toHaveTextContent('лично10:05');

    await user.click(
      within(within(list).getByRole('row', { name: a!.fullName })).getByRole('button', {
        name: 'Вычеркнуть',
      }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Вычеркнуть из листа регистрации' });
    await user.type(within(dialog).getByLabelText('Причина'), 'ушёл до голосования');
    await user.click(within(dialog).getByRole('button', { name: 'Вычеркнуть' }));
    await waitFor(() => expect(present).toHaveTextContent('Присутствуют: 1, из них по доверенности 1.'));
    expect(within(list).getByRole('row', { name: a!.fullName })).toHaveTextContent(
      'вычеркнут(а): ушёл до голосования',
    );
    expect((await readChain(db)).map((e) => e.action)).toEqual([
      'attendance.register',
      'attendance.register',
      'attendance.withdraw',
    ]);
  });

  it('keys an in-person ballot the same way: channel «очно», delivered at the session, dated the session day', async () => {
    const { db, persons, meeting } = await seededDb(40);
    const member = persons.find((p) => p.status === 'member')!;
    renderTab(db, SessionTab, meeting);
    const area = await screen.findByRole('group', { name: 'Ввод бюллетеня' });
    // A СНИЛС is typed after a space (a plot number alone may open a ballot at once). The voter is not
    // registered present, so the last mark does not save: Enter does, after the warning.
    for (const key of [
      ' ',
      ...member.snils!,
      'Enter',
      '1',
      '2',
      '3',
      '1',
      '1',
      '1',
      '1',
      '1',
      '1',
      '1',
      'Enter',
    ]) {
      fireEvent.keyDown(area, { key });
    }
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Сохранение' })).toHaveTextContent(
        'Введено бюллетеней (очно): 1;',
      ),
    );
    const [row] = await db.paperBallots.toArray();
    expect(currentVersion(row!).ballot).toMatchObject({
      channel: 'in_person',
      delivery: 'session',
      receivedAt: meeting.sessionDate,
      marks: { 1: 'for', 2: 'against', 3: 'abstain' },
    });
    // The list of keyed ballots follows right after (drawn at a lower priority).
    const list = screen.getByRole('region', { name: 'Введённые бюллетени' });
    expect(await within(list).findByRole('row', { name: member.fullName })).toHaveTextContent('введён');
  });
});
