// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { Person } from '../../shared/domain/types';
import { currentVersion } from '../../shared/paper/ballotRecord';
import { createEntryContext } from '../../shared/paper/entry/entryContext';
import { keysForBallot, type BallotToType } from '../../shared/paper/entry/typeBallot';
import { readChain } from '../audit/auditLog';
import type { GolosDb } from '../db/db';
import { focusableIn } from '../app/tabCycle';
import { EntryTab } from './EntryTab';
import { renderTab, seededDb, testMeeting } from './ballots.testkit';

function area() {
  return screen.getByRole('group', { name: 'Ввод бюллетеня' });
}

function press(...keys: string[]) {
  for (const key of keys) fireEvent.keyDown(area(), { key });
}

async function typeBallot(persons: Person[], b: BallotToType, meetingId: string) {
  const { paperMeeting } = await import('../../test/fixtures/paperBallots');
  const ctx = createEntryContext({
    meeting: paperMeeting(),
    meetingId,
    registry: persons,
    defaults: { channel: 'paper', copy: 'original', receivedAt: '2026-06-10' },
  });
  for (const k of keysForBallot(ctx, b)) fireEvent.keyDown(area(), k.key);
}

const saved = (n: number) =>
  waitFor(() =>
    expect(screen.getByRole('status', { name: 'Сохранение' })).toHaveTextContent(`(бумажных): ${n};`),
  );

async function stored(db: GolosDb) {
  return (await db.paperBallots.toArray()).map((r) => currentVersion(r));
}

describe('EntryTab: keyboard entry', () => {
  it('keys drive the form: a plot number alone opens the ballot, marks, a bad mark with its reason, the last mark saves with its audit entry', async () => {
    const { db, persons, meeting } = await seededDb();
    // A member whose plot is nobody else's and begins no other plot (checked here, not by the desk's code).
    const plots = persons.map((p) => p.holdings.map((h) => h.plotNumber));
    const member = persons.find(
      (p) =>
        p.status === 'member' &&
        plots.filter((ps) => ps.some((x) => x.startsWith(p.holdings[0]!.plotNumber))).length === 1,
    )!;
    const plot = member.holdings[0]!.plotNumber;
    renderTab(db, EntryTab, meeting);
    await screen.findByRole('group', { name: 'Ввод бюллетеня' });
    expect(area()).toHaveFocus();
    // On-screen help lists the keys in Russian.
    const help = screen.getByRole('region', { name: 'Клавиши' });
    expect(help).toHaveTextContent('воздержался');
    expect(help).toHaveTextContent('нет подписи — бюллетень недействителен');
    expect(help).toHaveTextContent('бюллетень открывается сам');
    expect(help).toHaveTextContent('пробел и СНИЛС');

    let keystrokes = 0;
    const count = (...keys: string[]) => {
      keystrokes += keys.length;
      press(...keys);
    };
    count(...plot.slice(0, -1));
    expect(screen.getByLabelText('Поиск участника')).toHaveTextContent(plot.slice(0, -1));
    count(plot.at(-1)!);
    // No Enter: the last digit opened the ballot.
    expect(screen.getByLabelText('Голосующий')).toHaveTextContent(member.fullName);

    // за, против, воздержался, then «0 1» (several marks) on question 4, and за for the rest.
    count('1', '2', '3', '0');
    expect(screen.getByLabelText('Сообщение ввода')).toHaveTextContent('1 — несколько отметок');
    count('1'); // the reason
    count('1', '1', '1', '1', '1');
    const form = screen.getByRole('table', { name: 'Отметки бюллетеня' });
    expect(within(form).getByText('отмечено несколько вариантов')).toBeInTheDocument();
    // Nothing is stored before the last question.
    expect(await db.paperBallots.count()).toBe(0);
    count('1');
    await saved(1);
    // The plot's digits and one key per question (two for the bad mark): questions + 3 at most.
    expect(keystrokes).toBe(plot.length + 11);
    expect(keystrokes - 1).toBeLessThanOrEqual(meeting.questions.length + 3);
    expect(screen.getByLabelText('Сообщение ввода')).toHaveTextContent(
      `Сохранён бюллетень: ${member.fullName}. Исправить его — Backspace.`,
    );

    const [v] = await stored(db);
    expect(v!.ballot.voter.personId).toBe(member.id);
    expect(v!.ballot.marks).toEqual({
      1: 'for',
      2: 'against',
      3: 'abstain',
      4: 'several',
      5: 'for',
      6: 'for',
      7: 'for',
      8: 'for',
      9: 'for',
      10: 'for',
    });
    expect(v!.by).toBe('Иванова А. П.');
    const audit = await readChain(db);
    expect(audit.map((e) => e.action)).toEqual(['ballot.entered']);
    expect(audit[0]!.entityId).toBe(v!.ballot.id);
    // The form is ready for the next ballot, and the live figures count the saved one.
    expect(screen.getByLabelText('Поиск участника')).toHaveTextContent('');
    const live = screen.getByRole('region', { name: 'Итоги сейчас' });
    const q2 = within(within(live).getByRole('row', { name: 'Вопрос 2' })).getAllByRole('cell');
    expect(q2.map((c) => c.textContent)).toEqual(['2', '0', '1', '0', '0', 'нет кворума']);
  });

  it('warns at once about a second ballot of the same person, and stores it when confirmed with Enter', async () => {
    const { db, persons, meeting } = await seededDb();
    const i = persons.findIndex((p) => p.status === 'member');
    renderTab(db, EntryTab, meeting);
    await screen.findByRole('group', { name: 'Ввод бюллетеня' });
    const marks = Object.fromEntries(meeting.questions.map((q) => [q.number, 'for' as const]));
    await typeBallot(persons, { personIndex: i, marks, findBy: 'name' }, meeting.id);
    await saved(1);
    expect(screen.queryByRole('alert', { name: 'Предупреждения' })).toBeNull();

    // The same person again: the warning shows as soon as the voter is chosen.
    const keys = createEntryContext({
      meeting,
      registry: persons,
      defaults: { channel: 'paper', copy: 'original', receivedAt: '2026-06-10' },
    });
    const all = keysForBallot(keys, {
      personIndex: i,
      marks: { ...marks, 1: 'against' },
      findBy: 'name',
      second: true,
    });
    const untilPicked = all.findIndex((k) => k.key.key === 'Enter') + 1;
    for (const k of all.slice(0, untilPicked)) fireEvent.keyDown(area(), k.key);
    expect(screen.getByRole('alert', { name: 'Предупреждения' })).toHaveTextContent(
      /^Уже голосовал: бумажный бюллетень, \d\d\.\d\d \(ввод: .+\)\.$/,
    );
    // The first Enter only asks; the second stores it.
    for (const k of all.slice(untilPicked, -1)) fireEvent.keyDown(area(), k.key);
    expect(screen.getByLabelText('Сообщение ввода')).toHaveTextContent('Нажмите Enter ещё раз');
    fireEvent.keyDown(area(), all.at(-1)!.key);
    await saved(2);
    const list = screen.getByRole('region', { name: 'Введённые бюллетени' });
    await waitFor(() =>
      expect(within(list).getAllByText(/^второй бюллетень участника \(всего 2\)/)).toHaveLength(2),
    );
    const versions = await stored(db);
    expect(versions.map((v) => v.ballot.marks[1]).sort()).toEqual(['against', 'for']);
  });

  it("skips a gardener's members-only questions: they show «не голосует» and the cursor jumps over them", async () => {
    const { db, persons, meeting } = await seededDb();
    const gardener = persons.find((p) => p.status === 'gardener')!;
    expect(gardener).toBeDefined();
    renderTab(db, EntryTab, meeting);
    await screen.findByRole('group', { name: 'Ввод бюллетеня' });
    press(' ', ...gardener.snils!.slice(0, 9), 'Enter');
    expect(screen.getByLabelText('Голосующий')).toHaveTextContent(`${gardener.fullName}`);
    expect(screen.getByLabelText('Голосующий')).toHaveTextContent(
      'голосует только по вопросам № 4, 5 (остальные пропускаются)',
    );
    const form = screen.getByRole('table', { name: 'Отметки бюллетеня' });
    expect(within(form).getAllByText('не голосует')).toHaveLength(8);
    // The cursor starts on question 4; two keys fill and save the ballot.
    expect(within(form).getByRole('row', { current: true })).toHaveTextContent(/^4/);
    press('1', '2');
    await saved(1);
    const [v] = await stored(db);
    expect(v!.ballot.marks).toEqual({ 4: 'for', 5: 'against' });
  });

  it('«Кто вводит» waits for the stored name: a name typed as the screen opens is not joined to it', async () => {
    const { db, meeting } = await seededDb();
    // The stored name is read only when the test lets it (as a slow disk would).
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const get = db.settings.get.bind(db.settings);
    vi.spyOn(db.settings, 'get').mockImplementation(((key: string) =>
      key === 'operator' ? gate.then(() => get(key)) : get(key)) as typeof db.settings.get);
    const user = userEvent.setup();
    renderTab(db, EntryTab, meeting);
    const field = await screen.findByLabelText('Кто вводит');
    expect(field).toBeDisabled();
    await user.type(field, 'Петров П. П.');
    expect(field).toHaveValue('');
    await act(async () => release());
    await waitFor(() => expect(field).toBeEnabled());
    expect(field).toHaveValue('Иванова А. П.');
    await user.clear(field);
    await user.type(field, 'Петров П. П.');
    expect(field).toHaveValue('Петров П. П.');
  });

  it('Tab and Shift+Tab go round the desk, never out of it; Enter in a field goes back to the ballot', async () => {
    const { db, meeting } = await seededDb();
    renderTab(db, EntryTab, meeting);
    await screen.findByRole('group', { name: 'Ввод бюллетеня' });
    const desk = area().closest<HTMLElement>('.entry-desk')!;
    const focusable = focusableIn(desk);
    expect(focusable.length).toBeGreaterThan(5);
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    // Forward from the last element: round to the first, not on to the navigation.
    last.focus();
    expect(fireEvent.keyDown(last, { key: 'Tab' })).toBe(false);
    expect(last === area() ? area() : first).toHaveFocus();
    first.focus();
    // Backward from the first: round to the last (the ballot area itself takes Shift+Tab for its questions).
    expect(fireEvent.keyDown(first, { key: 'Tab', shiftKey: true })).toBe(false);
    expect(first === area() ? area() : last).toHaveFocus();
    // In between, Tab keeps its usual meaning (the browser moves on inside the desk).
    const middle = focusable.find((el) => el.tagName === 'SELECT')!;
    middle.focus();
    expect(fireEvent.keyDown(middle, { key: 'Tab' })).toBe(true);
    // Enter in a field is done with the fields: back to the ballot.
    const date = screen.getByLabelText('Дата получения');
    date.focus();
    fireEvent.keyDown(date, { key: 'Enter' });
    expect(area()).toHaveFocus();
  });

  it('a whole-ballot problem is one key; Esc twice drops a half-typed ballot and nothing is stored', async () => {
    const { db, persons, meeting } = await seededDb();
    const member = persons.find((p) => p.status === 'member')!;
    renderTab(db, EntryTab, meeting);
    await screen.findByRole('group', { name: 'Ввод бюллетеня' });
    press(' ', ...member.snils!, 'Enter', '1', '1');
    press('п');
    expect(screen.getByRole('list', { name: 'Нарушения бюллетеня' })).toHaveTextContent(
      'нет подписи — отмечено',
    );
    press('Escape');
    expect(screen.getByLabelText('Сообщение ввода')).toHaveTextContent('Нажмите Esc ещё раз');
    press('Escape');
    expect(screen.getByLabelText('Поиск участника')).toBeInTheDocument();
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(await db.paperBallots.count()).toBe(0);
  });

  it('double entry: a second member keys the same original blind, the disagreement is listed and counts only once settled', async () => {
    const { db, persons, meeting } = await seededDb(40, testMeeting('m-double', { doubleEntry: true }));
    const member = persons.find((p) => p.status === 'member')!;
    const user = userEvent.setup();
    renderTab(db, EntryTab, meeting);
    await screen.findByRole('group', { name: 'Ввод бюллетеня' });
    const marks = ['1', '1', '1', '1', '1', '1', '1', '1', '1', '1'];
    press(' ', ...member.snils!, 'Enter', ...marks);
    await saved(1);
    const panel = screen.getByRole('region', { name: 'Двойной ввод' });
    await waitFor(() =>
      expect(panel).toHaveTextContent('Сверено: 0; ждут повторного ввода: 1; расхождений: 0.'),
    );
    expect(screen.getByRole('region', { name: 'Итоги сейчас' })).toHaveTextContent(
      'Бюллетеней в подсчёте: 0',
    );

    // The desk stays on the first entry for the member who keyed it: nothing waits for her.
    expect(screen.getByRole('radio', { name: /первый ввод/ })).toBeChecked();
    expect(screen.queryByRole('note', { name: 'Ждут повторного ввода' })).toBeNull();
    // The same operator may not key it the second time.
    await user.click(screen.getByRole('radio', { name: /повторный ввод вслепую/ }));
    area().focus();
    // Refused as soon as the voter is found, before any mark is keyed: one message, nothing stored.
    press(' ', ...member.snils!, 'Enter');
    expect(await screen.findByRole('alert', { name: 'Сообщение ввода' })).toHaveTextContent(
      `Повторный ввод бюллетеня (${member.fullName}, участок ${member.holdings[0]!.plotNumber}) не принят: первый ввод сделал(а) Иванова А. П., а повторный должен делать другой член комиссии.`,
    );
    expect(screen.queryByText(/Сохранён бюллетень/)).toBeNull();
    await user.click(screen.getByRole('radio', { name: /первый ввод/ }));

    // Another member takes the desk: it switches to the blind second entry and names what waits for it.
    await user.clear(screen.getByLabelText('Кто вводит'));
    await user.type(screen.getByLabelText('Кто вводит'), 'Петров П. П.');
    // Leaving «Кто вводит» stores the name: the desk's state changes on that blur.
    act(() => area().focus());
    await waitFor(() => expect(screen.getByRole('radio', { name: /повторный ввод вслепую/ })).toBeChecked());
    const offer = screen.getByRole('note', { name: 'Ждут повторного ввода' });
    expect(offer).toHaveTextContent(
      `Петров П. П.: ждут вашего повторного ввода вслепую — бюллетеней: 1. ${member.fullName}, уч. ${member.holdings[0]!.plotNumber} (ввод: Иванова А. П.).`,
    );
    expect(offer).not.toHaveTextContent(/за|против|воздерж/);
    press(' ', ...member.snils!, 'Enter', '1', '2', '1', '1', '1', '1', '1', '1', '1', '1');
    await waitFor(() =>
      expect(panel).toHaveTextContent('Сверено: 0; ждут повторного ввода: 0; расхождений: 1.'),
    );
    const card = within(panel).getByRole('article', { name: `Расхождение: ${member.fullName}` });
    expect(card).toHaveTextContent('Первый ввод: Иванова А. П.; повторный: Петров П. П.');
    expect(within(card).getByRole('row', { name: /№2/ })).toHaveTextContent('№2запротив');
    await user.selectOptions(within(card).getByRole('combobox', { name: 'Верно по вопросу 2' }), 'against');
    await user.click(within(card).getByRole('button', { name: 'Сверено с бумагой: сохранить' }));
    await waitFor(() =>
      expect(panel).toHaveTextContent('Сверено: 1; ждут повторного ввода: 0; расхождений: 0.'),
    );
    expect(screen.getByRole('region', { name: 'Итоги сейчас' })).toHaveTextContent(
      'Бюллетеней в подсчёте: 1',
    );
    const [v] = await stored(db);
    expect(v).toMatchObject({ kind: 'settled', by: 'Иванова А. П., Петров П. П.' });
    expect(v!.ballot.marks[2]).toBe('against');
  });

  it('Backspace on the empty search loads the ballot the last mark just saved; Enter stores the correction with its reason', async () => {
    const { db, persons, meeting } = await seededDb();
    const member = persons.find((p) => p.status === 'member')!;
    renderTab(db, EntryTab, meeting);
    await screen.findByRole('group', { name: 'Ввод бюллетеня' });
    press(' ', ...member.snils!, 'Enter', ...Array.from({ length: 10 }, () => '1'));
    await saved(1);
    press('Backspace');
    expect(screen.getByLabelText('Голосующий')).toHaveTextContent(`Исправление: ${member.fullName}`);
    press('End', 'ArrowUp', '2');
    // A correction waits for Enter.
    expect(screen.getByLabelText('Сообщение ввода')).toHaveTextContent('исправление сохраняется по Enter');
    press('Enter');
    await waitFor(async () => expect((await stored(db))[0]!.kind).toBe('corrected'));
    const [v] = await stored(db);
    expect(v).toMatchObject({ reason: 'исправление сразу после ввода (Backspace)' });
    expect(v!.ballot.marks[10]).toBe('against');
    expect(await db.paperBallots.count()).toBe(1);
  });

  it('corrects a stored ballot without the mouse: F4 to the list, the reason first, the entry form, Enter; the history keeps both versions', async () => {
    const { db, persons, meeting } = await seededDb();
    const member = persons.find((p) => p.status === 'member')!;
    const user = userEvent.setup();
    renderTab(db, EntryTab, meeting);
    await screen.findByRole('group', { name: 'Ввод бюллетеня' });
    press(' ', ...member.snils!, 'Enter', ...Array.from({ length: 10 }, () => '1'));
    await saved(1);

    area().focus();
    await user.keyboard('{F4}');
    const search = screen.getByRole('searchbox', { name: 'Найти бюллетень' });
    expect(search).toHaveFocus();
    await user.keyboard(member.fullName.split(' ')[0]!);
    await user.tab();
    expect(screen.getByRole('button', { name: `История: ${member.fullName}` })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: `Исправить: ${member.fullName}` })).toHaveFocus();
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Исправление бюллетеня' });
    expect(within(dialog).getByLabelText('Причина')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(within(dialog).getByText('Укажите причину.')).toBeInTheDocument();
    await user.keyboard('опечатка в вопросе 3{Enter}');
    expect(area()).toHaveFocus();
    expect(screen.getByLabelText('Голосующий')).toHaveTextContent(`Исправление: ${member.fullName}`);
    press('ArrowDown', 'ArrowDown', '2', 'End', 'Enter');
    await waitFor(async () => expect((await stored(db))[0]!.kind).toBe('corrected'));
    const [v] = await stored(db);
    expect(v).toMatchObject({ reason: 'опечатка в вопросе 3', by: 'Иванова А. П.' });
    expect(v!.ballot.marks[3]).toBe('against');

    await user.click(await screen.findByRole('button', { name: `История: ${member.fullName}` }));
    const history = screen.getByRole('dialog', { name: `История бюллетеня: ${member.fullName}` });
    const rows = within(history).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('введён');
    expect(rows[1]).toHaveTextContent('исправлен');
    expect(rows[1]).toHaveTextContent('опечатка в вопросе 3');
    expect(rows[1]).toHaveTextContent('Изменено: №3: за → против');

    // F4 again: the list opens with its search emptied (not filtered by the last search).
    area().focus();
    await user.keyboard('{F4}');
    expect(search).toHaveFocus();
    expect(search).toHaveValue('');
  });
});
