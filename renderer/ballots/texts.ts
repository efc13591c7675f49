/** Russian wording shared by the ballot screens. */
import type { Ballot, VoidReason } from '../../shared/domain/types';
import type { VersionKind } from '../../shared/paper/ballotRecord';
import { KEYMAP } from '../../shared/paper/entry/keymap';
import type { Problem } from '../../shared/result';
import { MARK_ABBREVIATION } from '../../shared/vocabulary';
import { dateRu } from '../../shared/meetings/dates';

function flagKey(reason: VoidReason): string {
  const command = `flag_${reason}`;
  return KEYMAP.find((b) => b.command === command)?.caption ?? '';
}

/** Whole-ballot problems with their key (from KEYMAP) and text. */
export const FLAG_TEXT: Record<VoidReason, { key: string; text: string }> = {
  no_signature: { key: flagKey('no_signature'), text: 'нет подписи' },
  no_details: { key: flagKey('no_details'), text: 'нет данных голосующего' },
  pencil: { key: flagKey('pencil'), text: 'простой карандаш' },
  corrections: { key: flagKey('corrections'), text: 'исправления, подчистки' },
  no_power_of_attorney: { key: flagKey('no_power_of_attorney'), text: 'представитель без доверенности' },
};

export const VERSION_TEXT: Record<VersionKind, string> = {
  logged: 'поступление отмечено',
  entered: 'введён',
  corrected: 'исправлен',
  withdrawn: 'отозван',
  restored: 'восстановлен',
  second_entry: 'повторный ввод',
  settled: 'сверен',
};

export const COPY_TEXT = { original: 'оригинал', scan: 'скан' } as const;

/** Problems as one line for a message. */
export function problemText(problems: readonly Problem[]): string {
  return problems.map((p) => p.message).join(' ');
}

/** A form's messages by the field they name (`''`: the form as a whole), several to a field joined. */
export function messagesByField(problems: readonly Problem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) out[p.field ?? ''] = [out[p.field ?? ''], p.message].filter(Boolean).join(' ');
  return out;
}

/** «1: за, 2: против, 3: —, …» of the given questions; «—» where the ballot has no entry (not voted on). */
export function marksLine(ballot: Ballot, questions: readonly number[]): string {
  return questions
    .map((n) => `${n}: ${ballot.marks[n] ? MARK_ABBREVIATION[ballot.marks[n]] : '—'}`)
    .join(', ');
}

/** «оригинал, получен 10.06.2026» */
export function arrivalLine(ballot: Ballot): string {
  return `${COPY_TEXT[ballot.copy]}, получен ${dateRu(ballot.receivedAt)}`;
}

/** Ballot details other than marks, as a difference is named. */
export const FIELD_TEXT = {
  voter: 'участник',
  channel: 'канал',
  copy: 'экземпляр',
  receivedAt: 'дата получения',
  delivery: 'способ получения',
  representative: 'представитель',
} as const;
