// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Person } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import { formatSnils } from '../../shared/registry/snils';
import { gosuslugiAgenda } from '../../test/fixtures/gosuslugiExports';
import { makePersons } from '../../test/fixtures/persons';
import { DbProvider } from '../app/DbContext';
import { ToastProvider } from '../app/Toasts';
import { readChain } from '../audit/auditLog';
import { backupStoreFor } from '../backup/backupStore';
import type { GolosDb } from '../db/db';
import { fakePlatform, meetingWithSnapshot } from './gosuslugi.testkit';

const fake = fakePlatform();
vi.mock('../platform/platform', async (original) => ({
  ...(await original<typeof import('../platform/platform')>()),
  getPlatform: () => fake.platform,
}));

// Imported after the mock so that the screens get the fake platform.
const { GosuslugiScreen } = await import('./GosuslugiScreen');

const utf8 = new TextEncoder();
const csv = (lines: string[]) => utf8.encode(`${lines.join('\r\n')}\r\n`);
const partnership = {
  id: 'snt',
  name: 'СНТ «Берёзка»',
  kind: 'snt' as const,
  address: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function show(db: GolosDb, meeting: Meeting) {
  render(
    <DbProvider value={db}>
      <ToastProvider>
        <GosuslugiScreen meeting={meeting} partnership={partnership} onMeetingChange={() => {}} />
      </ToastProvider>
    </DbProvider>,
  );
}

async function pickFile(user: ReturnType<typeof userEvent.setup>, name: string, bytes: Uint8Array) {
  fake.next.push({ name, bytes });
  await user.click(await screen.findByRole('button', { name: /^Загрузить (исправленный )?файл/ }));
  await screen.findByRole('heading', { name: `Импорт файла «${name}»` });
}

const next = (name: RegExp | string) => screen.getByRole('button', { name });
const agenda = gosuslugiAgenda(3);
const snils = (p: Person) => formatSnils(p.snils!);

describe('Gosuslugi import wizard', () => {
  it('lets the user map a column it could not guess, and proposes that mapping for a file of the same shape', async () => {
    const registry = makePersons(6, 61, { gardeners: 0 });
    const { db, meeting } = await meetingWithSnapshot(registry, agenda);
    const file = (answers: string[]) =>
      csv([
        'Результаты голосования;;;;',
        'ФИО;СНИЛС;Вопрос 1;Вопрос 2;Отчёт',
        ...registry.slice(0, 3).map((p, i) => `${p.fullName};${snils(p)};${answers[i]};Против;Воздержался`),
      ]);
    const user = userEvent.setup();
    show(db, meeting);
    await pickFile(user, 'итоги.csv', file(['За', 'За', 'Против']));

    const columns = await screen.findByRole('table', { name: 'Столбцы файла' });
    expect(within(columns).getByLabelText('Что в столбце A')).toHaveDisplayValue('ФИО');
    expect(within(columns).getByLabelText('Что в столбце B')).toHaveDisplayValue('СНИЛС');
    expect(within(columns).getByLabelText('Что в столбце C')).toHaveDisplayValue(/^Вопрос 1\. Об избрании/);
    // «Отчёт» holds answers, but the wording is too short to tell which question: the user must say.
    const e = within(columns).getByLabelText('Что в столбце E');
    expect(e).toHaveDisplayValue('— не использовать —');
    expect(within(columns).getByRole('row', { name: /Отчёт/ })).toHaveTextContent(
      'проверьте: похоже на ответы, но вопрос не определён: укажите его',
    );
    const missing = screen.getByRole('list', { name: 'Что ещё нужно указать' });
    expect(missing).toHaveTextContent('Нет столбца вопроса 3 «Об утверждении отчёта правления');
    expect(next('Далее: проверка строк')).toBeDisabled();
    const sample = screen.getByRole('table', { name: 'Первые строки участников' });
    expect(within(sample).getAllByRole('row')).toHaveLength(4);

    await user.selectOptions(e, 'question:3');
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Что ещё нужно указать' })).toBeNull());
    expect(within(columns).getByRole('row', { name: /Отчёт/ })).toHaveTextContent('указано вручную');
    expect(screen.getByRole('list', { name: 'Итоги проверки файла' })).toHaveTextContent(
      'Будет учтено бюллетеней: 3',
    );
    await user.click(next('Далее: проверка строк'));
    expect(await screen.findByRole('heading', { name: 'Непонятные значения: нет' })).toBeInTheDocument();
    await user.click(next('Далее: подтверждение'));
    expect(await screen.findByRole('list', { name: 'Что будет учтено' })).toHaveTextContent(
      'Будет учтено: 3 бюллетеня',
    );
    await user.click(next('Подтвердить импорт'));
    expect(
      await screen.findByText('Импорт подтверждён: «итоги.csv», учтено 3 бюллетеня.'),
    ).toBeInTheDocument();

    const [stored] = await db.gosuslugiImports.toArray();
    expect(stored!.status).toBe('active');
    expect(stored!.ballots.map((b) => [b.voter.personId, b.marks])).toEqual([
      [registry[0]!.id, { 1: 'for', 2: 'against', 3: 'abstain' }],
      [registry[1]!.id, { 1: 'for', 2: 'against', 3: 'abstain' }],
      [registry[2]!.id, { 1: 'against', 2: 'against', 3: 'abstain' }],
    ]);
    const remembered = await db.importMappings.toArray();
    expect(remembered).toHaveLength(1);
    expect(remembered[0]!.mapping.questions).toEqual({ 1: 2, 2: 3, 3: 4 });
    expect((await readChain(db)).map((a) => a.action)).toEqual(['gosuslugi.import', 'gosuslugi.mapping']);
    // An automatic backup was made before the import (the browser keeps them in their own database).
    const backups = await backupStoreFor(fake.platform).list();
    expect(backups.ok && backups.value.map((b) => b.reason)).toContain('before-import');

    // The next file of this shape (a corrected one) gets the confirmed mapping at once.
    await pickFile(user, 'итоги-2.csv', file(['Против', 'За', 'Против']));
    expect(
      await screen.findByText(/Файл такого же вида уже загружался: столбцы сопоставлены так/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Что в столбце E')).toHaveDisplayValue(/^Вопрос 3\./);
    expect(next('Далее: проверка строк')).toBeEnabled();
  });

  it('when no header is found, the user names the header row and the name column', async () => {
    const registry = makePersons(3, 66, { gardeners: 0 });
    const { db, meeting } = await meetingWithSnapshot(registry, agenda);
    const user = userEvent.setup();
    show(db, meeting);
    await pickFile(
      user,
      'без-заголовка.csv',
      csv(['Кто;1;2;3', ...registry.map((p) => `${p.fullName};За;Против;Воздержался`)]),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'В файле «без-заголовка.csv» не найдена строка заголовка: нужен столбец «ФИО», «СНИЛС» или «Кадастровый номер». Укажите строку заголовка вручную.',
    );
    const top = screen.getByRole('table', { name: 'Первые строки файла' });
    expect(within(top).getAllByRole('row')).toHaveLength(4);
    await user.type(screen.getByLabelText('Заголовок: первая строка'), '1');
    await user.type(screen.getByLabelText('последняя строка'), '1');
    await user.click(screen.getByRole('button', { name: 'Перечитать с этим заголовком' }));
    const missing = await screen.findByRole('list', { name: 'Что ещё нужно указать' });
    expect(missing).toHaveTextContent('не указан столбец «ФИО», «СНИЛС» или «Кадастровый номер»');
    expect(screen.getByLabelText('Что в столбце B')).toHaveValue('question:1');
    await user.selectOptions(screen.getByLabelText('Что в столбце A'), 'field:fullName');
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'Итоги проверки файла' })).toHaveTextContent(
        'Найдено в реестре: 3 (по СНИЛС 0, по кадастровому номеру 0, по ФИО 3, выбрано вручную 0)',
      ),
    );
    expect(next('Далее: проверка строк')).toBeEnabled();
  });

  it('shows values it cannot read with row and column; the user fixes one and skips another row', async () => {
    const registry = makePersons(5, 62, { gardeners: 0 });
    const { db, meeting } = await meetingWithSnapshot(registry, agenda);
    const [a, b, c] = registry;
    const user = userEvent.setup();
    show(db, meeting);
    await pickFile(
      user,
      'ошибки.csv',
      csv([
        'ФИО;СНИЛС;1. Председатель;2. Комиссия;3. Отчёт',
        `${a!.fullName};${snils(a!)};ЗА;Воздерж.;`,
        `${b!.fullName};${snils(b!)};за;Да;против`,
        `${c!.fullName};${snils(c!)};+;1;За`,
      ]),
    );
    await user.click(await screen.findByRole('button', { name: 'Далее: проверка строк' }));
    expect(
      await screen.findByRole('heading', { name: 'Непонятные значения: строк 2, не исправлено 2' }),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Строки с непонятными значениями' });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => [...r.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent)),
    ).toEqual([
      ['3', b!.fullName, '2. Комиссия', '«Да»'],
      ['4', c!.fullName, '1. Председатель', '«+»'],
      ['4', c!.fullName, '2. Комиссия', '«1»'],
    ]);
    expect(next('Далее: подтверждение')).toBeDisabled();

    await user.selectOptions(screen.getByLabelText('Строка 3, 2. Комиссия: исправить на'), 'for');
    await screen.findByRole('heading', { name: 'Непонятные значения: строк 2, не исправлено 1' });
    await user.click(screen.getByRole('button', { name: 'Пропустить строку 4' }));
    await screen.findByRole('heading', { name: 'Непонятные значения: строк 2, не исправлено 0' });
    expect(screen.getByRole('button', { name: 'Вернуть строку 4' })).toBeInTheDocument();
    await user.click(next('Далее: подтверждение'));
    expect(await screen.findByRole('list', { name: 'Что будет учтено' })).toHaveTextContent(
      'Не учитывается: 1 строка (не найдены 0, неоднозначны 0, не участники 0, пропущены 1)',
    );
    await user.click(next('Подтвердить импорт'));
    await screen.findByText(/^Импорт подтверждён/);
    const [stored] = await db.gosuslugiImports.toArray();
    expect(stored!.ballots.map((x) => [x.source, x.marks])).toEqual([
      ['ошибки.csv:2', { 1: 'for', 2: 'abstain', 3: 'none' }],
      ['ошибки.csv:3', { 1: 'for', 2: 'for', 3: 'against' }],
    ]);
    expect(stored!.notCounted).toEqual([
      { source: 'ошибки.csv:4', row: 4, name: c!.fullName, reason: 'skipped' },
    ]);
    // Shown on the tab with the reason.
    expect(
      within(screen.getByRole('table', { name: 'Строки файла, которые не учитываются' })).getByRole('row', {
        name: new RegExp(c!.fullName),
      }),
    ).toHaveTextContent('строка пропущена при импорте');
  });

  it('shows a person on two rows; the extra row can be skipped and taken back', async () => {
    const registry = makePersons(4, 65, { gardeners: 0 });
    const { db, meeting } = await meetingWithSnapshot(registry, agenda);
    const [a, b] = registry;
    const user = userEvent.setup();
    show(db, meeting);
    await pickFile(
      user,
      'дважды.csv',
      csv([
        'ФИО;СНИЛС;Вопрос 1;Вопрос 2;Вопрос 3',
        `${a!.fullName};${snils(a!)};За;За;За`,
        `${b!.fullName};${snils(b!)};За;Против;За`,
        `${a!.fullName};${snils(a!)};За;Против;За`,
      ]),
    );
    await user.click(await screen.findByRole('button', { name: 'Далее: проверка строк' }));
    const twice = await screen.findByRole('heading', { name: 'Один участник в нескольких строках' });
    expect(twice.parentElement).toHaveTextContent(`${a!.fullName}: строки 2, 4`);
    await user.click(screen.getByRole('button', { name: 'Пропустить строку 4' }));
    expect(await screen.findByRole('heading', { name: 'Пропущенные строки: 4' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Один участник в нескольких строках' })).toBeNull();
    expect(screen.getByRole('list', { name: 'Итоги проверки файла' })).toHaveTextContent(
      'Будет учтено бюллетеней: 2',
    );
    await user.click(screen.getByRole('button', { name: 'Вернуть строку 4' }));
    expect(
      await screen.findByRole('heading', { name: 'Один участник в нескольких строках' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /^Пропущенные строки/ })).toBeNull();
    expect(screen.getByRole('list', { name: 'Итоги проверки файла' })).toHaveTextContent(
      'Будет учтено бюллетеней: 3',
    );
  });

  it('lists unmatched and ambiguous rows: the user picks the person or marks the row as not a participant', async () => {
    const registry = makePersons(8, 63, { gardeners: 0 });
    registry[5]!.fullName = registry[4]!.fullName; // two persons with one name
    const { db, meeting } = await meetingWithSnapshot(registry, agenda);
    const typo = registry[2]!;
    const user = userEvent.setup();
    show(db, meeting);
    await pickFile(
      user,
      'сверка.csv',
      csv([
        'ФИО;СНИЛС;Вопрос 1;Вопрос 2;Вопрос 3',
        `${registry[0]!.fullName};${snils(registry[0]!)};За;За;За`,
        `${typo.fullName.replace(/^(\S+)/, '$1ш')};;Против;Против;Против`,
        `Посторонний Пётр Петрович;;За;Против;За`,
        `${registry[4]!.fullName};;Воздержался;За;За`,
      ]),
    );
    expect(await screen.findByRole('list', { name: 'Итоги проверки файла' })).toHaveTextContent(
      'Не найдено: 2, неоднозначно: 1, не участники: 0',
    );
    await user.click(next('Далее: проверка строк'));
    const cards = await screen.findByRole('list', { name: 'Строки для сопоставления' });
    expect(
      within(cards)
        .getAllByRole('listitem', { name: /^Строка \d+$/ })
        .map((li) => li.ariaLabel),
    ).toEqual(['Строка 3', 'Строка 4', 'Строка 5']);

    // Row 3: a misspelt name, found with the search box.
    const row3 = within(cards).getByRole('listitem', { name: 'Строка 3' });
    expect(row3).toHaveTextContent('в реестре собрания не найден');
    await user.type(within(row3).getByLabelText('Найти в реестре: строка 3'), typo.fullName.split(' ')[0]!);
    await user.click(within(row3).getByRole('button', { name: `Выбрать: ${typo.fullName}` }));
    await waitFor(() =>
      expect(within(cards).getByRole('listitem', { name: 'Строка 3' })).toHaveTextContent(
        `Решено: ${typo.fullName} (выбран вручную)`,
      ),
    );

    // Row 4: not in the registry at all: not a participant, with a reason.
    const row4 = within(cards).getByRole('listitem', { name: 'Строка 4' });
    await user.click(within(row4).getByRole('button', { name: 'Не участник…' }));
    await user.type(
      within(row4).getByLabelText('Почему не участник (строка 4)'),
      'продал участок в 2025 году',
    );
    await user.click(within(row4).getByRole('button', { name: 'Отметить: не участник' }));
    await waitFor(() =>
      expect(within(cards).getByRole('listitem', { name: 'Строка 4' })).toHaveTextContent(
        'Решено: не участник: продал участок в 2025 году',
      ),
    );

    // Row 5: two registry persons share the name: the user picks one of them.
    const row5 = within(cards).getByRole('listitem', { name: 'Строка 5' });
    expect(row5).toHaveTextContent('по ФИО подходят несколько человек: выберите одного');
    const candidates = within(row5).getByRole('list', { name: 'Кто подходит: строка 5' });
    expect(within(candidates).getAllByRole('button')).toHaveLength(2);
    await user.click(within(candidates).getByRole('button', { name: new RegExp(snils(registry[5]!)) }));
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'Итоги проверки файла' })).toHaveTextContent(
        'Будет учтено бюллетеней: 3',
      ),
    );
    // A decision can be taken back.
    await user.click(within(cards).getByRole('button', { name: 'Отменить решение по строке 3' }));
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'Итоги проверки файла' })).toHaveTextContent(
        'Будет учтено бюллетеней: 2',
      ),
    );
    const again = within(cards).getByRole('listitem', { name: 'Строка 3' });
    await user.type(within(again).getByLabelText('Найти в реестре: строка 3'), snils(typo).slice(0, 7));
    await user.click(within(again).getByRole('button', { name: `Выбрать: ${typo.fullName}` }));
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'Итоги проверки файла' })).toHaveTextContent(
        'Будет учтено бюллетеней: 3',
      ),
    );

    // Nothing is stored before the confirmation.
    expect(await db.gosuslugiImports.count()).toBe(0);
    await user.click(next('Далее: подтверждение'));
    await user.click(await screen.findByRole('button', { name: 'Подтвердить импорт' }));
    await screen.findByText(/^Импорт подтверждён/);
    const [stored] = await db.gosuslugiImports.toArray();
    expect(stored!.ballots.map((b) => [b.source, b.voter.personId])).toEqual([
      ['сверка.csv:2', registry[0]!.id],
      ['сверка.csv:3', typo.id],
      ['сверка.csv:5', registry[5]!.id],
    ]);
    expect(stored!.notCounted).toEqual([
      {
        source: 'сверка.csv:4',
        row: 4,
        name: 'Посторонний Пётр Петрович',
        reason: 'not_participant',
        note: 'продал участок в 2025 году',
      },
    ]);
  });

  it('refuses the same file twice; a corrected file replaces the import after showing what changes; the replacement can be undone', async () => {
    const registry = makePersons(4, 64, { gardeners: 0 });
    const { db, meeting } = await meetingWithSnapshot(registry, agenda);
    const file = (q2: string) =>
      csv([
        'ФИО;СНИЛС;Вопрос 1;Вопрос 2;Вопрос 3',
        ...registry.slice(0, 2).map((p, i) => `${p.fullName};${snils(p)};За;${i === 1 ? q2 : 'За'};Против`),
      ]);
    const user = userEvent.setup();
    show(db, meeting);
    const importAll = async (name: string, bytes: Uint8Array) => {
      await pickFile(user, name, bytes);
      await user.click(await screen.findByRole('button', { name: 'Далее: проверка строк' }));
      await user.click(await screen.findByRole('button', { name: 'Далее: подтверждение' }));
      await screen.findByRole('list', { name: 'Что будет учтено' });
    };
    await importAll('итоги.csv', file('За'));
    await user.click(next('Подтвердить импорт'));
    await screen.findByText(/^Импорт подтверждён/);

    // The same bytes under another name: refused before anything is read.
    await pickFile(user, 'итоги (1).csv', file('За'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^Файл «итоги \(1\)\.csv» уже загружен\. Ничего не изменено\.Файл «итоги \(1\)\.csv» уже импортирован .+ под именем «итоги\.csv»: тот же файл второй раз не загружается\. Если платформа прислала исправленный файл, загрузите его — он заменит прежний импорт\.$/,
    );
    await user.click(next('Закрыть'));

    await importAll('итоги-исправленные.csv', file('Против'));
    const changes = screen.getByRole('list', { name: 'Что изменится' });
    expect(
      within(changes)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Добавится 0 бюллетеней, уберётся 0 бюллетеней, изменится 1 бюллетень, без изменений 1 бюллетень.',
      `Изменится: ${registry[1]!.fullName} (итоги-исправленные.csv:3) — вопрос 2: «За» → «Против».`,
    ]);
    await user.click(next('Подтвердить импорт'));
    await screen.findByText(/^Импорт подтверждён: «итоги-исправленные\.csv»/);
    const list = screen.getByRole('table', { name: 'Импорты файлов Госуслуг' });
    expect(within(list).getByRole('row', { name: /^итоги\.csv/ })).toHaveTextContent(
      'заменён файлом «итоги-исправленные.csv»',
    );
    const byName = async () =>
      Object.fromEntries((await db.gosuslugiImports.toArray()).map((i) => [i.fileName, i.status]));
    expect(await byName()).toEqual({ 'итоги.csv': 'replaced', 'итоги-исправленные.csv': 'active' });

    await user.click(within(list).getByRole('button', { name: 'Отменить замену' }));
    await user.click(screen.getByRole('button', { name: 'Да, отменить замену' }));
    expect(await screen.findByText('Замена отменена: снова действует «итоги.csv».')).toBeInTheDocument();
    expect(await byName()).toEqual({ 'итоги.csv': 'active' });
    expect((await readChain(db)).map((a) => a.action)).toEqual([
      'gosuslugi.import',
      'gosuslugi.mapping',
      'gosuslugi.replace',
      'gosuslugi.replace.undo',
    ]);
  });
});
