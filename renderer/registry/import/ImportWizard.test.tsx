// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Person } from '../../../shared/domain/types';
import { GolosDb } from '../../db/db';
import { applyRegistryChanges, listPersons } from '../../db/personRepo';
import { err, ok, problem, type Result } from '../../../shared/result';
import { readChain } from '../../audit/auditLog';
import type { StatusValues } from '../../../shared/registry/statusVocabulary';
import { inlineEngine, type ImportEngine } from './importEngine';
import { ImportWizard } from './ImportWizard';

const utf8 = new TextEncoder();

/** A registry as secretaries keep it: title rows, `;`, a column the import does not recognise. */
function csv(rows: string[]): Uint8Array {
  return utf8.encode(
    [
      'Реестр членов СНТ «Ромашка»;;;;',
      'по состоянию на 01.03.2025;;;;',
      ';;;;',
      'Ф.И.О.;№ участка;СНИЛС;Членство;Кадастр',
      ...rows,
    ].join('\r\n'),
  );
}

const good = [
  'Иванов Иван Иванович;12;112-233-445 95;член;50:18:0080301:12',
  'Петрова Анна Сергеевна;3;;не член;50:18:0080301:3',
  'Яковлева Мария;7;087-654-303 00;член СНТ;',
];

async function setup(
  bytes: Uint8Array,
  existing: Person[] = [],
  backup?: () => Promise<Result<unknown>>,
  onMapped?: (values: StatusValues) => void,
  learned?: StatusValues,
) {
  const db = new GolosDb(`golos-import-${crypto.randomUUID()}`);
  if (existing.length) await applyRegistryChanges(db, { added: existing, changed: [], removed: [] });
  const stored = await listPersons(db);
  const onClose = vi.fn();
  const user = userEvent.setup();
  render(
    <ImportWizard
      file={{ name: 'реестр.csv', bytes }}
      existing={stored}
      kind="snt"
      onClose={onClose}
      {...(backup ? { backup } : {})}
      {...(learned ? { statusValues: learned } : {})}
      onApply={async (changes, values) => {
        await applyRegistryChanges(db, changes);
        onMapped?.(values);
        onClose();
      }}
    />,
  );
  return { db, user, onClose, stored };
}

describe('ImportWizard', () => {
  it('lists every problem by row and field; warnings do not block, rows with errors are named and left out', async () => {
    const { db, user, onClose } = await setup(
      csv([...good, 'Сидоров Пётр;8;112-233-445 96;член;', ';;;член;', 'Орлов Олег;10;;почётный;']),
    );
    const problems = await screen.findByRole(
      'region',
      { name: 'Проблемы в файле' },
      // The first test loads the parser (a dynamic import): slow on a loaded machine.
      { timeout: 10_000 },
    );
    const items = within(problems)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'Предупреждение: Строка 8, поле «СНИЛС»: контрольная сумма не сходится (112-233-445 96): СНИЛС сохранён с пометкой «не проверен» и не используется для поиска бюллетеней.',
      'Ошибка: Строка 9, поле «ФИО»: не заполнено.',
      'Ошибка: Строка 10, поле «Статус»: значение «почётный» не распознано: укажите, что оно значит.',
    ]);
    expect(screen.getByText('Проблемы: ошибок 2, предупреждений 1')).toBeInTheDocument();
    const summary = screen.getByRole('list', { name: 'Итоги сравнения с реестром' });
    expect(summary).toHaveTextContent('Добавится: 4');
    expect(summary).toHaveTextContent('С ошибками (не импортируются): 2');
    await user.click(screen.getByRole('button', { name: 'Импортировать' }));
    // Nothing is written before the confirmation, which names the rows left out.
    const confirm = await screen.findByRole('alertdialog');
    const named = within(within(confirm).getByRole('list', { name: 'Не войдут в реестр' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(named).toEqual([
      'Строка 9: строка без ФИОСтрока 9, поле «ФИО»: не заполнено.',
      'Строка 9, поле «ФИО»: не заполнено.',
      'Строка 10: Орлов Олег (участок 10)Строка 10, поле «Статус»: значение «почётный» не распознано: укажите, что оно значит.',
      'Строка 10, поле «Статус»: значение «почётный» не распознано: укажите, что оно значит.',
    ]);
    expect(await listPersons(db)).toEqual([]);
    await user.click(within(confirm).getByRole('button', { name: 'Импортировать без них' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const stored = await listPersons(db);
    expect(stored.map((p) => p.fullName).sort()).toEqual([
      'Иванов Иван Иванович',
      'Петрова Анна Сергеевна',
      'Сидоров Пётр',
      'Яковлева Мария',
    ]);
    // The СНИЛС failing its checksum is kept.
    expect(stored.find((p) => p.fullName === 'Сидоров Пётр')?.snils).toBe('11223344596');
  });

  it('shows an unknown status value once with its rows; the mapping applies to all and is handed back', async () => {
    const mapped = vi.fn();
    const { db, user, onClose } = await setup(
      csv([...good, 'Орлов Олег;10;;почётный;', 'Кузнецов Карп;11;;Почётный;']),
      [],
      undefined,
      mapped,
    );
    const select = await screen.findByRole('combobox', { name: 'Что значит «почётный»' });
    expect(screen.getByText(/«почётный» — 2 строки \(8, 9\)/)).toBeInTheDocument();
    await user.selectOptions(select, 'член товарищества');
    await waitFor(() => expect(screen.getByText('Проблемы: ошибок 0, предупреждений 0')).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Импортировать' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const stored = await listPersons(db);
    expect(
      stored
        .filter((p) => p.status === 'member')
        .map((p) => p.fullName)
        .sort(),
    ).toEqual(['Иванов Иван Иванович', 'Кузнецов Карп', 'Орлов Олег', 'Яковлева Мария']);
    expect(mapped).toHaveBeenCalledWith({ почетный: 'member' });
  });

  it('reads a status value mapped in an earlier import without asking', async () => {
    await setup(csv([...good, 'Орлов Олег;10;;почётный;']), [], undefined, undefined, {
      почетный: 'gardener',
    });
    expect(await screen.findByText('Проблем не найдено.')).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Что значит «почётный»' })).not.toBeInTheDocument();
  });

  it('fixes a row in place: the row is checked again at once', async () => {
    // After a blank row a nameless row continues nobody: it is an error.
    const { db, user, onClose } = await setup(csv([...good, ';;;;', ';15;;член;']));
    const row = await screen.findByRole('form', { name: 'Строка 9' });
    expect(row).toHaveTextContent('Ошибка: Строка 9, поле «ФИО»: не заполнено.');
    // The field the problem names is open to edit; the others on «Все поля».
    expect(
      within(row)
        .getAllByRole('textbox')
        .map((i) => i.getAttribute('value')),
    ).toEqual(['']);
    await user.click(within(row).getByRole('button', { name: 'Все поля' }));
    expect(within(row).getByLabelText('Участок')).toHaveValue('15');
    expect(within(row).queryByRole('button', { name: 'Все поля' })).toBeNull();
    await user.type(within(row).getByLabelText('ФИО'), 'Новиков Николай');
    await user.click(within(row).getByRole('button', { name: 'Проверить' }));
    await waitFor(() => expect(screen.getByText('Проблем не найдено.')).toBeInTheDocument());
    expect(screen.getByRole('list', { name: 'Итоги сравнения с реестром' })).toHaveTextContent(
      'Добавится: 4',
    );
    await user.click(screen.getByRole('button', { name: 'Импортировать' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect((await listPersons(db)).find((p) => p.fullName === 'Новиков Николай')?.holdings).toEqual([
      { plotNumber: '15' },
    ]);
  });

  it('shows the header row and mapping, and re-reads the file when a column is mapped by hand', async () => {
    const { user } = await setup(csv(good));
    await screen.findByRole('list', { name: 'Итоги сравнения с реестром' });
    expect(screen.getByLabelText('Строка заголовка')).toHaveValue('4');
    expect(screen.getByLabelText('ФИО')).toHaveDisplayValue('A: Ф.И.О.');
    expect(screen.getByLabelText('Участок')).toHaveDisplayValue('B: № участка');
    // «Кадастр» is not a known header: the column is not loaded until the user says what it is.
    const cadastral = screen.getByLabelText('Кадастровый номер');
    expect(cadastral).toHaveDisplayValue('— не загружать —');
    const preview = screen.getByRole('table', { name: 'Первые строки файла' });
    expect(within(preview).getByRole('columnheader', { name: /E: Кадастр/ })).toHaveTextContent(
      'не загружается',
    );

    await user.selectOptions(cadastral, 'E: Кадастр');
    await waitFor(() =>
      expect(within(preview).getByRole('columnheader', { name: /E: Кадастр/ })).toHaveTextContent(
        '→ Кадастровый номер',
      ),
    );
    expect(screen.getByLabelText('Кадастровый номер')).toHaveDisplayValue('E: Кадастр');
    expect(within(preview).getAllByRole('row')).toHaveLength(4);
    expect(within(preview).getAllByRole('row')[1]).toHaveTextContent('Иванов Иван Иванович');
  });

  it('imports everything in one transaction when the file is clean', async () => {
    const first = await setup(csv(good));
    const summary = await screen.findByRole('list', { name: 'Итоги сравнения с реестром' });
    expect(summary).toHaveTextContent('Добавится: 3');
    await first.user.selectOptions(screen.getByLabelText('Кадастровый номер'), 'E: Кадастр');
    await waitFor(() => expect(screen.getByLabelText('Кадастровый номер')).toHaveDisplayValue('E: Кадастр'));
    await first.user.click(screen.getByRole('button', { name: 'Импортировать' }));
    await waitFor(() => expect(first.onClose).toHaveBeenCalled());
    const stored = await listPersons(first.db);
    expect(stored.map((p) => p.fullName).sort()).toEqual([
      'Иванов Иван Иванович',
      'Петрова Анна Сергеевна',
      'Яковлева Мария',
    ]);
    expect(stored.find((p) => p.fullName.startsWith('Петрова'))).toMatchObject({
      status: 'gardener',
      holdings: [{ plotNumber: '3', cadastralNumber: '50:18:0080301:3' }],
    });
  });

  it('re-importing what is stored shows «no changes»', async () => {
    const same = good.map((r) => r.replace(/;[^;]*$/, ';'));
    await setup(csv(same), storedThree());
    expect(await screen.findByText('Изменений нет: реестр уже совпадает с файлом.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Импортировать' })).toBeDisabled();
  });

  it('a newer file shows what would be added, changed and removed, and applies exactly that', async () => {
    const newer = [
      'Иванов Иван Иванович;13;112-233-445 95;член;',
      'Яковлева Мария;7;087-654-303 00;член СНТ;',
      'Сидоров Пётр;20;;не член;',
    ];
    const { db, user, onClose } = await setup(csv(newer), storedThree());
    const summary = await screen.findByRole('list', { name: 'Итоги сравнения с реестром' });
    expect(summary).toHaveTextContent('Добавится: 1');
    expect(summary).toHaveTextContent('Изменится: 1');
    expect(summary).toHaveTextContent('Без изменений: 1');
    expect(summary).toHaveTextContent('Нет в файле (останутся): 1');
    const lines = (name: string) =>
      within(screen.getByRole('list', { name }))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    expect(lines('Добавятся')).toEqual(['Сидоров Пётр (участок 20)']);
    expect(lines('Изменятся')).toEqual([
      'Иванов Иван Иванович (участок 12)Участки: 12 → 13',
      'Участки: 12 → 13',
    ]);
    expect(lines('Нет в файле')).toEqual(['Петрова Анна Сергеевна (участок 3)']);
    await user.click(screen.getByLabelText('Удалить из реестра тех, кого нет в файле (1)'));
    expect(summary).toHaveTextContent('Удалится: 1');
    expect(lines('Удалятся из реестра')).toEqual(['Петрова Анна Сергеевна (участок 3)']);
    await user.click(screen.getByRole('button', { name: 'Импортировать' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const after = await listPersons(db);
    expect(after.map((p) => p.fullName).sort()).toEqual([
      'Иванов Иван Иванович',
      'Сидоров Пётр',
      'Яковлева Мария',
    ]);
    expect(after.find((p) => p.fullName.startsWith('Иванов'))?.holdings).toEqual([{ plotNumber: '13' }]);
  });
});

function storedThree(): Person[] {
  return [
    {
      id: '',
      fullName: 'Иванов Иван Иванович',
      snils: '11223344595',
      status: 'member',
      holdings: [{ plotNumber: '12' }],
    },
    { id: '', fullName: 'Петрова Анна Сергеевна', status: 'gardener', holdings: [{ plotNumber: '3' }] },
    {
      id: '',
      fullName: 'Яковлева Мария',
      snils: '08765430300',
      status: 'member',
      holdings: [{ plotNumber: '7' }],
    },
  ];
}

describe('ImportWizard with a broken file', () => {
  it('says the file was not imported and leaves the stored registry as it was', async () => {
    const garbage = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // What was stored before the wizard opened (read before it, not while it reads the file).
    const { db, stored: before } = await setup(garbage, storedThree());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Файл «реестр.csv» не импортирован. Реестр не изменён.');
    expect(alert).toHaveTextContent('файл Excel повреждён');
    expect(screen.queryByRole('button', { name: 'Импортировать' })).not.toBeInTheDocument();
    expect(await listPersons(db)).toEqual(before);
    expect(before).toHaveLength(3);
  });

  it('makes the automatic backup right before the import and logs one entry naming the file', async () => {
    const order: string[] = [];
    const stored: { db?: GolosDb } = {};
    const first = await setup(csv(good), [], async () => {
      order.push(`backup with ${(await listPersons(stored.db!)).length} stored`);
      return ok(null);
    });
    stored.db = first.db;
    await screen.findByRole('list', { name: 'Итоги сравнения с реестром' });
    await first.user.click(screen.getByRole('button', { name: 'Импортировать' }));
    await waitFor(() => expect(first.onClose).toHaveBeenCalled());
    order.push(`imported ${(await listPersons(first.db)).length}`);
    expect(order).toEqual(['backup with 0 stored', 'imported 3']);
    const chain = await readChain(first.db);
    expect(chain.map((e) => [e.action, e.entityId])).toEqual([['import.registry', 'реестр.csv']]);
    const imported = await listPersons(first.db);
    const idOf = (name: string) => imported.find((p) => p.fullName === name)!.id;
    expect(chain[0]!.after).toEqual({
      added: 3,
      changed: 0,
      removed: 0,
      persons: 3,
      people: {
        added: [
          { id: idOf('Иванов Иван Иванович'), name: 'Иванов Иван Иванович (участок 12)' },
          { id: idOf('Петрова Анна Сергеевна'), name: 'Петрова Анна Сергеевна (участок 3)' },
          { id: idOf('Яковлева Мария'), name: 'Яковлева Мария (участок 7)' },
        ],
        changed: [],
        removed: [],
      },
    });
  });

  it('makes the automatic backup while every change comes from the reader, and writes after both', async () => {
    const events: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // Changes held until the backup has started (or 1 s, so a one-after-the-other order fails the order check).
    setTimeout(() => release(), 1000);
    const createEngine = (): ImportEngine => {
      const engine = inlineEngine();
      return {
        ...engine,
        changes: async () => {
          events.push('changes asked');
          await held;
          const all = await engine.changes();
          events.push('changes came');
          return all;
        },
      };
    };
    const db = new GolosDb(`golos-import-${crypto.randomUUID()}`);
    const onClose = vi.fn();
    const user = userEvent.setup();
    render(
      <ImportWizard
        file={{ name: 'реестр.csv', bytes: csv(good) }}
        existing={[]}
        kind="snt"
        onClose={onClose}
        createEngine={createEngine}
        backup={async () => {
          events.push('backup started');
          release();
          return ok(null);
        }}
        onApply={async (changes) => {
          events.push(`writing ${changes.added.length}`);
          await applyRegistryChanges(db, changes);
          onClose();
        }}
      />,
    );
    await screen.findByRole('list', { name: 'Итоги сравнения с реестром' });
    await user.click(screen.getByRole('button', { name: 'Импортировать' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(events).toEqual(['changes asked', 'backup started', 'changes came', 'writing 3']);
    expect(await listPersons(db)).toHaveLength(3);
  });

  it('imports nothing when the backup before the import fails', async () => {
    const first = await setup(csv(good), [], async () =>
      err([problem('backup_failed', 'В хранилище браузера не хватает места.')]),
    );
    await screen.findByRole('list', { name: 'Итоги сравнения с реестром' });
    await first.user.click(screen.getByRole('button', { name: 'Импортировать' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Импорт не выполнен, реестр не изменён: не удалось сделать резервную копию перед импортом. В хранилище браузера не хватает места.',
    );
    expect(first.onClose).not.toHaveBeenCalled();
    expect(await listPersons(first.db)).toEqual([]);
    expect(await readChain(first.db)).toEqual([]);
  });
});
