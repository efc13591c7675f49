import type { Person } from '../domain/types';
import { parseRegistry } from './parseRegistry';
import { validatePerson, validateRegistry } from './validateRegistry';

let plot = 100;
const person = (fullName: string, extra: Partial<Person> = {}): Person => ({
  id: '',
  fullName,
  status: 'member',
  holdings: [{ plotNumber: String(plot++) }],
  ...extra,
});

describe('validateRegistry: messages by source row and field', () => {
  const header = ['ФИО', 'СНИЛС', 'Участок', 'Кадастровый номер', 'Доля', 'Эл. почта', 'Статус'];
  const rows = [
    ['Реестр членов СНТ «Берёзка»'],
    header,
    ['Иванов Иван Иванович', '112-233-445 95', '1', '50:18:0080301:101', '', 'ivanov@example.ru', 'член'],
    ['Петров Пётр Петрович', '112-233-445 00', '2', '50:18:0080301:102', '', '', 'член'],
    ['Сидоров Сидор Сидорович', '11223344595', '3', '50:18:80301:103', '', 'sidorov@', 'член'],
    ['Козлова Анна Павловна', '', '4', '', '', '', 'член'],
    ['Козлов Павел Ильич', '', '4', '', '1/2', '', 'член'],
    ['', '900-000-091 00', '5', '', '', '', 'член'],
    ['Орлова Вера Олеговна', '', '6', '', '1/2', '', 'член'],
    ['Орлов Олег Петрович', '', '6', '', '2/3', '', 'член'],
    ['Белова Нина Ивановна', '', '7', '', '1/4', '', 'член'],
    ['Белов Иван Петрович', '', '7', '', '1/2', '', 'не член'],
  ];
  const imp = parseRegistry({ fileName: 'реестр.xlsx', rows }, { kind: 'snt' });
  const problems = validateRegistry(imp.persons, { file: 'реестр.xlsx', sourceRows: imp.sourceRows });

  it('reads the file without problems of its own', () => {
    expect(imp.problems).toEqual([]);
  });

  it('names the row and the field in every message', () => {
    expect(problems.map((p) => p.message)).toEqual([
      'Строка 4, поле «СНИЛС»: контрольная сумма не сходится (112-233-445 00)' +
        ': СНИЛС сохранён с пометкой «не проверен» и не используется для поиска бюллетеней.',
      'Строка 5, поле «СНИЛС»: 112-233-445 95 уже указан в строке 3 (Иванов Иван Иванович).',
      'Строка 5, поле «Эл. почта»: «sidorov@» — не адрес электронной почты.',
      'Строка 5, поле «Кадастровый номер»: «50:18:80301:103» не похож на кадастровый номер (вида 50:18:0080301:152).',
      'Строка 8, поле «ФИО»: не заполнено.',
      'Строка 6, поле «Доля»: участок 4 записан за несколькими людьми (Козлова Анна Павловна, Козлов Павел Ильич), но доля не указана.',
      'Строка 10, поле «Доля»: доли владельцев (участок 6) в сумме дают 7/6, а должны 1.',
      'Строка 12, поле «Доля»: доли владельцев (участок 7) в сумме дают 3/4, а должны 1.',
    ]);
  });

  it('gives stable codes, rows, fields, file and severity', () => {
    expect(problems.map((p) => [p.code, p.row, p.field, p.severity, p.file])).toEqual([
      ['snils_checksum', 4, 'СНИЛС', 'warning', 'реестр.xlsx'],
      ['snils_duplicate', 5, 'СНИЛС', 'error', 'реестр.xlsx'],
      ['email_format', 5, 'Эл. почта', 'warning', 'реестр.xlsx'],
      ['cadastral_format', 5, 'Кадастровый номер', 'warning', 'реестр.xlsx'],
      ['name_empty', 8, 'ФИО', 'error', 'реестр.xlsx'],
      ['plot_shares_missing', 6, 'Доля', 'error', 'реестр.xlsx'],
      ['plot_shares_sum', 10, 'Доля', 'error', 'реестр.xlsx'],
      ['plot_shares_sum', 12, 'Доля', 'warning', 'реестр.xlsx'],
    ]);
  });
});

describe('validateRegistry without rows', () => {
  it('names the person when there are several', () => {
    const problems = validateRegistry([
      person('Иванов Иван Иванович', { snils: '11223344595' }),
      person('Петров Пётр Петрович', { snils: '11223344595', email: 'a@b' }),
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'Петров Пётр Петрович, поле «СНИЛС»: 112-233-445 95 уже указан у Иванов Иван Иванович.',
      'Петров Пётр Петрович, поле «Эл. почта»: «a@b» — не адрес электронной почты.',
    ]);
    expect(problems[0]!.row).toBeUndefined();
  });

  it('warns about a person without plots, and a plot without a number', () => {
    const problems = validateRegistry([
      person('Иванов Иван Иванович', { holdings: [] }),
      person('Петров Пётр Петрович', { holdings: [{ plotNumber: ' ', cadastralNumber: '50:18:0080301:1' }] }),
    ]);
    expect(problems.map((p) => [p.code, p.severity, p.message])).toEqual([
      ['no_holdings', 'warning', 'Иванов Иван Иванович, поле «Участок»: не указано ни одного участка.'],
      ['plot_empty', 'error', 'Петров Пётр Петрович, поле «Участок»: не заполнено.'],
    ]);
  });

  it('speaks of premises in an apartment building', () => {
    const owner = (name: string, share?: string): Person => ({
      id: '',
      fullName: name,
      status: 'owner',
      holdings: [{ plotNumber: '12', ...(share ? { share } : {}) }],
    });
    expect(
      validateRegistry([owner('Иванов Иван'), owner('Иванова Анна', '1/2')]).map((p) => p.message),
    ).toEqual([
      'Иванов Иван, поле «Доля»: помещение 12 записано за несколькими людьми (Иванов Иван, Иванова Анна), но доля не указана.',
    ]);
    expect(validateRegistry([owner('Иванов Иван', '1/2'), owner('Иванова Анна', '0.5')])).toEqual([]);
  });
});

describe('validatePerson (a form)', () => {
  const others = [
    person('Иванов Иван Иванович', {
      id: 'a',
      snils: '11223344595',
      holdings: [{ plotNumber: '7', share: '1/2' }],
    }),
  ];

  it('says «Поле …» and checks against the others', () => {
    const edited = person('Петров Пётр Петрович', {
      id: 'b',
      snils: '11223344595',
      email: 'petrov@',
      holdings: [{ plotNumber: '7', cadastralNumber: '50:18', area: '12,5', share: 'половина' }],
    });
    expect(validatePerson(edited, others).map((p) => p.message)).toEqual([
      'Поле «СНИЛС»: 112-233-445 95 уже указан у Иванов Иван Иванович.',
      'Поле «Эл. почта»: «petrov@» — не адрес электронной почты.',
      'Поле «Кадастровый номер»: «50:18» не похож на кадастровый номер (вида 50:18:0080301:152).',
      'Поле «Площадь»: «12,5» — не число (площадь в м², например 1200 или 54,3).',
      'Поле «Доля»: «половина» — не доля (например 1/2 или 0,5; не больше 1).',
    ]);
  });

  it('reports a bad checksum, a malformed СНИЛС and an empty name', () => {
    expect(validatePerson(person('  ', { snils: '11223344594' })).map((p) => p.message)).toEqual([
      'Поле «ФИО»: не заполнено.',
      'Поле «СНИЛС»: контрольная сумма не сходится (112-233-445 94)' +
        ': СНИЛС сохранён с пометкой «не проверен» и не используется для поиска бюллетеней.',
    ]);
    expect(validatePerson(person('Иванов', { snils: '123' })).map((p) => p.code)).toEqual(['snils_format']);
  });

  it('warns about a phone that is not a number, and takes the usual ways of writing one', () => {
    expect(validatePerson(person('Иванов', { phone: 'звонить вечером' })).map((p) => p.message)).toEqual([
      'Поле «Телефон»: «звонить вечером» — не номер телефона.',
    ]);
    expect(validatePerson(person('Иванов', { phone: '12' }))[0]!.severity).toBe('warning');
    for (const ok of [
      '+7 (923) 915-77-13',
      '8-923-915-77-13',
      '89239157713, 8 (495) 123-45-67',
      '12-34-56',
    ]) {
      expect(validatePerson(person('Иванов', { phone: ok }))).toEqual([]);
    }
  });

  it('does not compare a person with their own stored copy, and passes a clean person', () => {
    expect(validatePerson(others[0]!, others)).toEqual([]);
    const coOwner = person('Иванова Анна', { id: 'c', holdings: [{ plotNumber: '7', share: '1/2' }] });
    expect(validatePerson(coOwner, others)).toEqual([]);
  });
});
