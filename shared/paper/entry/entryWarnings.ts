/**
 * What the desk warns about while a ballot is open, at the moment of entry rather than later on
 * «Сверка»: a ballot the count will not take for its date, a person who has already voted (Gosuslugi
 * or another ballot), an in-person ballot from someone not registered present.
 */
import type { EntryState } from './entryState';
import { shortDate } from '../../meetings/dates';

/** «голосует только по вопросу № 4», «голосует только по вопросам № 4, 5». */
export function onlyQuestionsText(numbers: readonly number[], enterable: readonly number[]): string {
  if (enterable.length === 0) return 'не голосует ни по одному вопросу повестки';
  const list = enterable.map((q) => numbers[q]).join(', ');
  return `голосует только ${enterable.length === 1 ? 'по вопросу' : 'по вопросам'} № ${list} (остальные пропускаются)`;
}

export function entryWarnings(s: EntryState): string[] {
  if (s.phase !== 'ballot') return [];
  const out: string[] = [];
  const { votingStart, votingEnd } = s.ctx.meeting;
  const got = s.fields.receivedAt;
  if (got > votingEnd) {
    out.push(`Не будет учтён: получен ${shortDate(got)}, голосование окончено ${shortDate(votingEnd)}.`);
  } else if (got < votingStart) {
    out.push(`Не будет учтён: получен ${shortDate(got)}, голосование началось ${shortDate(votingStart)}.`);
  }
  if (s.duplicateOf.length > 0 && !s.correcting) {
    out.push(`Уже голосовал: ${s.duplicateOf.map((d) => d.text).join('; ')}.`);
  }
  if (s.fields.channel === 'in_person' && s.ctx.present && !s.ctx.present.has(s.personIndex)) {
    out.push('Не зарегистрирован как присутствующий на очной части: отметьте прибытие в листе регистрации.');
  }
  return out;
}
