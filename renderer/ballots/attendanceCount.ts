/**
 * The attendance count in words: on the session screen (with the quorum of those present), and on the
 * printed list, where a mixed or remote meeting's quorum is counted over every channel (paper, Gosuslugi,
 * in person), so the list does not pronounce on it.
 */
import type { MeetingForm } from '../../shared/domain/types';
import type { PresentCount } from '../../shared/paper/attendance';
import { shown } from './ResultsView';

function presentText(c: PresentCount): string {
  return (
    `Присутствуют: ${c.persons}` +
    (c.gardeners > 0 ? ` (членов ${c.members}, садоводов ${c.gardeners})` : '') +
    (c.byRepresentative > 0 ? `, из них по доверенности ${c.byRepresentative}` : '')
  );
}

export function countText(c: PresentCount): string {
  return `${presentText(c)}. Кворум ${c.quorum.reached ? 'есть' : 'не набран'}: ${shown(c.present, c.wholeVotes)} из ${shown(c.total, c.wholeVotes)}, ${c.quorum.text}.`;
}

export function printedCountText(c: PresentCount, form: MeetingForm): string {
  if (form === 'in_person') return countText(c);
  return `${presentText(c)}. Кворум собрания определяется по всем способам голосования (очно, бюллетенями, через Госуслуги) и указывается в протоколе.`;
}
