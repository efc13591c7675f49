/**
 * The one dates module: Russian date and time formats («2 декабря 2026», `08.06.2026`, `10:05`), the
 * computer's "today" and local timestamps, and calendar arithmetic on ISO dates (`YYYY-MM-DD`).
 * The arithmetic works in whole UTC days (no time zones), so a date never shifts by one around
 * midnight or a daylight-saving change; only `todayIso`, `localTimestamp` and the `format…` of stored
 * instants read the local clock and zone.
 */
import type { IsoDate, IsoTimestamp } from '../domain/types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a valid ISO date, or `undefined` for an empty or impossible one. */
export function dayNumber(date: IsoDate | undefined): number | undefined {
  const m = date ? ISO_DATE.exec(date) : null;
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Rejects 2025-02-30 and the like, which Date.UTC would silently roll over.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  return ms / MS_PER_DAY;
}

export function isIsoDate(date: string | undefined): date is IsoDate {
  return dayNumber(date) !== undefined;
}

/** The ISO date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `date` plus `days` (may be negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const n = dayNumber(date);
  if (n === undefined) throw new RangeError(`Not an ISO date: ${date}`);
  return fromDayNumber(n + days);
}

/** Whole days from `from` to `to` (positive when `to` is later); `undefined` if either is not a date. */
export function daysBetween(from: IsoDate | undefined, to: IsoDate | undefined): number | undefined {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === undefined || b === undefined ? undefined : b - a;
}

/** Month names as a date says them: «2 декабря». */
export const MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

/** `2025-05-03` -> `3 мая 2025 г.`; an empty or invalid date gives an empty string. */
export function formatDateRu(date: IsoDate | undefined): string {
  const n = dayNumber(date);
  if (n === undefined) return '';
  const d = new Date(n * MS_PER_DAY);
  return `${d.getUTCDate()} ${MONTHS_GENITIVE[d.getUTCMonth()]} ${d.getUTCFullYear()} г.`;
}

/** Russian noun form for a count: `plural(3, ['день', 'дня', 'дней'])` -> `дня`. */
export function plural(n: number, forms: readonly [one: string, few: string, many: string]): string {
  const abs = Math.abs(n) % 100;
  const last = abs % 10;
  if (abs >= 11 && abs <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

const DAY_FORMS = ['день', 'дня', 'дней'] as const;

/** `5 дней`, `1 день`, `22 дня`. */
export function formatDays(n: number): string {
  return `${Math.abs(n)} ${plural(n, DAY_FORMS)}`;
}

/** Days left as the timeline shows it: `сегодня`, `завтра`, `через 5 дней`, `вчера`, `3 дня назад`. */
export function describeDaysLeft(daysLeft: number): string {
  if (daysLeft === 0) return 'сегодня';
  if (daysLeft === 1) return 'завтра';
  if (daysLeft === -1) return 'вчера';
  return daysLeft > 0 ? `через ${formatDays(daysLeft)}` : `${formatDays(daysLeft)} назад`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-06-08` -> `08.06.2026`. */
export function dateRu(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** `2026-06-14T10:05:00+03:00` -> `10:05`. */
export function timeOf(ts: IsoTimestamp): string {
  return /T(\d{2}:\d{2})/.exec(ts)?.[1] ?? '';
}

/** `2026-12-01` -> «01.12» (the year is clear at the desk). */
export function shortDate(iso: IsoDate): string {
  return dateRu(iso).slice(0, 5);
}

/**
 * This computer's local time with its offset, `2026-06-14T10:05:00+03:00`: ballot versions, arrivals and
 * attendance print the time as the commission saw it, and the date part is the local calendar date.
 */
export function localTimestamp(now: Date = new Date()): IsoTimestamp {
  const offset = -now.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` +
    `T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** `HH:MM` of a local timestamp on the given date, e.g. an arrival time typed by the commission. */
export function timestampAt(date: string, time: string, now: Date = new Date()): IsoTimestamp {
  const local = localTimestamp(now);
  return `${date}T${time}:00${local.slice(19)}`;
}

/** `2026-06-14T10:05:00+03:00` -> `14.06.2026 10:05`. */
export function timestampRu(ts: IsoTimestamp): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(ts);
  return m ? `${m[3]}.${m[2]}.${m[1]} ${m[4]}:${m[5]}` : ts;
}

/** Today's calendar date on this computer, as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): IsoDate {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Local time as `2 декабря 2026, 16:19`. */
export function formatJournalDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const mm = String(d.getMinutes()).padStart(2, '0');
  return `${d.getDate()} ${MONTHS_GENITIVE[d.getMonth()]} ${d.getFullYear()}, ${d.getHours()}:${mm}`;
}

/** Local date and time, `01.05.2025 13:05`. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
