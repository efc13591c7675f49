/** The answers in a question column of the Gosuslugi results: За, Против, Воздержался, or blank. */
import type { Choice } from '../domain/types';

/** A participant's answer on one question; `none`: the cell is blank (nothing chosen). */
export type GosuslugiValue = Choice | 'none';

const VALUES: Record<string, GosuslugiValue> = {
  '': 'none',
  за: 'for',
  против: 'against',
  воздержался: 'abstain',
  воздержалась: 'abstain',
  воздержались: 'abstain',
  воздерж: 'abstain',
  'не голосовал': 'none',
  'не голосовала': 'none',
};

/** `За`, `ЗА`, `за`, `Против`, `Воздержался`, `Воздерж.`, `воздерж`, blank; null for anything else. */
export function parseGosuslugiValue(text: string): GosuslugiValue | null {
  const key = text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  return VALUES[key] ?? null;
}
