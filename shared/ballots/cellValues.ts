/**
 * Reading single cells of ballot files: marks, dates, channel, copy, delivery, void reasons, and the
 * question number a column header names. Each returns the value or null when the text is not one.
 */
import type { BallotCopy, Channel, Delivery, IsoDate, Mark, VoidReason } from '../domain/types';
import { questionNumberOfHeader } from '../gosuslugi/headerColumns';

/** Lower case, `ё` as `е`, single spaces, no surrounding punctuation. */
export function cellKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s.,;:!"'«»-]+|[\s.,;:!"'«»-]+$/g, '');
}

/** The table's own entry for a key (never an Object.prototype member such as `constructor`). */
function lookup<T>(table: Record<string, T>, key: string): T | null {
  return Object.hasOwn(table, key) ? table[key]! : null;
}

const MARKS: Record<string, Mark> = {
  '': 'none',
  за: 'for',
  против: 'against',
  воздержался: 'abstain',
  воздержалась: 'abstain',
  воздержались: 'abstain',
  несколько: 'several',
  'несколько отметок': 'several',
  'все зачеркнуты': 'all_crossed',
  'все зачеркнуто': 'all_crossed',
  'нет отметки': 'none',
  'не голосовал': 'none',
  'не голосовала': 'none',
};

/** `за`, `ЗА`, `Против`, `воздержался`, `несколько`, `все зачеркнуты`, empty (none marked). */
export function parseMarkCell(text: string): Mark | null {
  // Most cells are written exactly as a key (`за`): no need to normalise them.
  return lookup(MARKS, text) ?? lookup(MARKS, cellKey(text));
}

const DMY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const YMD = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** `08.06.2026`, `8.6.2026`, `2026-06-08`, with or without a time -> `2026-06-08`; null if not a real date. */
export function parseDateCell(text: string): IsoDate | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  const dmy = DMY.exec(t);
  const ymd = dmy ? null : YMD.exec(t);
  if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (ymd) [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const CHANNELS: Record<string, Channel> = {
  бумага: 'paper',
  бумажный: 'paper',
  'бумажный бюллетень': 'paper',
  paper: 'paper',
  очно: 'in_person',
  очный: 'in_person',
  'на собрании': 'in_person',
  in_person: 'in_person',
  госуслуги: 'gosuslugi',
  gosuslugi: 'gosuslugi',
};

/** `бумага`, `очно` (and `госуслуги`); empty is a paper ballot. */
export function parseChannelCell(text: string): Channel | null {
  const k = cellKey(text);
  return k === '' ? 'paper' : lookup(CHANNELS, k);
}

const COPIES: Record<string, BallotCopy> = {
  '': 'original',
  оригинал: 'original',
  подлинник: 'original',
  original: 'original',
  скан: 'scan',
  'скан-копия': 'scan',
  копия: 'scan',
  scan: 'scan',
};

/** `оригинал`, `скан`; empty is an original. */
export function parseCopyCell(text: string): BallotCopy | null {
  return lookup(COPIES, cellKey(text));
}

const DELIVERIES: Record<string, Delivery> = {
  почта: 'mail',
  почтой: 'mail',
  'заказное письмо': 'mail',
  лично: 'hand',
  нарочно: 'hand',
  email: 'email',
  'e-mail': 'email',
  'эл почта': 'email',
  'электронная почта': 'email',
  'на собрании': 'session',
  госуслуги: 'platform',
};

/** `почта`, `лично`, `email`, `на собрании`; undefined when empty. */
export function parseDeliveryCell(text: string): Delivery | undefined | null {
  const k = cellKey(text);
  return k === '' ? undefined : lookup(DELIVERIES, k);
}

const VOIDS: Record<string, VoidReason> = {
  'нет подписи': 'no_signature',
  'без подписи': 'no_signature',
  'нет реквизитов': 'no_details',
  'нет данных': 'no_details',
  'нет данных голосующего': 'no_details',
  карандаш: 'pencil',
  'простой карандаш': 'pencil',
  исправления: 'corrections',
  исправление: 'corrections',
  подчистки: 'corrections',
  'нет доверенности': 'no_power_of_attorney',
};

/**
 * `нет подписи`, `нет реквизитов`, `карандаш`, `исправления` (several separated by `,` or `;`);
 * empty: valid. Null when any part is not a known reason.
 */
export function parseVoidCell(text: string): VoidReason[] | null {
  const parts = text
    .split(/[,;]/)
    .map(cellKey)
    .filter((p) => p !== '');
  const reasons: VoidReason[] = [];
  for (const p of parts) {
    const r = lookup(VOIDS, p);
    if (!r) return null;
    if (!reasons.includes(r)) reasons.push(r);
  }
  return reasons;
}

/** The question number a column header starts with: `Вопрос 1`, `1.`, `№1`, `1. Об избрании…`, `2`. */
export function questionOfHeader(header: string): number | null {
  return questionNumberOfHeader(header)?.number ?? null;
}

/** Representative's power of attorney: its date when the text has one (`№ 54 от 20.05.2026`). */
export function powerOfAttorneyDate(text: string): IsoDate | undefined {
  const m = /(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})/.exec(text);
  return (m && parseDateCell(m[1]!)) || undefined;
}
