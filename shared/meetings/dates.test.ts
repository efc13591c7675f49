import { readSource, sourceFiles } from '../../test/fixtures/sourceFiles';
import {
  addDays,
  dayNumber,
  daysBetween,
  describeDaysLeft,
  formatDateRu,
  formatDays,
  isIsoDate,
  plural,
  dateRu,
  formatJournalDate,
  localTimestamp,
  shortDate,
  timeOf,
  timestampRu,
  todayIso,
} from './dates';

describe('ISO date arithmetic', () => {
  it('rejects impossible and malformed dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-5-1')).toBe(false);
    expect(isIsoDate('')).toBe(false);
    expect(dayNumber('1970-01-02')).toBe(1);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-25', 10)).toBe('2026-01-04');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(() => addDays('завтра', 1)).toThrow(RangeError);
  });

  it('counts whole days the same in any time zone, across daylight-saving changes', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['UTC', 'Europe/Moscow', 'America/New_York', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        expect(daysBetween('2025-03-08', '2025-03-10')).toBe(2); // US DST starts 2025-03-09
        expect(daysBetween('2025-10-25', '2025-10-27')).toBe(2); // EU DST ends 2025-10-26
        expect(addDays('2025-03-08', 1)).toBe('2025-03-09');
        expect(formatDateRu('2025-03-09')).toBe('9 марта 2025 г.');
      }
    } finally {
      process.env.TZ = saved;
    }
  });

  it('returns undefined for a difference with a missing date', () => {
    expect(daysBetween('', '2025-01-01')).toBeUndefined();
    expect(daysBetween('2025-01-01', undefined)).toBeUndefined();
  });
});

describe('Russian wording of dates and days', () => {
  it('formats dates with the month in the genitive', () => {
    expect(formatDateRu('2025-05-03')).toBe('3 мая 2025 г.');
    expect(formatDateRu('2025-12-31')).toBe('31 декабря 2025 г.');
    expect(formatDateRu('')).toBe('');
  });

  it('picks the plural form of «день»', () => {
    expect([1, 2, 5, 11, 12, 14, 21, 22, 25, 101, 111].map(formatDays)).toEqual([
      '1 день',
      '2 дня',
      '5 дней',
      '11 дней',
      '12 дней',
      '14 дней',
      '21 день',
      '22 дня',
      '25 дней',
      '101 день',
      '111 дней',
    ]);
    expect(plural(-3, ['день', 'дня', 'дней'])).toBe('дня');
  });

  it('describes days left relative to today', () => {
    expect(describeDaysLeft(0)).toBe('сегодня');
    expect(describeDaysLeft(1)).toBe('завтра');
    expect(describeDaysLeft(-1)).toBe('вчера');
    expect(describeDaysLeft(5)).toBe('через 5 дней');
    expect(describeDaysLeft(-3)).toBe('3 дня назад');
  });
});

describe('one dates module', () => {
  /** Source files (not tests) that take a calendar date apart by hand: `getMonth() + 1`. */
  function handMadeDates(): string[] {
    return sourceFiles(['shared', 'renderer', 'cli', 'electron']).filter((path) =>
      /getMonth\(\)\s*\+\s*1/.test(readSource(path)),
    );
  }

  it('formats and reads the local calendar only in shared/meetings/dates.ts', () => {
    // autoBackup's day key is an opaque key («2026-6-1»), not a date anyone reads.
    expect(handMadeDates()).toEqual(['shared/meetings/dates.ts', 'renderer/backup/autoBackup.ts'].sort());
  });

  it('today and local timestamps use the local calendar, checked against Intl', () => {
    const at = new Date(2026, 11, 2, 16, 19, 5);
    const parts = new Intl.DateTimeFormat('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(at);
    expect(todayIso(at)).toBe(parts);
    expect(localTimestamp(at).slice(0, 19)).toBe(`${parts}T16:19:05`);
    expect(timestampRu(localTimestamp(at))).toBe('02.12.2026 16:19');
    expect(formatJournalDate(at.toISOString())).toBe('2 декабря 2026, 16:19');
    expect(dateRu('2026-06-08')).toBe('08.06.2026');
    expect(shortDate('2026-12-01')).toBe('01.12');
    expect(timeOf('2026-06-14T10:05:00+03:00')).toBe('10:05');
  });
});
