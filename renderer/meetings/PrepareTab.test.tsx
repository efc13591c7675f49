// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { Partnership } from '../../shared/domain/types';
import { newMeeting, type Meeting } from '../../shared/meetings/meeting';
import { readChain } from '../audit/auditLog';
import { DbProvider } from '../app/DbContext';
import { ToastProvider } from '../app/Toasts';
import { GolosDb } from '../db/db';
import { agendaNote, PrepareTab } from './PrepareTab';

const partnership: Partnership = {
  id: 'p',
  name: 'СНТ «Ромашка»',
  kind: 'snt',
  address: 'д. Ивановка',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const RULE_MEMBERS = 'большинство (более половины) голосов членов, принявших участие';
const RULE_TWO_THIRDS = '2/3 голосов членов, принявших участие';
const RULE_TWO_THIRDS_ALL = '2/3 голосов членов и садоводов, принявших участие';

function Harness({ db, initial }: { db: GolosDb; initial: Meeting }) {
  const [meeting, setMeeting] = useState(initial);
  return (
    <DbProvider value={db}>
      <ToastProvider>
        <PrepareTab
          meeting={meeting}
          partnership={partnership}
          onMeetingChange={setMeeting}
          today="2026-03-01"
        />
      </ToastProvider>
    </DbProvider>
  );
}

async function setup(patch: Partial<Meeting> = {}) {
  const db = new GolosDb(`golos-prepare-${crypto.randomUUID()}`);
  const meeting: Meeting = {
    ...newMeeting({
      id: 'm1',
      partnershipId: 'p',
      kind: 'snt',
      title: 'Собрание 2026',
      now: '2026-01-01T00:00:00.000Z',
    }),
    ...patch,
  };
  await db.meetings.add(meeting);
  const user = userEvent.setup();
  render(<Harness db={db} initial={meeting} />);
  await screen.findByRole('form', { name: 'Сведения о собрании' });
  return { db, user };
}

const details = () => screen.getByRole('form', { name: 'Сведения о собрании' });
const agenda = () => screen.getByRole('form', { name: 'Повестка дня' });
const question = (n: number) => screen.getByRole('region', { name: `Вопрос ${n}` });
const setDate = (label: string, value: string) =>
  fireEvent.change(within(details()).getByLabelText(label), { target: { value } });
const liveWarnings = () =>
  within(screen.getByRole('region', { name: 'Сроки по мере ввода' })).queryByRole('list', {
    name: 'Предупреждения о сроках',
  });

describe('PrepareTab: meeting details form', () => {
  it('puts Russian messages next to the fields and stores nothing until they are fixed', async () => {
    const { db, user } = await setup();
    const form = within(details());
    await user.clear(form.getByLabelText('Название собрания'));
    await user.clear(form.getByLabelText('Срок составления протокола, дней после окончания голосования'));
    await user.type(form.getByLabelText('Срок составления протокола, дней после окончания голосования'), '0');
    await user.type(form.getByLabelText('Время очной части'), '25:00');
    await user.click(form.getByRole('button', { name: 'Сохранить сведения' }));

    expect(await form.findByText('Укажите название собрания.')).toBeInTheDocument();
    expect(form.getByText('Укажите дату начала голосования.')).toBeInTheDocument();
    expect(form.getByText('Укажите дату окончания голосования.')).toBeInTheDocument();
    expect(form.getByText('Укажите дату очной части собрания.')).toBeInTheDocument();
    expect(form.getByText('Укажите место очной части собрания.')).toBeInTheDocument();
    expect(form.getByText('Время: нужен вид ЧЧ:ММ, например 11:00.')).toBeInTheDocument();
    expect(form.getByText('Укажите, куда сдавать или отправлять бумажные бюллетени.')).toBeInTheDocument();
    expect(form.getByText('Укажите целое число дней от 1 до 60.')).toBeInTheDocument();
    // The message is tied to its field.
    const title = form.getByLabelText('Название собрания');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Укажите название собрания.');
    expect((await db.meetings.get('m1'))?.title).toBe('Собрание 2026');
    expect(await readChain(db)).toHaveLength(0);

    // Voting that ends before it starts.
    setDate('Начало голосования', '2026-05-10');
    setDate('Окончание голосования', '2026-05-01');
    expect(
      await form.findByText('Окончание голосования раньше его начала (10 мая 2026 г.).'),
    ).toBeInTheDocument();
  });

  it('saves a valid meeting with an audit entry, keeping what each control means', async () => {
    const { db, user } = await setup();
    const form = within(details());
    await user.selectOptions(form.getByLabelText('Вид собрания'), 'внеочередное');
    await user.selectOptions(form.getByLabelText('Форма проведения'), 'заочная');
    expect(form.queryByLabelText('Дата очной части')).toBeNull();
    setDate('Начало голосования', '2026-05-01');
    setDate('Окончание голосования', '2026-05-20');
    setDate('Последний день приёма бюллетеней', '2026-05-10');
    await user.type(form.getByLabelText('Адрес приёма бюллетеней'), 'ул. Центральная, 1');
    await user.type(form.getByLabelText('Счётная комиссия'), 'Иванов И. И.{Enter}{Enter}  Петрова  А. А. ');
    await user.click(form.getByLabelText('недействителен весь бюллетень (строгое прочтение регламента)'));
    await user.click(form.getByLabelText('засчитывать скан бюллетеня, пока не пришёл оригинал'));
    await user.click(form.getByLabelText(/двойной ввод бумажных бюллетеней/));
    await user.click(form.getByLabelText('засчитывать по приоритету способа голосования'));
    await user.selectOptions(form.getByLabelText('Приоритет 2'), 'бумажный бюллетень');
    await user.click(form.getByRole('button', { name: 'Сохранить сведения' }));
    expect(
      await form.findByText('Способы голосования в порядке приоритета не должны повторяться.'),
    ).toBeInTheDocument();
    await user.selectOptions(form.getByLabelText('Приоритет 2'), 'Госуслуги');
    await user.selectOptions(form.getByLabelText('Приоритет 3'), 'очно');
    await user.click(form.getByRole('button', { name: 'Сохранить сведения' }));
    expect(await screen.findByText('Сведения о собрании сохранены.')).toBeInTheDocument();

    const stored = (await db.meetings.get('m1'))!;
    expect(stored).toMatchObject({
      meetingKind: 'extraordinary',
      form: 'remote',
      votingStart: '2026-05-01',
      votingEnd: '2026-05-20',
      paperBallotDeadline: '2026-05-10',
      paperBallotAddress: 'ул. Центральная, 1',
      countingCommission: ['Иванов И. И.', 'Петрова А. А.'],
      invalidMarks: 'ballot',
      acceptScans: true,
      doubleEntry: true,
      conflicts: ['paper', 'gosuslugi', 'in_person'],
      protocolDueDays: 7,
    });
    expect(stored.sessionPlace).toBeUndefined();
    const chain = await readChain(db);
    expect(chain.map((e) => e.action)).toEqual(['meeting.update']);
    expect(chain[0]).toMatchObject({ entity: 'meeting', entityId: 'm1', actor: 'Секретарь правления' });
  });

  it('shows timeline warnings as dates are typed, before saving', async () => {
    await setup({ votingStart: '2026-05-01', votingEnd: '2026-05-20' });
    expect(liveWarnings()).toBeNull();
    setDate('Дата уведомления', '2026-04-25');
    await waitFor(() =>
      expect(liveWarnings()).toHaveTextContent('нарушен минимальный срок по закону — не менее 14 дней'),
    );
    setDate('Дата уведомления', '2026-04-10');
    await waitFor(() =>
      expect(liveWarnings()).toHaveTextContent('нарушен срок по уставу — не менее 30 дней'),
    );
    setDate('Дата уведомления', '2026-03-20');
    await waitFor(() => expect(liveWarnings()).toBeNull());
    expect(screen.getByText('Нарушений сроков не найдено.')).toBeInTheDocument();
    setDate('Последний день приёма бюллетеней', '2026-05-18');
    await waitFor(() =>
      expect(liveWarnings()).toHaveTextContent('а по регламенту товарищества срок приёма — от 7 до 14 дней'),
    );
  });
});

describe('PrepareTab: agenda editor', () => {
  async function addQuestion(
    user: ReturnType<typeof userEvent.setup>,
    n: number,
    text: string,
    item: string,
  ) {
    await user.click(within(agenda()).getByRole('button', { name: 'Добавить вопрос' }));
    const q = within(question(n));
    await user.type(q.getByLabelText('Формулировка вопроса'), text);
    await user.selectOptions(q.getByLabelText('Категория вопроса (пункт закона)'), item);
  }

  it('a category sets the rule shown in plain Russian; an override is badged beside the profile rule', async () => {
    const { db, user } = await setup();
    await addQuestion(user, 1, 'О взносах', '21');
    expect(question(1)).toHaveTextContent(`Правило: ${RULE_TWO_THIRDS_ALL}`);
    expect(
      within(question(1)).getByRole('option', { name: /^21 — размер и сроки внесения взносов/ }),
    ).toHaveProperty('selected', true);
    await addQuestion(user, 2, 'О приёме в члены', '7');
    expect(question(2)).toHaveTextContent(`Правило: ${RULE_MEMBERS}`);
    expect(within(question(2)).queryByText('правило изменено')).toBeNull();

    const q1 = within(question(1));
    await user.click(q1.getByLabelText('задать правило для этого вопроса вручную'));
    // A rule set by hand starts from the category's (two thirds of all voters), not a simple majority.
    expect(q1.getByLabelText('Большинство')).toHaveValue('two_thirds');
    expect(q1.getByLabelText('Кто голосует')).toHaveValue('members_and_gardeners');
    expect(question(1)).toHaveTextContent(`Правило: ${RULE_TWO_THIRDS_ALL}`);
    await user.click(q1.getByLabelText('задать правило для этого вопроса вручную'));

    const q2 = within(question(2));
    await user.click(q2.getByLabelText('задать правило для этого вопроса вручную'));
    await user.selectOptions(q2.getByLabelText('Большинство'), 'two_thirds');
    expect(question(2)).toHaveTextContent(`Правило: ${RULE_TWO_THIRDS}`);
    expect(q2.getByText('правило изменено')).toBeInTheDocument();
    expect(question(2)).toHaveTextContent(`по профилю: ${RULE_MEMBERS}`);
    await user.selectOptions(q2.getByLabelText('Кто голосует'), 'members_and_gardeners');
    expect(question(2)).toHaveTextContent(`Правило: ${RULE_TWO_THIRDS_ALL}`);

    // The documents are built from the saved meeting: unsaved edits are pointed out.
    const unsaved = /Есть несохранённые изменения в сведениях или повестке/;
    expect(screen.getByText(unsaved)).toBeInTheDocument();
    await user.click(within(agenda()).getByRole('button', { name: 'Сохранить повестку' }));
    expect(await screen.findByText('Повестка сохранена.', {}, { timeout: 5000 })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText(unsaved)).toBeNull());
    const stored = (await db.meetings.get('m1'))!;
    expect(stored.questions).toEqual([
      { number: 1, text: 'О взносах', item: '21', attachmentIds: [] },
      {
        number: 2,
        text: 'О приёме в члены',
        item: '7',
        rule: { majority: 'two_thirds', electorate: 'members_and_gardeners' },
        attachmentIds: [],
      },
    ]);
    // The saved agenda shows the override too (what the documents print).
    const printed = screen.getByRole('list', { name: 'Повестка в документах' });
    expect(within(printed).getAllByRole('listitem')[1]).toHaveTextContent('правило изменено');
    expect((await readChain(db)).map((e) => e.action)).toEqual(['meeting.agenda']);
  });

  it('reorders with the buttons and the keyboard, focus following the question', async () => {
    const { db, user } = await setup();
    await addQuestion(user, 1, 'Первый', '20');
    await addQuestion(user, 2, 'Второй', '17');
    await addQuestion(user, 3, 'Третий', '21');
    const texts = () =>
      [1, 2, 3].map(
        (n) => (within(question(n)).getByLabelText('Формулировка вопроса') as HTMLTextAreaElement).value,
      );

    expect(within(question(1)).getByRole('button', { name: 'Поднять вопрос 1' })).toBeDisabled();
    expect(within(question(3)).getByRole('button', { name: 'Опустить вопрос 3' })).toBeDisabled();
    await user.click(within(question(3)).getByRole('button', { name: 'Поднять вопрос 3' }));
    expect(texts()).toEqual(['Первый', 'Третий', 'Второй']);
    expect(screen.getByRole('button', { name: 'Поднять вопрос 2' })).toHaveFocus();
    // The keyboard: Enter on the focused button moves the question again, now to the top.
    await user.keyboard('{Enter}');
    expect(texts()).toEqual(['Третий', 'Первый', 'Второй']);
    // At the top «Выше» is disabled: focus stays on the question, on «Ниже».
    expect(screen.getByRole('button', { name: 'Опустить вопрос 1' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(texts()).toEqual(['Первый', 'Третий', 'Второй']);
    expect(question(2)).toHaveTextContent(`Правило: ${RULE_TWO_THIRDS_ALL}`);

    await user.click(within(question(3)).getByRole('button', { name: 'Удалить вопрос 3' }));
    expect(screen.queryByRole('region', { name: 'Вопрос 3' })).toBeNull();
    await user.click(within(agenda()).getByRole('button', { name: 'Сохранить повестку' }));
    await screen.findByText('Повестка сохранена.');
    expect((await db.meetings.get('m1'))!.questions.map((q) => [q.number, q.text, q.item])).toEqual([
      [1, 'Первый', '20'],
      [2, 'Третий', '21'],
    ]);
  });

  it('refuses a question without wording, next to its field', async () => {
    const { db, user } = await setup();
    await addQuestion(user, 1, 'Есть текст', '20');
    await user.click(within(agenda()).getByRole('button', { name: 'Добавить вопрос' }));
    await user.click(within(agenda()).getByRole('button', { name: 'Сохранить повестку' }));
    expect(await within(question(2)).findByText('Укажите формулировку вопроса.')).toBeInTheDocument();
    expect(within(question(1)).queryByText('Укажите формулировку вопроса.')).toBeNull();
    expect((await db.meetings.get('m1'))!.questions).toEqual([]);
  });

  it('warns, in the editor and the timeline, about items the remote form may not decide', async () => {
    const { user } = await setup({ votingStart: '2026-05-01', votingEnd: '2026-05-20' });
    await addQuestion(user, 1, 'Смета', '17');
    await addQuestion(user, 2, 'Приём в члены', '7');
    expect(within(question(1)).queryByRole('note')).toBeNull();
    await user.selectOptions(within(details()).getByLabelText('Форма проведения'), 'заочная');
    expect(await within(question(1)).findByRole('note')).toHaveTextContent(
      'Вопрос 1 (пункт 17) не может решаться заочным голосованием',
    );
    expect(within(question(2)).queryByRole('note')).toBeNull();
    expect(liveWarnings()).toHaveTextContent('Вопрос 1 (пункт 17) не может решаться заочным голосованием');
    await user.selectOptions(within(details()).getByLabelText('Форма проведения'), 'очно-заочная');
    await waitFor(() => expect(within(question(1)).queryByRole('note')).toBeNull());
  });

  it('МКД: warns in any form about the entrance condition of item 4.5, not about item 4.7', async () => {
    const { user } = await setup({ kind: 'mkd' });
    await addQuestion(user, 1, 'Перевод квартиры 5 в нежилое', '4.5');
    await addQuestion(user, 2, 'Выбор управляющей организации', '4.7');
    expect(await within(question(1)).findByRole('note')).toHaveTextContent(
      'Вопрос 1 (пункт 4.5): перевод жилого помещения в нежилое: если в доме больше одного подъезда',
    );
    expect(within(question(1)).getByRole('note')).toHaveTextContent('проверьте эти условия сами');
    expect(within(question(2)).queryByRole('note')).toBeNull();
    await user.selectOptions(within(details()).getByLabelText('Форма проведения'), 'заочная');
    expect(within(question(1)).getByRole('note')).toHaveTextContent('больше одного подъезда');
  });
});

describe('agenda note: «голосование началось» only once the start date has come', () => {
  const m = (patch: Partial<Meeting>): Meeting => ({
    ...newMeeting({ id: 'm', partnershipId: 'p', kind: 'snt', title: 'С', now: '2026-01-01T00:00:00.000Z' }),
    ...patch,
  });
  it('says nothing before the registry is frozen and the voting has started', () => {
    expect(agendaNote(m({ votingStart: '2026-04-01' }), '2026-03-01')).toBe('');
  });
  it('a frozen registry before the start says when voting will start, not that it has', () => {
    const note = agendaNote(m({ votingStart: '2026-04-01', snapshotId: 's1' }), '2026-03-01');
    expect(note).toBe(
      'Реестр зафиксирован, голосование начнётся 1 апреля 2026 г.: если бюллетени разосланы, изменение повестки потребует новых бюллетеней.',
    );
  });
  it('on and after the start date: «голосование началось», frozen or not', () => {
    expect(agendaNote(m({ votingStart: '2026-03-01' }), '2026-03-01')).toMatch(
      /^Голосование началось 1 марта 2026 г\.: /,
    );
    expect(agendaNote(m({ votingStart: '2026-02-01', snapshotId: 's1' }), '2026-03-01')).toMatch(
      /^Голосование началось 1 февраля 2026 г\./,
    );
  });

  it('an СНТ meeting shows no Housing Code references and no «собственник»', async () => {
    await setup({ kind: 'snt' });
    expect(document.body.textContent).not.toMatch(/ЖК РФ|собственник/);
  });

  it('is shown above the agenda on the screen', async () => {
    await setup({ votingStart: '2026-02-15' });
    expect(await screen.findByRole('note')).toHaveTextContent('Голосование началось 15 февраля 2026 г.');
  });
});
