import type { IsoTimestamp } from '../../shared/domain/types';

const pad = (n: number) => String(n).padStart(2, '0');

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
