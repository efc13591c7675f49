import { findHeader, normalizeHeader, type FieldSpec } from './header';
import type { Table } from './table';

type F = 'name' | 'snils' | 'plot' | 'cadastral' | 'area' | 'status';
const specs: FieldSpec<F>[] = [
  { field: 'name', label: 'ФИО', synonyms: ['Фамилия Имя Отчество', 'собственник'], required: true },
  { field: 'snils', label: 'СНИЛС', synonyms: ['страховой номер'] },
  { field: 'plot', label: 'Участок', synonyms: ['номер участка', 'участка', 'уч'] },
  { field: 'cadastral', label: 'Кадастровый номер', synonyms: ['кадастровый'] },
  { field: 'area', label: 'Площадь', synonyms: [] },
  { field: 'status', label: 'Статус', synonyms: ['членство'] },
];
const table = (rows: string[][]): Table => ({ fileName: 't.xlsx', rows });

describe('normalizeHeader', () => {
  it('drops punctuation, case and ё', () => {
    expect(normalizeHeader('Ф.И.О.:')).toBe('фио');
    expect(normalizeHeader(' № участка ')).toBe('участка');
    expect(normalizeHeader('Площадь, кв.м')).toBe('площадь квм');
    expect(normalizeHeader('Членство  (да/нет)')).toBe('членство да нет');
    expect(normalizeHeader('Учёт')).toBe('учет');
  });
});

describe('findHeader', () => {
  it('finds the header below title rows, in any column order', () => {
    const t = table([
      ['Реестр членов СНТ «Берёзка»', 'Реестр членов СНТ «Берёзка»', '', ''],
      ['по состоянию на 01.05.2026', '', '', ''],
      ['', '', '', ''],
      ['№ п/п', 'Членство', 'Ф.И.О.', '№ участка'],
      ['1', 'член', 'Иванов Иван Иванович', '12'],
    ]);
    const h = findHeader(t, specs);
    expect(h?.headerRow).toBe(4);
    expect(h?.mapping).toEqual({ status: 1, name: 2, plot: 3 });
    expect(h?.unmapped).toEqual([0]);
    expect(h?.columns[2]).toBe('Ф.И.О.');
  });

  it('prefers the closer synonym when several fields could take a column', () => {
    const t = table([
      ['Кадастровый номер участка', 'Номер участка', 'Фамилия Имя Отчество', 'Площадь участка, м²'],
    ]);
    expect(findHeader(t, specs)?.mapping).toEqual({ cadastral: 0, plot: 1, name: 2, area: 3 });
  });

  it('reads a two-row header with a merged group title', () => {
    const t = table([
      ['ФИО', 'Участок', 'Участок', 'Участок'],
      ['ФИО', '№', 'Кадастровый №', 'Площадь'],
      ['Иванов', '12', '50:18:0080301:152', '600'],
    ]);
    const h = findHeader(t, specs);
    expect(h?.headerRow).toBe(2);
    expect(h?.firstHeaderRow).toBe(1);
    expect(h?.mapping).toEqual({ name: 0, plot: 1, cadastral: 2, area: 3 });
  });

  it('returns null when nothing looks like a header', () => {
    expect(
      findHeader(
        table([
          ['Иванов', '12'],
          ['Петров', '13'],
        ]),
        specs,
      ),
    ).toBeNull();
    expect(findHeader(table([]), specs)).toBeNull();
  });

  it('looks only at the first rows', () => {
    const rows = Array.from({ length: 40 }, () => ['x', 'y']);
    rows.push(['ФИО', 'СНИЛС']);
    expect(findHeader(table(rows), specs)).toBeNull();
    expect(findHeader(table(rows), specs, { scanRows: 50 })?.headerRow).toBe(41);
  });
});
