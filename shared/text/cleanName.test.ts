import { describe, expect, it } from 'vitest';
import { BATCH_COLUMNS, parseBallotBatch } from '../paper/parseBallotBatch';
import { readRegistryFile } from '../registry/readRegistryFile';
import { readTable } from '../spreadsheet/readTable';
import { registrySheet, xlsxOfSheet } from '../../test/fixtures/hostileXlsx';
import { cleanName, MAX_NAME_LENGTH } from './cleanName';
import { normalizeName } from './normalizeName';

describe('cleanName', () => {
  it('removes zero-width, bidi and control characters, recomposes to NFC and collapses spaces', () => {
    const cases: [string, string][] = [
      ['Иванов\u200dИван', 'ИвановИван'],
      ['Иванов \u200bИван\u200c', 'Иванов Иван'],
      ['\ufeffПетров\u0000 Пётр', 'Петров Пётр'],
      ['Сидоров\u202e вонаврИ', 'Сидоров вонаврИ'],
      ['Ли\u00adсицын', 'Лисицын'],
      ['Кузнецов\u0007\u0085 Илья', 'Кузнецов Илья'],
      ['Зуев\u2066 Олег\u2069', 'Зуев Олег'],
      // й written as и + combining breve, ё as е + diaeresis
      ['Дмитрии\u0306 Се\u0308мин', 'Дмитрий Сёмин'],
    ];
    for (const [raw, clean] of cases)
      expect(cleanName(raw)).toEqual({ name: clean, cleaned: true, tooLong: false });
  });

  it('leaves a plain name alone (spacing only is no cleaning) and flags one past the length limit', () => {
    expect(cleanName('  Иванов   Иван\tИванович ')).toEqual({
      name: 'Иванов Иван Иванович',
      cleaned: false,
      tooLong: false,
    });
    expect(cleanName('Müller Hans')).toEqual({ name: 'Müller Hans', cleaned: false, tooLong: false });
    expect(cleanName('Я'.repeat(MAX_NAME_LENGTH)).tooLong).toBe(false);
    expect(cleanName('Я'.repeat(1_000_000))).toMatchObject({ tooLong: true, cleaned: false });
  });

  it('makes names that look equal match: normalizeName ignores what cleanName removes', () => {
    expect(normalizeName('Иванов\u200d Иван')).toBe(normalizeName('Иванов Иван'));
    expect(normalizeName('Дмитрии\u0306')).toBe(normalizeName('Дмитрий'));
  });
});

describe('the registry import cleans names', () => {
  it('a zero-width joiner no longer splits one person into two; the row is warned about', async () => {
    const names = [
      'Иванов Иван',
      'Петров Пётр',
      'Сидоров Сидор',
      'Кузнецов Илья',
      'Зуев Олег',
      'Лисицын Лев',
    ];
    const withJoiner = [...names, 'Иванов\u200d Иван'];
    const r = await readRegistryFile(xlsxOfSheet(registrySheet(withJoiner)), 'реестр.xlsx', { kind: 'snt' });
    if (!r.ok) throw new Error(r.error[0]!.message);
    expect(r.value.persons).toHaveLength(6);
    expect(r.value.persons.map((p) => p.fullName)).toEqual(names);
    expect(r.value.problems.map((p) => [p.code, p.severity, p.message])).toContainEqual([
      'name_cleaned',
      'warning',
      'Строка 8, поле «ФИО»: удалены невидимые или управляющие символы (так одинаковые на вид имена совпадут).',
    ]);
  });

  it('a NUL byte is not stored, a 1 MB name is an error naming the row', async () => {
    const r = await readRegistryFile(
      xlsxOfSheet(registrySheet(['Петров\u0000Пётр', 'Я'.repeat(1_000_000)])),
      'реестр.xlsx',
      { kind: 'snt' },
    );
    if (!r.ok) throw new Error(r.error[0]!.message);
    expect(r.value.persons[0]!.fullName).toBe('ПетровПётр');
    const long = r.value.problems.find((p) => p.code === 'name_too_long');
    expect(long).toMatchObject({ severity: 'error', row: 3 });
    expect(long!.message).toBe(
      'Строка 3, поле «ФИО»: длиннее 300 знаков (1000000): это не ФИО, проверьте ячейку.',
    );
    expect(r.value.persons.every((p) => p.fullName.length <= MAX_NAME_LENGTH)).toBe(true);
  });
});

describe('the ballot batch import cleans names', () => {
  it('stores the voter and representative names cleaned, with a warning per cell', async () => {
    const csv =
      [...BATCH_COLUMNS, '1'].join(';') +
      '\r\n;5;Иванов\u200d Иван;бумага;оригинал;10.06.2026;;;Петров\u0000 Пётр;;за\r\n';
    const table = await readTable(new TextEncoder().encode(csv), 'пакет.csv');
    if (!table.ok) throw new Error(table.error[0]!.message);
    const parsed = parseBallotBatch(table.value, { questions: [1] });
    if (!parsed.ok) throw new Error(parsed.error[0]!.message);
    expect(parsed.value.ballots[0]!.voter.fullName).toBe('Иванов Иван');
    expect(parsed.value.ballots[0]!.representative?.fullName).toBe('Петров Пётр');
    expect(parsed.value.problems.filter((p) => p.code === 'batch_name_cleaned').map((p) => p.row)).toEqual([
      2, 2,
    ]);
  });
});
