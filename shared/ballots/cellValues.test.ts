import {
  parseChannelCell,
  parseCopyCell,
  parseDateCell,
  parseDeliveryCell,
  parseMarkCell,
  parseVoidCell,
  powerOfAttorneyDate,
  questionOfHeader,
} from './cellValues';

describe('ballot cell values', () => {
  it('reads marks in any case, ё or е, and empty as nothing marked', () => {
    expect(
      ['за', 'ЗА', ' За ', 'против', 'ПРОТИВ', 'Воздержался', 'воздержалась'].map(parseMarkCell),
    ).toEqual(['for', 'for', 'for', 'against', 'against', 'abstain', 'abstain']);
    expect(parseMarkCell('несколько')).toBe('several');
    expect(parseMarkCell('Все зачёркнуты')).toBe('all_crossed');
    expect(parseMarkCell('')).toBe('none');
    expect(parseMarkCell('да')).toBeNull();
    expect(parseMarkCell('constructor')).toBeNull();
    expect(parseChannelCell('toString')).toBeNull();
    expect(parseVoidCell('hasOwnProperty')).toBeNull();
  });

  it('reads dates as DD.MM.YYYY or YYYY-MM-DD, rejecting impossible ones', () => {
    expect(parseDateCell('08.06.2026')).toBe('2026-06-08');
    expect(parseDateCell('8.6.2026')).toBe('2026-06-08');
    expect(parseDateCell('2026-06-17')).toBe('2026-06-17');
    expect(parseDateCell('14.06.2026 18:30')).toBe('2026-06-14');
    expect(parseDateCell('31.02.2026')).toBeNull();
    expect(parseDateCell('2026-13-01')).toBeNull();
    expect(parseDateCell('вчера')).toBeNull();
    expect(parseDateCell('')).toBeNull();
  });

  it('reads channel, copy and delivery words, with defaults for empty cells', () => {
    expect(parseChannelCell('бумага')).toBe('paper');
    expect(parseChannelCell('Очно')).toBe('in_person');
    expect(parseChannelCell('')).toBe('paper');
    expect(parseChannelCell('голубиная почта')).toBeNull();
    expect(parseCopyCell('оригинал')).toBe('original');
    expect(parseCopyCell('скан')).toBe('scan');
    expect(parseCopyCell('')).toBe('original');
    expect(parseCopyCell('фото')).toBeNull();
    expect(parseDeliveryCell('почта')).toBe('mail');
    expect(parseDeliveryCell('лично')).toBe('hand');
    expect(parseDeliveryCell('email')).toBe('email');
    expect(parseDeliveryCell('на собрании')).toBe('session');
    expect(parseDeliveryCell('')).toBeUndefined();
    expect(parseDeliveryCell('курьер')).toBeNull();
  });

  it('reads void reasons, several separated by commas', () => {
    expect(parseVoidCell('')).toEqual([]);
    expect(parseVoidCell('нет подписи')).toEqual(['no_signature']);
    expect(parseVoidCell('Карандаш, исправления')).toEqual(['pencil', 'corrections']);
    expect(parseVoidCell('нет реквизитов; нет реквизитов')).toEqual(['no_details']);
    expect(parseVoidCell('порван')).toBeNull();
  });

  it('finds the question number a header starts with', () => {
    expect(questionOfHeader('Вопрос 1')).toBe(1);
    expect(questionOfHeader('Вопрос 2. Об утверждении сметы')).toBe(2);
    expect(questionOfHeader('1.')).toBe(1);
    expect(questionOfHeader('№1')).toBe(1);
    expect(questionOfHeader('№ 12 Об избрании')).toBe(12);
    expect(questionOfHeader('3')).toBe(3);
    expect(questionOfHeader('1.5')).toBeNull();
    expect(questionOfHeader('№ п/п')).toBeNull();
    expect(questionOfHeader('ФИО')).toBeNull();
    expect(questionOfHeader('2026-06-01')).toBeNull();
  });

  it('finds the date of a power of attorney', () => {
    expect(powerOfAttorneyDate('Доверенность № 54 от 20.05.2026')).toBe('2026-05-20');
    expect(powerOfAttorneyDate('№ 54')).toBeUndefined();
  });
});
