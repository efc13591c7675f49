import { readFileSync } from 'node:fs';
import { messyRegistryLayouts } from '../../test/fixtures/registryLayouts';
import { readTable } from '../spreadsheet/readTable';
import type { Table } from '../spreadsheet/table';
import { parseRegistry } from './parseRegistry';
import { readRegistryFile } from './readRegistryFile';
import { validateRegistry } from './validateRegistry';

const layouts = messyRegistryLayouts(1);
const table = (rows: string[][], fileName = 'реестр.xlsx'): Table => ({ fileName, rows });
const messages = (r: { problems: { message: string }[] }): string[] => r.problems.map((p) => p.message);

describe('parseRegistry on messy layouts', () => {
  it('has at least 8 layouts, both CSV encodings among them', () => {
    expect(layouts.length).toBeGreaterThanOrEqual(8);
    expect(layouts.map((l) => l.fileName)).toEqual(
      expect.arrayContaining(['04-utf8-comma.csv', '05-cp1251-semicolon.csv']),
    );
  });

  for (const layout of layouts) {
    it(`${layout.fileName}: ${layout.about}`, async () => {
      const bytes = await layout.bytes();
      const r = await readRegistryFile(bytes, layout.fileName, { kind: layout.kind });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const imp = r.value;
      expect(imp.headerRow).toBe(layout.headerRow);
      expect(Object.keys(imp.mapping).sort()).toEqual([...layout.mapped].sort());
      expect(imp.persons).toEqual(layout.expected);
      expect(imp.problems.map((p) => p.code)).toEqual(layout.problemCodes);
      expect(imp.sourceRows).toHaveLength(imp.persons.length);
      imp.sourceRows.forEach((s, i) => {
        expect(s.holdingRows).toHaveLength(imp.persons[i]!.holdings.length);
        for (const row of s.holdingRows) expect(row).toBeGreaterThan(imp.headerRow);
      });
      expect(validateRegistry(imp.persons, { sourceRows: imp.sourceRows, kind: layout.kind })).toEqual([]);
    });
  }

  it('reads the cp1251 file as Cyrillic text, not mojibake', async () => {
    const layout = layouts.find((l) => l.fileName === '05-cp1251-semicolon.csv')!;
    const t = await readTable(await layout.bytes(), layout.fileName);
    expect(t.ok && t.value.rows[0]![0]).toBe('Реестр членов СНТ «Рассвет» на 01.05.2026');
  });

  it('maps each source row back to the right person', async () => {
    const layout = layouts.find((l) => l.fileName === '01-title-merged.xlsx')!;
    const t = await readTable(await layout.bytes(), layout.fileName);
    if (!t.ok) throw new Error('unreadable');
    const imp = parseRegistry(t.value, { kind: 'snt' });
    imp.persons.forEach((p, i) => {
      for (const row of imp.sourceRows[i]!.rows) expect(t.value.rows[row - 1]![1]).toBe(p.fullName);
    });
    expect(imp.sourceRows.some((s) => s.rows.length === 2)).toBe(true);
  });
});

describe('parseRegistry on the sample meeting registry', () => {
  it('gives 12 members and 3 gardeners from 16 rows (test/fixtures/sample-meeting/README.md)', async () => {
    const bytes = new Uint8Array(
      readFileSync(new URL('../../test/fixtures/sample-meeting/registry.xlsx', import.meta.url)),
    );
    const r = await readRegistryFile(bytes, 'registry.xlsx', { kind: 'snt' });
    if (!r.ok) throw new Error(r.error[0]!.message);
    const imp = r.value;
    expect(imp.rowsRead).toBe(16);
    expect(imp.persons).toHaveLength(15);
    expect(imp.persons.filter((p) => p.status === 'member')).toHaveLength(12);
    expect(imp.persons.filter((p) => p.status === 'gardener')).toHaveLength(3);
    expect(imp.persons.filter((p) => p.holdings.length === 2)).toHaveLength(1);
    expect(imp.problems).toEqual([]);
    expect(validateRegistry(imp.persons, { sourceRows: imp.sourceRows })).toEqual([]);
    const ivanov = imp.persons.find((p) => p.fullName === 'Иванов Кирилл Львович');
    expect(ivanov).toEqual({
      id: '',
      fullName: 'Иванов Кирилл Львович',
      snils: '11223340991',
      status: 'member',
      phone: '+7 901 100-00-09',
      holdings: [
        { plotNumber: '9', cadastralNumber: '50:20:0040101:109', area: '600.00' },
        { plotNumber: '10', cadastralNumber: '50:20:0040101:110', area: '600.00' },
      ],
    });
  });
});

describe('parseRegistry rules', () => {
  const header = ['ФИО', 'СНИЛС', 'Участок', 'Площадь', 'Доля', 'Статус'];

  it('joins a person’s rows by СНИЛС, and rows without СНИЛС to the same name', () => {
    const imp = parseRegistry(
      table([
        header,
        ['Иванов Иван Иванович', '112-233-445 95', '1', '600', '', 'член'],
        ['Петров Пётр Петрович', '', '2', '600', '', 'член'],
        ['ИВАНОВ  Иван Иванович', '11223344595', '3', '800', '', 'член'],
        ['Иванов Иван Иванович', '', '4', '800', '', 'член'],
        ['петров пётр петрович', '', '5', '600', '', 'член'],
      ]),
      { kind: 'snt' },
    );
    expect(imp.persons.map((p) => [p.fullName, p.holdings.map((h) => h.plotNumber)])).toEqual([
      ['Иванов Иван Иванович', ['1', '3', '4']],
      ['Петров Пётр Петрович', ['2', '5']],
    ]);
    expect(imp.sourceRows).toEqual([
      { rows: [2, 4, 5], holdingRows: [2, 4, 5] },
      { rows: [3, 6], holdingRows: [3, 6] },
    ]);
  });

  it('skips blank rows and totals rows (Итого, Всего, numbers only) without a problem', () => {
    const imp = parseRegistry(
      table([
        ['Реестр'],
        header,
        ['Иванов Иван Иванович', '', '1', '600', '', 'член'],
        ['', '', '', '', '', ''],
        ['Петров Пётр Петрович', '', '2', '600', '', 'не член'],
        ['Итого:', '', '', '1200', '', ''],
        ['Всего членов', '', '', '', '', '1'],
        ['', '', '', '1200', '', ''],
      ]),
      { kind: 'snt' },
    );
    expect(imp.headerRow).toBe(2);
    expect(imp.persons.map((p) => p.status)).toEqual(['member', 'gardener']);
    expect(imp.rowsRead).toBe(2);
    expect(imp.problems).toEqual([]);
  });

  it('understands the usual status spellings', () => {
    const spellings: [string, string][] = [
      ['член', 'member'],
      ['член СНТ', 'member'],
      ['Член товарищества', 'member'],
      ['не член', 'gardener'],
      ['индивидуальный садовод', 'gardener'],
      ['садовод', 'gardener'],
      ['без членства', 'gardener'],
      ['Садовод без членства', 'gardener'],
      ['ведущий садоводство без участия в товариществе', 'gardener'],
      ['собственник', 'gardener'],
    ];
    const imp = parseRegistry(
      table([header, ...spellings.map(([s], i) => [`Человек ${i}`, '', String(i + 1), '', '', s])]),
      { kind: 'snt' },
    );
    expect(imp.problems).toEqual([]);
    expect(imp.persons.map((p) => p.status)).toEqual(spellings.map(([, st]) => st));
  });

  it('makes everyone an owner in an apartment building', () => {
    const imp = parseRegistry(
      table([
        ['Собственник', 'Квартира', 'Доля'],
        ['Иванов Иван Иванович', '5', '1/2'],
        ['Иванова Анна Петровна', '5', '0,5'],
      ]),
      { kind: 'mkd' },
    );
    expect(imp.persons.map((p) => [p.status, p.holdings[0]!.share])).toEqual([
      ['owner', '1/2'],
      ['owner', '1/2'],
    ]);
    expect(imp.problems).toEqual([]);
  });

  it('warns once when a gardening partnership’s file has no status column', () => {
    const imp = parseRegistry(
      table([
        ['ФИО', 'Участок'],
        ['Иванов Иван Иванович', '1'],
        ['Петров Пётр', '2'],
      ]),
      {
        kind: 'snt',
      },
    );
    expect(imp.persons.map((p) => p.status)).toEqual(['member', 'member']);
    expect(imp.problems).toEqual([
      {
        code: 'status_column_missing',
        severity: 'warning',
        file: 'реестр.xlsx',
        field: 'Статус',
        message:
          'В файле «реестр.xlsx» нет столбца «Статус»: все записаны членами товарищества. Садоводов без членства ' +
          'отметьте вручную или укажите столбец.',
      },
    ]);
  });

  it('reads areas and shares exactly', () => {
    const imp = parseRegistry(
      table([
        header,
        ['А', '', '1', '1 200,5', '1/2', 'член'],
        ['Б', '', '1', '54.3 кв.м', '0,5', 'член'],
        ['В', '', '2', '600', '2/4', 'член'],
        ['Г', '', '3', '600', '100%', 'член'],
      ]),
      { kind: 'snt' },
    );
    expect(imp.persons.map((p) => p.holdings[0])).toEqual([
      { plotNumber: '1', area: '1200.50', share: '1/2' },
      { plotNumber: '1', area: '54.30', share: '1/2' },
      { plotNumber: '2', area: '600.00', share: '1/2' },
      { plotNumber: '3', area: '600.00' },
    ]);
  });

  it('reports unreadable cells by row and field', () => {
    const imp = parseRegistry(
      table([
        ['Реестр СНТ'],
        header,
        ['Иванов Иван Иванович', '123-45', '1', 'двенадцать соток', '3/2', 'председатель'],
        ['Петров Пётр Петрович', '', '2', '600,125', '', ''],
        ['', '', '', 'не число', '', ''],
      ]),
      { kind: 'snt' },
    );
    expect(messages(imp)).toEqual([
      'Строка 3, поле «Площадь»: «двенадцать соток» — не число (площадь в м², например 1200 или 54,3).',
      'Строка 3, поле «Доля»: «3/2» — не доля (например 1/2 или 0,5; не больше 1).',
      'Строка 3, поле «СНИЛС»: «123-45» — нужно 11 цифр (например 123-456-789 01); СНИЛС не загружен.',
      'Строка 3, поле «Статус»: значение «председатель» не распознано: укажите, что оно значит.',
      'Строка 4, поле «Площадь»: «600,125» округлено до 600,13 м².',
      'Строка 4, поле «Статус»: не заполнено: укажите, что значит пустой статус.',
      'Строка 5, поле «ФИО»: не заполнено.',
    ]);
    expect(imp.problems.map((p) => [p.code, p.row, p.field, p.severity])).toEqual([
      ['area_format', 3, 'Площадь', 'error'],
      ['share_format', 3, 'Доля', 'error'],
      ['snils_format', 3, 'СНИЛС', 'warning'],
      ['status_unknown', 3, 'Статус', 'error'],
      ['area_rounded', 4, 'Площадь', 'warning'],
      ['status_empty', 4, 'Статус', 'error'],
      ['name_empty', 5, 'ФИО', 'error'],
    ]);
  });

  it('reports a status differing between a person’s rows and a repeated plot', () => {
    const imp = parseRegistry(
      table([
        header,
        ['Иванов Иван Иванович', '11223344595', '1', '', '', 'член'],
        ['Иванов Иван Иванович', '11223344595', '2', '', '', 'не член'],
        ['Иванов Иван Иванович', '11223344595', '1', '', '', 'член'],
      ]),
      { kind: 'snt' },
    );
    expect(messages(imp)).toEqual([
      'Строка 3, поле «Статус»: «не член», а в строке 2 у этого же человека — «член».',
      'Строка 4, поле «Участок»: участок 1 у этого человека уже указан в строке 2; повтор не добавлен.',
    ]);
    expect(imp.persons[0]!.holdings.map((h) => h.plotNumber)).toEqual(['1', '2']);
  });

  it('puts a nameless row with a plot under the person above, with a warning', () => {
    const imp = parseRegistry(
      table([header, ['Иванов Иван Иванович', '', '1', '', '', 'член'], ['', '', '2', '600', '', '']]),
      { kind: 'snt' },
    );
    expect(imp.persons[0]!.holdings.map((h) => h.plotNumber)).toEqual(['1', '2']);
    expect(messages(imp)).toEqual([
      'Строка 3, поле «ФИО»: не заполнено — участок 2 записан за Иванов Иван Иванович (строка 2).',
    ]);
  });

  it('restores the leading zeros Excel drops from a СНИЛС kept as a number', () => {
    const imp = parseRegistry(table([header, ['Иванов Иван Иванович', '2516083925', '1', '', '', 'член']]), {
      kind: 'snt',
    });
    expect(imp.persons[0]!.snils).toBe('02516083925');
  });

  it('says so when no header is found, and takes a mapping the user gave', () => {
    const rows = [
      ['Иванов Иван Иванович', '1', 'член'],
      ['Петров Пётр Петрович', '2', 'не член'],
    ];
    const none = parseRegistry(table(rows), { kind: 'snt' });
    expect(none.persons).toEqual([]);
    expect(messages(none)).toEqual([
      'В файле «реестр.xlsx» не найдена строка заголовка: нужны хотя бы столбцы «ФИО» и «Участок» (или «СНИЛС»). ' +
        'Укажите столбцы вручную.',
    ]);
    const given = parseRegistry(table(rows), {
      kind: 'snt',
      mapping: { fullName: 0, plotNumber: 1, status: 2 },
    });
    expect(given.headerRow).toBe(0);
    expect(given.persons.map((p) => [p.fullName, p.status])).toEqual([
      ['Иванов Иван Иванович', 'member'],
      ['Петров Пётр Петрович', 'gardener'],
    ]);
  });

  it('lets the user correct the mapping found', () => {
    const t = table([
      ['ФИО', 'Участок', 'Телефон', 'Примечание'],
      ['Иванов Иван Иванович', '1', '+7 900 000-00-00', 'ivanov@example.ru'],
    ]);
    const found = parseRegistry(t, { kind: 'mkd' });
    expect(found.mapping).toEqual({ fullName: 0, plotNumber: 1, phone: 2 });
    expect(found.columns).toEqual(['ФИО', 'Участок', 'Телефон', 'Примечание']);
    const fixed = parseRegistry(t, { kind: 'mkd', headerRow: 1, mapping: { ...found.mapping, email: 3 } });
    expect(fixed.persons[0]!.email).toBe('ivanov@example.ru');
  });
});
