/**
 * The date of a representative's power of attorney, checked wherever it is typed (attendance, the entry
 * desk's F3): a real date with a four-digit year (never «12026-02-01»), not absurdly early, and not after
 * the day the ballot was received or the person arrived.
 */
import { parseDateCell } from '../ballots/cellValues';
import type { IsoDate } from '../domain/types';
import { dateRu } from '../meetings/dates';

/** Powers of attorney older than this are a typo in the year. */
const EARLIEST = '1991-01-01';

/** The Russian reason the date is wrong (to follow «Поле «Дата доверенности»: »), or null. */
export function powerOfAttorneyDateProblem(date: string, notAfter?: IsoDate): string | null {
  if (parseDateCell(date) !== date) return 'укажите дату доверенности (ДД.ММ.ГГГГ).';
  if (date < EARLIEST) return `дата ${dateRu(date)} слишком ранняя — проверьте год.`;
  if (notAfter && date > notAfter) {
    return `доверенность от ${dateRu(date)} выдана позже ${dateRu(notAfter)} — проверьте дату.`;
  }
  return null;
}
