/** Words and short texts of the protocol's tables (the workbook writes them, its reader maps them back). */
import type { Channel, Person } from '../domain/types';
import type { ResultsJson } from '../results/buildResults';
import type { BallotOutcome } from '../tally/types';

/** A participant with no decision on a question: not in its electorate. */
export const NOT_VOTING_WORD = 'не голосует';

export const CHANNEL_ORDER: Channel[] = ['gosuslugi', 'paper', 'in_person'];
export const UNMATCHED_TEXT: Record<ResultsJson['unmatched'][number]['reason'], string> = {
  not_found: 'нет в реестре',
  ambiguous: 'в реестре подходят несколько человек',
  no_details: 'нет данных для сопоставления',
};
export const STATUS_OF_BALLOT: Record<BallotOutcome['status'], string> = {
  accepted: 'принят',
  rejected: 'не принят',
  unmatched: 'не сопоставлен',
  scan_merged: 'скан, учтён оригинал',
};
/** `12345678901` -> `***-***-789 01`. */
export function maskSnils(digits: string): string {
  return /^\d{11}$/.test(digits) ? `***-***-${digits.slice(6, 9)} ${digits.slice(9)}` : '***';
}

export function snilsText(digits: string | undefined, masked: boolean): string {
  if (!digits) return '';
  if (masked) return maskSnils(digits);
  return /^\d{11}$/.test(digits)
    ? `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)} ${digits.slice(9)}`
    : digits;
}

export function holdingsText(person: Person | undefined): string {
  return (person?.holdings ?? [])
    .map((h) => (h.share ? `${h.plotNumber} (${h.share})` : h.plotNumber))
    .join(', ');
}
