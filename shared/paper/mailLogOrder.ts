/**
 * The order the mail log is read in: by arrival (the first thing a person sent, oldest first; those
 * with nothing yet last), then by plot number in natural order (2 before 10), then by name — or by
 * plot, or by name, when the secretary asks.
 */
import { compareNatural } from '../registry/sortPersons';
import type { MailLogEntry } from './mailLog';

export type MailLogSort = 'arrival' | 'plot' | 'name';

export const MAIL_LOG_SORT_LABELS: Record<MailLogSort, string> = {
  arrival: 'по дате поступления',
  plot: 'по номеру участка',
  name: 'по ФИО',
};

/** The date the person's first paper ballot arrived; undefined when nothing has. */
export function firstArrival(e: MailLogEntry): string | undefined {
  return e.items[0]?.receivedAt;
}

const byPlot = (a: MailLogEntry, b: MailLogEntry): number => {
  const pa = a.plots[0] ?? '';
  const pb = b.plots[0] ?? '';
  if (!pa !== !pb) return pa ? -1 : 1;
  return compareNatural(pa, pb);
};
const byName = (a: MailLogEntry, b: MailLogEntry): number => compareNatural(a.fullName, b.fullName);
const byArrival = (a: MailLogEntry, b: MailLogEntry): number => {
  const da = firstArrival(a);
  const db = firstArrival(b);
  if (!da !== !db) return da ? -1 : 1;
  return da === db ? 0 : da! < db! ? -1 : 1;
};

const ORDERS: Record<MailLogSort, ((a: MailLogEntry, b: MailLogEntry) => number)[]> = {
  arrival: [byArrival, byPlot, byName],
  plot: [byPlot, byName],
  name: [byName, byPlot],
};

/** A sorted copy of the entries. */
export function sortMailLog(entries: readonly MailLogEntry[], by: MailLogSort): MailLogEntry[] {
  const keys = ORDERS[by];
  return [...entries].sort((a, b) => {
    for (const k of keys) {
      const d = k(a, b);
      if (d !== 0) return d;
    }
    return 0;
  });
}
